"""Second runs (locks kept, a student moved), comparing runs, and the progress the background task shows."""

from __future__ import annotations

import pytest

from samenopleiden.placements.engine import (
    TEMPLATES,
    Mode,
    Offer,
    compare,
    move_student,
    solve,
    with_locks,
)

from .instances import round_of, school, student

ROUND = round_of(
    [student("S1", "po", "W", "A"), student("S2", "po", "A", "W"), student("S3", "po", "W", "V")],
    [Offer("OW", "W", "po", 1), Offer("OA", "A", "po", 1), Offer("OV", "V", "po", 2)],
    [school("W", "Obs De Wilgen"), school("A", "Cbs Het Anker"), school("V", "Obs De Vlinder")],
)


def test_a_second_run_keeps_the_locked_students_where_they_were():
    first = solve(ROUND)
    again = with_locks(ROUND, first, ["S1", "S3"])
    assert {(lock.student, lock.offer) for lock in again.locks} == {
        ("S1", first.placements()["S1"]),
        ("S3", first.placements()["S3"]),
    }
    second = solve(again)
    assert second.placements()["S1"] == first.placements()["S1"]
    assert second.assignment("S3").locked


def test_moving_a_student_changes_only_that_student():
    first = solve(ROUND)
    moved = solve(move_student(ROUND, first, "S1"))
    before, after = first.placements(), moved.placements()
    assert after["S1"] != before["S1"]
    assert {s: o for s, o in after.items() if s != "S1"} == {s: o for s, o in before.items() if s != "S1"}
    diff = compare(first, moved)
    assert [m.student for m in diff.moved] == ["S1"]
    assert diff.moved[0].before == before["S1"] and diff.moved[0].after == after["S1"]


def test_comparing_two_runs_lists_the_moves_and_the_figures_side_by_side():
    assign, market = solve(ROUND), solve(ROUND, mode=Mode.MARKET)
    diff = compare(assign, market)
    figures = {name: (a, b) for name, a, b in diff.figures}
    assert figures["placed"] == (assign.figures.placed, market.figures.placed)
    assert figures["mean_rank_6"] == (assign.figures.mean_rank_6, market.figures.mean_rank_6)
    moved = {m.student for m in diff.moved}
    assert moved == {s for s in assign.placements() if assign.placements()[s] != market.placements()[s]}
    assert compare(assign, assign).moved == ()


@pytest.mark.parametrize("mode", list(Mode))
def test_progress_goes_from_zero_to_one_with_dutch_labels(mode):
    seen: list[tuple[float, str]] = []
    solve(ROUND, mode=mode, progress=lambda fraction, label: seen.append((fraction, label)))
    fractions = [f for f, _ in seen]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0 and fractions == sorted(fractions)
    progress_texts = {t for code, t in TEMPLATES.items() if code.startswith("progress_")}
    assert {label for _, label in seen} <= progress_texts
    assert seen[-1][1] == "Klaar"
