"""Rows of the growth module (scenarios and their projections, growth potential per board) for the cross-cutting
walk tests; `walk.py` combines the parts."""

from __future__ import annotations

from samenopleiden.growth import projection_engine as engine
from samenopleiden.growth.models import BoardClusterLimit, Scenario


def populate(partnership, *, next_id, lead, educator) -> None:
    Scenario.objects.create(
        id=next_id(),
        partnership=partnership,
        name="Geheim groeiscenario",
        description="Geheime toelichting scenario",
        horizon=5,
        levers=engine.levers_to_dict(engine.Levers(horizon=5)),
    )
    board = partnership.memberships.filter(board__isnull=False).select_related("board").first()
    if board is not None:
        BoardClusterLimit.objects.create(
            id=next_id(), partnership=partnership, board=board.board, max_clusters=3, note="Geheime afspraak"
        )


def secrets(partnership) -> list[str]:
    return list(Scenario.objects.filter(partnership=partnership).values_list("name", flat=True)) + list(
        Scenario.objects.filter(partnership=partnership).values_list("description", flat=True)
    )
