"""Pages of the document part: the quality module's entry page, the framework, the core document (project,
sections with their editor, versions, comments, feedback rounds, approval, completeness, export) and the
facilitation norms. Everyone of the partnership reads; the lead changes; a section's writer edits that section;
named reviewers comment; only the lead records the approval."""

from __future__ import annotations

import difflib
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenopleiden.core import access, markdown
from samenopleiden.core.access import Perm
from samenopleiden.core.errors import DomainError, StaleObjectError
from samenopleiden.core.views import form_page

from . import document_report, framework_data
from . import selectors_document as selectors
from . import services_document as services
from .forms_document import (
    ApprovalForm,
    CommentForm,
    DocumentForm,
    LogoForm,
    MinimumForm,
    NormForm,
    RoundForm,
    SectionAddForm,
    SectionForm,
    StartForm,
)
from .models import CoreSection, FacilitationNorm, MinimumItem

NAV = "quality"


def _page(ctx: Any, partnership: Any, **extra: Any) -> dict[str, Any]:
    return access.page_context(ctx, partnership, nav=NAV, **extra)


def _document_or_404(partnership: Any) -> Any:
    document = selectors.document_of(partnership)
    if document is None:
        raise Http404
    return document


def _doc_url(slug: str, anchor: str = "") -> str:
    return reverse("quality:document", args=[slug]) + (f"#{anchor}" if anchor else "")


def _fields(form: Any, data: dict[str, Any]) -> dict[str, Any]:
    return {name: data[name] for name in form.Meta.fields if name in data and name in form.fields}


def rendered(section: Any, live: dict[str, Any]) -> list[tuple[str, Any]]:
    """The section's text as pieces for the template: ("html", safe HTML) and ("block", LiveBlock)."""
    out = []
    for kind, value in selectors.split_body(section.body):
        if kind == "md":
            out.append(("html", markdown.to_html(value)))
        else:
            out.append(("block", live[value]))
    return out


# --- the module's entry page and the framework -------------------------------------------------------------------


def overview(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    document = selectors.document_of(partnership)
    summary = selectors.completeness(document) if document else None
    return render(
        request,
        "quality/document/overview.html",
        _page(
            ctx,
            partnership,
            document=document,
            summary=summary,
            statuses=selectors.status_counts(document) if document else {},
            approval=document.approvals.first() if document else None,
            due=partnership.next_peer_review_due,
        ),
    )


def framework(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    return render(
        request,
        "quality/document/framework.html",
        _page(
            ctx,
            partnership,
            safeguards=selectors.elements_by_safeguard(),
            minimum=MinimumItem.objects.order_by("order"),
            working_method=framework_data.WORKING_METHOD,
            writing_tips=framework_data.WRITING_TIPS,
            block_names=selectors.block_names(),
        ),
    )


# --- the document as a project -------------------------------------------------------------------------------------


def document(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    doc = selectors.document_of(partnership)
    if doc is None:
        return render(request, "quality/document/document_none.html", _page(ctx, partnership))
    sections = selectors.sections_of(doc)
    return render(
        request,
        "quality/document/document.html",
        _page(
            ctx,
            partnership,
            document=doc,
            safeguards=selectors.by_safeguard(sections),
            rounds=doc.rounds.prefetch_related("sections", "reviewers"),
            approvals=doc.approvals.select_related("body"),
            due=partnership.next_peer_review_due,
            today=timezone.localdate(),
        ),
    )


def document_start(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    if selectors.document_of(partnership) is not None:
        return redirect("quality:document", slug=slug)
    due = partnership.next_peer_review_due
    form = StartForm(request.POST or None, partnership=partnership, initial={"target_date": due})

    def save(data: dict) -> object:
        return services.document_start(partnership=partnership, actor=request.user, **data)

    return form_page(
        request,
        form=form,
        save=save,
        success_url=_doc_url(slug),
        success_message=_("Het kerndocument is gestart, met een sectie voor elk onderdeel van het kader."),
        context=_page(
            ctx,
            partnership,
            title=_("Kerndocument starten"),
            intro=_(
                "Het kerndocument wordt een project: een doel, een projectleider en een planning naar de peer "
                "review toe."
            ),
            cancel_url=reverse("quality:overview", args=[slug]),
        ),
    )


def document_edit(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    doc = _document_or_404(partnership)
    form = DocumentForm(request.POST or None, instance=doc, partnership=partnership)

    def save(data: dict) -> object:
        changes = _fields(form, data)
        group = changes.pop("writing_group", None)
        return services.document_update(
            document=doc,
            changes=changes,
            writing_group=list(group) if group is not None else None,
            expected_version=data.get("version"),
            actor=request.user,
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=_doc_url(slug),
        context=_page(ctx, partnership, title=_("Project kerndocument aanpassen"), cancel_url=_doc_url(slug)),
    )


def document_logo(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    doc = _document_or_404(partnership)
    form = LogoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and request.POST.get("remove"):
        services.document_set_logo(document=doc, content=None, actor=request.user)
        messages.success(request, _("Het logo is verwijderd."))
        return redirect(_doc_url(slug))

    def save(data: dict) -> object:
        upload = data["logo"]
        if upload.size > services.LOGO_MAX_BYTES:
            raise DomainError(_("Het logo is groter dan 2 MB. Kies een kleiner bestand."))
        return services.document_set_logo(document=doc, content=upload.read(), actor=request.user)

    return form_page(
        request,
        form=form,
        save=save,
        success_url=_doc_url(slug),
        success_message=_("Het logo is opgeslagen; het staat op de titelpagina van de export."),
        context=_page(
            ctx, partnership, title=_("Logo voor de export"), cancel_url=_doc_url(slug), has_logo=bool(doc.logo)
        ),
        template="quality/document/logo.html",
    )


def completeness(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    doc = _document_or_404(partnership)
    summary = selectors.completeness(doc)
    items = list(MinimumItem.objects.order_by("order"))
    form = MinimumForm(initial={"codes": doc.minimum_met}, items=items)
    return render(
        request, "quality/document/completeness.html", _page(ctx, partnership, document=doc, summary=summary, form=form)
    )


@require_POST
def document_minimum(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    doc = _document_or_404(partnership)
    form = MinimumForm(request.POST, items=list(MinimumItem.objects.order_by("order")))
    if form.is_valid():
        services.document_set_minimum(document=doc, codes=form.cleaned_data["codes"], actor=request.user)
        messages.success(request, _("De wijziging is opgeslagen."))
    else:
        messages.error(request, _("Kies alleen punten uit de lijst."))
    return redirect("quality:completeness", slug=slug)


def _export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    try:
        content = document_report.to_bytes(partnership, fmt, with_students=access.sees_student_totals(ctx, partnership))
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(
            _doc_url(slug) if selectors.document_of(partnership) else reverse("quality:overview", args=[slug])
        )
    types = {
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pdf": "application/pdf",
    }
    response = HttpResponse(content, content_type=types[fmt])
    name = slugify(f"kerndocument-{partnership.short_name or partnership.slug}") or "kerndocument"
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def export_docx(request: HttpRequest, slug: str) -> HttpResponse:
    return _export(request, slug, "docx")


def export_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    return _export(request, slug, "pdf")


# --- sections ----------------------------------------------------------------------------------------------------


def section_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    doc = _document_or_404(partnership)
    form = SectionAddForm(request.POST or None, partnership=partnership)

    def save(data: dict) -> object:
        return services.section_create(document=doc, actor=request.user, **data)

    return form_page(
        request,
        form=form,
        save=save,
        success_url=lambda section: reverse("quality:section_edit", args=[slug, section.pk]),
        success_message=_("De sectie is toegevoegd."),
        context=_page(ctx, partnership, title=_("Sectie toevoegen"), cancel_url=_doc_url(slug)),
    )


def section_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    section = access.core_section_for(ctx, partnership, pk)
    today = timezone.localdate()
    live = selectors.live_blocks(
        partnership,
        selectors.block_keys_in(section.body),
        today=today,
        with_students=access.sees_student_totals(ctx, partnership),
    )
    from samenopleiden.core.markdown import word_count

    return render(
        request,
        "quality/document/section.html",
        _page(
            ctx,
            partnership,
            section=section,
            pieces=rendered(section, live),
            words=word_count(section.body),
            threads=selectors.comments_of(section),
            versions=section.versions.select_related("saved_by")[:30],
            may_edit=access.may_edit_section(ctx, section),
            may_comment=access.may_comment_section(ctx, section),
            comment_form=CommentForm(),
            rounds=section.rounds.order_by("-deadline"),
        ),
    )


def section_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    section = access.core_section_for(ctx, partnership, pk, write=True)
    lead = ctx.can(Perm.CHANGE, partnership)
    form = SectionForm(request.POST or None, instance=section, partnership=partnership, lead=lead)
    back = reverse("quality:section", args=[slug, section.pk])
    context = _page(
        ctx,
        partnership,
        section=section,
        writing_tips=framework_data.WRITING_TIPS,
        block_names=selectors.block_names(),
        cancel_url=back,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        changes = _fields(form, data)
        changes["addressed"] = data.get("addressed", [])
        try:
            services.section_save(
                section=section, changes=changes, expected_version=data.get("version"), actor=request.user
            )
        except StaleObjectError:
            stored = CoreSection.objects.get(pk=section.pk)
            retry = SectionForm(
                initial={**{k: v for k, v in changes.items() if k != "writer"}, "version": stored.version},
                instance=stored,
                partnership=partnership,
                lead=lead,
            )
            retry.initial["body"] = changes.get("body", "")
            retry.fields["version"].initial = stored.version
            return render(
                request,
                "quality/document/conflict.html",
                {
                    **context,
                    "stored": stored,
                    "mine": changes.get("body", ""),
                    "form": retry,
                    "diff": _diff(stored.body, changes.get("body", "")),
                },
                status=409,
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("De sectie is opgeslagen."))
            return redirect(back)
    status = 400 if request.method == "POST" else 200
    return render(request, "quality/document/section_edit.html", {**context, "form": form}, status=status)


def _diff(old: str, new: str) -> list[tuple[str, str, str, str]]:
    """Side by side: (kind, left, right) rows; kind is "", "changed", "added" or "removed"."""
    left, right = (old or "").splitlines(), (new or "").splitlines()
    rows = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=left, b=right, autojunk=False).get_opcodes():
        if tag == "equal":
            rows += [("", a, b) for a, b in zip(left[i1:i2], right[j1:j2], strict=True)]
        else:
            a_part, b_part = left[i1:i2], right[j1:j2]
            kind = {"replace": "changed", "delete": "removed", "insert": "added"}[tag]
            for k in range(max(len(a_part), len(b_part))):
                rows.append((kind, a_part[k] if k < len(a_part) else "", b_part[k] if k < len(b_part) else ""))
    return rows


def section_versions(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    section = access.core_section_for(ctx, partnership, pk)
    versions = list(section.versions.select_related("saved_by"))
    by_number = {v.number: v for v in versions}

    def pick(name: str, default: Any) -> Any:
        try:
            return by_number.get(int(request.GET.get(name, "")), default)
        except ValueError:
            return default

    newest = versions[0] if versions else None
    older = versions[1] if len(versions) > 1 else newest
    left, right = pick("a", older), pick("b", newest)
    return render(
        request,
        "quality/document/versions.html",
        _page(
            ctx,
            partnership,
            section=section,
            versions=versions,
            left=left,
            right=right,
            rows=_diff(left.body if left else "", right.body if right else "") if left and right else [],
        ),
    )


@require_POST
def section_reopen(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    section = access.core_section_for(ctx, partnership, pk, write=True)
    services.section_reopen(section=section, actor=request.user)
    messages.success(request, _("De sectie is weer in bewerking."))
    return redirect("quality:section", slug=slug, pk=section.pk)


@require_POST
def comment_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    section = access.core_section_for(ctx, partnership, pk)
    if not access.may_comment_section(ctx, section):
        raise PermissionDenied
    form = CommentForm(request.POST)
    back = reverse("quality:section", args=[slug, section.pk]) + "#opmerkingen"
    if not form.is_valid():
        messages.error(request, _("Schrijf een opmerking van ten hoogste 5000 tekens."))
        return redirect(back)
    parent = None
    if form.cleaned_data.get("parent"):
        parent = access.core_comment_for(ctx, section, form.cleaned_data["parent"])
    try:
        services.comment_add(section=section, body=form.cleaned_data["body"], parent=parent, actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Uw opmerking is geplaatst."))
    return redirect(back)


@require_POST
def comment_resolve(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    section = access.core_section_for(ctx, partnership, pk)
    comment = access.core_comment_for(ctx, section, item_pk, resolve=True)
    try:
        services.comment_resolve(comment=comment, actor=request.user, resolved=request.POST.get("reopen") != "1")
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect(reverse("quality:section", args=[slug, section.pk]) + "#opmerkingen")


# --- feedback rounds and the approval ------------------------------------------------------------------------------


def round_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    doc = _document_or_404(partnership)
    own = [s for s in doc.sections.select_related("writer") if access.may_edit_section(ctx, s)]
    if not own:
        raise PermissionDenied
    form = RoundForm(request.POST or None, document=doc)
    if not ctx.can(Perm.CHANGE, partnership):  # a writer asks for feedback on their own sections
        form.fields["sections"].queryset = form.fields["sections"].queryset.filter(pk__in=[s.pk for s in own])
    section_pk = request.GET.get("sectie", "")
    if request.method == "GET" and section_pk.isdigit():
        form.initial["sections"] = [int(section_pk)]

    def save(data: dict) -> object:
        return services.round_create(
            document=doc,
            title=data["title"],
            deadline=data["deadline"],
            message=data["message"],
            sections=list(data["sections"]),
            reviewers=list(data["reviewers"]),
            actor=request.user,
            today=timezone.localdate(),
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=_doc_url(slug, "feedback"),
        success_message=_("De feedbackronde is uitgezet. De lezers kunnen nu opmerkingen plaatsen."),
        context=_page(ctx, partnership, title=_("Feedback vragen"), cancel_url=_doc_url(slug, "feedback")),
    )


def approval_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    doc = _document_or_404(partnership)
    today = timezone.localdate()
    form = ApprovalForm(request.POST or None, partnership=partnership, initial={"approved_on": today})

    def save(data: dict) -> object:
        return services.approval_record(document=doc, actor=request.user, today=today, **data)

    return form_page(
        request,
        form=form,
        save=save,
        success_url=_doc_url(slug, "vaststelling"),
        success_message=_("De vaststelling is vastgelegd; de secties met tekst zijn vastgesteld."),
        context=_page(
            ctx,
            partnership,
            title=_("Vaststelling door het bestuurlijk overleg vastleggen"),
            intro=_(
                "Alle secties met tekst worden vastgesteld in de versie van nu. Daarna kunnen er geen opmerkingen "
                "meer bij."
            ),
            cancel_url=_doc_url(slug),
        ),
    )


# --- facilitation norms ---------------------------------------------------------------------------------------------


def norms(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    can_change = ctx.can(Perm.CHANGE, partnership)
    form = NormForm(request.POST or None)
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.norm_save(partnership=partnership, actor=request.user, **form.cleaned_data)
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("De faciliteringsnorm is opgeslagen."))
                return redirect("quality:norms", slug=slug)
    return render(
        request,
        "quality/document/norms.html",
        _page(ctx, partnership, norms=partnership.facilitation_norms.all(), form=form),
        status=400 if request.method == "POST" else 200,
    )


@require_POST
def norm_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    norm = access.tenant_object_for(ctx, FacilitationNorm.objects.all(), pk, write=True, partnership=partnership)
    services.norm_delete(norm=norm, actor=request.user)
    messages.success(request, _("De faciliteringsnorm is verwijderd."))
    return redirect("quality:norms", slug=slug)


@require_POST
def section_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    section = access.core_section_for(ctx, partnership, pk, write=True)
    try:
        services.section_delete(section=section, actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("quality:section", slug=slug, pk=section.pk)
    messages.success(request, _("De sectie is verwijderd."))
    return redirect(_doc_url(slug, "secties"))
