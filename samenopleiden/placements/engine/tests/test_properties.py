"""Properties on random small rounds (hypothesis): what must hold for every round, in every mode."""

from __future__ import annotations

import dataclasses

import numpy as np
from hypothesis import HealthCheck, assume, given, settings

from samenopleiden.placements.engine import (
    Mode,
    SolveOptions,
    Weights,
    evaluate,
    greedy,
    lp_bound,
    problem_from_json,
    problem_to_json,
    result_from_json,
    result_to_json,
    solve,
)
from samenopleiden.placements.engine.capacity import family
from samenopleiden.placements.engine.evaluate import blocking_pairs
from samenopleiden.placements.engine.explain import set_counts
from samenopleiden.placements.engine.index import FILTERS, Index

from .instances import ALL_OFFERS, best_score, rounds, search_space, stable_assignments

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

DOMINANT = Weights(place=5000)
"""A place weight larger than any chain of six reassignments can lose, so "as many placed as possible" is
strictly first (the defaults guarantee it for chains of up to four; README "Objective and weights")."""


@FAST
@given(rounds(), rounds().map(lambda p: p.seed % 3))
def test_every_mode_respects_every_cap_filter_and_lock(problem, mode_number):
    mode = list(Mode)[mode_number]
    if mode is not Mode.ASSIGN:
        problem = dataclasses.replace(problem, quotas=())
    result = solve(problem, mode=mode)
    figures = evaluate(problem, result.placements())
    assert figures.violations == ()
    assert result.figures.violations == ()
    for lock in problem.locks:
        assert result.assignment(lock.student).offer == lock.offer
        assert result.assignment(lock.student).locked
    for forbid in problem.forbidden:
        assert result.assignment(forbid.student).offer != forbid.offer


@FAST
@given(rounds())
def test_the_optimiser_places_at_least_as_many_as_first_come_first_served(problem):
    engine = solve(problem, weights=DOMINANT)
    for shortage_first in (False, True):
        by_hand = evaluate(problem, greedy(problem, shortage_first=shortage_first))
        assert by_hand.violations == ()
        assert engine.figures.placed >= by_hand.placed


@FEW
@given(rounds(max_students=5))
def test_flow_and_cpsat_reach_the_brute_force_optimum(problem):
    assume(search_space(problem) <= 4000)
    weights = Weights()
    best = best_score(problem, weights)
    by_flow_or_split = solve(problem, weights=weights, options=ALL_OFFERS)
    by_cpsat = solve(problem, weights=weights, options=dataclasses.replace(ALL_OFFERS, solver="cpsat"))
    assert by_cpsat.figures.score == best
    if by_flow_or_split.solver.laminar:
        assert by_flow_or_split.solver.method == "flow"
        assert by_flow_or_split.figures.score == best
        assert by_flow_or_split.solver.objective == best
    else:
        assert by_flow_or_split.figures.score <= best <= by_flow_or_split.solver.bound


@FEW
@given(rounds(laminar=True))
def test_nesting_caps_flow_cpsat_and_lp_agree(problem):
    flow_result = solve(problem)
    cpsat_result = solve(problem, options=SolveOptions(solver="cpsat"))
    assert flow_result.solver.method == "flow"
    assert flow_result.figures.score == cpsat_result.figures.score == cpsat_result.solver.objective
    assert abs(lp_bound(problem) - flow_result.figures.score) < 1e-6


@FAST
@given(rounds(laminar=True))
def test_market_result_has_no_blocking_pair(problem):
    result = solve(problem, mode=Mode.MARKET)
    assert result.figures.blocking_pairs == ()
    for assignment in result.assignments:
        assert assignment.offer is None or assignment.rank is not None or assignment.locked


@FAST
@given(rounds(laminar=True))
def test_mix_keeps_the_market_stable_and_places_at_least_as_many(problem):
    market = solve(problem, mode=Mode.MARKET)
    mix = solve(problem, mode=Mode.MIX)
    assert mix.figures.blocking_pairs == ()
    assert mix.figures.placed >= market.figures.placed
    for before, after in zip(market.assignments, mix.assignments, strict=True):
        if before.offer is not None:
            assert after.offer == before.offer


@FEW
@given(rounds(max_students=4, strict_wishes=True, laminar=True))
def test_market_gives_every_student_their_best_stable_outcome(problem):
    assume(search_space(problem, wishes_only=True) <= 3000)
    index = Index(problem)
    result = solve(problem, mode=Mode.MARKET)
    placed = [index.offer_pos[a.offer] if a.offer else None for a in result.assignments]
    stable = stable_assignments(problem)
    assert placed in stable

    def rank(student, offer):
        """Wish rank; a lock outside the wishes (the same in every assignment) and no place rank last."""
        return (index.rank(student, offer) or 50) if offer is not None else 99

    for other in stable:
        assert all(rank(s, placed[s]) <= rank(s, other[s]) for s in range(len(placed)))


@FAST
@given(rounds())
def test_evaluator_blocking_pairs_match_the_definition_on_the_raw_caps(problem):
    """The evaluator's fast path (worst student per cap) agrees with checking every displacement."""
    problem = dataclasses.replace(problem, quotas=())
    result = solve(problem)
    index = Index(problem)
    fam = family(index)
    placement = [index.offer_pos[a.offer] if a.offer else None for a in result.assignments]
    counts = set_counts(index, fam, placement)
    expected = []
    for s in range(len(placement)):
        if problem.students[s].id in index.locks:
            continue
        current = index.rank(s, placement[s]) if placement[s] is not None else None
        for o in range(len(index.offers)):
            better = index.rank(s, o) is not None and (current is None or index.rank(s, o) < current)
            if not better or index.offers[o].places == 0 or index.failure(s, o) is not None:
                continue
            full = [k for k in fam.sets_of(s, o) if counts[k] >= fam.sets[k].cap]
            own = index.priority(s, index.offers[o].school)
            rivals = [
                r
                for r, ro in enumerate(placement)
                if ro is not None
                and problem.students[r].id not in index.locks
                and index.priority(r, index.offers[ro].school) > own
                and all(k in fam.sets_of(r, ro) for k in full)
            ]
            if not full or rivals:
                expected.append((s, o))
    assert blocking_pairs(index, fam, placement, counts) == expected


@FAST
@given(rounds())
def test_json_round_trip(problem):
    assert problem_from_json(problem_to_json(problem)) == problem
    result = solve(problem)
    again = result_from_json(result_to_json(result))
    assert again == result
    assert [a.explanation.text() for a in again.assignments] == [a.explanation.text() for a in result.assignments]


@FAST
@given(rounds())
def test_vectorised_filters_agree_with_the_definition(problem):
    index = Index(problem)
    students, offers = np.arange(len(index.students)), np.arange(len(index.offers))
    codes, km = index.failure_matrix(students, offers)
    for s in students:
        assert [FILTERS[c - 1] if c else None for c in codes[s]] == [index.failure(s, o) for o in offers]
        assert np.allclose(km[s], [index.km(s, o) for o in offers])
    for s in students:
        suitable = [c.offer for c in index.candidate_lists(1000)[s]]
        assert sorted(suitable) == [o for o in offers if index.offers[o].places and not codes[s, o]]


@FAST
@given(rounds())
def test_every_explanation_renders_and_names_each_better_wish(problem):
    result = solve(problem)
    for assignment in result.assignments:
        text = assignment.explanation.text()
        assert text.endswith(".") and "{" not in text
        student = next(s for s in problem.students if s.id == assignment.student)
        if assignment.placed and not assignment.locked:
            better = assignment.rank - 1 if assignment.rank else len(set(student.wishes))
            assert len(assignment.explanation.why_not) == better


@FAST
@given(rounds(laminar=True))
def test_a_market_result_leaves_no_swap_the_schools_would_accept(problem):
    """Issue 4: "there should be none in a market round". Where schools rank, a swap counts only when both schools
    prefer the student they get; such a swap would be a blocking pair, and deferred acceptance leaves none."""
    for mode in (Mode.MARKET, Mode.MIX):
        assert solve(problem, mode=mode).figures.swap_pairs == ()
