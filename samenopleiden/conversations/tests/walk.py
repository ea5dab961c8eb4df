"""Rows of the conversations module for the cross-cutting walk tests (tests/test_every_url_outsider.py)."""

from __future__ import annotations

from . import walk_assessment, walk_board, walk_session

PARTS = (walk_session, walk_board, walk_assessment)


def populate(partnership, *, next_id, lead, educator) -> None:
    for part in PARTS:
        part.populate(partnership, next_id=next_id, lead=lead, educator=educator)


def secrets(partnership) -> list[str]:
    return [secret for part in PARTS for secret in part.secrets(partnership)]
