"""Rows of the quality module (goals, annual plans and the survey, peer review, certification) for the
cross-cutting walk tests; `walk.py` combines the parts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from samenopleiden.actions.models import Action
from samenopleiden.quality.models import (
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


def populate(partnership, *, next_id, lead, educator) -> None:
    today = dt.date.today()
    cluster = partnership.clusters.order_by("pk").first()
    school = cluster.schools.order_by("pk").first()
    goal = QualityGoal.objects.create(
        id=next_id(),
        partnership=partnership,
        title="Geheim kwaliteitsdoel",
        safeguard="leeromgeving",
        indicator="Geheime indicator",
        target=Decimal("80"),
        deadline=today + dt.timedelta(days=300),
        owner=lead,
    )
    GoalMeasurement.objects.create(
        id=next_id(), partnership=partnership, goal=goal, measured_on=today, value=Decimal("41"), note="Geheime meting"
    )
    CalendarEvent.objects.create(
        id=next_id(),
        partnership=partnership,
        school_year=f"{today.year}-{today.year + 1}",
        kind="panelgesprek",
        title="Geheim panelgesprek",
        date=today,
    )
    AnnualPlan.objects.create(
        id=next_id(),
        partnership=partnership,
        cluster=cluster,
        school_year="2026-2027",
        development="Geheime ontwikkeldoelen",
        end_evaluation="Geheime eindevaluatie",
    )
    survey = Survey.objects.create(
        id=next_id(),
        partnership=partnership,
        title="Geheime enquête",
        school_year="2026-2027",
        opens_on=today - dt.timedelta(days=5),
        closes_on=today + dt.timedelta(days=30),
    )
    question = SurveyQuestion.objects.create(
        id=next_id(), partnership=partnership, survey=survey, kind="open", text="Geheime vraag", required=False
    )
    SurveyLink.objects.create(
        id=next_id(), partnership=partnership, survey=survey, cluster=cluster, token="geheimetoken-walk"
    )
    response = SurveyResponse.objects.create(
        id=next_id(), partnership=partnership, survey=survey, cluster=cluster, school=school, key="geheime-sleutel"
    )
    SurveyAnswer.objects.create(
        id=next_id(), partnership=partnership, response=response, question=question, text="Geheim antwoord"
    )
    review = PeerReview.objects.create(
        id=next_id(), partnership=partnership, title="Geheime peer review", planned_on=today
    )
    Panelist.objects.create(
        id=next_id(), partnership=partnership, review=review, name="Geheim panellid", role="voorzitter"
    )
    action = Action.objects.create(id=next_id(), partnership=partnership, title="Geheime aanbevelingsactie")
    Recommendation.objects.create(
        id=next_id(), partnership=partnership, review=review, text="Geheime aanbeveling", action=action
    )
    criterion = CertificationCriterion.objects.create(id=next_id(), partnership=partnership, title="Geheim criterium")
    certification = SchoolCertification.objects.create(
        id=next_id(),
        partnership=partnership,
        school=school,
        assessed_on=today,
        outcome="gecertificeerd",
        valid_until=today + dt.timedelta(days=60),
        note="Geheime certificering",
    )
    CriterionAssessment.objects.create(
        id=next_id(),
        partnership=partnership,
        certification=certification,
        criterion=criterion,
        verdict="voldaan",
        evidence="Geheim bewijs",
    )


def secrets(partnership) -> list[str]:
    return (
        list(QualityGoal.objects.filter(partnership=partnership).values_list("title", flat=True))
        + list(GoalMeasurement.objects.filter(partnership=partnership).values_list("note", flat=True))
        + list(CalendarEvent.objects.filter(partnership=partnership).values_list("title", flat=True))
        + list(AnnualPlan.objects.filter(partnership=partnership).values_list("development", flat=True))
        + list(Survey.objects.filter(partnership=partnership).values_list("title", flat=True))
        + list(PeerReview.objects.filter(partnership=partnership).values_list("title", flat=True))
        + list(Panelist.objects.filter(partnership=partnership).values_list("name", flat=True))
        + list(Recommendation.objects.filter(partnership=partnership).values_list("text", flat=True))
        + list(CertificationCriterion.objects.filter(partnership=partnership).values_list("title", flat=True))
        + list(CriterionAssessment.objects.filter(partnership=partnership).values_list("evidence", flat=True))
    )


def plausible_fields(partnership) -> dict:
    return {
        "title": "Overgenomen doel",
        "safeguard": "leeromgeving",
        "indicator": "x",
        "source": "handmatig",
        "target": "50",
        "deadline": "2030-01-01",
        "measured_on": "2026-01-01",
        "value": "12",
        "date": "2027-01-01",
        "school_year": "2027-2028",
        "development": "Overgenomen",
        "opens_on": "2026-01-01",
        "closes_on": "2030-01-01",
        "text": "Overgenomen",
        "order": "1",
        "assessed_on": "2026-01-01",
        "outcome": "gecertificeerd",
        "valid_until": "2030-01-01",
    }
