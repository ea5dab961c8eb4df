"""The objective, in one place, so that the solvers and the evaluator cannot disagree about it.

Score of an assignment (maximised) = sum over placed students of `value` + `floor` points per place each board
gets up to its floor. `value` is computed per student-offer pair; see Weights for the meaning of each term.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .index import Index
from .model import Weights


@dataclass(frozen=True)
class Terms:
    """The parts of one pair's value, kept apart so an explanation can name the one that decided."""

    place: int
    shortage: int
    rank: int
    km: int
    variety: int
    pressure: int

    @property
    def total(self) -> int:
        return self.place + self.shortage - self.rank - self.km + self.variety - self.pressure


def terms(index: Index, weights: Weights, student: int, offer: int) -> Terms:
    return terms_of(index, weights, student, offer, index.rank(student, offer), index.km(student, offer))


def terms_of(
    index: Index, weights: Weights, student: int, offer: int, rank: int | None, distance: float | None
) -> Terms:
    """`terms` with the wish rank and distance already known (the candidates carry them)."""
    rank = rank or index.outside_rank(student)
    return Terms(
        place=weights.place,
        shortage=weights.shortage if index.is_shortage(offer) else 0,
        rank=weights.rank * (rank - 1),
        km=round(weights.km * distance) if distance is not None else 0,
        variety=weights.variety if index.other_school_type(student, offer) else 0,
        pressure=weights.pressure if index.offers[offer].under_pressure else 0,
    )


def value(index: Index, weights: Weights, student: int, offer: int) -> int:
    return terms(index, weights, student, offer).total


def partner_counts(index: Index, placement: Sequence[int | None]) -> dict[str, int]:
    counts = dict.fromkeys(index.partners, 0)
    for offer in placement:
        if offer is not None:
            counts[index.school_of(offer).partner] += 1
    return counts


def floor_points(index: Index, weights: Weights, counts: Mapping[str, int]) -> int:
    return sum(weights.floor * min(counts[p.id], p.floor or 0) for p in index.partners.values())


def score(index: Index, weights: Weights, placement: Sequence[int | None]) -> int:
    """The objective of a complete assignment (one offer index or None per student)."""
    placed = sum(value(index, weights, s, o) for s, o in enumerate(placement) if o is not None)
    return placed + floor_points(index, weights, partner_counts(index, placement))
