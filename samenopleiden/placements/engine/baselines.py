"""What a placement office does by hand, as a yardstick for the benchmark and the tests.

First come, first served: students in order of registration (input order) each get their best wish that still
has room in every cap, else the nearest suitable offer with room (the same candidates as the optimiser).
"Shortage first" serves the students of shortage subjects before the others.
"""

from __future__ import annotations

from .capacity import family
from .index import Index, norm
from .model import Problem, SolveOptions


def greedy(
    problem: Problem, *, shortage_first: bool = False, options: SolveOptions | None = None
) -> dict[str, str | None]:
    """Student id -> offer id (None: not placed). Locks are placed first, as the office would."""
    options = options or SolveOptions()
    index = Index(problem)
    fam = family(index)
    counts = [0] * len(fam.sets)
    placement: dict[int, int] = {}

    def sets(student: int, offer: int) -> list[int]:
        return fam.sets_of(student, offer)

    def take(student: int, offer: int) -> None:
        placement[student] = offer
        for k in sets(student, offer):
            counts[k] += 1

    for student_id, offer in index.locks.items():
        take(index.student_pos[student_id], offer)
    order = [s for s in range(len(index.students)) if s not in placement]
    if shortage_first:
        order.sort(key=lambda s: norm(index.students[s].subject) not in index.shortage)
    candidates = index.candidate_lists(options.outside_candidates if options.outside_wishes else 0)
    for student in order:
        for candidate in candidates[student]:
            if all(counts[k] < fam.sets[k].cap for k in sets(student, candidate.offer)):
                take(student, candidate.offer)
                break
    return {s.id: index.offers[placement[i]].id if i in placement else None for i, s in enumerate(index.students)}
