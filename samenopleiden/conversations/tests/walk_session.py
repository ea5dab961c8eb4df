"""Walk-test rows of the conversations module: guides, sessions, the live board and reports."""

from __future__ import annotations


def populate(partnership, *, next_id, lead, educator) -> None:
    pass


def secrets(partnership) -> list[str]:
    return []
