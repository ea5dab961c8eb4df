"""The pure rules of the cycle: a goal's status, the survey's small-group rule, a school's certification state."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenopleiden.quality import engine_cycle as engine

DAY = dt.date(2026, 1, 1)


def P(days: int, value: str) -> engine.Point:
    return engine.Point(DAY + dt.timedelta(days=days), D(value))


@pytest.mark.parametrize(
    ("points", "target", "deadline_days", "today_days", "baseline", "higher", "expected"),
    [
        ([], "90", 100, 0, None, True, "geen_meting"),
        ([P(0, "95")], "90", 100, 0, None, True, "behaald"),
        ([P(0, "40"), P(50, "70")], "90", 100, 50, None, True, "op_koers"),  # expected 65 at half-way
        ([P(0, "40"), P(50, "60")], "90", 100, 50, None, True, "achter"),
        ([P(0, "40"), P(50, "60")], "90", 100, 101, None, True, "niet_behaald"),
        ([P(0, "50")], "90", 100, 0, D("40"), True, "op_koers"),  # above the baseline at the start
        ([P(0, "30")], "90", 100, 0, D("40"), True, "achter"),
        ([P(0, "20"), P(50, "14")], "10", 100, 50, None, False, "op_koers"),  # lower is better: expected 15
        ([P(0, "20"), P(50, "17")], "10", 100, 50, None, False, "achter"),
        ([P(0, "9")], "10", 100, 0, None, False, "behaald"),
        ([P(50, "70"), P(0, "40")], "90", 100, 50, None, True, "op_koers"),  # order of input does not matter
    ],
)
def test_goal_status(points, target, deadline_days, today_days, baseline, higher, expected):
    assert (
        engine.goal_status(
            points=points,
            target=D(target),
            deadline=DAY + dt.timedelta(days=deadline_days),
            today=DAY + dt.timedelta(days=today_days),
            baseline=baseline,
            higher_is_better=higher,
        )
        == expected
    )


@pytest.mark.parametrize(
    ("counts", "shown"),
    [
        ({1: 5}, {1}),
        ({1: 4}, set()),
        ({1: 6, 2: 5}, {1, 2}),
        ({1: 6, 2: 3}, set()),  # the cluster minus school 1 would show school 2's three answers
        ({1: 6, 2: 5, 3: 2}, {1}),  # drop the smallest shown school until the rest is big enough
        ({1: 5, None: 5}, {1}),
        ({1: 5, None: 2}, set()),
        ({1: 5, 2: 5, None: 1}, {2}),  # a tie: the lower id goes
        ({None: 9}, set()),
    ],
)
def test_shown_schools(counts, shown):
    assert engine.shown_schools(counts) == shown


@given(st.dictionaries(st.one_of(st.none(), st.integers(1, 6)), st.integers(1, 12), max_size=6))
def test_no_small_group_can_be_worked_out(counts):
    shown = engine.shown_schools(counts)
    assert all(counts[s] >= engine.MIN_GROUP for s in shown)
    rest = sum(counts.values()) - sum(counts[s] for s in shown)
    assert not shown or rest == 0 or rest >= engine.MIN_GROUP


QUESTIONS = [
    engine.Question(1, "schaal", "Begeleiding"),
    engine.Question(2, "keuze", "Hoe vaak", ("wekelijks", "maandelijks")),
    engine.Question(3, "open", "Beter"),
]


def _responses(cluster: int, n: int, *, school: int | None = None, start: int = 0) -> list[engine.Response]:
    return [
        engine.Response(start + i, cluster, school, {1: 4 if i % 2 else 2, 2: "wekelijks", 3: f"tekst {i}"})
        for i in range(n)
    ]


def test_a_cluster_under_five_is_hidden_and_left_out_of_the_total():
    rows = _responses(10, 6, school=1) + _responses(20, 3, school=2, start=100)
    result = engine.results(QUESTIONS, rows, cluster_ids=[10, 20, 30])
    big, small, empty = result.clusters
    assert big.shown and big.group.n == 6 and not small.shown and small.group is None and not empty.shown
    assert result.overall.n == 6 and result.hidden_clusters == 1
    scale, choice, open_ = result.overall.questions
    assert scale.mean == D("3.0") and dict(scale.distribution) == {"1": 0, "2": 3, "3": 0, "4": 3, "5": 0}
    assert dict(choice.distribution) == {"wekelijks": 6, "maandelijks": 0}
    assert open_.texts == tuple(sorted(f"tekst {i}" for i in range(6)))
    assert big.schools[0].school_id == 1 and not big.schools_hidden


def test_a_question_with_fewer_than_five_answers_is_hidden():
    rows = _responses(10, 5)
    rows = [engine.Response(r.id, r.cluster_id, None, {1: 3} if r.id < 4 else {1: 3, 3: "x"}) for r in rows]
    result = engine.results(QUESTIONS, rows, cluster_ids=[10])
    scale, choice, open_ = result.clusters[0].group.questions
    assert scale.shown and not choice.shown and not open_.shown and open_.texts == ()


def test_nothing_to_show_without_a_cluster_of_five():
    result = engine.results(QUESTIONS, _responses(10, 4), cluster_ids=[10])
    assert result.overall is None and result.hidden_clusters == 1


@pytest.mark.parametrize(
    ("outcome", "valid_days", "state"),
    [
        (None, None, "geen"),
        ("loopt", None, "loopt"),
        ("niet", None, "niet"),
        ("gecertificeerd", 200, "geldig"),
        ("gecertificeerd", 90, "verloopt"),
        ("voorwaardelijk", 0, "verloopt"),
        ("gecertificeerd", -1, "verlopen"),
        ("gecertificeerd", None, "verlopen"),
    ],
)
def test_certification_state(outcome, valid_days, state):
    valid = DAY + dt.timedelta(days=valid_days) if valid_days is not None else None
    assert engine.certification_state(outcome, valid, DAY) == state
