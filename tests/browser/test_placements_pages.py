"""The placements module in Chromium: every page with the demo (axe-core, headings), an empty partnership, and a
round run from the page with its progress bar, reviewed and confirmed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samenopleiden.placements.models import MatchingRound, Placement
from samenopleiden.registry.models import Partnership, Role
from samenopleiden.registry.services.demo import load_demo
from samenopleiden.registry.tests.factories import PartnershipFactory, member
from samenopleiden.students.models import Student

from .conftest import DEMO_PASSWORD, assert_accessible, assert_headings_in_order, assert_skip_link_works, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page, url: str) -> None:
    response = page.goto(url)
    assert response.status == 200, f"{url}: {response.status}"
    assert_headings_in_order(page)
    assert_accessible(page)


def test_the_placement_pages_with_the_demo(page):
    load_demo()
    groningen = Partnership.objects.get(slug="groningen")
    confirmed = MatchingRound.objects.get(partnership=groningen, status="bevestigd")
    run = confirmed.runs.get()
    student = Student.objects.filter(partnership=groningen, school_year=confirmed.school_year).first()
    cluster = groningen.clusters.first()
    sign_in(page, "programmaleider", DEMO_PASSWORD)
    for name, args in [
        ("overview", []),
        ("offers", []),
        ("offer_add", []),
        ("cluster_cap", [cluster.pk]),
        ("subjects", []),
        ("preferences", []),
        ("preference_edit", [student.pk]),
        ("preference_import", []),
        ("rounds", []),
        ("round_add", []),
        ("round_detail", [confirmed.pk]),
        ("rankings", [confirmed.pk]),
        ("run_detail", [run.pk]),
        ("run_messages", [run.pk]),
        ("placements", []),
    ]:
        check(page, reverse(f"placements:{name}", args=[groningen.slug, *args]))
    page.goto(reverse("placements:run_detail", args=[groningen.slug, run.pk]))
    assert "Geplaatst op je 1e wens" in page.inner_text("main")
    assert_skip_link_works(page)


def test_an_educator_sees_the_placements_of_their_cluster(page):
    load_demo()
    sign_in(page, "schoolopleider", DEMO_PASSWORD)
    check(page, reverse("placements:placements", args=["groningen"]))
    shown = page.locator("main tbody tr").count()
    assert 0 < shown < Placement.objects.filter(partnership__slug="groningen").count()


def test_an_empty_partnership_says_what_to_do(page):
    partnership = PartnershipFactory(name="Partnerschap Nieuwbouw", slug="nieuwbouw")
    member(partnership, Role.PROGRAMME_LEAD, username="nieuwelead")
    sign_in(page, "nieuwelead")
    for name in ("overview", "offers", "rounds", "placements", "preferences"):
        check(page, reverse(f"placements:{name}", args=[partnership.slug]))
    page.goto(reverse("placements:offers", args=[partnership.slug]))
    assert "Nog geen aanbod" in page.inner_text("main")


def test_open_run_review_and_confirm_a_round_from_the_pages(page):
    load_demo()
    groningen = Partnership.objects.get(slug="groningen")
    MatchingRound.objects.filter(partnership=groningen).delete()
    Placement.objects.filter(partnership=groningen).delete()
    sign_in(page, "stagebureau", DEMO_PASSWORD)
    page.goto(reverse("placements:round_add", args=[groningen.slug]))
    page.fill("#id_name", "Proefronde")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Ronde draaien")
    page.click("text=Ronde draaien")
    page.wait_for_selector("text=Bekijk de uitkomst van run 1")  # the job ran (immediate backend in tests)
    assert_accessible(page)
    page.click("text=Bekijk de uitkomst van run 1")
    page.wait_for_selector("text=Deze run bevestigen")
    page.click("text=Deze run bevestigen")
    page.wait_for_selector("text=Bevestigd:")
    assert Placement.objects.filter(partnership=groningen).exists()
