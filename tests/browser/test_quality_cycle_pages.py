"""The quality cycle in Chromium: goals, calendar, annual plans, the survey and its results, peer review and
certification with the demo and for an empty partnership; a student answering the survey through the cluster's
link without an account; an educator writing their cluster's plan."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from samenopleiden.quality.models import AnnualPlan, PeerReview, SchoolCertification, Survey, SurveyResponse
from samenopleiden.registry.models import Partnership, Role
from samenopleiden.registry.services.demo import load_demo
from samenopleiden.registry.tests.factories import PartnershipFactory, member
from samenopleiden.students import schoolyear

from .conftest import DEMO_PASSWORD, assert_accessible, assert_headings_in_order, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_cycle_pages_with_the_demo(page):
    load_demo()
    p = Partnership.objects.get(slug="groningen")
    survey = Survey.objects.get(partnership=p)
    review = PeerReview.objects.filter(partnership=p).exclude(outcome="").get()
    plan = AnnualPlan.objects.filter(partnership=p).order_by("-school_year", "pk").first()
    cert = SchoolCertification.objects.filter(partnership=p, outcome="voorwaardelijk").first()
    goal = p.quality_goals.order_by("pk").first()
    sign_in(page, "programmaleider", DEMO_PASSWORD)
    for url in [
        reverse("quality:goals", args=[p.slug]),
        reverse("quality:goal_detail", args=[p.slug, goal.pk]),
        reverse("quality:goal_add", args=[p.slug]),
        reverse("quality:calendar", args=[p.slug]),
        reverse("quality:plans", args=[p.slug]),
        reverse("quality:plan_detail", args=[p.slug, plan.pk]),
        reverse("quality:plan_edit", args=[p.slug, plan.pk]),
        reverse("quality:surveys", args=[p.slug]),
        reverse("quality:survey_detail", args=[p.slug, survey.pk]),
        reverse("quality:survey_results", args=[p.slug, survey.pk]),
        reverse("quality:peer_reviews", args=[p.slug]),
        reverse("quality:peer_review_detail", args=[p.slug, review.pk]),
        reverse("quality:certification", args=[p.slug]),
        reverse("quality:certification_detail", args=[p.slug, cert.pk]),
        reverse("quality:certification_edit", args=[p.slug, cert.pk]),
    ]:
        assert page.goto(url).status == 200, url
        assert_headings_in_order(page)
        assert_accessible(page)
    page.goto(reverse("quality:survey_results", args=[p.slug, survey.pk]))
    assert "Minder dan vijf antwoorden uit dit cluster" in page.inner_text("main")
    page.goto(reverse("quality:peer_review_detail", args=[p.slug, review.pk]))
    assert "1 van 3 aanbevelingen afgerond" in page.inner_text("main")


def test_the_pages_of_an_empty_partnership(page):
    partnership = PartnershipFactory(name="Partnerschap Nieuwbouw", slug="nieuwbouw")
    member(partnership, Role.PROGRAMME_LEAD, username="nieuwelead")
    sign_in(page, "nieuwelead")
    for url, text in [
        (reverse("quality:goals", args=[partnership.slug]), "Nog geen kwaliteitsdoelen"),
        (reverse("quality:calendar", args=[partnership.slug]), "Nog geen momenten"),
        (reverse("quality:plans", args=[partnership.slug]), "nog geen clusters"),
        (reverse("quality:surveys", args=[partnership.slug]), "Nog geen enquêtes"),
        (reverse("quality:peer_reviews", args=[partnership.slug]), "Nog geen peer review"),
        (reverse("quality:certification", args=[partnership.slug]), "nog geen scholen"),
    ]:
        assert page.goto(url).status == 200, url
        assert text in page.inner_text("main"), url
        assert_headings_in_order(page)
        assert_accessible(page)


def test_a_student_answers_through_the_link_without_an_account(page):
    load_demo()
    p = Partnership.objects.get(slug="groningen")
    survey = Survey.objects.get(partnership=p)
    link = survey.links.order_by("cluster__name").last()
    before = SurveyResponse.objects.filter(survey=survey, cluster=link.cluster).count()
    page.goto(reverse("quality:survey_respond", args=[link.token]))
    assert_headings_in_order(page)
    assert_accessible(page)
    page.click("main button[type=submit]")  # nothing filled in: the form says what is missing
    assert "Nog niet alles is goed ingevuld" in page.inner_text("main")
    for fieldset in page.locator("fieldset").all():
        fieldset.locator("input[type=radio]").first.check()
    page.click("main button[type=submit]")
    page.wait_for_url("**/bedankt/")
    assert "Dank u wel" in page.inner_text("main")
    assert SurveyResponse.objects.filter(survey=survey, cluster=link.cluster).count() == before + 1
    page.goto(reverse("quality:survey_respond", args=["geen-echte-link"]))
    assert "Deze link werkt niet" in page.inner_text("main")


def test_an_educator_writes_the_plan_of_their_cluster(page):
    load_demo()
    p = Partnership.objects.get(slug="groningen")
    sign_in(page, "schoolopleider", DEMO_PASSWORD)
    next_year = schoolyear.following(schoolyear.current(timezone.localdate()))
    page.goto(reverse("quality:plans", args=[p.slug]) + f"?jaar={next_year}")
    assert_accessible(page)
    page.locator("main a", has_text="Jaarplan beginnen").first.click()
    page.click("main button[type=submit]")
    page.wait_for_url("**/schrijven/")
    page.fill("#id_development", "Elke week een leerkring voor studenten")
    page.click("main button[type=submit]")
    page.wait_for_url("**/jaarplannen/*/")
    assert "Elke week een leerkring voor studenten" in page.inner_text("main")
