"""Pages of the quality cycle: goals with measurements, the quality calendar, annual plans per cluster, the student
survey (builder, anonymous links per cluster, results), peer review and partner-school certification.

Readers and the lead read, the lead changes; a cluster's teacher educators write their own cluster's annual plans
and read their own cluster's survey results. Students answer the survey without an account.
"""

from __future__ import annotations

import secrets
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

from samenopleiden.core import access, documents, exports
from samenopleiden.core.access import Perm
from samenopleiden.core.errors import DomainError
from samenopleiden.core.views import form_page
from samenopleiden.students import schoolyear

from . import selectors_cycle as selectors
from . import services_cycle as services
from .forms_cycle import (
    CertificationCreateForm,
    CertificationForm,
    CriterionForm,
    EndEvaluationForm,
    EventForm,
    GoalForm,
    MeasurementForm,
    MidEvaluationForm,
    PanelistForm,
    PlanCreateForm,
    PlanForm,
    PlanLeadForm,
    QuestionForm,
    RecommendationForm,
    ResponseForm,
    ReviewForm,
    SurveyForm,
    fields_of,
)
from .models import (
    CalendarEvent,
    CertificationCriterion,
    GoalMeasurement,
    Panelist,
    PeerReview,
    QualityGoal,
    SafeguardKey,
    SchoolCertification,
    SurveyLink,
    SurveyQuestion,
    SurveyResponse,
)

NAV = "quality"
SESSION_KEY = "quality_survey"  # survey pk -> the key of this browser's response


def _page(ctx: Any, partnership: Any, **extra: Any) -> dict[str, Any]:
    return access.page_context(ctx, partnership, nav=NAV, safeguards=SafeguardKey.choices, **extra)


def _form(request: HttpRequest, ctx: Any, partnership: Any, *, form: Any, save: Any, back: str, title: str, **kw: Any):
    success = kw.pop("success_url", back)
    message = kw.pop("success_message", None)
    template = kw.pop("template", "core/form_page.html")
    return form_page(
        request,
        form=form,
        save=save,
        success_url=success,
        success_message=message,
        template=template,
        context=_page(ctx, partnership, title=title, cancel_url=back, **kw),
    )


def _year(request: HttpRequest, today: Any) -> str:
    return schoolyear.parse(request.GET.get("jaar", "")) or schoolyear.current(today)


def _years(today: Any) -> list[str]:
    current = schoolyear.current(today)
    return [schoolyear.shift(current, i) for i in (-2, -1, 0, 1)]


# --- goals ---------------------------------------------------------------------------------------------------


def goals(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.VIEW_ALL)
    today = timezone.localdate()
    rows = selectors.goals(partnership, today)
    labels = dict(SafeguardKey.choices)
    groups = [(key, labels[key], [r for r in rows if r["goal"].safeguard == key]) for key in SafeguardKey.values]
    return render(request, "quality/cycle/goals.html", _page(ctx, partnership, groups=groups, total=len(rows)))


def goal_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    form = GoalForm(request.POST or None, partnership=partnership)

    def save(data: dict) -> object:
        return services.goal_create(partnership=partnership, values=fields_of(form, data), actor=request.user)

    return _form(
        request,
        ctx,
        partnership,
        form=form,
        save=save,
        back=reverse("quality:goals", args=[slug]),
        title=_("Kwaliteitsdoel toevoegen"),
        intro=_("Maak het doel SMART: wat, hoe u het meet, de streefwaarde, de deadline en wie er eigenaar van is."),
        success_url=lambda g: reverse("quality:goal_detail", args=[slug, g.pk]),
        success_message=_("Het doel is toegevoegd."),
    )


def goal_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    goal = access.quality_row_for(ctx, partnership, QualityGoal.objects.select_related("owner"), pk)
    row = selectors.goal_row(goal, timezone.localdate())
    chart = [{"day": m.measured_on.isoformat(), "value": float(m.value)} for m in row["measurements"]]
    return render(
        request,
        "quality/cycle/goal_detail.html",
        _page(ctx, partnership, row=row, goal=goal, chart=chart, platform=goal.source != QualityGoal.Source.MANUAL),
    )


def goal_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    goal = access.quality_row_for(ctx, partnership, QualityGoal.objects.all(), pk, write=True)
    form = GoalForm(request.POST or None, instance=goal, partnership=partnership)
    back = reverse("quality:goal_detail", args=[slug, goal.pk])

    def save(data: dict) -> object:
        return services.goal_update(
            goal=goal, changes=fields_of(form, data), expected_version=data.get("version"), actor=request.user
        )

    return _form(
        request, ctx, partnership, form=form, save=save, back=back, title=_("Doel aanpassen: %(t)s") % {"t": goal.title}
    )


@require_POST
def goal_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    goal = access.quality_row_for(ctx, partnership, QualityGoal.objects.all(), pk, write=True)
    services.goal_delete(goal=goal, actor=request.user)
    messages.success(request, _("Het doel is verwijderd."))
    return redirect("quality:goals", slug=slug)


def measurement_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    goal = access.quality_row_for(ctx, partnership, QualityGoal.objects.all(), pk, write=True)
    form = MeasurementForm(request.POST or None, initial={"measured_on": timezone.localdate()})
    back = reverse("quality:goal_detail", args=[slug, goal.pk])

    def save(data: dict) -> object:
        return services.measurement_add(
            goal=goal, measured_on=data["measured_on"], value=data["value"], note=data["note"], actor=request.user
        )

    return _form(
        request,
        ctx,
        partnership,
        form=form,
        save=save,
        back=back,
        title=_("Meting toevoegen: %(t)s") % {"t": goal.title},
        intro=goal.indicator,
        success_message=_("De meting is toegevoegd."),
    )


@require_POST
def measurement_platform(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    goal = access.quality_row_for(ctx, partnership, QualityGoal.objects.all(), pk, write=True)
    try:
        found = services.measurement_from_platform(goal=goal, today=timezone.localdate(), actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Gemeten uit het platform: %(value)s.") % {"value": found.value})
    return redirect("quality:goal_detail", slug=slug, pk=goal.pk)


@require_POST
def measurement_delete(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    goal = access.quality_row_for(ctx, partnership, QualityGoal.objects.all(), pk, write=True)
    measurement = access.quality_row_for(
        ctx, partnership, GoalMeasurement.objects.filter(goal=goal), item_pk, write=True
    )
    services.measurement_delete(measurement=measurement, actor=request.user)
    messages.success(request, _("De meting is verwijderd."))
    return redirect("quality:goal_detail", slug=slug, pk=goal.pk)


# --- the quality calendar ------------------------------------------------------------------------------------


def calendar(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.VIEW_ALL)
    today = timezone.localdate()
    year = _year(request, today)
    return render(
        request,
        "quality/cycle/calendar.html",
        _page(
            ctx,
            partnership,
            year=year,
            years=_years(today),
            rows=selectors.calendar(partnership, year, today),
            due=partnership.next_peer_review_due,
            today=today,
        ),
    )


def event_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    form = EventForm(request.POST or None)

    def save(data: dict) -> object:
        return services.event_create(partnership=partnership, values=fields_of(form, data), actor=request.user)

    return _form(
        request,
        ctx,
        partnership,
        form=form,
        save=save,
        back=reverse("quality:calendar", args=[slug]),
        title=_("Moment in de kwaliteitskalender toevoegen"),
        success_url=lambda e: reverse("quality:calendar", args=[slug]) + f"?jaar={e.school_year}",
        success_message=_("Het moment staat in de kalender."),
    )


def event_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    event = access.quality_row_for(ctx, partnership, CalendarEvent.objects.all(), pk, write=True)
    form = EventForm(request.POST or None, instance=event)
    back = reverse("quality:calendar", args=[slug]) + f"?jaar={event.school_year}"

    def save(data: dict) -> object:
        return services.event_update(
            event=event, changes=fields_of(form, data), expected_version=data.get("version"), actor=request.user
        )

    return _form(
        request,
        ctx,
        partnership,
        form=form,
        save=save,
        back=back,
        title=_("Moment aanpassen: %(t)s") % {"t": event.title},
        template="quality/cycle/form_with_delete.html",
        delete_url=reverse("quality:event_delete", args=[slug, event.pk]),
    )


@require_POST
def event_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    event = access.quality_row_for(ctx, partnership, CalendarEvent.objects.all(), pk, write=True)
    services.event_delete(event=event, actor=request.user)
    messages.success(request, _("Het moment is uit de kalender gehaald."))
    return redirect("quality:calendar", slug=slug)


# --- annual plans -----------------------------------------------------------------------------------------


def plans(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    today = timezone.localdate()
    year = _year(request, today)
    writable = set(access.plan_clusters_for_change(ctx, partnership).values_list("pk", flat=True))
    return render(
        request,
        "quality/cycle/plans.html",
        _page(
            ctx,
            partnership,
            year=year,
            years=_years(today),
            rows=selectors.plans_by_cluster(
                access.clusters_visible(ctx, partnership), access.annual_plans_visible(ctx, partnership), year
            ),
            writable=writable,
        ),
    )


def plan_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    clusters = access.plan_clusters_for_change(ctx, partnership)
    if not clusters.exists():
        raise PermissionDenied
    today = timezone.localdate()
    initial = {"school_year": schoolyear.current(today)}
    if request.GET.get("cluster", "").isdigit():
        initial["cluster"] = int(request.GET["cluster"])
    if schoolyear.parse(request.GET.get("jaar", "")):
        initial["school_year"] = schoolyear.parse(request.GET["jaar"])
    form = PlanCreateForm(request.POST or None, clusters=clusters, initial=initial)

    def save(data: dict) -> object:
        return services.plan_create(
            partnership=partnership,
            cluster=data["cluster"],
            school_year=data["school_year"],
            values={},
            actor=request.user,
        )

    return _form(
        request,
        ctx,
        partnership,
        form=form,
        save=save,
        back=reverse("quality:plans", args=[slug]),
        title=_("Jaarplan beginnen"),
        intro=_(
            "Kies het cluster en het schooljaar. Daarna schrijft u het plan, met de evaluatie en de enquête van "
            "vorig jaar ernaast."
        ),
        success_url=lambda p: reverse("quality:plan_edit", args=[slug, p.pk]),
        success_message=_("Het jaarplan is aangemaakt. Schrijf nu de doelen en activiteiten."),
    )


def plan_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    plan = access.annual_plan_for(ctx, partnership, pk)
    return render(
        request,
        "quality/cycle/plan_detail.html",
        _page(
            ctx,
            partnership,
            plan=plan,
            may_write=access.may_write_plan(ctx, partnership, plan.cluster_id),
            feed=selectors.input_for_plan(partnership, plan.cluster, plan.school_year),
        ),
    )


def _plan_form(request: HttpRequest, slug: str, pk: int, stage: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    plan = access.annual_plan_for(ctx, partnership, pk, write=True)
    if stage == "plan":
        form_class = PlanLeadForm if ctx.can(Perm.CHANGE, partnership) else PlanForm
        title = _("Jaarplan %(year)s schrijven: %(cluster)s")
    elif stage == "mid":
        form_class, title = MidEvaluationForm, _("Tussenevaluatie %(year)s: %(cluster)s")
    else:
        form_class, title = EndEvaluationForm, _("Eindevaluatie %(year)s: %(cluster)s")
    form = form_class(request.POST or None, instance=plan)
    back = reverse("quality:plan_detail", args=[slug, plan.pk])

    def save(data: dict) -> object:
        return services.plan_update(
            plan=plan, changes=fields_of(form, data), expected_version=data.get("version"), actor=request.user
        )

    return _form(
        request,
        ctx,
        partnership,
        form=form,
        save=save,
        back=back,
        title=title % {"year": plan.school_year, "cluster": plan.cluster.name},
        template="quality/cycle/plan_form.html",
        plan=plan,
        feed=selectors.input_for_plan(partnership, plan.cluster, plan.school_year),
    )


def plan_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _plan_form(request, slug, pk, "plan")


def plan_mid(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _plan_form(request, slug, pk, "mid")


def plan_end(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _plan_form(request, slug, pk, "end")


# --- the survey: builder and links (the lead), results (readers, educators for their clusters) ----------------


def surveys(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    from .models import Survey

    rows = list(Survey.objects.filter(partnership=partnership))
    today = timezone.localdate()
    return render(
        request,
        "quality/cycle/surveys.html",
        _page(ctx, partnership, rows=[(s, s.is_open_on(today)) for s in rows]),
    )


def survey_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    today = timezone.localdate()
    year = schoolyear.current(today)
    form = SurveyForm(
        request.POST or None,
        initial={"school_year": year, "opens_on": today, "title": _("Studentenenquête %(year)s") % {"year": year}},
    )

    def save(data: dict) -> object:
        return services.survey_create(partnership=partnership, values=fields_of(form, data), actor=request.user)

    return _form(
        request,
        ctx,
        partnership,
        form=form,
        save=save,
        back=reverse("quality:surveys", args=[slug]),
        title=_("Studentenenquête maken"),
        intro=_("Daarna stelt u de vragen op en maakt u een antwoordlink per cluster. Studenten antwoorden anoniem."),
        success_url=lambda s: reverse("quality:survey_detail", args=[slug, s.pk]),
        success_message=_("De enquête is gemaakt. Voeg nu de vragen toe."),
    )


def survey_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    survey = access.survey_for(ctx, partnership, pk)
    own = set(access.survey_clusters_visible(ctx, partnership).values_list("pk", flat=True))
    counts = selectors.response_counts(survey)
    links = [
        {
            "link": link,
            "url": request.build_absolute_uri(reverse("quality:survey_respond", args=[link.token])),
            "count": counts.get(link.cluster_id, 0),
        }
        for link in survey.links.select_related("cluster")
        if link.cluster_id in own
    ]
    return render(
        request,
        "quality/cycle/survey_detail.html",
        _page(
            ctx,
            partnership,
            survey=survey,
            is_open=survey.is_open_on(timezone.localdate()),
            questions=list(survey.questions.all()),
            links=links,
            has_responses=bool(counts),
            total=sum(counts.values()),
            missing_links=partnership.clusters.exclude(pk__in=survey.links.values("cluster_id")).count(),
        ),
    )


def survey_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    survey = access.survey_for(ctx, partnership, pk, write=True)
    form = SurveyForm(request.POST or None, instance=survey)
    back = reverse("quality:survey_detail", args=[slug, survey.pk])

    def save(data: dict) -> object:
        return services.survey_update(
            survey=survey, changes=fields_of(form, data), expected_version=data.get("version"), actor=request.user
        )

    return _form(
        request,
        ctx,
        partnership,
        form=form,
        save=save,
        back=back,
        title=_("Enquête aanpassen: %(t)s") % {"t": survey.title},
    )


@require_POST
def survey_status(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """POST `action`: close, reopen or links (a link for every cluster that has none)."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    survey = access.survey_for(ctx, partnership, pk, write=True)
    today = timezone.localdate()
    action = request.POST.get("action")
    try:
        if action == "close":
            services.survey_close(survey=survey, today=today, actor=request.user)
            messages.success(request, _("De enquête is gesloten: de links werken niet meer."))
        elif action == "reopen":
            services.survey_reopen(survey=survey, today=today, actor=request.user)
            messages.success(request, _("De enquête is weer open."))
        elif action == "links":
            made = services.links_make(survey=survey, actor=request.user)
            messages.success(request, _("%(n)s nieuwe antwoordlinks gemaakt.") % {"n": len(made)})
        else:
            raise DomainError(_("Onbekende opdracht."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("quality:survey_detail", slug=slug, pk=survey.pk)


@require_POST
def link_renew(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    survey = access.survey_for(ctx, partnership, pk, write=True)
    try:
        link = SurveyLink.objects.get(partnership=partnership, survey=survey, pk=item_pk)
    except (SurveyLink.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    services.link_renew(link=link, actor=request.user)
    messages.success(
        request, _("Er is een nieuwe link voor %(c)s; de oude werkt niet meer.") % {"c": link.cluster.name}
    )
    return redirect("quality:survey_detail", slug=slug, pk=survey.pk)


def _question(ctx: Any, partnership: Any, survey: Any, item_pk: Any) -> SurveyQuestion:
    try:
        return SurveyQuestion.objects.get(partnership=partnership, survey=survey, pk=item_pk)
    except (SurveyQuestion.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def question_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    survey = access.survey_for(ctx, partnership, pk, write=True)
    form = QuestionForm(request.POST or None)
    back = reverse("quality:survey_detail", args=[slug, survey.pk])

    def save(data: dict) -> object:
        return services.question_add(survey=survey, values=fields_of(form, data), actor=request.user)

    return _form(
        request,
        ctx,
        partnership,
        form=form,
        save=save,
        back=back,
        title=_("Vraag toevoegen: %(t)s") % {"t": survey.title},
        success_message=_("De vraag is toegevoegd."),
    )


def question_edit(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    survey = access.survey_for(ctx, partnership, pk, write=True)
    question = _question(ctx, partnership, survey, item_pk)
    form = QuestionForm(request.POST or None, instance=question)
    back = reverse("quality:survey_detail", args=[slug, survey.pk])

    def save(data: dict) -> object:
        return services.question_update(question=question, changes=fields_of(form, data), actor=request.user)

    return _form(
        request,
        ctx,
        partnership,
        form=form,
        save=save,
        back=back,
        title=_("Vraag aanpassen"),
        template="quality/cycle/form_with_delete.html",
        delete_url=reverse("quality:question_delete", args=[slug, survey.pk, question.pk]),
    )


@require_POST
def question_delete(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    survey = access.survey_for(ctx, partnership, pk, write=True)
    question = _question(ctx, partnership, survey, item_pk)
    try:
        services.question_delete(question=question, actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("De vraag is verwijderd."))
    return redirect("quality:survey_detail", slug=slug, pk=survey.pk)


def survey_results(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    survey = access.survey_for(ctx, partnership, pk)
    results = selectors.survey_results(survey, access.survey_clusters_visible(ctx, partnership))
    return render(request, "quality/cycle/survey_results.html", _page(ctx, partnership, survey=survey, results=results))


def survey_xlsx(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    survey = access.survey_for(ctx, partnership, pk)
    results = selectors.survey_results(survey, access.survey_clusters_visible(ctx, partnership))
    name = f"studentenenquete-{slugify(partnership.short_name or partnership.name)}-{survey.opens_on:%Y%m%d}"
    return exports.spreadsheet(selectors.results_sheets(survey, results), name, kind="xlsx")


# --- respondents (no account: their cluster's secret link) ---------------------------------------------------


def _refused(request: HttpRequest, link: Any, problem: str) -> HttpResponse:
    texts = {
        "unknown": (
            _("Deze link werkt niet"),
            _("Controleer of u de hele link hebt overgenomen, of vraag uw schoolopleider om de juiste link."),
            404,
        ),
        "not_yet": (
            _("Deze enquête is nog niet open"),
            _("U kunt meedoen vanaf %(day)s.") % {"day": link.survey.opens_on.strftime("%d-%m-%Y")} if link else "",
            403,
        ),
        "closed": (
            _("Deze enquête is gesloten"),
            _("Er kunnen geen antwoorden meer worden gegeven. Dank voor uw belangstelling."),
            410,
        ),
    }
    title, text, status = texts[problem]
    return render(request, "quality/cycle/respond_refused.html", {"title": title, "text": text}, status=status)


def _browser_key(request: HttpRequest, survey_id: int) -> str:
    """This browser's key for the survey, made on the first visit and kept in the session (never sent to the
    browser): every tab saves under the same key, so it is one response per browser."""
    store = dict(request.session.get(SESSION_KEY, {}))
    key = store.get(str(survey_id))
    if not key:
        key = store[str(survey_id)] = secrets.token_urlsafe(32)
        request.session[SESSION_KEY] = store
    return key


def _own_response(request: HttpRequest, survey_id: int) -> SurveyResponse | None:
    key = request.session.get(SESSION_KEY, {}).get(str(survey_id))
    if not key:
        return None
    return SurveyResponse.objects.filter(survey_id=survey_id, key=key).prefetch_related("answers").first()


def survey_respond(request: HttpRequest, token: str) -> HttpResponse:
    today = timezone.localdate()
    link, problem = access.survey_link_for_respondent(token, today=today)
    if problem:
        return _refused(request, link, problem)
    survey = link.survey
    questions = list(survey.questions.all())
    schools = list(link.cluster.schools.order_by("name"))
    key = _browser_key(request, survey.pk)
    own = _own_response(request, survey.pk)
    if request.method == "POST":
        form = ResponseForm(request.POST, questions=questions, schools=schools)
        if form.is_valid():
            try:
                services.response_save(
                    link=link, key=key, school_id=form.cleaned_data.get("school"), answers=form.answers(), today=today
                )
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                return redirect("quality:survey_thanks", token=token)
    else:
        form = ResponseForm(
            initial=ResponseForm.initial_from(own) if own else None, questions=questions, schools=schools
        )
    return render(
        request,
        "quality/cycle/respond.html",
        {"survey": survey, "link": link, "form": form, "editing": own is not None},
        status=400 if request.method == "POST" else 200,
    )


def survey_thanks(request: HttpRequest, token: str) -> HttpResponse:
    link, problem = access.survey_link_for_respondent(token, today=timezone.localdate())
    if link is None:
        return _refused(request, link, "unknown")
    if _own_response(request, link.survey_id) is None:
        return redirect("quality:survey_respond", token=token)
    return render(
        request, "quality/cycle/respond_thanks.html", {"survey": link.survey, "is_open": not problem, "token": token}
    )


# --- peer review ----------------------------------------------------------------------------------------------


def reviews(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.VIEW_ALL)
    rows = [(r, selectors.followup_counts(r)) for r in PeerReview.objects.filter(partnership=partnership)]
    return render(
        request,
        "quality/cycle/reviews.html",
        _page(ctx, partnership, rows=rows, due=partnership.next_peer_review_due, today=timezone.localdate()),
    )


def review_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    due = partnership.next_peer_review_due
    form = ReviewForm(
        request.POST or None,
        initial={"planned_on": due, "title": _("Peer review %(year)s") % {"year": due.year if due else ""}},
    )

    def save(data: dict) -> object:
        return services.review_create(partnership=partnership, values=fields_of(form, data), actor=request.user)

    return _form(
        request,
        ctx,
        partnership,
        form=form,
        save=save,
        back=reverse("quality:peer_reviews", args=[slug]),
        title=_("Peer review voorbereiden"),
        success_url=lambda r: reverse("quality:peer_review_detail", args=[slug, r.pk]),
        success_message=_("De peer review is aangemaakt."),
    )


def review_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    review = access.quality_row_for(ctx, partnership, PeerReview.objects.all(), pk)
    return render(
        request,
        "quality/cycle/review_detail.html",
        _page(
            ctx,
            partnership,
            review=review,
            panel=list(review.panel.all()),
            rows=selectors.review_rows(review),
            counts=selectors.followup_counts(review),
            due=partnership.next_peer_review_due,
            today=timezone.localdate(),
        ),
    )


def review_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    review = access.quality_row_for(ctx, partnership, PeerReview.objects.all(), pk, write=True)
    form = ReviewForm(request.POST or None, instance=review)
    back = reverse("quality:peer_review_detail", args=[slug, review.pk])

    def save(data: dict) -> object:
        return services.review_update(
            review=review, changes=fields_of(form, data), expected_version=data.get("version"), actor=request.user
        )

    return _form(
        request,
        ctx,
        partnership,
        form=form,
        save=save,
        back=back,
        title=_("Peer review aanpassen: %(t)s") % {"t": review.title},
    )


def panelist_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    review = access.quality_row_for(ctx, partnership, PeerReview.objects.all(), pk, write=True)
    form = PanelistForm(request.POST or None)
    back = reverse("quality:peer_review_detail", args=[slug, review.pk])

    def save(data: dict) -> object:
        return services.panelist_add(review=review, values=fields_of(form, data), actor=request.user)

    return _form(
        request,
        ctx,
        partnership,
        form=form,
        save=save,
        back=back,
        title=_("Panellid toevoegen"),
        success_message=_("Het panellid is toegevoegd."),
    )


@require_POST
def panelist_delete(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    review = access.quality_row_for(ctx, partnership, PeerReview.objects.all(), pk, write=True)
    panelist = access.quality_row_for(ctx, partnership, Panelist.objects.filter(review=review), item_pk, write=True)
    services.panelist_delete(panelist=panelist, actor=request.user)
    messages.success(request, _("Het panellid is verwijderd."))
    return redirect("quality:peer_review_detail", slug=slug, pk=review.pk)


def recommendation_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    review = access.quality_row_for(ctx, partnership, PeerReview.objects.all(), pk, write=True)
    form = RecommendationForm(request.POST or None, partnership=partnership)
    back = reverse("quality:peer_review_detail", args=[slug, review.pk])

    def save(data: dict) -> object:
        return services.recommendation_add(
            review=review,
            text=data["text"],
            safeguard=data["safeguard"],
            owner=data["owner"],
            deadline=data["deadline"],
            source_url=back,
            actor=request.user,
        )

    return _form(
        request,
        ctx,
        partnership,
        form=form,
        save=save,
        back=back,
        title=_("Aanbeveling vastleggen"),
        intro=_("De aanbeveling komt als actie op de actielijst van het partnerschap, met eigenaar en deadline."),
        success_message=_("De aanbeveling staat als actie op de actielijst."),
    )


def _pack(request: HttpRequest, slug: str, pk: int, kind: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    review = access.quality_row_for(ctx, partnership, PeerReview.objects.all(), pk)
    document = selectors.self_evaluation_pack(review, timezone.localdate())
    if kind == "pdf":
        response = HttpResponse(documents.to_pdf(document), content_type="application/pdf")
    else:
        response = HttpResponse(
            documents.to_docx(document),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    name = f"zelfevaluatie-peer-review-{slugify(partnership.short_name or partnership.name)}"
    response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    response["Cache-Control"] = "no-store"
    return response


def review_pack_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _pack(request, slug, pk, "pdf")


def review_pack_docx(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _pack(request, slug, pk, "docx")


# --- partner-school certification ---------------------------------------------------------------------------


def certification(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.VIEW_ALL)
    today = timezone.localdate()
    return render(
        request,
        "quality/cycle/certification.html",
        _page(
            ctx,
            partnership,
            schools=selectors.schools_with_state(partnership, today),
            criteria=selectors.criteria_for(partnership, include_inactive=True),
        ),
    )


def criterion_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    form = CriterionForm(request.POST or None)

    def save(data: dict) -> object:
        return services.criterion_create(partnership=partnership, values=fields_of(form, data), actor=request.user)

    return _form(
        request,
        ctx,
        partnership,
        form=form,
        save=save,
        back=reverse("quality:certification", args=[slug]) + "#criteria",
        title=_("Criterium voor partnerscholen toevoegen"),
        success_message=_("Het criterium is toegevoegd."),
    )


def criterion_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Only the partnership's own criteria; those of a region are kept by the platform administrator (404 here)."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    criterion = access.quality_row_for(ctx, partnership, CertificationCriterion.objects.all(), pk, write=True)
    form = CriterionForm(request.POST or None, instance=criterion)

    def save(data: dict) -> object:
        return services.criterion_update(
            criterion=criterion, changes=fields_of(form, data), expected_version=data.get("version"), actor=request.user
        )

    return _form(
        request,
        ctx,
        partnership,
        form=form,
        save=save,
        back=reverse("quality:certification", args=[slug]) + "#criteria",
        title=_("Criterium aanpassen: %(t)s") % {"t": criterion.title},
        intro=_(
            "Zet een criterium dat u niet meer gebruikt op ‘niet in gebruik’: eerdere beoordelingen blijven zo "
            "leesbaar."
        ),
    )


def certification_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    initial: dict[str, Any] = {"assessed_on": timezone.localdate()}
    if request.GET.get("school", "").isdigit():
        initial["school"] = int(request.GET["school"])
    form = CertificationCreateForm(
        request.POST or None, schools=selectors.partner_schools(partnership), initial=initial
    )

    def save(data: dict) -> object:
        return services.certification_create(
            partnership=partnership,
            school=data["school"],
            values={"assessed_on": data["assessed_on"], "assessors": data["assessors"]},
            actor=request.user,
        )

    return _form(
        request,
        ctx,
        partnership,
        form=form,
        save=save,
        back=reverse("quality:certification", args=[slug]),
        title=_("School beoordelen"),
        intro=_("Daarna legt u per criterium het oordeel en het bewijs vast, en de uitkomst met de geldigheid."),
        success_url=lambda c: reverse("quality:certification_edit", args=[slug, c.pk]),
        success_message=_("De beoordeling is begonnen."),
    )


def _certification(ctx: Any, partnership: Any, pk: Any, *, write: bool = False) -> SchoolCertification:
    return access.quality_row_for(
        ctx, partnership, SchoolCertification.objects.select_related("school"), pk, write=write
    )


def certification_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    found = _certification(ctx, partnership, pk)
    rows = list(found.assessments.select_related("criterion", "criterion__region"))
    return render(
        request,
        "quality/cycle/certification_detail.html",
        _page(ctx, partnership, certification=found, rows=rows),
    )


def certification_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    found = _certification(ctx, partnership, pk, write=True)
    current = {a.criterion_id: a for a in found.assessments.all()}
    criteria = [c for c in selectors.criteria_for(partnership, include_inactive=True) if c.active or c.pk in current]
    form = CertificationForm(request.POST or None, instance=found, criteria=criteria, current=current)
    back = reverse("quality:certification_detail", args=[slug, found.pk])

    def save(data: dict) -> object:
        return services.certification_update(
            certification=found,
            changes=fields_of(form, data),
            verdicts=form.verdicts(),
            expected_version=data.get("version"),
            actor=request.user,
        )

    return _form(
        request,
        ctx,
        partnership,
        form=form,
        save=save,
        back=back,
        title=_("Beoordeling %(school)s") % {"school": found.school.name},
    )
