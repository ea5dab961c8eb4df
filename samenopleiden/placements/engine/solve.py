"""The one entry point: validate, find candidates, match by the chosen mode, explain, and count.

Which solver (README: "Solvers"):
- caps nest (laminar) -> min-cost flow, exact;
- caps cross -> the crossing caps are split over their offers by a flow that ignores them (feasible, exact for
  that split), then CP-SAT over all caps from that start when the round is small enough
  (<= SolveOptions.cpsat_max_edges pairs); the bound is the flow that ignores the crossing caps, or CP-SAT's;
- market -> deferred acceptance on the cap tree (needs nesting);
- mix -> deferred acceptance first, then the optimiser for the students still unplaced, over the capacity left.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import cpsat, flow
from .capacity import Crossing, Family, Tree, laminar_part, tree
from .errors import InvalidProblem
from .evaluate import figures
from .explain import State, explain, set_counts
from .flow import Edge
from .index import Index
from .market import deferred_acceptance
from .messages import Reason, text
from .model import Mode, Problem, SolveOptions, Weights
from .result import Assignment, Result, SolverInfo
from .scoring import terms_of
from .validate import checked, place_name

ProgressCallback = Callable[[float, str], None]


def solve(
    problem: Problem,
    *,
    mode: Mode = Mode.ASSIGN,
    weights: Weights | None = None,
    options: SolveOptions | None = None,
    progress: ProgressCallback | None = None,
) -> Result:
    """Match one round. Raises InvalidProblem (with every reason) before doing anything else."""
    started = time.perf_counter()
    weights, options, mode = weights or Weights(), options or SolveOptions(), Mode(mode)
    report = progress or (lambda fraction, label: None)
    report(0.0, text("progress_validate"))
    index, fam = checked(problem)
    places = [o.places for o in index.offers]
    nested = tree(fam, places)
    market_tree = _require_nesting(index, fam, nested) if mode is not Mode.ASSIGN else None
    report(0.1, text("progress_candidates"))
    outside = options.outside_candidates if options.outside_wishes and mode is not Mode.MARKET else 0
    edges = candidate_edges(index, weights, outside)
    fixed = {index.student_pos[s]: offer for s, offer in index.locks.items()}
    phase = ["lock" if s in fixed else "none" for s in range(len(index.students))]
    if mode is Mode.ASSIGN:
        report(0.3, text("progress_optimise"))
        placement, info = optimise(index, fam, nested, weights, edges, fixed, options)
        phase = _mark(phase, placement, "optimise")
    else:
        report(0.3, text("progress_market"))
        placement = deferred_acceptance(index, fam, market_tree, edges, fixed)  # type: ignore[arg-type]
        phase = _mark(phase, placement, "market")
        info = SolverInfo("deferred_acceptance", "STABLE", None, None, 0.0, True)
        if mode is Mode.MIX:
            report(0.5, text("progress_optimise"))
            settled = {s: o for s, o in enumerate(placement) if o is not None}
            placement, optimised = optimise(index, fam, nested, weights, edges, settled, options)
            phase = _mark(phase, placement, "after_market")
            info = SolverInfo("mix", optimised.status, optimised.objective, optimised.bound, 0.0, True)
    report(0.7, text("progress_explain"))
    state = State.of(index, fam, weights, placement, mode)
    assignments = tuple(_assignment(index, state, s, phase[s]) for s in range(len(index.students)))
    report(0.9, text("progress_figures"))
    figs = figures(index, fam, weights, placement, blocking=bool(problem.school_rankings) or mode is not Mode.ASSIGN)
    info = SolverInfo(
        info.method, info.status, info.objective, info.bound, time.perf_counter() - started, info.laminar, info.notes
    )
    report(1.0, text("progress_done"))
    return Result(mode, weights, assignments, figs, info, problem.name)


def _mark(phase: list[str], placement: Sequence[int | None], label: str) -> list[str]:
    """Students placed in this step (not before) get its label."""
    return [label if p == "none" and placement[s] is not None else p for s, p in enumerate(phase)]


def candidate_edges(index: Index, weights: Weights, outside: int) -> list[list[Edge]]:
    """Per student the pairs the solvers may choose, in the student's order of preference; a locked student
    has only their lock."""
    edges = []
    candidates = index.candidate_lists(outside)
    for student in range(len(index.students)):
        locked = index.locks.get(index.students[student].id)
        if locked is not None:
            found = [(locked, index.rank(student, locked), index.km(student, locked))]
        else:
            found = [(c.offer, c.rank, c.km) for c in candidates[student]]
        edges.append([Edge(student, o, r, d, terms_of(index, weights, student, o, r, d).total) for o, r, d in found])
    return edges


def _require_nesting(index: Index, fam: Family, nested: Tree | Crossing) -> Tree:
    """Deferred acceptance needs the cap tree for its choice rule; crossing caps are an input error there."""
    if isinstance(nested, Tree):
        return nested
    first, second = (place_name(index, fam.sets[k]) for k in (nested.first, nested.second))
    raise InvalidProblem([Reason("market_needs_nesting", {"first": first, "second": second})])


@dataclass(frozen=True)
class _Start:
    """A feasible assignment for crossing caps, and an upper bound from the flow that ignores them."""

    placement: list[int | None]
    objective: int
    bound: int
    offers_split: int


def optimise(
    index: Index,
    fam: Family,
    nested: Tree | Crossing,
    weights: Weights,
    edges: Sequence[Sequence[Edge]],
    fixed: dict[int, int],
    options: SolveOptions,
) -> tuple[list[int | None], SolverInfo]:
    """Flow when the caps nest, else a split of the crossing caps, improved by CP-SAT when it is small enough."""
    if isinstance(nested, Tree) and options.solver != "cpsat":
        return _flow(index, fam, nested, weights, edges, fixed)
    start = _split_crossing(index, fam, weights, edges, fixed) if isinstance(nested, Crossing) else None
    notes = [f"crossing caps split over {start.offers_split} offers, flow bound {start.bound}"] if start else []
    if start is not None and start.objective >= start.bound:
        return start.placement, SolverInfo(
            "flow_split", "OPTIMAL", start.objective, start.bound, 0.0, False, tuple(notes)
        )
    pairs = sum(len(e) for e in edges)
    if options.solver == "cpsat" or pairs <= options.cpsat_max_edges:
        hint = start.placement if start else None
        outcome = cpsat.optimise(
            index, fam, weights, edges, fixed, hint=hint, time_limit_s=options.time_limit_s, workers=options.workers
        )
        if outcome is not None and (start is None or outcome.objective >= start.objective):
            bound = min(outcome.bound, start.bound) if start else outcome.bound
            info = SolverInfo("cpsat", outcome.status, outcome.objective, bound, 0.0, start is None, tuple(notes))
            return outcome.placement, info
    else:
        notes.append(f"CP-SAT skipped: {pairs} pairs > cpsat_max_edges {options.cpsat_max_edges}")
    if start is None:
        assert isinstance(nested, Tree)  # start is only None when the caps nest
        return _flow(index, fam, nested, weights, edges, fixed)
    status = "OPTIMAL" if start.objective >= start.bound else "FEASIBLE"
    return start.placement, SolverInfo("flow_split", status, start.objective, start.bound, 0.0, False, tuple(notes))


def _flow(
    index: Index, fam: Family, nested: Tree, weights: Weights, edges: Sequence[Sequence[Edge]], fixed: dict[int, int]
) -> tuple[list[int | None], SolverInfo]:
    placement, objective = flow.optimise(index, fam, nested, weights, edges, fixed)
    return placement, SolverInfo("flow", "OPTIMAL", objective, float(objective), 0.0, True)


def _split_crossing(
    index: Index, fam: Family, weights: Weights, edges: Sequence[Sequence[Edge]], fixed: dict[int, int]
) -> _Start:
    """Make crossing caps nest by giving each of their offers a share of the cap.

    First a flow over the caps that nest (an upper bound, since it ignores the others); then, per crossing cap
    that this flow overfills, the students with the lowest value leave until it fits; the counts left per offer
    become the offers' caps, which nest, so a second flow is exact for that split and feasible for the round.
    """
    places = [o.places for o in index.offers]
    relaxed, dropped = laminar_part(fam, places)
    placement, bound = flow.optimise(index, fam, relaxed, weights, edges, fixed)
    placement = list(placement)
    counts = set_counts(index, fam, placement)
    value = {(e.student, e.offer): e.value for student_edges in edges for e in student_edges}
    for k in dropped:
        members = [s for s, o in enumerate(placement) if o is not None and s not in fixed and k in fam.sets_of(s, o)]
        members.sort(key=lambda s: value[(s, placement[s])])  # type: ignore[index]
        while counts[k] > fam.sets[k].cap and members:
            student = members.pop(0)
            for j in fam.sets_of(student, placement[student]):  # type: ignore[arg-type]
                counts[j] -= 1
            placement[student] = None
    offer_set = {next(iter(s.offers)): k for k, s in enumerate(fam.sets) if s.kind == "offer"}
    at_offer = [0] * len(places)
    for offer in placement:
        if offer is not None:
            at_offer[offer] += 1
    caps = {offer_set[o]: at_offer[o] for k in dropped for o in fam.sets[k].offers}
    feasible, objective = flow.optimise(index, fam, relaxed, weights, edges, fixed, caps)
    return _Start(feasible, objective, bound, len(caps))


def _assignment(index: Index, state: State, student: int, phase: str) -> Assignment:
    offer = state.placement[student]
    school = index.school_of(offer) if offer is not None else None
    distance = index.km(student, offer) if offer is not None else None
    return Assignment(
        student=index.students[student].id,
        offer=index.offers[offer].id if offer is not None else None,
        school=school.id if school else None,
        cluster=school.cluster if school else None,
        partner=school.partner if school else None,
        rank=index.rank(student, offer) if offer is not None else None,
        km=round(distance, 2) if distance is not None else None,
        locked=phase == "lock",
        phase=phase,
        explanation=explain(state, student, phase),
    )
