"""Rows of the quality module (the framework and the core document) for the cross-cutting walk tests; `walk.py`
combines the parts."""

from __future__ import annotations


def populate(partnership, *, next_id, lead, educator) -> None:
    pass


def secrets(partnership) -> list[str]:
    return []
