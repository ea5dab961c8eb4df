"""Pages of the self-assessment of equal collaboration and of the library of good practices.

The lead opens a round and shares its secret link; respondents answer without an account (one response per browser,
kept in the Django session); the lead and readers see the results and export them. Good practices: a partnership
proposes, the platform administrator curates, everyone signed in reads the approved ones.
"""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenopleiden.core import access, documents, exports
from samenopleiden.core.access import Perm
from samenopleiden.core.errors import DomainError
from samenopleiden.core.views import form_page

from . import assessment_report
from . import selectors_assessment as selectors
from . import services_assessment as services
from .forms_assessment import PracticeFilterForm, PracticeForm, ResponseForm, ReviewForm, RoundForm
from .models import AssessmentResponse, Dilemma, GoodPractice

SESSION_KEY = "conversations_assessment"  # round pk -> the key of this browser's response


# --- the lead and readers: rounds and results ---------------------------------------------------------------------


def assessment_rounds(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    rounds = list(selectors.rounds_with_counts(access.assessment_rounds_visible(ctx, partnership)))
    today = timezone.localdate()
    return render(
        request,
        "conversations/assessment/rounds.html",
        access.page_context(
            ctx,
            partnership,
            nav="conversations",
            rounds=[(r, r.is_open_on(today)) for r in rounds],
        ),
    )


def assessment_round_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    today = timezone.localdate()
    form = RoundForm(
        request.POST or None,
        partnership=partnership,
        initial={"opened_on": today, "title": _("Zelfevaluatie %(year)s") % {"year": today.year}},
    )

    def save(data: dict) -> object:
        return services.round_create(
            partnership=partnership,
            title=data["title"],
            opened_on=data["opened_on"],
            closes_on=data["closes_on"],
            session=data["session"],
            actor=request.user,
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=lambda r: reverse("conversations:assessment_round_detail", args=[slug, r.pk]),
        success_message=_("De ronde is geopend. Deel de link hieronder met de deelnemers."),
        context=access.page_context(
            ctx,
            partnership,
            nav="conversations",
            title=_("Zelfevaluatie openen"),
            intro=_(
                "Iedereen met de link kan anoniem meedoen, zonder account. U ziet alleen gemiddelden, en nooit een "
                "perspectief met minder dan drie antwoorden."
            ),
            cancel_url=reverse("conversations:assessment_rounds", args=[slug]),
        ),
    )


def assessment_round_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    found = access.assessment_round_for(ctx, partnership, pk, write=True)
    form = RoundForm(request.POST or None, instance=found, partnership=partnership)
    back = reverse("conversations:assessment_round_detail", args=[slug, found.pk])

    def save(data: dict) -> object:
        changes = {name: data[name] for name in ("title", "opened_on", "closes_on", "session")}
        return services.round_update(
            round=found, changes=changes, expected_version=data.get("version"), actor=request.user
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        context=access.page_context(
            ctx,
            partnership,
            nav="conversations",
            title=_("Ronde bewerken: %(title)s") % {"title": found.title},
            cancel_url=back,
        ),
    )


@require_POST
def assessment_round_status(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """POST `action`: close, reopen, or new_link (a new secret link; the old one stops working)."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    found = access.assessment_round_for(ctx, partnership, pk, write=True)
    action = request.POST.get("action")
    today = timezone.localdate()
    done = {
        "close": _("De ronde is gesloten: de link werkt niet meer."),
        "reopen": _("De ronde is weer open."),
        "new_link": _("Er is een nieuwe link gemaakt; de oude werkt niet meer."),
    }
    try:
        if action == "close":
            services.round_close(round=found, today=today, actor=request.user)
        elif action == "reopen":
            services.round_reopen(round=found, today=today, actor=request.user)
        elif action == "new_link":
            services.round_new_link(round=found, actor=request.user)
        else:
            raise DomainError(_("Onbekende opdracht."))
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done[action])
    return redirect("conversations:assessment_round_detail", slug=slug, pk=found.pk)


def assessment_round_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    found = access.assessment_round_for(ctx, partnership, pk)
    results = selectors.results(found)
    can_change = ctx.can(Perm.CHANGE, partnership)
    link = request.build_absolute_uri(reverse("conversations:assessment_respond", args=[found.token]))
    return render(
        request,
        "conversations/assessment/round_detail.html",
        access.page_context(
            ctx,
            partnership,
            nav="conversations",
            round=found,
            is_open=found.is_open_on(timezone.localdate()),
            link=link if can_change else "",
            view=assessment_report.build(results),
        ),
    )


def _export_name(found) -> str:
    return f"zelfevaluatie-{slugify(found.partnership.short_name or found.partnership.name)}-{found.opened_on:%Y%m%d}"


def assessment_round_xlsx(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    found = access.assessment_round_for(ctx, partnership, pk)
    view = assessment_report.build(selectors.results(found))
    return exports.spreadsheet(assessment_report.sheets(view), _export_name(found), kind="xlsx")


def _document(request: HttpRequest, slug: str, pk: int, kind: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    found = access.assessment_round_for(ctx, partnership, pk)
    document = assessment_report.document(assessment_report.build(selectors.results(found)))
    if kind == "pdf":
        response = HttpResponse(documents.to_pdf(document), content_type="application/pdf")
    else:
        response = HttpResponse(
            documents.to_docx(document),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    response["Content-Disposition"] = f'attachment; filename="{_export_name(found)}.{kind}"'
    response["Cache-Control"] = "no-store"
    return response


def assessment_round_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _document(request, slug, pk, "pdf")


def assessment_round_docx(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _document(request, slug, pk, "docx")


# --- respondents (no account: the round's secret link) ---------------------------------------------------------


def _refused(request: HttpRequest, found, problem: str) -> HttpResponse:
    texts = {
        "unknown": (
            _("Deze link werkt niet"),
            _("Controleer of u de hele link hebt overgenomen, of vraag de programmaleider om de juiste link."),
            404,
        ),
        "not_yet": (
            _("Deze zelfevaluatie is nog niet open"),
            _("U kunt meedoen vanaf %(day)s.") % {"day": found.opened_on.strftime("%d-%m-%Y")} if found else "",
            403,
        ),
        "closed": (
            _("Deze zelfevaluatie is gesloten"),
            _("Er kunnen geen antwoorden meer worden gegeven. Dank voor uw belangstelling."),
            410,
        ),
    }
    title, text, status = texts[problem]
    return render(
        request, "conversations/assessment/respond_refused.html", {"title": title, "text": text}, status=status
    )


def _browser_key(request: HttpRequest, found) -> str:
    """This browser's key for the round, made (and kept in the session) on the first visit: every tab of the
    browser saves under the same key, so it is one response however many tabs are open."""
    store = dict(request.session.get(SESSION_KEY, {}))
    key = store.get(str(found.pk))
    if not key:
        key = store[str(found.pk)] = secrets.token_urlsafe(32)
        request.session[SESSION_KEY] = store
    return key


def _own_response(request: HttpRequest, found) -> AssessmentResponse | None:
    key = request.session.get(SESSION_KEY, {}).get(str(found.pk))
    if not key:
        return None
    return (
        AssessmentResponse.objects.filter(round=found, key=key)
        .prefetch_related("statement_answers", "barrier_answers", "dilemma_answers")
        .first()
    )


def assessment_respond(request: HttpRequest, token: str) -> HttpResponse:
    today = timezone.localdate()
    found, problem = access.assessment_round_for_respondent(token, today=today)
    if problem:
        return _refused(request, found, problem)
    content = selectors.content()
    key = _browser_key(request, found)
    own = _own_response(request, found)
    if request.method == "POST":
        form = ResponseForm(request.POST, content=content)
        if form.is_valid():
            try:
                services.response_save(round=found, key=key, **form.answers(), today=today)
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                return redirect("conversations:assessment_thanks", token=token)
    else:
        form = ResponseForm(initial=ResponseForm.initial_from(own) if own else None, content=content)
    return render(
        request,
        "conversations/assessment/respond.html",
        {"round": found, "form": form, "editing": own is not None},
        status=400 if request.method == "POST" else 200,
    )


def assessment_thanks(request: HttpRequest, token: str) -> HttpResponse:
    found, problem = access.assessment_round_for_respondent(token, today=timezone.localdate())
    if found is None:
        return _refused(request, found, "unknown")
    if _own_response(request, found) is None:
        return redirect("conversations:assessment_respond", token=token)
    return render(request, "conversations/assessment/respond_thanks.html", {"round": found, "is_open": not problem})


# --- good practices ------------------------------------------------------------------------------------------------


def practices(request: HttpRequest) -> HttpResponse:
    """The platform's library: approved practices for everyone signed in, filterable by dilemma; the user's own
    proposals that are not (yet) approved."""
    ctx = request.ctx  # type: ignore[attr-defined]
    if not ctx.is_authenticated:
        return redirect_to_login(request.get_full_path())
    dilemmas = list(Dilemma.objects.all())
    form = PracticeFilterForm(request.GET or None, dilemmas=dilemmas)
    chosen = form.cleaned_data.get("dilemma") if form.is_valid() else ""
    rows = access.practices_visible(ctx).select_related("partnership", "dilemma")
    if chosen:
        rows = rows.filter(dilemma_id=int(chosen))
    return render(
        request,
        "conversations/assessment/practices.html",
        {
            "form": form,
            "practices": list(rows[:200]),
            "own": list(access.own_practice_proposals(ctx).select_related("partnership", "dilemma")),
            "pending_count": GoodPractice.objects.filter(status=GoodPractice.Status.PROPOSED).count()
            if ctx.is_admin
            else 0,
        },
    )


def practices_partnership(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    rows = access.partnership_practices(ctx, partnership).select_related("dilemma")
    return render(
        request,
        "conversations/assessment/practices_partnership.html",
        access.page_context(ctx, partnership, nav="conversations", practices=list(rows)),
    )


def practice_propose(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    form = PracticeForm(request.POST or None)

    def save(data: dict) -> object:
        return services.practice_propose(
            partnership=partnership,
            dilemma=data["dilemma"],
            title=data["title"],
            what_we_did=data["what_we_did"],
            contact=data["contact"],
            actor=request.user,
        )

    back = reverse("conversations:practices_partnership", args=[slug])
    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        success_message=_("Dank u. De platformbeheerder bekijkt het voorbeeld voordat het voor iedereen zichtbaar is."),
        context=access.page_context(
            ctx,
            partnership,
            nav="conversations",
            title=_("Goed voorbeeld voorstellen"),
            intro=_("Beschrijf wat uw partnerschap deed met een van de zes dilemma's, zodat anderen ervan leren."),
            cancel_url=back,
        ),
    )


def practice_review_list(request: HttpRequest) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    if not ctx.is_admin:
        raise Http404
    rows = GoodPractice.objects.filter(status=GoodPractice.Status.PROPOSED).select_related("partnership", "dilemma")
    return render(request, "conversations/assessment/practice_review_list.html", {"practices": list(rows)})


def practice_review(request: HttpRequest, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    practice = access.practice_for_review(ctx, pk)
    form = ReviewForm(request.POST or None)

    def save(data: dict) -> object:
        return services.practice_review(
            practice=practice, approve=data["decision"] == "approve", note=data["review_note"], actor=request.user
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=reverse("conversations:practice_review_list"),
        template="conversations/assessment/practice_review.html",
        context={"practice": practice, "title": _("Voorbeeld beoordelen: %(title)s") % {"title": practice.title}},
    )
