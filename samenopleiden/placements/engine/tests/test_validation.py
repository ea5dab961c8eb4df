"""Bad input: every problem named in Dutch, all at once, and no result at all."""

from __future__ import annotations

import dataclasses

import pytest

from samenopleiden.placements.engine import (
    Cluster,
    Forbid,
    InvalidProblem,
    Lock,
    Mode,
    Offer,
    Partner,
    Quota,
    SchoolRanking,
    solve,
    validate,
)

from .instances import round_of, school, student

W = school("W", "Obs De Wilgen", cluster="C1")
A = school("A", "Cbs Het Anker", cluster="C1")
ANNA = student("S12", "po", "W", name="Anna")
BRAM = student("S13", "po", "W", name="Bram")
BASE = round_of(
    [ANNA, BRAM],
    [Offer("O1", "W", "po", 1), Offer("O2", "A", "po", 1)],
    [W, A],
    clusters=[Cluster("C1", "Cluster Stad", "B1", capacity=2)],
)


def changed(**kw):
    return dataclasses.replace(BASE, **kw)


CASES = [
    (changed(offers=()), "Deze ronde heeft geen aanbod: voeg eerst opleidingsplaatsen toe."),
    (changed(students=()), "Deze ronde heeft geen studenten."),
    (changed(students=(ANNA, ANNA)), "De code 'S12' komt meer dan één keer voor bij de studenten."),
    (
        changed(offers=(Offer("O1", "W", "po", -1),)),
        "Aanbod O1 (Obs De Wilgen, po) heeft -1 plaatsen; dat moet 0 of meer zijn.",
    ),
    (changed(offers=(Offer("O1", "X", "po", 1),)), "Aanbod O1 hoort bij school 'X', die niet in deze ronde zit."),
    (
        changed(offers=(Offer("O1", "W", "po", 1, reserved_places=2, reserved_category="deeltijd"),)),
        "Aanbod O1 reserveert 2 plaatsen, maar heeft er 1.",
    ),
    (
        changed(offers=(Offer("O1", "W", "po", 2, reserved_places=1),)),
        "Aanbod O1 reserveert plaatsen zonder te zeggen voor welke groep.",
    ),
    (
        changed(students=(dataclasses.replace(ANNA, wishes=("W", "Obs Nergens")),)),
        "De wens 'Obs Nergens' van Anna (S12) is geen school of cluster in deze ronde.",
    ),
    (
        changed(schools=(dataclasses.replace(W, capacity=-1), A)),
        "Obs De Wilgen heeft een capaciteit van -1; dat moet 0 of meer zijn.",
    ),
    (
        changed(schools=(dataclasses.replace(W, partner="B9"), A)),
        "Obs De Wilgen hoort bij bestuur 'B9', dat niet in deze ronde zit.",
    ),
    (
        changed(schools=(dataclasses.replace(W, cluster="C9"), A)),
        "School Obs De Wilgen hoort bij cluster 'C9', dat niet in deze ronde zit.",
    ),
    (
        changed(
            schools=(dataclasses.replace(W, partner="B2"), A),
            partners=(Partner("B1", "Stichting Een", 1), Partner("B2", "Stichting Twee", 1)),
        ),
        "Cluster Cluster Stad bevat scholen van een ander bestuur (Obs De Wilgen).",
    ),
    (
        changed(
            schools=tuple(school(f"K{i}", f"School {i}", cluster="C1") for i in range(5)),
            offers=(Offer("O1", "K0", "po", 1),),
            students=(student("S1", "po"),),
        ),
        "Cluster Cluster Stad heeft 5 scholen; het maximum is 4.",
    ),
    (
        changed(offers=(Offer("O1", "W", "po", 1, required_days={"zaterdag"}),)),
        "Obs De Wilgen (O1) noemt de dag 'zaterdag'; gebruik ma, di, wo, do of vr.",
    ),
    (
        changed(students=(dataclasses.replace(ANNA, lat=123.0),)),
        "Anna (S12) heeft ongeldige coördinaten (123.0, 6.57).",
    ),
    (
        changed(students=(dataclasses.replace(ANNA, lat=None, lon=None, max_km=10),)),
        "Anna (S12) heeft een maximale reisafstand, maar geen coördinaten.",
    ),
    (
        changed(
            students=(dataclasses.replace(ANNA, max_km=10),), schools=(dataclasses.replace(W, lat=None, lon=None), A)
        ),
        "School Obs De Wilgen heeft geen coördinaten, terwijl studenten een maximale reisafstand opgeven.",
    ),
    (
        changed(students=(dataclasses.replace(ANNA, max_km=-3),)),
        "Anna (S12) heeft een negatieve maximale reisafstand (-3,0 km).",
    ),
    (
        changed(partners=(Partner("B1", "Stichting Een", share=-1),)),
        "Bestuur Stichting Een heeft een negatief aandeel in de verdeelsleutel (-1).",
    ),
    (
        changed(partners=(Partner("B1", "Stichting Een", 1, floor=5, ceiling=2),)),
        "Bestuur Stichting Een heeft een ondergrens (5) boven het plafond (2).",
    ),
    (
        changed(shortage_subjects={"Wiskunde"}, oversupplied_subjects={"wiskunde"}),
        "'wiskunde' staat zowel bij de tekortvakken als bij de overschotvakken.",
    ),
    (
        changed(quotas=(Quota("Q1", "X", {"engels"}, 1, name="Engels in de stad"),)),
        "Quotum Engels in de stad geldt voor 'X', dat geen school, cluster of bestuur hier is.",
    ),
    (
        changed(schools=(dataclasses.replace(W, shortage_reserved=3), A)),
        "Obs De Wilgen reserveert 3 plaatsen voor tekortvakken, maar heeft er maar 1.",
    ),
    (
        changed(school_rankings=(SchoolRanking("X", ("S12",)),)),
        "Er is een rangschikking van school 'X', die niet in deze ronde zit.",
    ),
    (
        changed(school_rankings=(SchoolRanking("W", ("S99",)),)),
        "School Obs De Wilgen rangschikt student 'S99', die niet in deze ronde zit.",
    ),
    (
        changed(school_rankings=(SchoolRanking("W", ("S12",)), SchoolRanking("W", ("S13",)))),
        "School Obs De Wilgen heeft meer dan één rangschikking.",
    ),
    (
        changed(locks=(Lock("S99", "O1"),)),
        "Een vastzetting of uitsluiting noemt student 'S99', die niet in deze ronde zit.",
    ),
    (
        changed(locks=(Lock("S12", "O9"),)),
        "Een vastzetting of uitsluiting van Anna (S12) noemt aanbod 'O9', dat hier niet is.",
    ),
    (
        changed(locks=(Lock("S12", "O1"), Lock("S12", "O2"))),
        "Anna (S12) is meer dan eens vastgezet (O1 en O2); een student krijgt één plaats.",
    ),
    (
        changed(locks=(Lock("S12", "O1"),), forbidden=(Forbid("S12", "O1"),)),
        "Anna (S12) is vastgezet op aanbod O1 en daar tegelijk van uitgesloten.",
    ),
    (
        changed(locks=(Lock("S12", "O1"), Lock("S13", "O1"))),
        "De vastgezette plaatsingen van Anna (S12) en Bram (S13) passen niet: Obs De Wilgen (po) heeft 1 plaats.",
    ),
    (
        changed(
            offers=(Offer("O1", "W", "po", 2), Offer("O2", "A", "po", 2)),
            students=(ANNA, BRAM, student("S14", "po", name="Cor")),
            locks=(Lock("S12", "O1"), Lock("S13", "O1"), Lock("S14", "O2")),
        ),
        "De vastgezette plaatsingen van Anna (S12), Bram (S13) en Cor (S14) passen niet: cluster Cluster Stad heeft "
        "2 plaatsen.",
    ),
    (
        changed(
            offers=(Offer("O1", "W", "po", 1, required_days={"di"}),),
            students=(dataclasses.replace(ANNA, available_days={"ma"}),),
            locks=(Lock("S12", "O1"),),
        ),
        "De vastzetting van Anna (S12) op Obs De Wilgen (aanbod O1) past niet: het aanbod vraagt dinsdag.",
    ),
    (
        changed(offers=(Offer("O1", "W", "wiskunde", 1),), locks=(Lock("S12", "O1"),)),
        "De vastzetting van Anna (S12) op Obs De Wilgen (aanbod O1) past niet: het aanbod is voor wiskunde.",
    ),
]


@pytest.mark.parametrize(("problem", "message"), CASES, ids=[m[:60] for _, m in CASES])
def test_bad_input_is_refused_with_a_dutch_message(problem, message):
    assert message in [reason.text() for reason in validate(problem)]
    with pytest.raises(InvalidProblem) as refused:
        solve(problem)
    assert message in refused.value.messages()


def test_every_problem_is_reported_at_once():
    problem = changed(
        offers=(Offer("O1", "W", "po", -1),),
        students=(dataclasses.replace(ANNA, wishes=("Obs Nergens",)),),
        partners=(Partner("B1", "Stichting Een", share=-1),),
    )
    with pytest.raises(InvalidProblem) as refused:
        solve(problem)
    assert len(refused.value.messages()) == 3
    assert str(refused.value).count("\n") == 2


def test_a_student_without_any_possible_school_is_not_an_error():
    problem = changed(students=(student("S1", "gym", "W"),))
    assert validate(problem) == []
    assert solve(problem).assignment("S1").explanation.outcome.code == "unplaced_no_options"


def test_a_school_without_offers_needs_no_coordinates_even_with_a_maximum_distance():
    """It is never a candidate, so no distance to it is ever needed; a school with offers still does."""
    far = school("V", "Obs De Vlinder", lat=None, lon=None)
    problem = changed(students=(student("S1", "po", "V", "W", max_km=20),), schools=(W, A, far))
    assert validate(problem) == []
    assert solve(problem).assignment("S1").explanation.why_not[0].code == "wish_no_places"
    with_offer = changed(
        students=(student("S1", "po", "V", max_km=20),), schools=(W, A, far), offers=(Offer("OV", "V", "po", 1),)
    )
    assert [r.code for r in validate(with_offer)] == ["school_without_coordinates"]


def test_market_mode_refuses_caps_that_do_not_nest():
    problem = changed(
        schools=(dataclasses.replace(W, capacity=1), dataclasses.replace(A, capacity=1)),
        offers=(Offer("O1", "W", "po", 1), Offer("O3", "W", "engels", 1), Offer("O2", "A", "engels", 1)),
        quotas=(Quota("Q1", "C1", {"engels"}, 1, name="Engels in de stad"),),
    )
    assert solve(problem).solver.laminar is False
    with pytest.raises(InvalidProblem) as refused:
        solve(problem, mode=Mode.MARKET)
    assert refused.value.messages() == [
        "De marktronde werkt alleen met geneste capaciteiten (aanbod binnen school binnen cluster binnen bestuur), "
        "maar quotum Engels in de stad en Obs De Wilgen overlappen gedeeltelijk."
    ]


def test_messages_translate_through_the_callers_gettext():
    reason = validate(changed(students=()))[0]
    assert reason.text(lambda s: "This round has no students." if s.startswith("Deze ronde") else s) == (
        "This round has no students."
    )
