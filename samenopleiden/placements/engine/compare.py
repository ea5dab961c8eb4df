"""Second runs: lock what was agreed and run again, move a student, and compare two runs side by side."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Forbid, Lock, Problem
from .result import Figures, Result

FIGURES: tuple[str, ...] = (
    "placed",
    "share_placed",
    "first_choice",
    "share_first_choice",
    "mean_rank",
    "mean_rank_6",
    "outside_wishes",
    "shortage_placed",
    "mean_km",
    "max_km",
    "partners_below_floor",
    "score",
)


def with_locks(problem: Problem, result: Result, students: Iterable[str]) -> Problem:
    """The same round with these students locked where `result` placed them (unplaced students stay free).

    This is "run again respecting the locks": lock what was confirmed, change the input, solve again.
    """
    wanted = set(students)
    placements = result.placements()
    new = {s: placements[s] for s in wanted if placements.get(s) is not None}
    kept = tuple(lock for lock in problem.locks if lock.student not in new)
    added = tuple(Lock(s, offer) for s, offer in sorted(new.items()) if offer is not None)
    return dataclasses.replace(problem, locks=kept + added)


def move_student(problem: Problem, result: Result, student: str) -> Problem:
    """The same round with everyone else locked where they are and this student barred from their place,
    so a new run moves only them (to capacity that is still free)."""
    placements = result.placements()
    free = dataclasses.replace(problem, locks=tuple(lock for lock in problem.locks if lock.student != student))
    moved = with_locks(free, result, (s for s in placements if s != student))
    current = placements.get(student)
    if current is None:
        return moved
    return dataclasses.replace(moved, forbidden=(*moved.forbidden, Forbid(student, current)))


@dataclass(frozen=True)
class Move:
    student: str
    before: str | None
    """Offer id in the first run (None: not placed)."""
    after: str | None
    before_rank: int | None
    after_rank: int | None


@dataclass(frozen=True)
class Comparison:
    moved: tuple[Move, ...]
    """Every student whose offer differs, including newly placed and newly unplaced students."""
    figures: tuple[tuple[str, object, object], ...]
    """(figure name, first run, second run) for the figures in FIGURES."""

    @property
    def newly_placed(self) -> tuple[Move, ...]:
        return tuple(m for m in self.moved if m.before is None)

    @property
    def newly_unplaced(self) -> tuple[Move, ...]:
        return tuple(m for m in self.moved if m.after is None)


def _figure(figures: Figures, name: str) -> object:
    return getattr(figures, name)


def compare(first: Result, second: Result) -> Comparison:
    """Who moved between two runs of the same round, and the figures side by side. Pure: no solving."""
    before = {a.student: a for a in first.assignments}
    after = {a.student: a for a in second.assignments}
    moved = []
    for student in sorted(before.keys() | after.keys()):
        a, b = before.get(student), after.get(student)
        if (a.offer if a else None) != (b.offer if b else None):
            moved.append(
                Move(
                    student,
                    a.offer if a else None,
                    b.offer if b else None,
                    a.rank if a else None,
                    b.rank if b else None,
                )
            )
    figures = tuple((name, _figure(first.figures, name), _figure(second.figures, name)) for name in FIGURES)
    return Comparison(tuple(moved), figures)
