"""The demo's rates, keys, totals and targets: safe to load twice, and true to seed 003 (Groningen trains about 60%
of NHL Stenden's full-time and 20% of its part-time students; it aimed at 2025)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from samenopleiden.registry.models import Partnership
from samenopleiden.registry.services.demo import load_demo
from samenopleiden.students import coverage_engine as engine
from samenopleiden.students import funding
from samenopleiden.students.models import (
    AllocationKey,
    AllocationShare,
    CoverageTarget,
    FundingRate,
    InstituteEnrolment,
)
from samenopleiden.students.services import coverage, subsidy

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 25)
YEAR = "2026-2027"


def snapshot() -> dict:
    return {
        "rates": list(FundingRate.objects.order_by("school_year").values_list("school_year", "fixed_amount", "note")),
        "keys": list(AllocationKey.objects.order_by("partnership__slug").values_list("partnership__slug", "version")),
        "shares": sorted(AllocationShare.objects.values_list("membership__pk", "share")),
        "totals": sorted(
            InstituteEnrolment.objects.values_list("institute__code", "school_year", "programme", "mode", "total")
        ),
        "targets": sorted(CoverageTarget.objects.values_list("target_year", "partnership__slug", "region__slug")),
    }


def test_the_demo_loads_twice_with_the_same_result_and_tells_the_seeds_story():
    load_demo(today=TODAY)
    first = snapshot()
    load_demo(today=TODAY)
    assert snapshot() == first
    assert FundingRate.objects.get(school_year="2021-2022").note == "Bedragen uit de regeling voor 2021/22."
    assert FundingRate.objects.get(school_year=YEAR).note.startswith("Voorbeeldbedragen")
    assert not FundingRate.objects.filter(school_year="2027-2028").exists()  # next year: not known yet

    groningen = Partnership.objects.get(slug="groningen")
    money = subsidy.subsidy_for(groningen, YEAR, today=TODAY)
    assert money.estimate.state == funding.RECOGNISED and money.estimate.reduced
    assert money.distribution.distributed == money.estimate.amount
    assert money.distribution.central_amount > 0 and money.unassigned == 0

    monitor = coverage.coverage_for(groningen, YEAR, today=TODAY)
    nhl = next(b for b in monitor.institutes if b.institute.code == "nhlstenden")
    modes = {line.value: line.stat(YEAR) for line in nhl.breakdowns[engine.MODE]}
    assert abs(modes["voltijd"].share_everywhere - 60) <= 5
    assert abs(modes["deeltijd"].share_everywhere - 20) <= 5
    assert nhl.total.projection.state == engine.PASSED_MISSED
    assert nhl.last_changed_by  # entered by the placement office, named

    secondary = Partnership.objects.get(slug="aos-west-brabant")
    monitor = coverage.coverage_for(secondary, YEAR, today=TODAY)
    assert monitor.target.owner == "region"
    shared = next(b for b in monitor.institutes if b.institute.code == "fontys-tilburg")
    stat = shared.total.stat(YEAR)
    assert stat.here < stat.everywhere < stat.total  # trained in two partnerships, far from all
    subjects = {line.label for line in shared.breakdowns[engine.SUBJECT] if line.stat(YEAR).total}
    assert {"Engels", "geschiedenis"} <= subjects
    university = next(b for b in monitor.institutes if b.institute.code == "tilburg-uni")
    assert engine.gaps(university.breakdowns[engine.SUBJECT], YEAR, engine.SUBJECT)  # per variant only: said

    ijssel = AllocationKey.objects.get(partnership__slug="ijssel-veluwe")
    assert sum(AllocationShare.objects.filter(key=ijssel).values_list("share", flat=True)) == Decimal(100)
