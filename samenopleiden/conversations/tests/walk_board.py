"""Walk-test rows of the conversations module: the live board on participants' own devices."""

from __future__ import annotations


def populate(partnership, *, next_id, lead, educator) -> None:
    pass


def secrets(partnership) -> list[str]:
    return []
