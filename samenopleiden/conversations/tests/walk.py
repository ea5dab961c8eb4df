"""Rows of the conversations module for the cross-cutting walk tests (tests/test_every_url_outsider.py)."""

from __future__ import annotations

from . import walk_assessment, walk_session


def populate(partnership, *, next_id, lead, educator) -> None:
    walk_session.populate(partnership, next_id=next_id, lead=lead, educator=educator)
    walk_assessment.populate(partnership, next_id=next_id, lead=lead, educator=educator)


def secrets(partnership) -> list[str]:
    return walk_session.secrets(partnership) + walk_assessment.secrets(partnership)
