"""The subsidy and coverage pages in Chromium: each page with the demo (as the lead, the placement office and a
reader) and for an empty partnership, with axe-core; and the flows: changing the allocation key, entering an
institute's totals, setting the target. The chart is drawn from the page's own numbers."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samenopleiden.registry.models import Institute, Partnership, Role
from samenopleiden.registry.services.demo import load_demo
from samenopleiden.registry.tests.factories import PartnershipFactory, member
from samenopleiden.students.models import AllocationKey, CoverageTarget, InstituteEnrolment

from .conftest import DEMO_PASSWORD, assert_accessible, assert_headings_in_order, assert_skip_link_works, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page, url: str) -> None:
    response = page.goto(url)
    assert response.status == 200, f"{url}: {response.status}"
    assert_headings_in_order(page)
    assert_accessible(page)


def url(name: str, slug: str, *args) -> str:
    return reverse(f"students:{name}", args=[slug, *args])


def test_the_money_pages_with_the_demo_and_the_leads_flows(page):
    load_demo()
    groningen = Partnership.objects.get(slug="groningen")
    nhl = Institute.objects.get(code="nhlstenden")
    sign_in(page, "programmaleider", DEMO_PASSWORD)
    for name, args in [
        ("subsidy", []),
        ("allocation_key", []),
        ("coverage", []),
        ("enrolments", [nhl.pk]),
        ("coverage_target", []),
    ]:
        check(page, url(name, groningen.slug, *args))

    # the subsidy: the estimate, the pro-rata factor of the demo year, every partner's reasoning
    page.goto(url("subsidy", groningen.slug))
    main = page.inner_text("main")
    assert "Elk bedrag gaat daarom naar verhouding omlaag" in main
    assert "toegerekende studenten" in main and "centraal deel van" in main
    assert_skip_link_works(page)

    # the key: a mix with more to clusters; the page follows it
    page.goto(url("allocation_key", groningen.slug))
    page.fill("#id_central_share", "5")
    page.fill("#id_weight_students", "60")
    page.fill("#id_weight_clusters", "40")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=De verdeelsleutel is opgeslagen.")
    assert (
        "eerst 5% centraal deel; de rest 60% naar geplaatste studenten, 40% naar opleidingsclusters"
        in page.inner_text("main")
    )
    assert AllocationKey.objects.get(partnership=groningen).weight_clusters == 40

    # weights that do not add up: a message, and the key stays as it was
    page.goto(url("allocation_key", groningen.slug))
    page.fill("#id_weight_clusters", "10")
    page.click("main button[type=submit]")
    page.wait_for_selector("#form-errors")
    assert "dat moet 100% zijn" in page.inner_text("#form-errors")
    assert_accessible(page)
    assert AllocationKey.objects.get(partnership=groningen).weight_clusters == 40

    # the monitor: the passed target said honestly, the chart drawn, the table beside it
    page.goto(url("coverage", groningen.slug))
    main = page.inner_text("main")
    assert "Het doeljaar 2024-2025 is voorbij" in main
    page.wait_for_function("window.Chart && Chart.getChart(document.getElementById('coverage-chart'))")
    points = page.evaluate("Chart.getChart(document.getElementById('coverage-chart')).data.datasets[0].data")
    assert len(points) >= 3 and all(0 < p < 100 for p in points if p is not None)

    # a new target year
    page.goto(url("coverage_target", groningen.slug))
    options = page.eval_on_selector_all("#id_target_year option", "els => els.map(e => e.value)")
    page.select_option("#id_target_year", options[-1])
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Het doel is opgeslagen.")
    assert CoverageTarget.objects.get(partnership=groningen).target_year == options[-1]
    assert "Het doeljaar 2024-2025 is voorbij" not in page.inner_text("main")


def test_the_placement_office_enters_its_institutes_totals_and_a_reader_only_reads(page):
    load_demo()
    nhl = Institute.objects.get(code="nhlstenden")
    sign_in(page, "stagebureau", DEMO_PASSWORD)
    check(page, url("coverage", "groningen"))
    page.click(f"a[href^='{url('enrolments', 'groningen', nhl.pk)}']")
    page.wait_for_selector("h1:has-text('Aantal studenten van')")
    assert_accessible(page)
    full_time = page.locator("input[value='Opleiding leraar basisonderwijs (pabo)']").first
    row = full_time.locator("xpath=ancestor::tr")
    row.locator("input[name$='-total']").fill("-3")
    page.click("main button:has-text('Opslaan')")
    page.wait_for_selector("text=Een aantal studenten kan niet negatief zijn.")
    assert_accessible(page)
    row = page.locator("input[value='Opleiding leraar basisonderwijs (pabo)']").first.locator("xpath=ancestor::tr")
    row.locator("input[name$='-total']").fill("200")
    page.locator("input[name='regel-3-programme']").fill("Pabo flex")
    page.locator("select[name='regel-3-mode']").select_option("duaal")
    page.locator("input[name='regel-3-total']").fill("12")
    page.click("main button:has-text('Opslaan')")
    page.wait_for_selector("text=De aantallen zijn opgeslagen")
    assert InstituteEnrolment.objects.filter(institute=nhl, programme="Pabo flex", mode="duaal", total=12).exists()
    assert "duaal" in page.inner_text("#details")

    page.click("button:has-text('Uitloggen')")
    sign_in(page, "stuurgroep", DEMO_PASSWORD)
    check(page, url("coverage", "groningen"))
    assert "Aantallen invoeren" not in page.inner_text("main")
    check(page, url("subsidy", "groningen"))
    assert "Verdeelsleutel wijzigen" not in page.inner_text("main")


def test_an_empty_partnership_is_told_what_is_missing(page):
    partnership = PartnershipFactory(name="Partnerschap Nieuwbouw", slug="nieuwbouw")
    member(partnership, Role.PROGRAMME_LEAD, username="nieuwelead")
    sign_in(page, "nieuwelead")
    for name in ("subsidy", "allocation_key", "coverage", "coverage_target"):
        check(page, url(name, partnership.slug))
    page.goto(url("subsidy", partnership.slug))
    assert "Het partnerschap heeft nog geen partners vastgelegd" in page.inner_text("main")
    page.goto(url("coverage", partnership.slug))
    assert "Er doet nog geen lerarenopleiding mee" in page.inner_text("main")
