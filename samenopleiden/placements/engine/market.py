"""Market mode: student-proposing deferred acceptance with nested caps (README: "Stability").

All caps of a laminar round form a tree, and the sets of students that fit it are the independent sets of a
matroid. The choice rule: whenever a cap is full, it keeps the applicants with the best priority, where a
student's priority at an offer is their position in that school's own ranking (unranked students after all
ranked ones, in lottery order). Within one school this is the school's ranking; across the schools of a
cluster or board it compares positions in each school's ranking. Greedy choice by a fixed order over a matroid
is substitutable and satisfies the law of aggregate demand, so the cumulative-offer process below ends in the
student-optimal stable assignment for that rule, whatever the order of proposals.

One proposal at a time: a student proposes to their best remaining offer; if no cap on its path in the tree is
full it is accepted; otherwise the smallest full cap on the path (the first from the bottom) holds the
circuit, and its worst-priority student is rejected if worse than the newcomer, else the newcomer is.
Locked students are placed first and never rejected.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Mapping, Sequence

from .capacity import Family, Tree
from .flow import Edge, entry_node
from .index import Index


def deferred_acceptance(
    index: Index, fam: Family, tree: Tree, edges: Sequence[Sequence[Edge]], fixed: Mapping[int, int]
) -> list[int | None]:
    """Each student ends at an offer from their wishes (edges with a rank, in preference order) or None."""
    count = dict.fromkeys(tree.nodes, 0)
    heaps: dict[int, list[tuple[tuple[int, ...], int, int]]] = {k: [] for k in tree.nodes}
    held: list[int | None] = [None] * len(index.students)
    stamp = [0] * len(index.students)
    paths: dict[tuple[int, int], list[int]] = {}

    def path(student: int, offer: int) -> list[int]:
        key = (student, offer)
        if key not in paths:
            paths[key] = tree.path(entry_node(index, tree, student, offer))
        return paths[key]

    def place(student: int, offer: int, *, evictable: bool) -> None:
        held[student] = offer
        stamp[student] += 1
        worst_first = tuple(-x for x in index.priority(student, index.offers[offer].school))
        for k in path(student, offer):
            count[k] += 1
            if evictable:
                heapq.heappush(heaps[k], (worst_first, student, stamp[student]))

    def worst(k: int) -> int | None:
        heap = heaps[k]
        while heap and (held[heap[0][1]] is None or heap[0][2] != stamp[heap[0][1]]):
            heapq.heappop(heap)
        return heap[0][1] if heap else None

    for student, offer in fixed.items():
        place(student, offer, evictable=False)
    prefs = [[e.offer for e in student_edges if e.rank is not None] for student_edges in edges]
    next_choice = [0] * len(index.students)
    free = deque(s for s in range(len(index.students)) if s not in fixed)
    while free:
        student = free.popleft()
        if next_choice[student] >= len(prefs[student]):
            continue
        offer = prefs[student][next_choice[student]]
        next_choice[student] += 1
        full = next((k for k in path(student, offer) if count[k] >= fam.sets[k].cap), None)
        if full is None:
            place(student, offer, evictable=True)
            continue
        rival = worst(full)
        school = index.offers[offer].school
        if rival is None or index.priority(rival, index.offers[held[rival]].school) < index.priority(student, school):  # type: ignore[index]
            free.append(student)
            continue
        for k in path(rival, held[rival]):  # type: ignore[arg-type]
            count[k] -= 1
        held[rival] = None
        free.append(rival)
        place(student, offer, evictable=True)
    return held
