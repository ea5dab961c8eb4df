"""Rows of the quality module for the cross-cutting walk tests (tests/test_every_url_outsider.py)."""

from __future__ import annotations

from . import walk_cycle, walk_document


def populate(partnership, *, next_id, lead, educator) -> None:
    walk_document.populate(partnership, next_id=next_id, lead=lead, educator=educator)
    walk_cycle.populate(partnership, next_id=next_id, lead=lead, educator=educator)


def secrets(partnership) -> list[str]:
    return walk_document.secrets(partnership) + walk_cycle.secrets(partnership)
