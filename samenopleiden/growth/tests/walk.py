"""Rows of the growth module for the cross-cutting walk tests (tests/test_every_url_outsider.py)."""

from __future__ import annotations

from . import walk_projection, walk_workspace


def populate(partnership, *, next_id, lead, educator) -> None:
    walk_projection.populate(partnership, next_id=next_id, lead=lead, educator=educator)
    walk_workspace.populate(partnership, next_id=next_id, lead=lead, educator=educator)


def secrets(partnership) -> list[str]:
    return walk_projection.secrets(partnership) + walk_workspace.secrets(partnership)
