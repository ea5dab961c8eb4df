"""Upper bounds that do not trust the engine: the LP relaxation (GLOP) and max-flow counts.

`lp_bound` builds the linear relaxation of the objective directly from the raw cap family (not from the tree
the flow uses), over the same candidate pairs, so comparing it with the evaluator's score of the engine's
assignment checks the engine independently. For nesting caps the relaxation is integral and the gap is 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from ortools.linear_solver import pywraplp

from .capacity import family, laminar_part
from .flow import max_students
from .index import Index
from .model import Problem, SolveOptions, Weights
from .solve import candidate_edges


def lp_bound(problem: Problem, weights: Weights | None = None, options: SolveOptions | None = None) -> float:
    weights, options = weights or Weights(), options or SolveOptions()
    index = Index(problem)
    fam = family(index)
    edges = candidate_edges(index, weights, options.outside_candidates if options.outside_wishes else 0)
    lp = pywraplp.Solver.CreateSolver("GLOP")
    lp.SetSolverSpecificParametersAsString("primal_feasibility_tolerance: 1e-10 dual_feasibility_tolerance: 1e-10")
    objective = lp.Objective()
    objective.SetMaximization()
    at_offer = [lp.NumVar(0, o.places, "") for o in index.offers]
    define = [lp.Constraint(0, 0) for _ in index.offers]
    for o, var in enumerate(at_offer):
        define[o].SetCoefficient(var, -1)
    general = {
        next(iter(s.offers)): (k, lp.Constraint(0, s.cap)) for k, s in enumerate(fam.sets) if s.kind == "general"
    }
    for student, student_edges in enumerate(edges):
        locked = index.students[student].id in index.locks
        one = lp.Constraint(1 if locked else 0, 1)
        for edge in student_edges:
            var = lp.NumVar(0, 1, "")
            one.SetCoefficient(var, 1)
            objective.SetCoefficient(var, edge.value)
            define[edge.offer].SetCoefficient(var, 1)
            if edge.offer in general and general[edge.offer][0] in fam.sets_of(student, edge.offer):
                general[edge.offer][1].SetCoefficient(var, 1)
    for cap_set in fam.sets:
        if cap_set.kind in ("school", "cluster", "partner", "quota") and cap_set.offers:
            constraint = lp.Constraint(0, cap_set.cap)
            for o in cap_set.offers:
                constraint.SetCoefficient(at_offer[o], 1)
            if cap_set.kind == "partner" and index.partners[cap_set.key].floor:
                reached = lp.NumVar(0, index.partners[cap_set.key].floor, "")
                objective.SetCoefficient(reached, weights.floor)
                link = lp.Constraint(0, lp.infinity())
                link.SetCoefficient(reached, -1)
                for o in cap_set.offers:
                    link.SetCoefficient(at_offer[o], 1)
    if lp.Solve() != pywraplp.Solver.OPTIMAL:
        raise RuntimeError("GLOP did not solve the relaxation")
    return objective.Value()


@dataclass(frozen=True)
class FlowBounds:
    max_placed: int
    """No method can place more students (over suitable offers, ignoring caps that cross the tree)."""
    max_first_choice: int
    """No method can give more students their first wish."""


def flow_bounds(problem: Problem, *, outside: int | None = None) -> FlowBounds:
    """Max-flow bounds; `outside` limits the offers outside the wishes per student (None: every suitable offer)."""
    index = Index(problem)
    fam = family(index)
    relaxed, _ = laminar_part(fam, [o.places for o in index.offers])
    edges = candidate_edges(index, Weights(), len(index.offers) if outside is None else outside)
    first = [[e for e in student_edges if e.rank == 1] for student_edges in edges]
    return FlowBounds(max_students(index, fam, relaxed, edges), max_students(index, fam, relaxed, first))
