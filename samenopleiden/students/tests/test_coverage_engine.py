"""The coverage arithmetic (students.coverage_engine) without a database: shares per breakdown, sums over what the
institute entered, gaps said out loud, and the straight-line projection toward the target year."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenopleiden.students import coverage_engine as engine
from samenopleiden.students.coverage_engine import Enrolled, Stat, Target, Trained

Y1, Y2, Y3 = "2024-2025", "2025-2026", "2026-2027"
NHL = 1

TRAINED = [
    Trained(Y3, NHL, "voltijd", "po", "", here=90, everywhere=96),
    Trained(Y3, NHL, "deeltijd", "po", "", here=18, everywhere=18),
    Trained(Y3, 2, "voltijd", "po", "", here=5, everywhere=50),  # another institute: never mixed in
    Trained(Y2, NHL, "voltijd", "po", "", here=80, everywhere=88),
    Trained(Y2, NHL, "deeltijd", "po", "", here=14, everywhere=14),
]
ENROLLED = [
    Enrolled(Y3, NHL, "Pabo", "voltijd", "po", "", 150),
    Enrolled(Y3, NHL, "Academische pabo", "voltijd", "po", "", 10),
    Enrolled(Y3, NHL, "Pabo", "deeltijd", "po", "", 90),
    Enrolled(Y2, NHL, "Pabo", "voltijd", "po", "", 154),
    Enrolled(Y2, NHL, "Pabo", "deeltijd", "po", "", 92),
]


def by_value(lines, year):
    return {line.value: line.stat(year) for line in lines}


def test_the_total_sums_every_programme_and_variant_the_institute_entered():
    (total,) = engine.lines(TRAINED, ENROLLED, institute_id=NHL, years=[Y2, Y3], dimension=engine.TOTAL)
    assert total.stat(Y3) == Stat(here=108, everywhere=114, total=250)
    assert total.stat(Y3).share_everywhere == Decimal("45.6")
    assert total.stat(Y2).share_here == Decimal("38.2")  # 94 / 246


def test_by_variant_the_programmes_are_summed():
    lines = engine.lines(TRAINED, ENROLLED, institute_id=NHL, years=[Y3], dimension=engine.MODE)
    assert [line.value for line in lines] == ["voltijd", "deeltijd"]
    stats = by_value(lines, Y3)
    assert stats["voltijd"] == Stat(90, 96, 160) and stats["voltijd"].share_everywhere == Decimal("60.0")
    assert stats["deeltijd"].share_everywhere == Decimal("20.0")


def test_a_breakdown_the_institute_did_not_give_has_no_total_and_says_so():
    trained = [
        Trained(Y3, NHL, "voltijd", "vo", "Engels", here=10, everywhere=12),
        Trained(Y3, NHL, "voltijd", "vo", "engels ", here=1, everywhere=1),  # same subject, other spelling
        Trained(Y3, NHL, "voltijd", "vo", "Duits", here=2, everywhere=2),
    ]
    enrolled = [
        Enrolled(Y3, NHL, "Leraar Engels", "voltijd", "vo", "Engels", 40),
        Enrolled(Y3, NHL, "Overige vakken", "voltijd", "vo", "", 200),
    ]
    lines = engine.lines(trained, enrolled, institute_id=NHL, years=[Y3], dimension=engine.SUBJECT)
    stats = by_value(lines, Y3)
    assert [line.label for line in lines] == ["Duits", "Engels", ""]
    assert stats["engels"] == Stat(11, 13, 40)
    assert stats["duits"].total is None and stats["duits"].share_everywhere is None
    assert stats[""] == Stat(0, 0, 200)
    said = [reason.text() for reason in engine.gaps(lines, Y3, engine.SUBJECT)]
    assert said == [
        "De opleiding gaf geen totaal op voor Duits; daar ontbreekt het aandeel.",
        "Voor 200 studenten gaf de opleiding geen vak op.",
    ]


def test_more_students_in_partnerships_than_entered_is_flagged():
    assert Stat(here=5, everywhere=12, total=10).over
    assert not Stat(here=5, everywhere=10, total=10).over
    assert not Stat(here=5, everywhere=12, total=None).over


def test_nothing_entered_means_no_share():
    (total,) = engine.lines(TRAINED, [], institute_id=NHL, years=[Y3], dimension=engine.TOTAL)
    assert total.stat(Y3).total is None and total.stat(Y3).share_everywhere is None


def points(*shares):
    """(year, everywhere, total) with total 1000, so that a share of 60 is 600 of 1000."""
    return [(f"{2020 + i}-{2021 + i}", int(s * 10), 1000) for i, s in enumerate(shares)]


@pytest.mark.parametrize(
    ("shares", "target", "current", "state", "said"),
    [
        ((50, 55, 60), Target("2028-2029", 100), "2022-2023", engine.BEHIND, "ongeveer 90%"),
        ((50, 60, 70), Target("2025-2026", 100), "2022-2023", engine.ON_TRACK, "ongeveer 100%"),
        ((60, 70, 80), Target("2023-2024", 90), "2022-2023", engine.ON_TRACK, "(+10 procentpunt per jaar)"),
        ((90, 100), Target("2030-2031", 100), "2021-2022", engine.REACHED, "gehaald: 100% in 2021-2022"),
        ((60,), Target("2030-2031", 100), "2020-2021", engine.TOO_FEW, "Te weinig jaren"),
        ((50, 55, 60), None, "2022-2023", engine.NO_TARGET, "geen doeljaar"),
        ((50, 55, 60), Target("2021-2022", 100), "2022-2023", engine.PASSED_MISSED, "was toen 55%"),
        ((50, 100, 60), Target("2021-2022", 100), "2022-2023", engine.PASSED_REACHED, "is gehaald"),
        ((50, 55), Target("2019-2020", 100), "2022-2023", engine.PASSED_UNKNOWN, "geen aantallen"),
    ],
)
def test_the_projection_draws_the_line_to_the_target_year(shares, target, current, state, said):
    projection = engine.project(points(*shares), target=target, current_year=current)
    assert projection.state == state
    assert said in projection.reason.text()


def test_a_missed_target_says_when_the_goal_comes_at_this_pace():
    projection = engine.project(points(50, 55, 60), target=Target("2021-2022", 100), current_year="2023-2024")
    assert projection.ok is False
    assert projection.pace.text() == "In dit tempo komt het doel in 2030-2031."  # 60 + 8 × 5 = 100
    flat = engine.project(points(60, 58, 60), target=Target("2030-2031", 100), current_year="2022-2023")
    assert flat.pace.text() == "In dit tempo groeit het aandeel niet naar het doel toe."


def test_each_line_of_a_breakdown_carries_its_own_projection():
    lines = engine.lines(
        TRAINED,
        ENROLLED,
        institute_id=NHL,
        years=[Y2, Y3],
        dimension=engine.MODE,
        target=Target("2030-2031", 100),
        current_year=Y3,
    )
    fulltime, parttime = lines
    assert fulltime.projection.state == engine.BEHIND  # 57.1% → 60%: +2.9 a year, not 100% in 2030
    assert parttime.projection.slope == Decimal("4.8")  # 15.2% → 20%


@given(
    st.lists(st.tuples(st.integers(0, 500), st.integers(1, 500)), min_size=2, max_size=8),
    st.integers(2020, 2040),
    st.integers(1, 100),
)
def test_a_projection_is_always_a_share_between_0_and_100(pairs, target_year, goal):
    data = [(f"{2020 + i}-{2021 + i}", n, total) for i, (n, total) in enumerate(pairs)]
    projection = engine.project(data, target=Target(f"{target_year}-{target_year + 1}", goal), current_year="2020-2021")
    if projection.projected is not None:
        assert 0 <= projection.projected <= 100
    assert projection.reason.text()
