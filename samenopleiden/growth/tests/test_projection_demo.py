"""The projection demo on the whole platform demo: Groningen reproduces seed 003 (four boards with room for one
more cluster within the agreement, about 50 students), three scenarios for its three growth strategies, and a
second load changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from samenopleiden.growth import demo_projection
from samenopleiden.growth import selectors_projection as selectors
from samenopleiden.growth.models import BoardClusterLimit, Scenario
from samenopleiden.growth.services import projection as services
from samenopleiden.registry.models import Partnership, School
from samenopleiden.registry.services.demo import load_demo

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 25)


def snapshot() -> tuple:
    return (
        sorted(Scenario.objects.values_list("name", "horizon", "version")),
        sorted(BoardClusterLimit.objects.values_list("board__name", "max_clusters")),
        School.objects.count(),
    )


def test_groningen_demo_reproduces_seed_003():
    load_demo(today=TODAY)
    first = snapshot()
    demo_projection.load(today=TODAY)
    assert snapshot() == first
    groningen = Partnership.objects.get(slug="groningen")
    start = services.start_for(groningen, today=TODAY)
    summary = selectors.potential(groningen, start)
    with_room = sorted(r.potential.board.name for r in summary.rows if r.potential.room)
    assert len(with_room) == 4 and summary.clusters == 4
    assert any("KOC" in name for name in with_room) and any("VCPONG" in name for name in with_room)
    assert 45 <= summary.places <= 55 and 45 <= summary.students <= 55
    # where: the free schools of each board with room, grouped close together
    for row in summary.rows:
        if row.potential.room:
            assert row.suggestion is not None and 1 <= len(row.suggestion.schools) <= 4
    rows = selectors.scenario_rows(groningen, start)
    assert [r.scenario.name for r in rows] == [
        "Extra clusters binnen de huidige besturen",
        "Nieuwe besturen laten aansluiten",
        "Samenwerking met het mbo",
    ]
    assert all(r.projection is not None for r in rows)
    extra = rows[0].projection
    assert extra.years[1].clusters == extra.years[0].clusters + 4
    assert extra.years[1].places - extra.years[0].places == 48
    joining = rows[1].projection
    assert joining.last.partners == joining.years[0].partners + 2
    assert rows[2].projection.years[1].cross_sector_places == 24
