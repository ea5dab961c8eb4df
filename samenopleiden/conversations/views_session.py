"""Pages of the session part: the module's overview, conversation guides (the platform's and the partnership's
own copies), sessions with their participants and preparation, the facilitator's view and the shared screen during
a session, and the report afterwards.

Who may: see `core/access.py`, section "conversations sessions". The lead creates and runs sessions and adapts own
guides; readers read sessions and reports; educators read the sessions they take part in.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenopleiden.core import access, documents
from samenopleiden.core.access import Perm
from samenopleiden.core.errors import DomainError
from samenopleiden.core.views import form_page
from samenopleiden.students import schoolyear

from . import selectors_session as selectors
from . import services_session as services
from . import session_report
from .forms_session import (
    DATA_KEY_LABELS,
    ActionForm,
    ChecklistItemForm,
    DecisionForm,
    GuideForm,
    NoteForm,
    ParticipantForm,
    QuestionForm,
    SessionForm,
    ThemeForm,
)
from .models import ChecklistItem, Decision, GuideQuestion, GuideTheme, Participant, Session

NAV = "conversations"


def _ctx(request: HttpRequest):
    return request.ctx  # type: ignore[attr-defined]


# --- the module's overview ------------------------------------------------------------------------------------


def overview(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    sessions = selectors.sessions_with_counts(access.sessions_visible(ctx, partnership))
    today = timezone.localdate()
    guides = selectors.guides_with_counts(access.guides_visible(ctx, partnership))
    return render(
        request,
        "conversations/session/overview.html",
        access.page_context(
            ctx,
            partnership,
            nav=NAV,
            upcoming=[s for s in sessions if s.status != Session.Status.DONE],
            held=[s for s in sessions if s.status == Session.Status.DONE],
            platform_guides=[g for g in guides if g.partnership_id is None],
            own_guides=[g for g in guides if g.partnership_id is not None],
            today=today,
        ),
    )


# --- guides ---------------------------------------------------------------------------------------------------


def guide_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    guide = selectors.guide_with_content(access.guide_for(ctx, partnership, pk))
    own = guide.partnership_id == partnership.pk
    return render(
        request,
        "conversations/session/guide_detail.html",
        access.page_context(
            ctx,
            partnership,
            nav=NAV,
            guide=guide,
            own=own,
            data_labels=DATA_KEY_LABELS,
            sessions=access.sessions_visible(ctx, partnership).filter(guide=guide).order_by("-date", "-pk")[:20],
        ),
    )


@require_POST
def guide_copy(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    guide = access.guide_for(ctx, partnership, pk)
    copy = services.guide_copy(guide=guide, partnership=partnership, actor=request.user)
    messages.success(request, _("Er is een eigen versie van de leidraad gemaakt. Pas hem hier aan."))
    return redirect("conversations:guide_detail", slug=slug, pk=copy.pk)


def guide_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    guide = access.guide_for(ctx, partnership, pk, write=True)
    form = GuideForm(request.POST or None, instance=guide)
    back = reverse("conversations:guide_detail", args=[slug, guide.pk])

    def save(data: dict) -> object:
        changes = {name: data[name] for name in ("title", "purpose", "source")}
        return services.guide_update(
            guide=guide, changes=changes, expected_version=data.get("version"), actor=request.user
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        context=access.page_context(ctx, partnership, nav=NAV, title=_("Leidraad bewerken"), cancel_url=back),
    )


@require_POST
def guide_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    guide = access.guide_for(ctx, partnership, pk, write=True)
    try:
        services.guide_delete(guide=guide, actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("conversations:guide_detail", slug=slug, pk=guide.pk)
    messages.success(request, _("De leidraad is verwijderd."))
    return redirect("conversations:overview", slug=slug)


def _guide_row_page(request: HttpRequest, slug: str, *, guide: Any, row: Any, form_class: Any, title: str):
    ctx = _ctx(request)
    partnership = guide.partnership
    stored_position = row.position if row.pk else 0  # the form changes the instance while it validates
    form = form_class(request.POST or None, instance=row)
    back = reverse("conversations:guide_detail", args=[slug, guide.pk])

    def save(data: dict) -> object:
        values = {name: data[name] for name in form_class.Meta.fields}
        values["position"] = values.get("position") or stored_position
        return services.guide_row_save(guide=guide, row=row, data=values, actor=request.user)

    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        context=access.page_context(ctx, partnership, nav=NAV, title=title, cancel_url=back),
    )


def _own_guide(request: HttpRequest, slug: str, pk: int):
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    return ctx, partnership, access.guide_for(ctx, partnership, pk, write=True)


def theme_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    _c, _p, guide = _own_guide(request, slug, pk)
    return _guide_row_page(
        request, slug, guide=guide, row=GuideTheme(guide=guide), form_class=ThemeForm, title=_("Thema toevoegen")
    )


def theme_edit(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx, partnership, guide = _own_guide(request, slug, pk)
    theme = access.guide_row_for(ctx, partnership, guide, GuideTheme.objects.filter(guide=guide), item_pk)
    return _guide_row_page(request, slug, guide=guide, row=theme, form_class=ThemeForm, title=_("Thema bewerken"))


def question_add(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx, partnership, guide = _own_guide(request, slug, pk)
    theme = access.guide_row_for(ctx, partnership, guide, GuideTheme.objects.filter(guide=guide), item_pk)
    return _guide_row_page(
        request,
        slug,
        guide=guide,
        row=GuideQuestion(theme=theme),
        form_class=QuestionForm,
        title=_("Vraag toevoegen bij %(theme)s") % {"theme": theme.title},
    )


def question_edit(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx, partnership, guide = _own_guide(request, slug, pk)
    question = access.guide_row_for(ctx, partnership, guide, GuideQuestion.objects.filter(theme__guide=guide), item_pk)
    return _guide_row_page(request, slug, guide=guide, row=question, form_class=QuestionForm, title=_("Vraag bewerken"))


def item_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    _c, _p, guide = _own_guide(request, slug, pk)
    return _guide_row_page(
        request,
        slug,
        guide=guide,
        row=ChecklistItem(guide=guide),
        form_class=ChecklistItemForm,
        title=_("Voorbereidingsstap toevoegen"),
    )


def item_edit(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx, partnership, guide = _own_guide(request, slug, pk)
    item = access.guide_row_for(ctx, partnership, guide, ChecklistItem.objects.filter(guide=guide), item_pk)
    return _guide_row_page(
        request, slug, guide=guide, row=item, form_class=ChecklistItemForm, title=_("Voorbereidingsstap bewerken")
    )


def _guide_row_delete(request: HttpRequest, slug: str, pk: int, item_pk: int, queryset_of) -> HttpResponse:
    ctx, partnership, guide = _own_guide(request, slug, pk)
    row = access.guide_row_for(ctx, partnership, guide, queryset_of(guide), item_pk)
    try:
        services.guide_row_delete(guide=guide, row=row, actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Verwijderd."))
    return redirect("conversations:guide_detail", slug=slug, pk=guide.pk)


@require_POST
def theme_delete(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    return _guide_row_delete(request, slug, pk, item_pk, lambda g: GuideTheme.objects.filter(guide=g))


@require_POST
def question_delete(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    return _guide_row_delete(request, slug, pk, item_pk, lambda g: GuideQuestion.objects.filter(theme__guide=g))


@require_POST
def item_delete(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    return _guide_row_delete(request, slug, pk, item_pk, lambda g: ChecklistItem.objects.filter(guide=g))


# --- sessions -------------------------------------------------------------------------------------------------


def session_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    guides = access.guides_visible(ctx, partnership).order_by("partnership_id", "title")
    initial: dict[str, Any] = {"facilitator": request.user.pk}
    wanted = request.GET.get("leidraad", "")
    if wanted.isdigit() and guides.filter(pk=wanted).exists():
        initial["guide"] = int(wanted)
    form = SessionForm(request.POST or None, partnership=partnership, guides=guides, initial=initial)

    def save(data: dict) -> object:
        return services.session_create(
            partnership=partnership,
            guide=data["guide"],
            title=data["title"],
            date=data["date"],
            facilitator=data["facilitator"],
            facilitator_name=data["facilitator_name"],
            place=data["place"],
            summary=data["summary"],
            actor=request.user,
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=lambda s: reverse("conversations:session_detail", args=[slug, s.pk]),
        success_message=_("Het gesprek is gepland. Voeg de deelnemers toe en bereid het voor."),
        context=access.page_context(
            ctx,
            partnership,
            nav=NAV,
            title=_("Gesprek plannen"),
            intro=_(
                "Kies een leidraad. Voer het gesprek geregeld, het liefst met een onafhankelijke gespreksleider: "
                "vul dan de naam in als die geen account heeft."
            ),
            cancel_url=reverse("conversations:overview", args=[slug]),
        ),
    )


def session_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    session = access.session_for(ctx, partnership, pk, write=True)
    guides = access.guides_visible(ctx, partnership)
    form = SessionForm(request.POST or None, instance=session, partnership=partnership, guides=guides)
    back = reverse("conversations:session_detail", args=[slug, session.pk])

    def save(data: dict) -> object:
        changes = {n: data[n] for n in ("title", "date", "place", "facilitator", "facilitator_name", "summary")}
        changes["title"] = changes["title"].strip() or session.title
        return services.session_update(
            session=session, changes=changes, expected_version=data.get("version"), actor=request.user
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        context=access.page_context(ctx, partnership, nav=NAV, title=_("Gesprek bewerken"), cancel_url=back),
    )


def _detail(request: HttpRequest, session: Session, *, participant_form=None, decision_form=None, status=200):
    ctx = _ctx(request)
    partnership = session.partnership
    view = selectors.session_view(session)
    can_run = ctx.can(Perm.CHANGE, partnership)
    return render(
        request,
        "conversations/session/session_detail.html",
        access.page_context(
            ctx,
            partnership,
            nav=NAV,
            session=session,
            view=view,
            checklist_total=session.guide.checklist.count(),
            participant_form=participant_form or (ParticipantForm(partnership=partnership) if can_run else None),
            decision_form=decision_form or (DecisionForm() if can_run else None),
            earlier=selectors.earlier_sessions(session),
            today=timezone.localdate(),
        ),
        status=status,
    )


def session_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    return _detail(request, access.session_for(ctx, partnership, pk))


@require_POST
def session_status(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """POST `status`: bezig (start), afgerond (finish) or gepland (back to planned)."""
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    session = access.session_for(ctx, partnership, pk, write=True)
    status = request.POST.get("status", "")
    try:
        services.session_set_status(session=session, status=status, actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("conversations:session_detail", slug=slug, pk=session.pk)
    if status == Session.Status.RUNNING:
        return redirect("conversations:session_run", slug=slug, pk=session.pk)
    messages.success(request, _("De status van het gesprek is bijgewerkt."))
    return redirect("conversations:session_detail", slug=slug, pk=session.pk)


@require_POST
def participant_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    session = access.session_for(ctx, partnership, pk, write=True)
    form = ParticipantForm(request.POST, partnership=partnership)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.participant_add(
                session=session,
                name=data["name"],
                person=data["person"],
                perspective=data["perspective"],
                level=data["level"],
                actor=request.user,
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("De deelnemer is toegevoegd."))
            return redirect(reverse("conversations:session_detail", args=[slug, session.pk]) + "#deelnemers")
    return _detail(request, session, participant_form=form, status=400)


@require_POST
def participant_remove(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    session = access.session_for(ctx, partnership, pk, write=True)
    participant = access.session_row_for(ctx, session, Participant.objects.all(), item_pk)
    services.participant_remove(participant=participant, actor=request.user)
    messages.success(request, _("De deelnemer is verwijderd."))
    return redirect(reverse("conversations:session_detail", args=[slug, session.pk]) + "#deelnemers")


def session_prepare(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The preparation checklist with the platform's figures; POST `item` (the ticked steps)."""
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    access.require(ctx, Perm.VIEW_ALL, partnership)  # educators who take part do not see the preparation
    session = access.session_for(ctx, partnership, pk, write=request.method == "POST")
    if request.method == "POST":
        ticked = {int(v) for v in request.POST.getlist("item") if v.isdigit()}
        count = services.preparation_set(session=session, ticked=ticked, actor=request.user)
        messages.success(request, _("De voorbereiding is opgeslagen: %(count)s stappen afgevinkt.") % {"count": count})
        return redirect("conversations:session_prepare", slug=slug, pk=session.pk)
    year = schoolyear.current(session.date or timezone.localdate())
    figures = selectors.figures(partnership, year, with_students=access.sees_student_totals(ctx, partnership))
    ticked = set(session.ticks.values_list("item_id", flat=True))
    steps = [
        (item, item.pk in ticked, figures.get(item.data_key) if item.data_key else None)
        for item in session.guide.checklist.all()
    ]
    return render(
        request,
        "conversations/session/prepare.html",
        access.page_context(ctx, partnership, nav=NAV, session=session, steps=steps, school_year=year),
    )


# --- during the session: the facilitator's view and the shared screen ----------------------------------------


def _run_page(request: HttpRequest, session: Session, wanted: Any, *, forms: dict | None = None, status: int = 200):
    ctx = _ctx(request)
    partnership = session.partnership
    pos = selectors.position(session, wanted)
    record = selectors.question_records(session, pos.question) if pos.question else None
    forms = forms or {}
    return render(
        request,
        "conversations/session/run.html",
        access.page_context(
            ctx,
            partnership,
            nav=NAV,
            session=session,
            pos=pos,
            record=record,
            is_current=pos.question is not None and pos.question.pk == session.current_question_id,
            note_form=forms.get("note") or NoteForm(initial={"text": record.note if record else ""}),
            decision_form=forms.get("decision") or DecisionForm(),
            action_form=forms.get("action") or ActionForm(partnership=partnership),
            today=timezone.localdate(),
            all_questions=selectors.questions(session.guide),
            answered=set(session.notes.exclude(text="").values_list("question_id", flat=True)),
        ),
        status=status,
    )


def session_run(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The facilitator steps through the questions (`?vraag=<pk>`; without it the current question)."""
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    session = access.session_for(ctx, partnership, pk, write=True)
    return _run_page(request, session, request.GET.get("vraag"))


def _run_url(session: Session, question: Any) -> str:
    url = reverse("conversations:session_run", args=[session.partnership.slug, session.pk])
    return f"{url}?vraag={question.pk}" if question else url


def _posted_question(session: Session, value: Any, *, required: bool = True) -> GuideQuestion | None:
    if value in (None, "") and not required:
        return None
    pos = selectors.position(session, value)
    if pos.question is None or str(pos.question.pk) != str(value):
        raise DomainError(_("Deze vraag hoort niet bij de leidraad van dit gesprek."))
    return pos.question


@require_POST
def session_move(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """POST `vraag`: the question the facilitator goes to (the shared screen follows)."""
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    session = access.session_for(ctx, partnership, pk, write=True)
    try:
        question = _posted_question(session, request.POST.get("vraag"))
        services.session_move(session=session, question=question, actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("conversations:session_run", slug=slug, pk=session.pk)
    return redirect(_run_url(session, question))


@require_POST
def note_save(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    session = access.session_for(ctx, partnership, pk, write=True)
    form = NoteForm(request.POST)
    try:
        question = _posted_question(session, request.POST.get("vraag"))
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("conversations:session_run", slug=slug, pk=session.pk)
    if form.is_valid():
        try:
            services.note_save(session=session, question=question, text=form.cleaned_data["text"], actor=request.user)
        except DomainError as exc:
            form.add_error("text", exc.message)
        else:
            messages.success(request, _("De aantekeningen zijn opgeslagen."))
            return redirect(_run_url(session, question))
    return _run_page(request, session, question.pk, forms={"note": form}, status=400)


@require_POST
def decision_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """POST `text` and optionally `vraag` (without it: a decision of the session as a whole, from its page)."""
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    session = access.session_for(ctx, partnership, pk, write=True)
    form = DecisionForm(request.POST)
    try:
        question = _posted_question(session, request.POST.get("vraag"), required=False)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("conversations:session_detail", slug=slug, pk=session.pk)
    if form.is_valid():
        try:
            services.decision_add(
                session=session, question=question, text=form.cleaned_data["text"], actor=request.user
            )
        except DomainError as exc:
            form.add_error("text", exc.message)
        else:
            messages.success(request, _("Het besluit is vastgelegd."))
            if question is None:
                return redirect(reverse("conversations:session_detail", args=[slug, session.pk]) + "#besluiten")
            return redirect(_run_url(session, question))
    if question is None:
        return _detail(request, session, decision_form=form, status=400)
    return _run_page(request, session, question.pk, forms={"decision": form}, status=400)


@require_POST
def decision_delete(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    session = access.session_for(ctx, partnership, pk, write=True)
    decision = access.session_row_for(ctx, session, Decision.objects.all(), item_pk)
    question = decision.question
    services.decision_delete(decision=decision, actor=request.user)
    messages.success(request, _("Het besluit is verwijderd."))
    if request.POST.get("terug") == "leiden" and question is not None:
        return redirect(_run_url(session, question))
    return redirect(reverse("conversations:session_detail", args=[slug, session.pk]) + "#besluiten")


@require_POST
def action_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """POST `title`, `owner`, `deadline` and `vraag`: the action lands on the partnership's action list."""
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    session = access.session_for(ctx, partnership, pk, write=True)
    form = ActionForm(request.POST, partnership=partnership)
    try:
        question = _posted_question(session, request.POST.get("vraag"))
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("conversations:session_run", slug=slug, pk=session.pk)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.session_action_add(
                session=session,
                question=question,
                title=data["title"],
                owner=data["owner"],
                deadline=data["deadline"],
                today=timezone.localdate(),
                actor=request.user,
            )
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("De actie staat op de actielijst van het partnerschap."))
            return redirect(_run_url(session, question))
    return _run_page(request, session, question.pk, forms={"action": form}, status=400)


def _screen_context(request: HttpRequest, slug: str, pk: int) -> dict[str, Any]:
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    session = access.session_for(ctx, partnership, pk)
    pos = selectors.position(session)
    return {"partnership": partnership, "session": session, "pos": pos}


def session_screen(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The shared screen: only the current question, in big type; it follows the facilitator (polling)."""
    return render(request, "conversations/session/screen.html", _screen_context(request, slug, pk))


def session_screen_question(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The shared screen's question, for the poll."""
    response = render(request, "conversations/session/_screen_question.html", _screen_context(request, slug, pk))
    response["Cache-Control"] = "no-store"
    return response


# --- after: the report ----------------------------------------------------------------------------------------


def _report(request: HttpRequest, slug: str, pk: int, kind: str) -> HttpResponse:
    ctx = _ctx(request)
    partnership = access.partnership_for(ctx, slug)
    session = access.session_for(ctx, partnership, pk)
    document = session_report.document(selectors.session_view(session))
    name = (
        f"gesprek-{slugify(session.title)[:60]}-{session.date:%Y%m%d}"
        if session.date
        else (f"gesprek-{slugify(session.title)[:60]}")
    )
    if kind == "pdf":
        response = HttpResponse(documents.to_pdf(document), content_type="application/pdf")
    else:
        response = HttpResponse(
            documents.to_docx(document),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    response["Cache-Control"] = "no-store"
    return response


def session_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _report(request, slug, pk, "pdf")


def session_docx(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _report(request, slug, pk, "docx")
