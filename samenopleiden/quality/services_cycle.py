"""Writes of the quality cycle: goals and measurements, the calendar, annual plans, the survey and its responses,
peer reviews with their recommendations (as actions), and the certification of partner schools. Views check access
first (core.access); these functions check the domain rules and record history."""

from __future__ import annotations

import datetime as dt
import secrets
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopleiden.actions import services as action_services
from samenopleiden.core import editing, history
from samenopleiden.core.errors import DomainError
from samenopleiden.registry.models import Cluster, Partnership, Person, School
from samenopleiden.students import schoolyear

from . import selectors_cycle as selectors
from .models import (
    AnnualPlan,
    CalendarEvent,
    CertificationCriterion,
    CriterionAssessment,
    GoalMeasurement,
    Panelist,
    PeerReview,
    QualityGoal,
    Recommendation,
    SchoolCertification,
    Survey,
    SurveyAnswer,
    SurveyLink,
    SurveyQuestion,
    SurveyResponse,
)

TEXT_MAX = 2000  # an open answer of a student


def _check_person(person: Person | None, partnership: Partnership) -> None:
    if person is not None and person.partnership_id != partnership.pk:
        raise DomainError(_("Kies iemand van dit partnerschap."), field="owner")


def _check_year(year: str) -> str:
    parsed = schoolyear.parse(year)
    if parsed is None:
        raise DomainError(_("Schrijf het schooljaar als 2026-2027."), field="school_year")
    return parsed


def _delete(obj: Any, *, actor: Any) -> None:
    history.record(actor=actor, obj=obj, action="deleted", changes=history.snapshot(obj))
    obj.delete()


# --- goals ----------------------------------------------------------------------------------------------------


@transaction.atomic
def goal_create(*, partnership: Partnership, values: dict[str, Any], actor: Any) -> QualityGoal:
    _check_person(values.get("owner"), partnership)
    goal = QualityGoal(partnership=partnership, **values)
    editing.create(goal, actor=actor)
    return goal


@transaction.atomic
def goal_update(*, goal: QualityGoal, changes: dict[str, Any], expected_version: int | None, actor: Any) -> QualityGoal:
    if "owner" in changes:
        _check_person(changes["owner"], goal.partnership)
    editing.apply_changes(goal, changes=changes, actor=actor, expected_version=expected_version)
    return goal


@transaction.atomic
def goal_delete(*, goal: QualityGoal, actor: Any) -> None:
    _delete(goal, actor=actor)


@transaction.atomic
def measurement_add(
    *,
    goal: QualityGoal,
    measured_on: dt.date,
    value: Decimal,
    note: str = "",
    from_platform: bool = False,
    actor: Any,
) -> GoalMeasurement:
    measurement = GoalMeasurement(
        partnership=goal.partnership,
        goal=goal,
        measured_on=measured_on,
        value=value,
        note=note,
        from_platform=from_platform,
    )
    editing.create(measurement, actor=actor, partnership=goal.partnership)
    return measurement


def measurement_from_platform(*, goal: QualityGoal, today: dt.date, actor: Any) -> GoalMeasurement:
    """Measure the goal's indicator now from the platform's own data (for goals with a platform source)."""
    if goal.source == QualityGoal.Source.MANUAL:
        raise DomainError(_("Dit doel wordt met de hand gemeten: vul de waarde zelf in."))
    value = selectors.indicator_value(goal.partnership, goal.source, today)
    if value is None:
        raise DomainError(_("Het platform heeft nog geen gegevens om dit doel te meten."))
    return measurement_add(
        goal=goal,
        measured_on=today,
        value=value,
        note=_("Gemeten uit het platform"),
        from_platform=True,
        actor=actor,
    )


@transaction.atomic
def measurement_delete(*, measurement: GoalMeasurement, actor: Any) -> None:
    _delete(measurement, actor=actor)


# --- the calendar ----------------------------------------------------------------------------------------------


@transaction.atomic
def event_create(*, partnership: Partnership, values: dict[str, Any], actor: Any) -> CalendarEvent:
    event = CalendarEvent(partnership=partnership, **values)
    event.school_year = schoolyear.of(event.date) if event.date else ""
    editing.create(event, actor=actor)
    return event


@transaction.atomic
def event_update(
    *, event: CalendarEvent, changes: dict[str, Any], expected_version: int | None, actor: Any
) -> CalendarEvent:
    if changes.get("date"):
        changes = {**changes, "school_year": schoolyear.of(changes["date"])}
    editing.apply_changes(event, changes=changes, actor=actor, expected_version=expected_version)
    return event


@transaction.atomic
def event_delete(*, event: CalendarEvent, actor: Any) -> None:
    _delete(event, actor=actor)


# --- annual plans -------------------------------------------------------------------------------------------


@transaction.atomic
def plan_create(
    *, partnership: Partnership, cluster: Cluster, school_year: str, values: dict[str, Any], actor: Any
) -> AnnualPlan:
    year = _check_year(school_year)
    if cluster.partnership_id != partnership.pk:
        raise DomainError(_("Kies een cluster van dit partnerschap."), field="cluster")
    if AnnualPlan.objects.filter(cluster=cluster, school_year=year).exists():
        raise DomainError(
            _("Voor %(cluster)s is er al een jaarplan %(year)s.") % {"cluster": cluster.name, "year": year},
            field="school_year",
        )
    plan = AnnualPlan(partnership=partnership, cluster=cluster, school_year=year, **values)
    editing.create(plan, actor=actor)
    return plan


@transaction.atomic
def plan_update(*, plan: AnnualPlan, changes: dict[str, Any], expected_version: int | None, actor: Any) -> AnnualPlan:
    """The plan, or one of its evaluations. An evaluation written without a date gets today's."""
    for text, day in (("mid_evaluation", "mid_evaluated_on"), ("end_evaluation", "end_evaluated_on")):
        if changes.get(text, "").strip() and not changes.get(day) and not getattr(plan, day):
            changes = {**changes, day: timezone.localdate()}
    editing.apply_changes(plan, changes=changes, actor=actor, expected_version=expected_version)
    return plan


# --- the survey -------------------------------------------------------------------------------------------


@transaction.atomic
def survey_create(*, partnership: Partnership, values: dict[str, Any], actor: Any) -> Survey:
    values = {**values, "school_year": _check_year(values.get("school_year", ""))}
    survey = Survey(partnership=partnership, **values)
    editing.create(survey, actor=actor)
    return survey


@transaction.atomic
def survey_update(*, survey: Survey, changes: dict[str, Any], expected_version: int | None, actor: Any) -> Survey:
    if "school_year" in changes:
        changes = {**changes, "school_year": _check_year(changes["school_year"])}
    editing.apply_changes(survey, changes=changes, actor=actor, expected_version=expected_version)
    return survey


@transaction.atomic
def survey_close(*, survey: Survey, today: dt.date, actor: Any) -> Survey:
    if survey.closed_on is not None:
        raise DomainError(_("Deze enquête is al gesloten."))
    return editing.apply_changes(survey, changes={"closed_on": today}, actor=actor)  # type: ignore[return-value]


@transaction.atomic
def survey_reopen(*, survey: Survey, today: dt.date, actor: Any) -> Survey:
    if survey.closes_on < today:
        raise DomainError(_("De einddatum is voorbij: zet eerst een latere einddatum."))
    return editing.apply_changes(survey, changes={"closed_on": None}, actor=actor)  # type: ignore[return-value]


def _questions_fixed(survey: Survey) -> None:
    if survey.responses.exists():
        raise DomainError(
            _("Er zijn al antwoorden gegeven: de vragen liggen vast. Maak een nieuwe enquête voor andere vragen.")
        )


def _clean_question(values: dict[str, Any]) -> dict[str, Any]:
    kind = values.get("kind")
    options = "\n".join(line.strip() for line in (values.get("options") or "").splitlines() if line.strip())
    if kind == SurveyQuestion.Kind.CHOICE:
        count = len(options.splitlines())
        if count < 2:
            raise DomainError(_("Een keuzevraag heeft minstens twee opties, elk op een eigen regel."), field="options")
        if count > 12 or any(len(o) > 200 for o in options.splitlines()):
            raise DomainError(_("Ten hoogste twaalf opties van elk ten hoogste 200 tekens."), field="options")
    else:
        options = ""
    return {**values, "options": options}


@transaction.atomic
def question_add(*, survey: Survey, values: dict[str, Any], actor: Any) -> SurveyQuestion:
    _questions_fixed(survey)
    values = _clean_question(values)
    order = values.pop("order", None) or (max((q.order for q in survey.questions.all()), default=0) + 1)
    question = SurveyQuestion(partnership=survey.partnership, survey=survey, order=order, **values)
    editing.create(question, actor=actor, partnership=survey.partnership)
    return question


@transaction.atomic
def question_update(*, question: SurveyQuestion, changes: dict[str, Any], actor: Any) -> SurveyQuestion:
    _questions_fixed(question.survey)
    changes = _clean_question({"kind": question.kind, **changes})
    editing.apply_changes(question, changes=changes, actor=actor, partnership=question.partnership)
    return question


@transaction.atomic
def question_delete(*, question: SurveyQuestion, actor: Any) -> None:
    _questions_fixed(question.survey)
    _delete(question, actor=actor)


@transaction.atomic
def links_make(*, survey: Survey, actor: Any) -> list[SurveyLink]:
    """A secret response link for every cluster of the partnership that has none yet."""
    have = set(survey.links.values_list("cluster_id", flat=True))
    made = []
    for cluster in survey.partnership.clusters.exclude(pk__in=have).order_by("name"):
        link = SurveyLink.objects.create(
            partnership=survey.partnership, survey=survey, cluster=cluster, token=secrets.token_urlsafe(24)
        )
        history.record(actor=actor, obj=link, action="created", changes={"cluster": cluster.name})
        made.append(link)
    return made


@transaction.atomic
def link_renew(*, link: SurveyLink, actor: Any) -> SurveyLink:
    link.token = secrets.token_urlsafe(24)
    link.save(update_fields=["token"])
    history.record(actor=actor, obj=link, action="changed", changes={"token": _("nieuwe link")})
    return link


@transaction.atomic
def response_save(
    *, link: SurveyLink, key: str, school_id: int | None, answers: dict[int, Any], today: dt.date
) -> SurveyResponse:
    """Store a student's answers under `key` (their browser's key): a new response the first time, the same one
    afterwards (answers replaced). Refused when the survey is not open; the survey row is locked while saving."""
    survey = Survey.objects.select_for_update().get(pk=link.survey_id)
    if not survey.is_open_on(today):
        raise DomainError(_("Deze enquête is gesloten: er kunnen geen antwoorden meer worden gegeven."))
    if school_id is not None and not link.cluster.schools.filter(pk=school_id).exists():
        raise DomainError(_("Kies een school uit de lijst."), field="school")
    questions = {q.pk: q for q in survey.questions.all()}
    rows = []
    for qid, value in answers.items():
        q = questions.get(qid)
        if q is None or value in ("", None):
            continue
        if q.kind == SurveyQuestion.Kind.SCALE:
            if not isinstance(value, int) or not 1 <= value <= 5:
                raise DomainError(_("Een score is een getal van 1 tot en met 5."))
            rows.append(SurveyAnswer(partnership=survey.partnership, question=q, score=value))
        elif q.kind == SurveyQuestion.Kind.CHOICE:
            if value not in q.option_list:
                raise DomainError(_("Kies een van de opties."))
            rows.append(SurveyAnswer(partnership=survey.partnership, question=q, choice=value))
        else:
            text = str(value).strip()
            if len(text) > TEXT_MAX:
                raise DomainError(_("Een antwoord is ten hoogste %(max)s tekens.") % {"max": TEXT_MAX})
            rows.append(SurveyAnswer(partnership=survey.partnership, question=q, text=text))
    missing = [q for q in questions.values() if q.required and q.pk not in {r.question_id for r in rows}]
    if missing:
        raise DomainError(_("Beantwoord ook de verplichte vragen."))
    response = SurveyResponse.objects.filter(survey=survey, key=key).first()
    if response is None:
        try:
            with transaction.atomic():
                response = SurveyResponse.objects.create(
                    partnership=survey.partnership, survey=survey, cluster=link.cluster, school_id=school_id, key=key
                )
        except IntegrityError:
            response = SurveyResponse.objects.get(survey=survey, key=key)
    response.school_id = school_id
    response.save(update_fields=["school", "updated_at"])
    response.answers.all().delete()
    for row in rows:
        row.response = response
    SurveyAnswer.objects.bulk_create(rows)
    return response


# --- peer review --------------------------------------------------------------------------------------------


@transaction.atomic
def review_create(*, partnership: Partnership, values: dict[str, Any], actor: Any) -> PeerReview:
    review = PeerReview(partnership=partnership, **values)
    editing.create(review, actor=actor)
    return review


@transaction.atomic
def review_update(
    *, review: PeerReview, changes: dict[str, Any], expected_version: int | None, actor: Any
) -> PeerReview:
    editing.apply_changes(review, changes=changes, actor=actor, expected_version=expected_version)
    return review


@transaction.atomic
def panelist_add(*, review: PeerReview, values: dict[str, Any], actor: Any) -> Panelist:
    if review.panel.count() >= 20:
        raise DomainError(_("Een panel heeft ten hoogste twintig leden."))
    panelist = Panelist(partnership=review.partnership, review=review, **values)
    editing.create(panelist, actor=actor, partnership=review.partnership)
    return panelist


@transaction.atomic
def panelist_delete(*, panelist: Panelist, actor: Any) -> None:
    _delete(panelist, actor=actor)


@transaction.atomic
def recommendation_add(
    *,
    review: PeerReview,
    text: str,
    safeguard: str = "",
    owner: Person | None,
    deadline: dt.date | None,
    source_url: str = "",
    actor: Any,
) -> Recommendation:
    """The panel's recommendation, and its action on the partnership's action list (owner and deadline there)."""
    if not text.strip():
        raise DomainError(_("Schrijf de aanbeveling op."), field="text")
    _check_person(owner, review.partnership)
    action = action_services.action_create(
        partnership=review.partnership,
        title=text.strip()[:200],
        owner=owner,
        deadline=deadline,
        description=_("Aanbeveling uit de peer review “%(title)s”.") % {"title": review.title},
        source=f"quality.peer_review:{review.pk}",
        source_label=_("Peer review: %(title)s") % {"title": review.title},
        source_url=source_url,
        actor=actor,
    )
    recommendation = Recommendation(
        partnership=review.partnership, review=review, text=text.strip()[:300], safeguard=safeguard, action=action
    )
    editing.create(recommendation, actor=actor, partnership=review.partnership)
    return recommendation


# --- partner-school certification -------------------------------------------------------------------------


@transaction.atomic
def criterion_create(*, partnership: Partnership, values: dict[str, Any], actor: Any) -> CertificationCriterion:
    criterion = CertificationCriterion(partnership=partnership, **values)
    editing.create(criterion, actor=actor, partnership=partnership)
    return criterion


@transaction.atomic
def criterion_update(
    *, criterion: CertificationCriterion, changes: dict[str, Any], expected_version: int | None, actor: Any
) -> CertificationCriterion:
    editing.apply_changes(
        criterion, changes=changes, actor=actor, expected_version=expected_version, partnership=criterion.partnership
    )
    return criterion


@transaction.atomic
def certification_create(
    *, partnership: Partnership, school: School, values: dict[str, Any], actor: Any
) -> SchoolCertification:
    if not selectors.partner_schools(partnership).filter(pk=school.pk).exists():
        raise DomainError(_("Kies een school van dit partnerschap."), field="school")
    certification = SchoolCertification(
        partnership=partnership,
        school=school,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        **values,
    )
    editing.create(certification, actor=actor)
    CriterionAssessment.objects.bulk_create(
        [
            CriterionAssessment(partnership=partnership, certification=certification, criterion=c)
            for c in selectors.criteria_for(partnership)
        ]
    )
    return certification


@transaction.atomic
def certification_update(
    *,
    certification: SchoolCertification,
    changes: dict[str, Any],
    verdicts: dict[int, tuple[str, str]],
    expected_version: int | None,
    actor: Any,
) -> SchoolCertification:
    """The assessment of a school: its outcome and validity, and per criterion a verdict with its evidence."""
    valid = {c.pk for c in selectors.criteria_for(certification.partnership, include_inactive=True)}
    if set(verdicts) - valid:
        raise DomainError(_("Een criterium hoort niet bij dit partnerschap."))
    if any(v not in CriterionAssessment.Verdict.values for v, _e in verdicts.values()):
        raise DomainError(_("Kies bij elk criterium een oordeel uit de lijst."))
    outcome = changes.get("outcome", certification.outcome)
    certified = outcome in (SchoolCertification.Outcome.CERTIFIED, SchoolCertification.Outcome.CONDITIONAL)
    if certified and any(v == CriterionAssessment.Verdict.NOT_MET for v, _e in verdicts.values()):
        if outcome == SchoolCertification.Outcome.CERTIFIED:
            raise DomainError(
                _("Een school die niet aan een criterium voldoet, is hooguit voorwaardelijk gecertificeerd."),
                field="outcome",
            )
    editing.apply_changes(certification, changes=changes, actor=actor, expected_version=expected_version)
    for criterion_id, (verdict, evidence) in verdicts.items():
        row, _made = CriterionAssessment.objects.get_or_create(
            partnership=certification.partnership, certification=certification, criterion_id=criterion_id
        )
        if (row.verdict, row.evidence) != (verdict, evidence):
            row.verdict, row.evidence = verdict, evidence
            row.save(update_fields=["verdict", "evidence"])
            history.record(
                actor=actor,
                obj=certification,
                action="changed",
                changes={"criterium": str(row.criterion), "oordeel": verdict},
            )
    return certification
