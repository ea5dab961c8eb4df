"""The caps of a round as one family of sets, and when that family nests, as a tree.

Every cap counts students at a set of offers: an offer's places, the part of an offer not reserved for a
category (which students of that category do not count against), a school, a cluster, a board's ceiling, and
quotas (a cap on some subjects within a school, cluster or board; a school's "places reserved for shortage
subjects" is a quota on all other subjects). `Family` is the truth that the evaluator checks.

When every two sets are nested or disjoint (a laminar family) the caps form a tree
offer-part -> offer -> quota -> school -> cluster -> board, and a min-cost flow through that tree is exactly
the optimisation problem (its LP is integral); deferred acceptance can then use the tree for its choice rule.
Caps that can never bind (at least the sum of the places below them) are left out of the tree, which keeps
more real rounds laminar. A quota that cuts across a binding school cap cannot be a tree node: that round
needs CP-SAT (see solve.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .index import Index, norm

KINDS: tuple[str, ...] = ("general", "offer", "quota", "school", "cluster", "partner")
"""Set kinds from small to large; among sets with the same offers, the larger kind is the ancestor."""


@dataclass(frozen=True)
class CapSet:
    kind: str
    key: str
    """Id of the offer, school, cluster, board or quota the cap belongs to."""
    cap: int
    offers: frozenset[int]
    excluded_category: str | None = None
    """For the unreserved part of an offer: students of this category do not count here."""

    def counts(self, categories: frozenset[str]) -> bool:
        """Whether a contract of a student with these (normalised) categories counts against this cap."""
        return self.excluded_category is None or self.excluded_category not in categories


@dataclass(frozen=True)
class Family:
    sets: tuple[CapSet, ...]
    of_offer: tuple[tuple[int, ...], ...]
    """Per offer, the sets whose offers include it (for some students, in the case of an unreserved part)."""
    categories: tuple[frozenset[str], ...]
    """Per student, their normalised categories (which decide whether an unreserved part counts them)."""

    def sets_of(self, student: int, offer: int) -> list[int]:
        """The caps a student uses when placed at this offer."""
        categories = self.categories[student]
        return [k for k in self.of_offer[offer] if self.sets[k].counts(categories)]

    def places(self, k: int, offer_places: Sequence[int]) -> int:
        return sum(offer_places[o] for o in self.sets[k].offers)


def family(index: Index) -> Family:
    sets: list[CapSet] = []
    for i, offer in enumerate(index.offers):
        sets.append(CapSet("offer", offer.id, offer.places, frozenset({i})))
        if offer.reserved_places > 0 and offer.reserved_places < offer.places:
            general = offer.places - offer.reserved_places
            sets.append(CapSet("general", offer.id, general, frozenset({i}), norm(offer.reserved_category)))
    in_scope = scope_offers(index)
    for school in index.problem.schools:
        if school.capacity is not None:
            sets.append(CapSet("school", school.id, school.capacity, in_scope[school.id]))
    for cluster in index.problem.clusters:
        if cluster.capacity is not None:
            sets.append(CapSet("cluster", cluster.id, cluster.capacity, in_scope[cluster.id]))
    for partner in index.problem.partners:
        offers = in_scope[partner.id]
        ceiling = partner.ceiling if partner.ceiling is not None else sum(index.offers[o].places for o in offers)
        sets.append(CapSet("partner", partner.id, ceiling, offers))
    sets.extend(quotas(index, in_scope))
    of_offer: list[list[int]] = [[] for _ in index.offers]
    for k, cap_set in enumerate(sets):
        for o in cap_set.offers:
            of_offer[o].append(k)
    return Family(
        tuple(sets), tuple(tuple(ks) for ks in of_offer), tuple(index.categories(s) for s in range(len(index.students)))
    )


def scope_offers(index: Index) -> dict[str, frozenset[int]]:
    """Offers per school, cluster and board id (the scopes a quota may name)."""
    result: dict[str, set[int]] = {}
    for i, offer in enumerate(index.offers):
        school = index.schools[offer.school]
        for scope in (school.id, school.cluster, school.partner):
            if scope is not None:
                result.setdefault(scope, set()).add(i)
    for scope in (*index.schools, *index.clusters, *index.partners):
        result.setdefault(scope, set())
    return {scope: frozenset(offers) for scope, offers in result.items()}


def effective_capacity(index: Index, scope: str, offers: frozenset[int]) -> int:
    """What a school or cluster can take at most: its own cap, or else the sum of its places."""
    places = sum(index.offers[o].places for o in offers)
    target = index.schools.get(scope) or index.clusters.get(scope)
    capacity = getattr(target, "capacity", None)
    return places if capacity is None else min(capacity, places)


def quotas(index: Index, in_scope: dict[str, frozenset[int]]) -> list[CapSet]:
    """Explicit quotas, and every school's or cluster's places reserved for shortage subjects as a quota."""
    result = []
    for quota in index.problem.quotas:
        subjects = {norm(s) for s in quota.subjects}
        offers = frozenset(o for o in in_scope.get(quota.scope, ()) if norm(index.offers[o].subject) in subjects)
        result.append(CapSet("quota", quota.id, quota.max_places, offers))
    for scope in (*index.problem.schools, *index.problem.clusters):
        if scope.shortage_reserved > 0:
            offers = in_scope[scope.id]
            others = frozenset(o for o in offers if not index.is_shortage(o))
            cap = max(0, effective_capacity(index, scope.id, offers) - scope.shortage_reserved)
            result.append(CapSet("quota", f"tekort:{scope.id}", cap, others))
    return result


@dataclass(frozen=True)
class Tree:
    """The binding caps of a laminar family, each with its parent (-1 for a board, the roots)."""

    nodes: tuple[int, ...]
    """Family set indices that are tree nodes."""
    parent: dict[int, int]
    entry: dict[tuple[int, bool], int]
    """(offer, counts in the unreserved part) -> the lowest node a contract enters."""

    def path(self, node: int) -> list[int]:
        """From a node up to its board."""
        result = []
        while node != -1:
            result.append(node)
            node = self.parent[node]
        return result


@dataclass(frozen=True)
class Crossing:
    """Two caps that overlap without one containing the other: no tree, so no flow or deferred acceptance."""

    first: int
    second: int


def binding(fam: Family, k: int, offer_places: Sequence[int]) -> bool:
    """A school, cluster or quota cap at or above the sum of its places never binds; offers and boards always
    stay (boards are the roots that carry the allocation key)."""
    cap_set = fam.sets[k]
    if cap_set.kind in ("offer", "general", "partner"):
        return True
    return cap_set.cap < fam.places(k, offer_places)


def tree(fam: Family, offer_places: Sequence[int], drop: frozenset[int] = frozenset()) -> Tree | Crossing:
    """Insert the binding caps from large to small; a cap whose offers sit under two different nodes crosses."""
    keep = [k for k, s in enumerate(fam.sets) if s.offers and k not in drop and binding(fam, k, offer_places)]
    keep.sort(key=lambda k: (-len(fam.sets[k].offers), -KINDS.index(fam.sets[k].kind), k))
    deepest = [-1] * len(offer_places)
    parent: dict[int, int] = {}
    for k in keep:
        under = {deepest[o] for o in fam.sets[k].offers}
        if len(under) > 1:
            partial = next(p for p in sorted(under) if p != -1 and not fam.sets[k].offers <= fam.sets[p].offers)
            return Crossing(k, partial)
        parent[k] = under.pop()
        for o in fam.sets[k].offers:
            deepest[o] = k
    entry: dict[tuple[int, bool], int] = {}
    for k in keep:
        cap_set = fam.sets[k]
        if cap_set.kind == "offer":
            offer = next(iter(cap_set.offers))
            entry.setdefault((offer, False), k)
            entry.setdefault((offer, True), k)
    for k in keep:
        if fam.sets[k].kind == "general":
            entry[(next(iter(fam.sets[k].offers)), True)] = k
    return Tree(tuple(keep), parent, entry)


def laminar_part(fam: Family, offer_places: Sequence[int]) -> tuple[Tree, list[int]]:
    """The tree of the largest nesting part of the caps, and the caps left out because they cross it."""
    dropped: list[int] = []
    while True:
        result = tree(fam, offer_places, frozenset(dropped))
        if isinstance(result, Tree):
            return result, dropped
        dropped.append(result.first)
