"""Why each student ended where they did, as data (`Explanation` of `Reason`s; templates in messages.py).

Everything is derived from the final assignment, not from the solver's internals: for each wish better than
the student's outcome, first whether it suited them at all (the first failing filter), and if it did, which
cap was full without them, or, when there was room, which part of the weighing favoured their actual place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .capacity import KINDS, Family
from .index import FILTERS, Index
from .messages import Explanation, Reason, counted
from .model import Mode, Weights
from .scoring import partner_counts, terms


@dataclass(frozen=True)
class State:
    """The final assignment with what the explanations look up in it."""

    index: Index
    fam: Family
    weights: Weights
    placement: Sequence[int | None]
    counts: Sequence[int]
    partner_placed: dict[str, int]
    mode: Mode
    filter_counts: dict[int, np.ndarray]
    """Per unplaced student, how many offers each filter removed (computed in one batch)."""

    @classmethod
    def of(cls, index: Index, fam: Family, weights: Weights, placement: Sequence[int | None], mode: Mode) -> State:
        counts = set_counts(index, fam, placement)
        unplaced = index.filter_counts(s for s, offer in enumerate(placement) if offer is None)
        return cls(index, fam, weights, placement, counts, partner_counts(index, placement), mode, unplaced)

    @property
    def market(self) -> bool:
        """Market or mix mode: a full cap is explained by the schools' ranking (the choice rule)."""
        return self.mode is not Mode.ASSIGN

    def own_sets(self, student: int) -> set[int]:
        offer = self.placement[student]
        if offer is None:
            return set()
        return set(self.fam.sets_of(student, offer))


def set_counts(index: Index, fam: Family, placement: Sequence[int | None]) -> list[int]:
    counts = [0] * len(fam.sets)
    for student, offer in enumerate(placement):
        if offer is not None:
            for k in fam.sets_of(student, offer):
                counts[k] += 1
    return counts


def explain(state: State, student: int, phase: str) -> Explanation:
    index, offer = state.index, state.placement[student]
    if offer is None:
        return _unplaced(state, student)
    school = index.school_of(offer).name
    rank = index.rank(student, offer)
    if phase == "lock":
        return Explanation(Reason("placed_locked", {"school": school}))
    if rank is None:
        code = "placed_after_market" if phase == "after_market" else "placed_outside"
        outcome = Reason(code, {"school": school})
    else:
        outcome = Reason("placed_market" if phase == "market" else "placed_wish", {"rank": rank, "school": school})
    return Explanation(outcome, _better_wishes(state, student, rank))


def _unplaced(state: State, student: int) -> Explanation:
    index = state.index
    s = index.students[student]
    if state.mode is Mode.MARKET and not s.wishes:
        return Explanation(Reason("unplaced_no_wishes"))
    counts = state.filter_counts[student]
    suitable = int(counts[0])
    if not suitable:
        return Explanation(Reason("unplaced_no_options"), tuple(_filter_reasons(index, student, counts)))
    outcome = Reason("unplaced_market") if state.mode is Mode.MARKET else counted("unplaced_full", suitable)
    return Explanation(outcome, _better_wishes(state, student, None))


def _filter_reasons(index: Index, student: int, counts: np.ndarray) -> list[Reason]:
    s = index.students[student]
    if not index.offers:
        return [Reason("count_no_offers")]
    params: dict[str, dict[str, object]] = {
        "subject": {"subject": s.subject},
        "period": {"period": s.period or ""},
        "denomination": {"wanted": sorted(s.denominations)},
        "concept": {"wanted": sorted(s.concepts)},
        "distance": {"max_km": float(s.max_km or 0.0)},
    }
    return [
        counted(f"count_{name}", int(counts[i]), **params.get(name, {}))
        for i, name in enumerate(FILTERS, start=1)
        if counts[i]
    ]


def _better_wishes(state: State, student: int, rank: int | None) -> tuple[Reason, ...]:
    wishes = state.index.students[student].wishes
    seen: set[str] = set()
    reasons = []
    for k, wish in enumerate(wishes, start=1):
        if rank is not None and k >= rank:
            break
        if wish not in seen:
            seen.add(wish)
            reasons.append(wish_reason(state, student, k, wish))
    return tuple(reasons)


def wish_reason(state: State, student: int, rank: int, wish: str) -> Reason:
    index = state.index
    s = index.students[student]
    base = {"rank": rank, "name": index.wish_name(wish)}
    if not any(index.school_offers.get(school_id) for school_id in index.wish_schools(wish)):
        return Reason("wish_no_places", base)
    failures = {
        o: failure
        for school_id in index.wish_schools(wish)
        for o in index.school_offers.get(school_id, ())
        if (failure := index.failure(student, o)) != "subject"
    }
    if not failures:
        return Reason("wish_no_subject", {**base, "subject": s.subject})
    suitable = sorted((o for o, f in failures.items() if f is None), key=lambda o: (index.km(student, o) or 0.0, o))
    if not suitable:
        closest = max(failures, key=lambda o: (FILTERS.index(failures[o]), -o))  # type: ignore[arg-type]
        return _unsuitable_wish(index, student, closest, failures[closest], base)  # type: ignore[arg-type]
    own = state.own_sets(student)
    full_first: list[int] = []
    for o in suitable:
        tight = [k for k in state.fam.sets_of(student, o) if state.counts[k] - (k in own) >= state.fam.sets[k].cap]
        if not tight:
            return _weighed(state, student, o, base)
        full_first = full_first or tight
    smallest = min(full_first, key=lambda k: (len(state.fam.sets[k].offers), KINDS.index(state.fam.sets[k].kind)))
    return _full(state, smallest, base)


def _unsuitable_wish(index: Index, student: int, offer: int, failure: str, base: dict[str, object]) -> Reason:
    s, o, school = index.students[student], index.offers[offer], index.school_of(offer)
    extra: dict[str, dict[str, object]] = {
        "period": {"period": s.period or "", "subject": s.subject},
        "days": {"days": sorted(o.required_days)},
        "reserved_only": {"category": o.reserved_category or ""},
        "denomination": {
            "denomination": school.denomination or Reason("unknown_name"),
            "wanted": sorted(s.denominations),
        },
        "concept": {"concept": school.concept or Reason("unknown_name"), "wanted": sorted(s.concepts)},
        "distance": {"km": round(index.km(student, offer) or 0.0, 1), "max_km": float(s.max_km or 0.0)},
    }
    return Reason(f"wish_{failure}", {**base, **extra.get(failure, {})})


def _full(state: State, k: int, base: dict[str, object]) -> Reason:
    index, cap_set = state.index, state.fam.sets[k]
    cap = {"cap": cap_set.cap}
    if cap_set.kind == "general" and not state.market:
        offer = index.offers[index.offer_pos[cap_set.key]]
        return Reason("wish_reserved_full", {**base, "category": offer.reserved_category or ""})
    if cap_set.kind == "quota":
        if cap_set.key.startswith("tekort:"):
            return Reason("wish_shortage_reserved", base)
        return Reason("wish_quota_full", {**base, **cap, "subjects": sorted(index.quotas[cap_set.key].subjects)})
    if cap_set.kind in ("cluster", "partner"):
        cluster = cap_set.kind == "cluster"
        name = index.clusters[cap_set.key].name if cluster else index.partners[cap_set.key].name
        if state.market:
            return Reason("wish_lost_cluster", {**base, "scope": name})
        code, param = ("wish_cluster_full", "cluster") if cluster else ("wish_partner_ceiling", "partner")
        return Reason(code, {**base, **cap, param: name})
    if state.market:
        # The unreserved places went to students the school put first; the rest stays reserved.
        school = cap_set.key if cap_set.kind == "school" else index.offers[index.offer_pos[cap_set.key]].school
        return Reason("wish_lost_ranking" if school in index.ranking_pos else "wish_lost_lottery", base)
    return Reason("wish_full" if cap_set.kind == "offer" else "wish_school_full", {**base, **cap})


def _weighed(state: State, student: int, offer: int, base: dict[str, object]) -> Reason:
    """The wish had room: name the part of the objective that made the actual place (or none) score higher."""
    index, weights, current = state.index, state.weights, state.placement[student]
    if current is None:
        return Reason("wish_weighed", base)
    wish, now = terms(index, weights, student, offer), terms(index, weights, student, current)
    partner = index.school_of(current).partner
    floor = index.partners[partner].floor or 0
    leaves_floor = index.school_of(offer).partner != partner and state.partner_placed[partner] <= floor
    favour = {
        "km": wish.km - now.km,
        "pressure": wish.pressure - now.pressure,
        "variety": now.variety - wish.variety,
        "floor": weights.floor if leaves_floor else 0,
    }
    best = max(favour, key=lambda name: favour[name])
    if favour[best] <= 0:
        return Reason("wish_weighed", base)
    if best == "km":
        gap = (index.km(student, offer) or 0.0) - (index.km(student, current) or 0.0)
        return Reason("wish_weighed_km", {**base, "km": round(gap, 1)})
    if best == "floor":
        return Reason("wish_weighed_floor", {**base, "partner": index.partners[partner].name})
    return Reason(f"wish_weighed_{best}", base)
