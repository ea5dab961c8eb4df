"""The cycle's demo for Groningen: loads twice without change, shows a survey with one cluster big enough and one
too small, and every main page answers for the lead, a reader and an educator."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from samenopleiden.actions.models import Action
from samenopleiden.quality import demo_cycle
from samenopleiden.quality import selectors_cycle as selectors
from samenopleiden.quality.models import (
    AnnualPlan,
    CriterionAssessment,
    GoalMeasurement,
    PeerReview,
    Recommendation,
    SchoolCertification,
    Survey,
    SurveyAnswer,
)
from samenopleiden.registry.models import Partnership
from samenopleiden.registry.services.demo import _load_registry

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 25)


def snapshot() -> tuple:
    return (
        sorted(GoalMeasurement.objects.values_list("goal__title", "measured_on", "value")),
        AnnualPlan.objects.count(),
        SurveyAnswer.objects.count(),
        sorted(PeerReview.objects.values_list("title", "outcome")),
        Recommendation.objects.count(),
        Action.objects.count(),
        sorted(SchoolCertification.objects.values_list("school__name", "outcome", "valid_until")),
        CriterionAssessment.objects.count(),
    )


@pytest.fixture
def demo(db):
    _load_registry(TODAY)
    demo_cycle.load(today=TODAY)
    return Partnership.objects.get(slug="groningen")


def test_the_demo_loads_twice_without_change(demo):
    first = snapshot()
    demo_cycle.load(today=TODAY)
    assert snapshot() == first
    assert len(first[0]) >= 10 and first[1] == 4 and first[4] == 3


def test_the_demo_survey_has_a_big_and_a_small_cluster(demo):
    survey = Survey.objects.get(partnership=demo)
    shown = [row["shown"] for row in selectors.survey_results(survey, demo.clusters.all())["clusters"]]
    assert shown.count(True) == 1 and len(shown) == demo.clusters.count()
    results = selectors.survey_results(survey, demo.clusters.all())
    assert results["overall"].n == 11 and results["hidden_clusters"] == 1


def test_the_demo_goals_have_every_kind_of_status(demo):
    statuses = {row["status"] for row in selectors.goals(demo, TODAY)}
    assert {"behaald", "niet_behaald"} <= statuses and ({"op_koers", "achter"} & statuses)


def test_the_demo_certification_states(demo):
    states = {row["state"] for row in selectors.schools_with_state(demo, TODAY)}
    assert {"geldig", "verloopt", "verlopen", "niet", "loopt", "geen"} <= states


@pytest.mark.parametrize("username", ["programmaleider", "stuurgroep", "schoolopleider"])
def test_every_main_page_answers(client, demo, username):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    slug = demo.slug
    survey = Survey.objects.get(partnership=demo)
    review = PeerReview.objects.filter(partnership=demo).exclude(outcome="").get()
    plan = AnnualPlan.objects.filter(partnership=demo).order_by("pk").first()
    cert = SchoolCertification.objects.filter(partnership=demo).first()
    goal = demo.quality_goals.first()
    everyone = [
        reverse("quality:plans", args=[slug]),
        reverse("quality:surveys", args=[slug]),
        reverse("quality:survey_detail", args=[slug, survey.pk]),
        reverse("quality:survey_results", args=[slug, survey.pk]),
    ]
    readers = [
        reverse("quality:goals", args=[slug]),
        reverse("quality:goal_detail", args=[slug, goal.pk]),
        reverse("quality:calendar", args=[slug]),
        reverse("quality:plan_detail", args=[slug, plan.pk]),
        reverse("quality:peer_reviews", args=[slug]),
        reverse("quality:peer_review_detail", args=[slug, review.pk]),
        reverse("quality:certification", args=[slug]),
        reverse("quality:certification_detail", args=[slug, cert.pk]),
    ]
    for url in everyone:
        assert client.get(url).status_code == 200, url
    for url in readers:
        expected = 200 if username != "schoolopleider" else (403, 404)
        status = client.get(url).status_code
        assert status == expected or status in (expected if isinstance(expected, tuple) else ()), url


def test_the_dashboard_cards(demo):
    from django.contrib.auth import get_user_model

    from samenopleiden.core.access import build_context
    from samenopleiden.quality import dashboard_cycle

    users = get_user_model().objects
    lead = dashboard_cycle.cards(build_context(users.get(username="programmaleider"), on=TODAY), demo, TODAY)
    assert [c.title for c in lead][:3] == ["Kwaliteitsdoelen", "Volgende peer review", "Certificering partnerscholen"]
    educator = dashboard_cycle.cards(build_context(users.get(username="schoolopleider"), on=TODAY), demo, TODAY)
    assert [c.title for c in educator] == ["Jaarplannen 2026-2027"] and educator[0].number in ("0/1", "1/1")
