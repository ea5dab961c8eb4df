"""Min-cost flow over the cap tree: exact for every round whose caps nest (README: "Solvers").

Network: each student (supply 1) -> the lowest cap node of each candidate offer (cost -value) or straight to
the sink (not placed, cost 0); each cap node -> its parent with the cap as capacity; each board -> sink through
two arcs, the first `floor` places at cost -weights.floor and the rest at cost 0. Because the reward per board
is concave (the floor places are worth more and are filled first), the flow optimum is the optimum of the
objective in scoring.py. A lock (or a student fixed by an earlier phase) keeps only its own arc and no arc to
the sink, so the flow must place them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from ortools.graph.python import max_flow, min_cost_flow

from .capacity import Family, Tree
from .index import Index
from .model import Weights


@dataclass(frozen=True)
class Edge:
    """A student-offer pair the solvers may choose, with its value in points."""

    student: int
    offer: int
    rank: int | None
    km: float | None
    value: int


def entry_node(index: Index, tree: Tree, student: int, offer: int) -> int:
    """The lowest cap a contract counts against: the unreserved part unless the student has the category."""
    return tree.entry[(offer, not index.has_reserved_category(student, offer))]


@dataclass
class _Arcs:
    tails: list[int]
    heads: list[int]
    caps: list[int]
    costs: list[int]

    def add(self, tail: int, head: int, cap: int, cost: int = 0) -> int:
        self.tails.append(tail)
        self.heads.append(head)
        self.caps.append(cap)
        self.costs.append(cost)
        return len(self.tails) - 1

    def arrays(self) -> tuple[np.ndarray, ...]:
        return tuple(np.array(x, dtype=np.int64) for x in (self.tails, self.heads, self.caps, self.costs))


def _tree_arcs(
    index: Index,
    fam: Family,
    tree: Tree,
    arcs: _Arcs,
    first: int,
    sink: int,
    weights: Weights | None,
    caps: Mapping[int, int],
) -> dict[int, int]:
    """Arcs of the cap tree; returns node id per family set. Without weights the floor split is left out."""
    node = {k: first + i for i, k in enumerate(tree.nodes)}
    for k in tree.nodes:
        cap = caps.get(k, fam.sets[k].cap)
        parent = tree.parent[k]
        if parent != -1:
            arcs.add(node[k], node[parent], cap)
            continue
        floor = min(cap, index.partners[fam.sets[k].key].floor or 0) if weights else 0
        if floor:
            arcs.add(node[k], sink, floor, -weights.floor)  # type: ignore[union-attr]
        arcs.add(node[k], sink, cap - floor)
    return node


def optimise(
    index: Index,
    fam: Family,
    tree: Tree,
    weights: Weights,
    edges: Sequence[Sequence[Edge]],
    fixed: Mapping[int, int],
    caps: Mapping[int, int] | None = None,
) -> tuple[list[int | None], int]:
    """The best assignment over the candidate edges, and its objective as the solver reports it.

    `fixed` maps students to the offer they must get (locks, or placements of an earlier phase); `caps`
    overrides some caps (used by the heuristic for crossing caps in solve.py).
    """
    n = len(index.students)
    sink = n + len(tree.nodes)
    arcs = _Arcs([], [], [], [])
    node = _tree_arcs(index, fam, tree, arcs, n, sink, weights, caps or {})
    chosen: list[tuple[int, int]] = []
    for student in range(n):
        for edge in edges[student]:
            if student in fixed and edge.offer != fixed[student]:
                continue
            arc = arcs.add(student, node[entry_node(index, tree, student, edge.offer)], 1, -edge.value)
            chosen.append((arc, edge.offer))
        if student not in fixed:
            arcs.add(student, sink, 1)
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(*arcs.arrays())
    supplies = np.zeros(sink + 1, dtype=np.int64)
    supplies[:n], supplies[sink] = 1, -n
    flow.set_nodes_supplies(np.arange(sink + 1, dtype=np.int64), supplies)
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"min-cost flow: status {status}")
    placement: list[int | None] = [None] * n
    used = flow.flows(np.array([arc for arc, _ in chosen], dtype=np.int64))
    for (arc, offer), amount in zip(chosen, used, strict=True):
        if amount:
            placement[arcs.tails[arc]] = offer
    return placement, -flow.optimal_cost()


def max_students(index: Index, fam: Family, tree: Tree, edges: Sequence[Sequence[Edge]]) -> int:
    """How many students can be placed at most over these edges (an upper bound for every method)."""
    n = len(index.students)
    source, sink = n + len(tree.nodes), n + len(tree.nodes) + 1
    arcs = _Arcs([], [], [], [])
    node = _tree_arcs(index, fam, tree, arcs, n, sink, None, {})
    for student in range(n):
        arcs.add(source, student, 1)
        for edge in edges[student]:
            arcs.add(student, node[entry_node(index, tree, student, edge.offer)], 1)
    solver = max_flow.SimpleMaxFlow()
    tails, heads, caps, _ = arcs.arrays()
    solver.add_arcs_with_capacity(tails, heads, caps)
    if solver.solve(source, sink) != solver.OPTIMAL:
        raise RuntimeError("max flow failed")
    return solver.optimal_flow()
