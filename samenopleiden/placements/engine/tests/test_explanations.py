"""Each explanation, on the smallest round that produces it, with the exact Dutch sentence a student reads."""

from __future__ import annotations

import pytest

from samenopleiden.placements.engine import (
    TEMPLATES,
    Cluster,
    Forbid,
    Lock,
    Mode,
    Offer,
    Partner,
    Quota,
    SchoolRanking,
    Weights,
    solve,
)

from .instances import round_of, school, student

W = school("W", "Obs De Wilgen", denomination="openbaar", concept="Montessori")
A = school("A", "Cbs Het Anker", denomination="protestants-christelijk", concept="Dalton")
V = school("V", "Obs De Vlinder")
PO_W, PO_A = Offer("OW", "W", "po", 1), Offer("OA", "A", "po", 1)
AMSTERDAM = {"lat": 52.37, "lon": 4.89}


def case(students, offers, schools=(W, A), **kw):
    return round_of(list(students), list(offers), list(schools), **kw)


# (round, mode, student, expected explanation text)
CASES = {
    "wish_full": (
        case([student("S1", "po", "W", "A"), student("S2", "po", "W")], [PO_W, PO_A]),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker): je 1e wens (Obs De Wilgen) was vol.",
    ),
    "wish_no_subject": (
        case([student("S1", "wiskunde", "W", "A")], [PO_W, Offer("OA", "A", "wiskunde", 1)]),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker): je 1e wens (Obs De Wilgen) heeft geen plaats voor wiskunde.",
    ),
    "wish_no_places": (
        case([student("S1", "po", "V", "A")], [PO_W, PO_A], schools=(W, A, V)),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker): je 1e wens (Obs De Vlinder) biedt in deze ronde geen plaatsen aan.",
    ),
    "wish_period": (
        case([student("S1", "po", "W", "A", period="P2")], [Offer("OW", "W", "po", 1, period="P1"), PO_A]),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker): je 1e wens (Obs De Wilgen) heeft in periode P2 geen plaats voor po.",
    ),
    "wish_days": (
        case(
            [student("S1", "po", "W", "A", available_days={"ma", "wo"})],
            [Offer("OW", "W", "po", 1, required_days={"di", "do"}), PO_A],
        ),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker): je 1e wens (Obs De Wilgen) vraagt je op dinsdag en donderdag, "
        "en dan kun je niet.",
    ),
    "wish_reserved_only": (
        case(
            [student("S1", "po", "W", "A")],
            [Offer("OW", "W", "po", 1, reserved_places=1, reserved_category="zij-instromers"), PO_A],
        ),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker): de plaatsen op je 1e wens (Obs De Wilgen) zijn gereserveerd voor "
        "zij-instromers.",
    ),
    "wish_not_accepted": (
        case(
            [student("S1", "po", "W", "A"), student("S2", "po")],
            [Offer("OW", "W", "po", 2), PO_A],
            school_rankings=[SchoolRanking("W", ("S2",), only_ranked=True)],
        ),
        Mode.MARKET,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker) in de marktronde: je 1e wens (Obs De Wilgen) heeft je na de "
        "kennismaking niet geaccepteerd.",
    ),
    "wish_denomination": (
        case([student("S1", "po", "A", "W", denominations={"openbaar", "algemeen bijzonder"})], [PO_W, PO_A]),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Obs De Wilgen): je 1e wens (Cbs Het Anker) is protestants-christelijk, en je zocht "
        "algemeen bijzonder of openbaar.",
    ),
    "wish_concept": (
        case([student("S1", "po", "A", "W", concepts={"Montessori"})], [PO_W, PO_A]),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Obs De Wilgen): je 1e wens (Cbs Het Anker) werkt met Dalton, en je zocht Montessori.",
    ),
    "wish_distance": (
        case(
            [student("S1", "po", "A", "W", max_km=15)],
            [PO_W, PO_A],
            schools=(W, school("A", "Cbs Het Anker", **AMSTERDAM)),
        ),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Obs De Wilgen): je 1e wens (Cbs Het Anker) ligt op 147,3 km, verder dan je maximum "
        "van 15,0 km.",
    ),
    "wish_forbidden": (
        case([student("S1", "po", "W", "A")], [PO_W, PO_A], forbidden=[Forbid("S1", "OW")]),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker): je 1e wens (Obs De Wilgen) is voor jou uitgesloten door het "
        "stagebureau.",
    ),
    "wish_reserved_full": (
        case(
            [student("S1", "po", "W", "A"), student("S2", "po", "W")],
            [Offer("OW", "W", "po", 2, reserved_places=1, reserved_category="deeltijd"), PO_A],
        ),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker): de vrije plaatsen op je 1e wens (Obs De Wilgen) zijn gereserveerd "
        "voor deeltijd.",
    ),
    "wish_school_full": (
        case(
            [student("S1", "wiskunde", "W", "A"), student("S2", "engels", "W")],
            [Offer("OW1", "W", "wiskunde", 1), Offer("OW2", "W", "engels", 1), Offer("OA", "A", "wiskunde", 1)],
            schools=(school("W", "Obs De Wilgen", capacity=1), A),
        ),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker): je 1e wens (Obs De Wilgen) was als hele school vol (maximum 1).",
    ),
    "wish_cluster_full": (
        case(
            [student("S1", "po", "V", "A"), student("S2", "po", "W")],
            [PO_W, Offer("OV", "V", "po", 1), PO_A],
            schools=(school("W", "Obs De Wilgen", cluster="C1"), school("V", "Obs De Vlinder", cluster="C1"), A),
            clusters=[Cluster("C1", "Cluster Stad", "B1", capacity=1)],
        ),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker): je 1e wens (Obs De Vlinder) hoort bij cluster Cluster Stad, en dat "
        "cluster was vol (maximum 1).",
    ),
    "wish_partner_ceiling": (
        case(
            [student("S1", "po", "V", "A"), student("S2", "po", "W")],
            [PO_W, Offer("OV", "V", "po", 1), PO_A],
            schools=(school("W", partner="B2"), school("V", "Obs De Vlinder", partner="B2"), A),
            partners=[Partner("B1", "Stichting Een", 1), Partner("B2", "Stichting Twee", 1, ceiling=1)],
        ),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker): je 1e wens (Obs De Vlinder) hoort bij Stichting Twee, dat het "
        "plafond van de verdeelsleutel bereikte (maximum 1).",
    ),
    "wish_shortage_reserved": (
        case(
            [student("S1", "engels", "W", "A"), student("S2", "engels", "W")],
            [Offer("OW", "W", "engels", 2), Offer("OW2", "W", "wiskunde", 1), Offer("OA", "A", "engels", 1)],
            schools=(school("W", "Obs De Wilgen", capacity=2, shortage_reserved=1), A),
            shortage_subjects={"wiskunde"},
        ),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker): de vrije plaatsen bij je 1e wens (Obs De Wilgen) zijn gereserveerd "
        "voor tekortvakken.",
    ),
    "wish_quota_full": (
        case(
            [student("S1", "engels", "W", "A"), student("S2", "engels", "W")],
            [Offer("OW", "W", "engels", 2), Offer("OA", "A", "engels", 1)],
            quotas=[Quota("Q1", "W", {"engels", "geschiedenis"}, 1)],
        ),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker): je 1e wens (Obs De Wilgen) had het maximum voor engels en "
        "geschiedenis bereikt (maximum 1).",
    ),
    "wish_lost_ranking": (
        case(
            [student("S1", "po", "W", "A"), student("S2", "po", "W")],
            [PO_W, PO_A],
            school_rankings=[SchoolRanking("W", ("S2", "S1"))],
        ),
        Mode.MARKET,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker) in de marktronde: je 1e wens (Obs De Wilgen) was vol met studenten "
        "die de school hoger rangschikte.",
    ),
    "wish_lost_lottery": (
        case([student("S1", "po", "W", "A"), student("S2", "po", "W"), student("S3", "po", "W")], [PO_W, PO_A]),
        Mode.MARKET,
        "*",
        "was vol; de school rangschikte niet, dus besliste de loting",
    ),
    "wish_lost_cluster": (
        case(
            [student("S1", "po", "V", "A"), student("S2", "po", "W")],
            [PO_W, Offer("OV", "V", "po", 1), PO_A],
            schools=(school("W", "Obs De Wilgen", cluster="C1"), school("V", "Obs De Vlinder", cluster="C1"), A),
            clusters=[Cluster("C1", "Cluster Stad", "B1", capacity=1)],
            school_rankings=[SchoolRanking("W", ("S2",)), SchoolRanking("V", ("S2", "S1"))],
        ),
        Mode.MARKET,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker) in de marktronde: je 1e wens (Obs De Vlinder) hoort bij Cluster "
        "Stad, dat vol zat met studenten die hun eigen school hoger rangschikte.",
    ),
    "wish_weighed_km": (
        case(
            [student("S1", "po", "A", "W")], [PO_W, PO_A], schools=(W, school("A", "Cbs Het Anker", lat=53.5, lon=6.57))
        ),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Obs De Wilgen): je 1e wens (Cbs Het Anker) had nog plaats, maar je school ligt "
        "31,1 km dichterbij.",
    ),
    "wish_weighed_floor": (
        case(
            [student("S1", "po", "W", "A")],
            [PO_W, PO_A],
            schools=(W, school("A", "Cbs Het Anker", partner="B2")),
            partners=[Partner("B1", "Stichting Een", 1), Partner("B2", "Stichting Twee", 1, floor=1)],
        ),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker): je 1e wens (Obs De Wilgen) had nog plaats, maar Stichting Twee kwam "
        "volgens de verdeelsleutel nog plaatsen tekort.",
    ),
    "wish_weighed_pressure": (
        case([student("S1", "po", "W", "A")], [Offer("OW", "W", "po", 1, under_pressure=True), PO_A]),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker): je 1e wens (Obs De Wilgen) had nog plaats, maar die sectie staat "
        "onder druk.",
    ),
    "wish_weighed_variety": (
        case(
            [student("S1", "po", "W", "A", previous_school_type="sbo")],
            [PO_W, PO_A],
            schools=(
                school("W", "Obs De Wilgen", school_type="sbo"),
                school("A", "Cbs Het Anker", school_type="regulier"),
            ),
        ),
        Mode.ASSIGN,
        "S1",
        "Geplaatst op je 2e wens (Cbs Het Anker): je 1e wens (Obs De Wilgen) had nog plaats, maar is hetzelfde soort "
        "school als vorig jaar.",
    ),
    "wish_weighed": (
        case([student("S1", "po", "A")], [PO_A], schools=(school("A", "Cbs Het Anker", lat=53.5, lon=6.57),)),
        Mode.ASSIGN,
        "S1",
        "Niet geplaatst: de enige aanbieding die bij je past was vol: je 1e wens (Cbs Het Anker) had nog plaats, maar "
        "de totale afweging viel anders uit.",
    ),
    "placed_outside": (
        case([student("S1", "po", "W"), student("S2", "po", "W", denominations={"openbaar"})], [PO_W, PO_A]),
        Mode.ASSIGN,
        "S1",
        "Geplaatst buiten je wensen op Cbs Het Anker: je 1e wens (Obs De Wilgen) was vol.",
    ),
    "placed_locked": (
        case([student("S1", "po", "W")], [PO_W, PO_A], locks=[Lock("S1", "OA")]),
        Mode.ASSIGN,
        "S1",
        "Vastgezet door het stagebureau op Cbs Het Anker.",
    ),
    "placed_after_market": (
        case(
            [student("S1", "po", "W"), student("S2", "po", "W")],
            [PO_W, PO_A],
            school_rankings=[SchoolRanking("W", ("S2", "S1"))],
        ),
        Mode.MIX,
        "S1",
        "Na de marktronde geplaatst buiten je wensen op Cbs Het Anker: je 1e wens (Obs De Wilgen) was vol met "
        "studenten die de school hoger rangschikte.",
    ),
    "unplaced_no_options": (
        case(
            [student("S1", "wiskunde", "A", max_km=5)],
            [PO_W, Offer("OA", "A", "wiskunde", 1), Offer("OA2", "A", "wiskunde", 1)],
            schools=(W, school("A", "Cbs Het Anker", **AMSTERDAM)),
        ),
        Mode.ASSIGN,
        "S1",
        "Niet geplaatst: geen enkele plaats voldoet aan al je voorwaarden: 1 aanbieding is voor een ander vak dan "
        "wiskunde; 2 aanbiedingen liggen verder dan 5,0 km.",
    ),
    "unplaced_full": (
        case(
            [
                student("S1", "po", "W", denominations={"openbaar"}),
                student("S2", "po", "W", denominations={"openbaar"}),
            ],
            [PO_W, PO_A],
        ),
        Mode.ASSIGN,
        "*",
        "Niet geplaatst: de enige aanbieding die bij je past was vol: je 1e wens (Obs De Wilgen) was vol.",
    ),
    "unplaced_market": (
        case(
            [student("S1", "po", "W"), student("S2", "po", "W")], [PO_W], school_rankings=[SchoolRanking("W", ("S2",))]
        ),
        Mode.MARKET,
        "S1",
        "Niet geplaatst in de marktronde: je 1e wens (Obs De Wilgen) was vol met studenten die de school hoger "
        "rangschikte.",
    ),
    "unplaced_no_wishes": (
        case([student("S1", "po")], [PO_W]),
        Mode.MARKET,
        "S1",
        "Niet geplaatst: in de marktronde kom je alleen op scholen die je zelf opgeeft.",
    ),
}


WEIGHTS = {"wish_weighed_variety": Weights(variety=50), "wish_weighed": Weights(km=50)}
"""Cases where the default weights would not produce the explanation."""


@pytest.mark.parametrize("code", list(CASES))
def test_explanation(code):
    problem, mode, student_id, expected = CASES[code]
    result = solve(problem, mode=mode, weights=WEIGHTS.get(code))
    if student_id == "*":
        texts = [a.explanation.text() for a in result.assignments]
        assert any(expected in t for t in texts), texts
        explanations = [a.explanation for a in result.assignments if expected in a.explanation.text()]
    else:
        assert result.assignment(student_id).explanation.text() == expected
        explanations = [result.assignment(student_id).explanation]
    codes = {r.code for e in explanations for r in (e.outcome, *e.why_not)}
    assert code in codes or f"{code}_one" in codes


def test_every_template_has_a_case_or_is_covered_elsewhere():
    """New templates need a case here (validation, command line and progress texts are tested in their files)."""
    elsewhere = ("count_", "unplaced_full", "unplaced_full_one", "placed_wish", "placed_market")
    explained = {c for c in TEMPLATES if c.startswith(("wish_", "placed_", "unplaced_"))}
    assert explained - set(CASES) - {c for c in explained if c.startswith(elsewhere)} == set()


def test_explanations_translate_through_the_callers_gettext():
    problem, mode, student_id, _ = CASES["wish_days"]
    explanation = solve(problem, mode=mode).assignment(student_id).explanation
    english = {
        TEMPLATES["placed_wish"]: "Placed at your wish {rank} ({school})",
        TEMPLATES["wish_days"]: "wish {rank} ({name}) needs you on {days}",
        "dinsdag": "Tuesday",
        "donderdag": "Thursday",
        "en": "and",
    }
    translated = explanation.text(lambda s: english.get(s, s))
    assert (
        translated == "Placed at your wish 2 (Cbs Het Anker): wish 1 (Obs De Wilgen) needs you on Tuesday and Thursday."
    )


def test_weights_change_the_outcome_and_its_explanation():
    problem = CASES["wish_weighed_km"][0]
    assert solve(problem).assignment("S1").rank == 2
    assert solve(problem, weights=Weights(km=0.1)).assignment("S1").rank == 1


def test_a_swap_the_schools_rankings_refuse_is_no_swap_pair_in_a_market():
    """The classic case where deferred acceptance leaves two students who would both like to swap: S1 and S2 each
    get their second wish. School X ranks S2 above S1, so it would not take S1 for S2: in a market that is no swap
    pair (both sides' preferences count). Without rankings (the institute assigns) the same pair is reported."""
    x, y = school("X", "Obs X"), school("Y", "Obs Y")
    students = [student("S1", "po", "X", "Y"), student("S2", "po", "Y", "X"), student("S3", "po", "X")]
    offers = [Offer("OX", "X", "po", 1), Offer("OY", "Y", "po", 1)]
    rankings = [SchoolRanking("X", ("S2", "S3", "S1")), SchoolRanking("Y", ("S1", "S2"))]
    market = solve(case(students, offers, schools=(x, y), school_rankings=rankings), mode=Mode.MARKET)
    assert {a.student: a.offer for a in market.assignments} == {"S1": "OY", "S2": "OX", "S3": None}
    assert market.figures.blocking_pairs == ()
    assert market.figures.swap_pairs == ()

    from samenopleiden.placements.engine.evaluate import evaluate

    unranked = case(students, offers, schools=(x, y))
    assert evaluate(unranked, {"S1": "OY", "S2": "OX", "S3": None}).swap_pairs == (("S1", "S2"),)
