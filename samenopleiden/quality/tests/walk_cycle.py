"""Rows of the quality module (goals, annual plans and the survey, peer review, certification) for the
cross-cutting walk tests; `walk.py` combines the parts."""

from __future__ import annotations


def populate(partnership, *, next_id, lead, educator) -> None:
    pass


def secrets(partnership) -> list[str]:
    return []
