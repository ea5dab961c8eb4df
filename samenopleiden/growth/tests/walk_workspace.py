"""Rows of the growth module (the growth workspace, the variant matrix and onboarding of new partners) for the
cross-cutting walk tests; `walk.py` combines the parts."""

from __future__ import annotations


def populate(partnership, *, next_id, lead, educator) -> None:
    pass


def secrets(partnership) -> list[str]:
    return []
