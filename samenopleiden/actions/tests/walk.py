"""Rows of the action list for the cross-cutting walk tests (tests/test_every_url_outsider.py)."""

from __future__ import annotations

import datetime as dt

from samenopleiden.actions.models import Action


def populate(partnership, *, next_id, lead, educator) -> None:
    Action.objects.create(
        id=next_id(),
        partnership=partnership,
        title="Geheime actie werving",
        owner=lead,
        deadline=dt.date(2024, 1, 1),
        source_label="Geheim gesprek",
    )
    Action.objects.create(id=next_id(), partnership=partnership, title="Geheime actie mentoren", owner=educator)


def secrets(partnership) -> list[str]:
    return list(partnership.actions.values_list("title", flat=True))


def plausible_fields(partnership) -> dict:
    return {
        "title": "Overgenomen actie",
        "status": "afgerond",
        "progress_note": "Overgenomen",
        "deadline": "2030-01-01",
    }
