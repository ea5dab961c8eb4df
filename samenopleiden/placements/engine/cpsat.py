"""CP-SAT over the raw cap family, for rounds whose caps do not nest (and, forced, to cross-check the flow).

One boolean per candidate edge; at most one per student (exactly the fixed one for locks); every cap of the
family as a linear constraint, whether it nests or not; per board an integer `reached` <= floor and <= its
placed students, worth weights.floor each. The objective is the same score as scoring.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from .capacity import Family
from .flow import Edge
from .index import Index
from .model import Weights
from .scoring import partner_counts


@dataclass(frozen=True)
class CpSatOutcome:
    placement: list[int | None]
    objective: int
    bound: float
    status: str


def optimise(
    index: Index,
    fam: Family,
    weights: Weights,
    edges: Sequence[Sequence[Edge]],
    fixed: Mapping[int, int],
    *,
    hint: Sequence[int | None] | None,
    time_limit_s: float,
    workers: int,
) -> CpSatOutcome | None:
    """The best assignment CP-SAT finds in the time limit (None when it finds none)."""
    model = cp_model.CpModel()
    chosen: list[tuple[cp_model.IntVar, Edge]] = []
    in_set: dict[int, list[cp_model.IntVar]] = {}
    in_partner: dict[str, list[cp_model.IntVar]] = {p: [] for p in index.partners}
    for student, student_edges in enumerate(edges):
        own = []
        for edge in student_edges:
            if student in fixed and edge.offer != fixed[student]:
                continue
            var = model.new_bool_var(f"x{student}_{edge.offer}")
            own.append(var)
            chosen.append((var, edge))
            for k in fam.sets_of(student, edge.offer):
                in_set.setdefault(k, []).append(var)
            in_partner[index.school_of(edge.offer).partner].append(var)
            if hint is not None:
                model.add_hint(var, hint[student] == edge.offer)
        if student in fixed:
            model.add_exactly_one(own)
        elif len(own) > 1:
            model.add_at_most_one(own)
    for k, members in in_set.items():
        if len(members) > fam.sets[k].cap:
            model.add(sum(members) <= fam.sets[k].cap)
    reached = []
    hinted = partner_counts(index, hint) if hint is not None else {}
    for partner_id, members in in_partner.items():
        floor = index.partners[partner_id].floor or 0
        if floor and members:
            var = model.new_int_var(0, floor, f"floor_{partner_id}")
            model.add(var <= sum(members))
            reached.append(var)
            if hint is not None:
                model.add_hint(var, min(floor, hinted[partner_id]))
    model.maximize(sum(edge.value * var for var, edge in chosen) + weights.floor * sum(reached))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit_s
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = index.problem.seed
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    placement: list[int | None] = [None] * len(edges)
    for var, edge in chosen:
        if solver.boolean_value(var):
            placement[edge.student] = edge.offer
    return CpSatOutcome(
        placement, round(solver.objective_value), solver.best_objective_bound, solver.status_name(status)
    )
