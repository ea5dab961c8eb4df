"""The workspace demo: loads for Groningen, twice without change, and gives the pages something to show."""

from __future__ import annotations

import datetime as dt

import pytest

from samenopleiden.core.models import HistoryEntry
from samenopleiden.growth import demo_workspace
from samenopleiden.growth.models import Candidate, CandidateStep, PlacesForecast, RegionalTable, VariantScore
from samenopleiden.growth.selectors_workspace import candidate_board
from samenopleiden.registry.models import Partnership
from samenopleiden.registry.tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 25)


def snapshot() -> tuple:
    return (
        sorted(RegionalTable.objects.values_list("name", "position")),
        sorted(PlacesForecast.objects.values_list("school_year", "places")),
        sorted(VariantScore.objects.values_list("variant__code", "fit")),
        sorted(Candidate.objects.values_list("name", "start_year", "intake_date")),
        sorted(CandidateStep.objects.values_list("candidate__name", "title", "deadline", "done_on")),
        HistoryEntry.objects.count(),
    )


def test_the_demo_loads_twice_without_change():
    PartnershipFactory(slug="groningen", name="Groningen")
    demo_workspace.load(today=TODAY)
    first = snapshot()
    demo_workspace.load(today=TODAY)
    assert snapshot() == first
    groningen = Partnership.objects.get(slug="groningen")
    rows = candidate_board(groningen, today=TODAY)
    assert len(rows) == 2 and len(first[0]) == 4 and len(first[2]) == 4
    late = {row.candidate.name: row.progress.late for row in rows}
    assert late["Cbs De Vlonder"] >= 1 and late["Stichting Ommelander Scholen"] == 0
    assert all(s.done_on is None or s.done_on <= TODAY for s in CandidateStep.objects.all())
    start = dt.date(2027, 8, 1)
    assert all(s.deadline <= start for s in CandidateStep.objects.all())


def test_without_groningen_the_demo_only_loads_the_reference_rows():
    demo_workspace.load(today=TODAY)
    assert not Candidate.objects.exists()
