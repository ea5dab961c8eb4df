"""Each hard constraint on a round where ignoring it would change the outcome, in every mode."""

from __future__ import annotations

import pytest

from samenopleiden.placements.engine import (
    Cluster,
    Forbid,
    Lock,
    Mode,
    Offer,
    Partner,
    Quota,
    SchoolRanking,
    evaluate,
    solve,
)

from .instances import round_of, school, student

TWO_SCHOOLS = [school("W", "Obs De Wilgen"), school("A", "Cbs Het Anker")]

CASES = {
    "an offer takes no more students than its places": (
        round_of([student("S1", "po", "W"), student("S2", "po", "W")], [Offer("O1", "W", "po", 1)], TWO_SCHOOLS[:1]),
        {"O1": 1},
        {},
    ),
    "a student only gets an offer of their own subject": (
        round_of([student("S1", "wiskunde", "W")], [Offer("O1", "W", "engels", 3)], TWO_SCHOOLS[:1]),
        {"O1": 0},
        {"S1": None},
    ),
    "a part-time student never gets an offer on a day they cannot come": (
        round_of(
            [student("S1", "po", "W", available_days={"ma", "wo"}), student("S2", "po", "W")],
            [Offer("O1", "W", "po", 2, required_days={"di"})],
            TWO_SCHOOLS[:1],
        ),
        {},
        {"S1": None, "S2": "O1"},
    ),
    "a cluster takes no more than its total": (
        round_of(
            [student("S1", "po", "W"), student("S2", "po", "A")],
            [Offer("O1", "W", "po", 1), Offer("O2", "A", "po", 1)],
            [school("W", cluster="C1"), school("A", cluster="C1")],
            clusters=[Cluster("C1", "Cluster Stad", "B1", capacity=1)],
        ),
        {"O1+O2": 1},
        {},
    ),
    "a school takes no more than its own cap over its sections": (
        round_of(
            [student("S1", "wiskunde", "W"), student("S2", "engels", "W")],
            [Offer("O1", "W", "wiskunde", 1), Offer("O2", "W", "engels", 1)],
            [school("W", capacity=1)],
        ),
        {"O1+O2": 1},
        {},
    ),
    "places reserved for part-timers stay free for them": (
        round_of(
            [student("S1", "po", "W"), student("S2", "po", "W"), student("S3", "po", "W", categories={"deeltijd"})],
            [Offer("O1", "W", "po", 2, reserved_places=1, reserved_category="deeltijd")],
            TWO_SCHOOLS[:1],
        ),
        {"O1": 2},
        {"S3": "O1"},
    ),
    "reserved places are not given to others even when their group is absent": (
        round_of(
            [student("S1", "po", "W"), student("S2", "po", "W")],
            [Offer("O1", "W", "po", 2, reserved_places=1, reserved_category="deeltijd")],
            TWO_SCHOOLS[:1],
        ),
        {"O1": 1},
        {},
    ),
    "a board never exceeds the ceiling of its allocation band": (
        round_of(
            [student("S1", "po", "W"), student("S2", "po", "A")],
            [Offer("O1", "W", "po", 1), Offer("O2", "A", "po", 1)],
            TWO_SCHOOLS,
            partners=[Partner("B1", "Stichting Een", share=1, ceiling=1)],
        ),
        {"O1+O2": 1},
        {},
    ),
    "places reserved for shortage subjects cap the other subjects": (
        round_of(
            [student("S1", "engels", "W"), student("S2", "engels", "W")],
            [Offer("O1", "W", "engels", 2), Offer("O2", "W", "wiskunde", 2)],
            [school("W", capacity=2, shortage_reserved=1)],
            shortage_subjects={"wiskunde"},
        ),
        {"O1": 1},
        {},
    ),
    "a quota caps an oversupplied subject across a cluster": (
        round_of(
            [student("S1", "engels", "W"), student("S2", "engels", "A")],
            [Offer("O1", "W", "engels", 1), Offer("O2", "A", "engels", 1)],
            [school("W", cluster="C1"), school("A", cluster="C1")],
            clusters=[Cluster("C1", "Cluster Stad", "B1")],
            quotas=[Quota("Q1", "C1", {"engels"}, 1)],
        ),
        {"O1+O2": 1},
        {},
    ),
    "a lock holds even when the student's first wish is free": (
        round_of(
            [student("S1", "po", "W", "A")],
            [Offer("O1", "W", "po", 1), Offer("O2", "A", "po", 1)],
            TWO_SCHOOLS,
            locks=[Lock("S1", "O2")],
        ),
        {},
        {"S1": "O2"},
    ),
    "a forbidden offer is never given": (
        round_of(
            [student("S1", "po", "W", "A")],
            [Offer("O1", "W", "po", 1), Offer("O2", "A", "po", 1)],
            TWO_SCHOOLS,
            forbidden=[Forbid("S1", "O1")],
        ),
        {},
        {"S1": "O2"},
    ),
    "a student who wants a public school gets no other": (
        round_of(
            [student("S1", "po", "A", "W", denominations={"openbaar"})],
            [Offer("O1", "W", "po", 1), Offer("O2", "A", "po", 1)],
            [school("W", denomination="openbaar"), school("A", denomination="protestants-christelijk")],
        ),
        {},
        {"S1": "O1"},
    ),
    "a student's maximum travel distance holds": (
        round_of(
            [student("S1", "po", "A", "W", max_km=10)],
            [Offer("O1", "W", "po", 1), Offer("O2", "A", "po", 1)],
            [school("W"), school("A", lat=52.37, lon=4.89)],
        ),
        {},
        {"S1": "O1"},
    ),
    "a student with a concept wish gets a school with that concept": (
        round_of(
            [student("S1", "po", "A", "W", concepts={"Montessori"})],
            [Offer("O1", "W", "po", 1), Offer("O2", "A", "po", 1)],
            [school("W", concept="montessori"), school("A", concept="Dalton")],
        ),
        {},
        {"S1": "O1"},
    ),
    "a student gets an offer in their own period": (
        round_of(
            [student("S1", "po", "W", period="P2")],
            [Offer("O1", "W", "po", 1, period="P1"), Offer("O2", "W", "po", 1, period="P2")],
            TWO_SCHOOLS[:1],
        ),
        {},
        {"S1": "O2"},
    ),
    "a school that accepted only the students it ranked gets no one else": (
        round_of(
            [student("S1", "po", "W", "A"), student("S2", "po", "W", "A")],
            [Offer("O1", "W", "po", 2), Offer("O2", "A", "po", 2)],
            TWO_SCHOOLS,
            school_rankings=[SchoolRanking("W", ("S2",), only_ranked=True)],
        ),
        {},
        {"S1": "O2", "S2": "O1"},
    ),
}


@pytest.mark.parametrize("mode", list(Mode))
@pytest.mark.parametrize("case", list(CASES))
def test_constraint(case, mode):
    problem, counts, expected = CASES[case]
    result = solve(problem, mode=mode)
    placements = result.placements()
    assert evaluate(problem, placements).violations == ()
    for offers, count in counts.items():
        assert sum(p in offers.split("+") for p in placements.values()) == count
    for student_id, offer in expected.items():
        assert placements[student_id] == offer, result.assignment(student_id).explanation.text()
