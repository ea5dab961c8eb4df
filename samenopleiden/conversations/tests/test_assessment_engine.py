"""The rules of the self-assessment's results, without Django: the minimum of three, blind spots, trends."""

from __future__ import annotations

import pytest

from samenopleiden.conversations import assessment_engine as engine
from samenopleiden.conversations.assessment_engine import Answer, analyse, trend

STATEMENTS = [("a1", "A"), ("a2", "A"), ("b1", "B")]
BARRIERS = ["omvang", "geld"]
DILEMMAS = ["schaal"]


def answers(perspective: str, n: int, a1=4, a2=4, b1=3, *, barriers=(), dilemma=2) -> list[Answer]:
    return [
        Answer(perspective, {"a1": a1, "a2": a2, "b1": b1}, frozenset(barriers), {"schaal": dilemma}) for _ in range(n)
    ]


def run(items: list[Answer]) -> engine.Report:
    return analyse(items, statements=STATEMENTS, barriers=BARRIERS, dilemmas=DILEMMAS)


def test_means_per_perspective_side_by_side():
    report = run(answers("school", 3, a1=5) + answers("instituut", 4, a1=3))
    row = report.statements["a1"]
    assert row.cells["school"].mean == 5 and row.cells["school"].n == 3
    assert row.cells["instituut"].mean == 3
    assert row.overall.mean == pytest.approx((15 + 12) / 7)
    assert report.groups["A"].cells["school"].mean == pytest.approx(4.5)  # (5+5+5+4+4+4)/6


def test_a_perspective_with_fewer_than_three_answers_is_never_shown_and_not_counted():
    report = run(answers("school", 3, a1=4) + answers("student", 2, a1=1))
    assert report.hidden_perspectives == ["student"]
    cell = report.statements["a1"].cells["student"]
    assert not cell.shown and cell.mean is None and cell.n == 2
    # the overall mean leaves the hidden answers out, so they cannot be worked out from it
    assert report.statements["a1"].overall.mean == 4
    assert not report.dilemmas["schaal"].cells["student"].shown
    assert report.dilemmas["schaal"].overall.n == 3


def test_not_applicable_is_not_a_score_and_a_thin_cell_is_hidden():
    items = answers("school", 2, a1=5) + [Answer("school", {"a1": None, "a2": 3, "b1": 3})]
    items += answers("instituut", 3)
    report = run(items)
    row = report.statements["a1"]
    assert row.not_applicable == 1
    assert row.cells["school"].n == 2 and not row.cells["school"].shown
    assert row.cells["instituut"].shown


def test_a_gap_of_more_than_one_point_between_schools_and_institutes_is_a_blind_spot():
    report = run(answers("school", 3, a1=5, b1=3) + answers("instituut", 3, a1=3, b1=2))
    keys = {(s.kind, s.key) for s in report.blind_spots}
    assert ("statement", "a1") in keys  # 5 against 3
    assert ("statement", "b1") not in keys  # exactly one point is not more than one
    assert ("group", "A") not in keys  # (5+4)/2 against (3+4)/2: one point
    spot = next(s for s in report.blind_spots if s.key == "a1")
    assert spot.gap == 2


def test_no_blind_spot_when_one_side_is_hidden():
    report = run(answers("school", 3, a1=5) + answers("instituut", 2, a1=1))
    assert report.blind_spots == []


def test_barriers_and_dilemma_spread_only_once_the_round_has_three_answers():
    few = run(answers("school", 2, barriers=["omvang"]))
    assert not few.enough and few.barriers == {"omvang": 0, "geld": 0}
    assert few.dilemmas["schaal"].spread == {1: 0, 2: 0, 3: 0, 4: 0}
    report = run(answers("school", 3, barriers=["omvang"], dilemma=4) + answers("student", 1, dilemma=1))
    assert report.enough and report.barriers == {"omvang": 3, "geld": 0}
    assert report.dilemmas["schaal"].spread == {1: 1, 2: 0, 3: 0, 4: 3}


def test_trend_per_group_between_rounds():
    old = run(answers("school", 3, a1=2, a2=2, b1=4))
    new = run(answers("school", 3, a1=4, a2=4, b1=4))
    rows = {r.group: r for r in trend([old, new], ["A", "B"])}
    assert rows["A"].values == [2, 4] and rows["A"].change == 2 and rows["A"].direction == engine.TREND_UP
    assert rows["B"].direction == engine.TREND_SAME
    empty = run([])
    assert trend([empty, new], ["A"])[0].change is None


def test_the_engine_imports_nothing_of_django():
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(engine))
    modules = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any(m.startswith("django") for m in modules)
