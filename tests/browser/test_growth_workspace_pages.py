"""The growth workspace in Chromium: the entry page, the variant matrix, the candidates' status board and a
candidate's page with the demo and for an empty partnership, and the lead adding a candidate and ticking a step."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from samenopleiden.growth.models import Candidate
from samenopleiden.growth.services.reference import load_reference_data
from samenopleiden.registry.models import Partnership, Role
from samenopleiden.registry.services.demo import load_demo
from samenopleiden.registry.tests.factories import PartnershipFactory, member
from samenopleiden.students import schoolyear

from .conftest import DEMO_PASSWORD, assert_accessible, assert_headings_in_order, assert_skip_link_works, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_workspace_pages_with_the_demo(page):
    load_demo()
    groningen = Partnership.objects.get(slug="groningen")
    candidate = Candidate.objects.get(partnership=groningen, name="Cbs De Vlonder")
    step = candidate.steps.order_by("order").first()
    variant = groningen.variant_scores.first().variant
    sign_in(page, "programmaleider", DEMO_PASSWORD)
    for url in [
        reverse("growth:overview", args=[groningen.slug]),
        reverse("growth:variants", args=[groningen.slug]),
        reverse("growth:variant_score", args=[groningen.slug, variant.pk]),
        reverse("growth:candidates", args=[groningen.slug]),
        reverse("growth:candidate_detail", args=[groningen.slug, candidate.pk]),
        reverse("growth:candidate_add", args=[groningen.slug]),
        reverse("growth:step_edit", args=[groningen.slug, candidate.pk, step.pk]),
        reverse("growth:profile_edit", args=[groningen.slug]),
        reverse("growth:table_add", args=[groningen.slug]),
        reverse("growth:forecast_add", args=[groningen.slug]),
    ]:
        assert page.goto(url).status == 200, url
        assert_headings_in_order(page)
        assert_accessible(page)
    page.goto(reverse("growth:overview", args=[groningen.slug]))
    main = page.inner_text("main")
    assert "Regionaal actieplan lerarentekort Groningen" in main and "Cluster" in main
    page.goto(reverse("growth:candidates", args=[groningen.slug]))
    assert "Cbs De Vlonder" in page.inner_text("main") and "te laat" in page.inner_text("main")
    assert_skip_link_works(page)


def test_the_pages_of_an_empty_partnership(page):
    load_reference_data()  # the migration's rows are flushed between transactional tests
    partnership = PartnershipFactory(name="Partnerschap Nieuwbouw", slug="nieuwbouw")
    member(partnership, Role.PROGRAMME_LEAD, username="nieuwelead")
    sign_in(page, "nieuwelead")
    for url, text in [
        (reverse("growth:overview", args=[partnership.slug]), "Nog geen prognose"),
        (reverse("growth:variants", args=[partnership.slug]), "nog niet beoordeeld"),
        (reverse("growth:candidates", args=[partnership.slug]), "Geen toetreders in deze selectie"),
    ]:
        assert page.goto(url).status == 200, url
        assert text in page.inner_text("main")
        assert_headings_in_order(page)
        assert_accessible(page)


def test_the_lead_adds_a_candidate_and_ticks_a_step(page, partnership, programme_lead):
    load_reference_data()
    sign_in(page, "lead")
    page.goto(reverse("growth:candidates", args=[partnership.slug]))
    page.click("text=Toetreder toevoegen")
    page.fill("#id_name", "Stichting Wadscholen")
    page.select_option("#id_kind", "bestuur")
    page.fill("#id_contact_name", "Els Bakker")
    page.fill("#id_start_year", schoolyear.following(schoolyear.current(timezone.localdate())))
    page.click("main button[type=submit]")
    page.wait_for_url("**/groei/toetreding/*/")
    assert "Stichting Wadscholen" in page.inner_text("main")
    assert "0 van 8 stappen gedaan" in page.inner_text("main")
    page.click("main button:has-text('Afvinken') >> nth=0")
    page.wait_for_load_state()
    assert "1 van 8 stappen gedaan" in page.inner_text("main")
    candidate = Candidate.objects.get(name="Stichting Wadscholen")
    assert candidate.steps.exclude(done_on=None).count() == 1
    assert_accessible(page)
