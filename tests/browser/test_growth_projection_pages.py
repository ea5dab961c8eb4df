"""Growth scenarios in Chromium: the list, a scenario with its table and charts, the comparison, the form and the
growth potential per board with the demo and for an empty partnership, and the lead creating a scenario (with a
refused lever first) and comparing it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samenopleiden.growth.models import Scenario
from samenopleiden.registry.models import Partnership, Role
from samenopleiden.registry.services.demo import load_demo
from samenopleiden.registry.tests.factories import PartnershipFactory, member

from .conftest import DEMO_PASSWORD, assert_accessible, assert_headings_in_order, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_projection_pages_with_the_demo(page):
    load_demo()
    groningen = Partnership.objects.get(slug="groningen")
    scenarios = list(Scenario.objects.filter(partnership=groningen).order_by("name"))
    assert len(scenarios) == 3
    sign_in(page, "programmaleider", DEMO_PASSWORD)
    slug = groningen.slug
    compare = reverse("growth:scenario_compare", args=[slug]) + "?" + "&".join(f"s={s.pk}" for s in scenarios)
    for url in [
        reverse("growth:scenarios", args=[slug]),
        reverse("growth:scenario_detail", args=[slug, scenarios[0].pk]),
        reverse("growth:scenario_edit", args=[slug, scenarios[0].pk]),
        reverse("growth:scenario_add", args=[slug]),
        reverse("growth:scenario_upload", args=[slug]),
        compare,
        reverse("growth:potential", args=[slug]),
    ]:
        assert page.goto(url).status == 200, url
        assert_headings_in_order(page)
        assert_accessible(page)
    page.goto(reverse("growth:scenario_detail", args=[slug, scenarios[0].pk]))
    page.wait_for_function("() => document.querySelectorAll('canvas[data-chart]').length > 0")
    assert "Projectie per schooljaar" in page.inner_text("main")
    page.goto(reverse("growth:potential", args=[slug]))
    main = page.inner_text("main")
    assert "KOC" in main and "VCPONG" in main
    assert page.locator(".card__number").first.inner_text() == "4"


def test_the_pages_of_an_empty_partnership(page):
    partnership = PartnershipFactory(name="Partnerschap Nieuwbouw", slug="nieuwbouw")
    member(partnership, Role.PROGRAMME_LEAD, username="nieuwelead")
    sign_in(page, "nieuwelead")
    for url, text in [
        (reverse("growth:scenarios", args=[partnership.slug]), "Nog geen scenario's"),
        (reverse("growth:potential", args=[partnership.slug]), "nog geen besturen"),
        (reverse("growth:scenario_add", args=[partnership.slug]), "Nieuw groeiscenario"),
    ]:
        assert page.goto(url).status == 200, url
        assert text in page.inner_text("main")
        assert_headings_in_order(page)
        assert_accessible(page)


def test_the_lead_creates_a_scenario_and_compares_it(page, partnership, cluster, programme_lead):
    sign_in(page, "lead")
    page.goto(reverse("growth:scenarios", args=[partnership.slug]))
    page.click("text=Nieuw scenario")
    page.fill("#id_name", "Groei met één cluster")
    page.fill(f"#id_extra_{cluster.board_id}", "1")
    page.fill("#id_wage_index", "300")
    page.click("main button[type=submit]")
    assert "niet aannemelijk" in page.inner_text("main")
    assert page.input_value("#id_name") == "Groei met één cluster"  # what was typed is kept
    page.fill("#id_wage_index", "4")
    page.click("main button[type=submit]")
    page.wait_for_url("**/groei/scenarios/*/")
    assert "Projectie per schooljaar" in page.inner_text("main")
    page.goto(reverse("growth:scenario_add", args=[partnership.slug]))
    page.fill("#id_name", "Niets doen")
    page.click("main button[type=submit]")
    page.wait_for_url("**/groei/scenarios/*/")
    page.goto(reverse("growth:scenarios", args=[partnership.slug]))
    for box in page.locator("input[name=s]").all():
        box.check()
    page.click("text=Geselecteerde scenario's vergelijken")
    page.wait_for_url("**/vergelijken/**")
    main = page.inner_text("main")
    assert "Groei met één cluster" in main and "Niets doen" in main
    assert_accessible(page)
