"""Walk-test rows of the conversations module: the self-assessment and the library of good practices."""

from __future__ import annotations


def populate(partnership, *, next_id, lead, educator) -> None:
    pass


def secrets(partnership) -> list[str]:
    return []
