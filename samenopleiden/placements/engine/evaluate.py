"""Figures of an assignment, computed from the assignment itself (never from what a solver reported).

The same evaluator scores the engine and the baselines in the benchmark, so comparisons are like for like.
Definitions (README: "Result figures", "Stability"):

- swap pair: two placed students, neither locked, who each get a strictly better wish by taking the other's
  offer, where both offers suit the new student and the swap breaks no cap (reserved parts can differ); where
  schools rank students (a market or mixed round), both schools must also prefer the student they get by their
  own priority, since a swap a school's ranking refuses is no improvement in a market. Such a pair would be a
  blocking pair, so a stable result has none;
- blocking pair (s, o): o is at a school of a wish s ranks strictly above their outcome (not placed and placed
  outside the wishes are worst), o suits s (the school accepted s), and the choice rule would take s: either no
  cap on o is full for s, or every full cap on o holds a student (not locked) with a worse priority than s at o.
  Priority = position in the school's own ranking, unranked after ranked in lottery order (index.priority).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

from .capacity import Family, family
from .explain import set_counts
from .index import OUTSIDE_RANK, Index
from .model import Problem, Weights
from .result import Figures, PartnerFigures
from .scoring import partner_counts, score


def evaluate(
    problem: Problem,
    placements: Mapping[str, str | None],
    weights: Weights | None = None,
    *,
    blocking: bool | None = None,
    swaps_respect_schools: bool | None = None,
) -> Figures:
    """Figures of an assignment given as student id -> offer id (None or absent: not placed).

    `blocking`: compute blocking pairs (default: when any school ranked students). `swaps_respect_schools`: count
    only swaps both schools' priorities accept (default: as `blocking`); False counts every swap both students want.
    """
    index = Index(problem)
    placement = [
        index.offer_pos[placements[s.id]] if placements.get(s.id) is not None else None  # type: ignore[index]
        for s in index.students
    ]
    return figures(
        index,
        family(index),
        weights or Weights(),
        placement,
        blocking=blocking,
        swaps_respect_schools=swaps_respect_schools,
    )


def figures(
    index: Index,
    fam: Family,
    weights: Weights,
    placement: Sequence[int | None],
    *,
    blocking: bool | None = None,
    swaps_respect_schools: bool | None = None,
) -> Figures:
    n = len(index.students)
    ranks = [index.rank(s, o) if o is not None else None for s, o in enumerate(placement)]
    placed = [s for s, o in enumerate(placement) if o is not None]
    on_wish = [r for r in ranks if r is not None]
    distances = [d for s in placed if (d := index.km(s, placement[s])) is not None]  # type: ignore[arg-type]
    if blocking is None:
        blocking = bool(index.problem.school_rankings)
    if swaps_respect_schools is None:
        swaps_respect_schools = blocking
    counts = set_counts(index, fam, placement)
    return Figures(
        students=n,
        placed=len(placed),
        first_choice=sum(r == 1 for r in ranks),
        outside_wishes=len(placed) - len(on_wish),
        mean_rank=sum(on_wish) / len(on_wish) if on_wish else None,
        mean_rank_6=sum(r if r is not None else OUTSIDE_RANK for r in ranks) / n if n else 0.0,
        shortage_placed=sum(index.is_shortage(placement[s]) for s in placed),  # type: ignore[arg-type]
        shortage_places=sum(o.places for i, o in enumerate(index.offers) if index.is_shortage(i)),
        oversupplied_placed=sum(
            index.offers[placement[s]].subject.strip().casefold() in index.oversupplied for s in placed
        ),  # type: ignore[index]
        mean_km=sum(distances) / len(distances) if distances else None,
        max_km=max(distances) if distances else None,
        partners=_partners(index, placement),
        swap_pairs=tuple(
            (index.students[a].id, index.students[b].id)
            for a, b in swap_pairs(index, fam, placement, counts, respect_schools=swaps_respect_schools)
        ),
        blocking_pairs=tuple(
            (index.students[s].id, index.offers[o].id) for s, o in blocking_pairs(index, fam, placement, counts)
        )
        if blocking
        else None,
        score=score(index, weights, placement),
        violations=tuple(violations(index, fam, placement, counts)),
    )


def _partners(index: Index, placement: Sequence[int | None]) -> tuple[PartnerFigures, ...]:
    counts = partner_counts(index, placement)
    total_placed = sum(counts.values())
    total_share = sum(p.share for p in index.partners.values())
    return tuple(
        PartnerFigures(
            partner=p.id,
            name=p.name,
            placed=counts[p.id],
            share=counts[p.id] / total_placed if total_placed else 0.0,
            key_share=p.share / total_share if total_share else 0.0,
            floor=p.floor,
            ceiling=p.ceiling,
        )
        for p in index.partners.values()
    )


def violations(index: Index, fam: Family, placement: Sequence[int | None], counts: Sequence[int]) -> list[str]:
    """Every hard constraint the assignment breaks (caps, filters, locks), as short technical lines."""
    found = [f"cap {s.kind} {s.key}: {counts[k]} > {s.cap}" for k, s in enumerate(fam.sets) if counts[k] > s.cap]
    for student, offer in enumerate(placement):
        if offer is not None and (failure := index.failure(student, offer)) is not None:
            found.append(f"filter {failure}: {index.students[student].id} at {index.offers[offer].id}")
    for student_id, offer in index.locks.items():
        if placement[index.student_pos[student_id]] != offer:
            found.append(f"lock: {student_id} not at {index.offers[offer].id}")
    return found


def _wished_offers(index: Index, student: int, better_than: float) -> list[int]:
    return [
        o
        for school_id, rank in index.school_rank[student].items()
        if rank < better_than
        for o in index.school_offers.get(school_id, ())
    ]


def _rank_or_worst(index: Index, student: int, offer: int | None) -> float:
    rank = index.rank(student, offer) if offer is not None else None
    return math.inf if rank is None else rank


def swap_pairs(
    index: Index,
    fam: Family,
    placement: Sequence[int | None],
    counts: Sequence[int],
    *,
    respect_schools: bool = False,
) -> list[tuple[int, int]]:
    at_offer: dict[int, list[int]] = {}
    for student, offer in enumerate(placement):
        if offer is not None:
            at_offer.setdefault(offer, []).append(student)
    locked = {index.student_pos[s] for s in index.locks}
    pairs = set()
    for a, offer_a in enumerate(placement):
        if offer_a is None or a in locked:
            continue
        for offer_b in _wished_offers(index, a, _rank_or_worst(index, a, offer_a)):
            for b in at_offer.get(offer_b, ()):
                if b == a or b in locked:
                    continue
                if _rank_or_worst(index, b, offer_a) >= _rank_or_worst(index, b, offer_b):
                    continue
                if respect_schools and not _schools_agree(index, (a, offer_a), (b, offer_b)):
                    continue
                if _can_swap(index, fam, counts, (a, offer_a), (b, offer_b)):
                    pairs.add((min(a, b), max(a, b)))
    return sorted(pairs)


def _schools_agree(index: Index, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Both schools prefer, by their own priority, the student the swap gives them over the one it takes."""
    (a, offer_a), (b, offer_b) = first, second
    school_a, school_b = index.offers[offer_a].school, index.offers[offer_b].school
    return index.priority(a, school_b) < index.priority(b, school_b) and index.priority(b, school_a) < index.priority(
        a, school_a
    )


def _can_swap(
    index: Index, fam: Family, counts: Sequence[int], first: tuple[int, int], second: tuple[int, int]
) -> bool:
    (a, offer_a), (b, offer_b) = first, second
    if index.failure(a, offer_b) is not None or index.failure(b, offer_a) is not None:
        return False
    delta: dict[int, int] = {}
    for student, old, new in ((a, offer_a, offer_b), (b, offer_b, offer_a)):
        for k in fam.sets_of(student, old):
            delta[k] = delta.get(k, 0) - 1
        for k in fam.sets_of(student, new):
            delta[k] = delta.get(k, 0) + 1
    return all(counts[k] + d <= fam.sets[k].cap for k, d in delta.items() if d > 0)


def blocking_pairs(
    index: Index, fam: Family, placement: Sequence[int | None], counts: Sequence[int]
) -> list[tuple[int, int]]:
    locked = {index.student_pos[s] for s in index.locks}
    members: list[set[int]] = [set() for _ in fam.sets]
    for student, offer in enumerate(placement):
        if offer is not None and student not in locked:
            for k in fam.sets_of(student, offer):
                members[k].add(student)

    def priority(student: int) -> tuple[int, ...]:
        return index.priority(student, index.offers[placement[student]].school)  # type: ignore[index]

    worst = [max(m, key=priority) if m else None for m in members]
    pairs = []
    for student in range(len(index.students)):
        if student in locked:
            continue
        for offer in _wished_offers(index, student, _rank_or_worst(index, student, placement[student])):
            if index.offers[offer].places <= 0 or index.failure(student, offer) is not None:
                continue
            sets = fam.sets_of(student, offer)
            full = [k for k in sets if counts[k] >= fam.sets[k].cap]
            own = index.priority(student, index.offers[offer].school)
            if not full or _displaceable(full, members, worst, fam, own, priority):
                pairs.append((student, offer))
    return sorted(pairs)


def _displaceable(
    full: list[int],
    members: list[set[int]],
    worst: list[int | None],
    fam: Family,
    own: tuple[int, ...],
    priority: Callable[[int], tuple[int, ...]],
) -> bool:
    """Whether one unlocked student with a worse priority than `own` sits in every full cap."""
    smallest = min(full, key=lambda k: len(fam.sets[k].offers))
    candidate = worst[smallest]
    if candidate is None or priority(candidate) <= own:
        return False
    others = [members[k] for k in full if k != smallest]
    if all(candidate in other for other in others):
        return True
    return any(priority(m) > own and all(m in other for other in others) for m in members[smallest])
