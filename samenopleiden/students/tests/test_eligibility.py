"""The eight categories of the regulation as a pure function: a table of cases, and properties that hold for
every combination of facts (hypothesis)."""

from __future__ import annotations

import sys
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenopleiden.students import eligibility as e
from samenopleiden.students.eligibility import Facts, decide

D = Decimal

CASES = [
    # facts, category, words in the reason
    (Facts(e.HBO_BACHELOR, D(40)), "a", ["Categorie a", "40%"]),
    (Facts(e.HBO_BACHELOR, D(35)), None, ["hbo-bachelor met 35% praktijk; categorie a vraagt minimaal 40%."]),
    (Facts(e.HBO_BACHELOR, D("39.5")), None, ["39,5%"]),
    (Facts(e.HBO_BACHELOR, None), None, ["zonder percentage praktijk", "Vul het percentage in"]),
    (Facts(e.HBO_ONE_YEAR, D(50)), "b", ["Categorie b"]),
    (Facts(e.HBO_ONE_YEAR, D(49)), None, ["categorie b vraagt minimaal 50%"]),
    (Facts(e.WO_MASTER_60, D(40)), "c", ["Categorie c"]),
    (Facts(e.WO_MASTER_60, D(30)), None, ["categorie c vraagt minimaal 40%"]),
    (Facts(e.WO_MASTER_120, D(25)), "d", ["Categorie d"]),
    (Facts(e.WO_MASTER_120, D(24)), None, ["categorie d vraagt minimaal 25%"]),
    (Facts(e.WO_BACHELOR_180_PO, D(40)), "e", ["Categorie e"]),
    (Facts(e.WO_BACHELOR_180_PO, D(39)), None, ["categorie e"]),
    (Facts(e.WO_EDUCATIONAL_MINOR, practice_ec=D(15)), "f", ["15 EC"]),
    (
        Facts(e.WO_EDUCATIONAL_MINOR, practice_ec=D(12)),
        None,
        ["12 EC in de praktijk; categorie f vraagt minimaal 15 EC"],
    ),
    (Facts(e.WO_EDUCATIONAL_MINOR, D(100)), None, ["zonder opgave van de EC"]),  # a percentage is not EC
    (Facts(e.OTHER, appointed_as_teacher=True, suitability_statement=True), "g", ["Categorie g"]),
    (Facts(e.OTHER, appointed_as_teacher=False, suitability_statement=True), None, ["niet benoemd als leraar"]),
    (Facts(e.OTHER, appointed_as_teacher=True, suitability_statement=True, external=True), None, ["Extraneus"]),
    (Facts(e.OTHER, appointed_as_teacher=True), None, ["categorie h vraagt daarnaast"]),
    (Facts(e.HBO_BACHELOR, D(20), appointed_as_teacher=True), "h", ["Categorie h", "werk als leraar"]),
    (Facts(e.WO_EDUCATIONAL_MINOR, appointed_as_teacher=True), "h", ["Categorie h"]),
    (Facts(e.OTHER), None, ["valt onder geen van de categorieën"]),
]


@pytest.mark.parametrize(("facts", "category", "words"), CASES)
def test_each_category_and_each_reason(facts, category, words):
    decision = decide(facts)
    assert decision.category == category
    text = decision.reason.text()
    for word in words:
        assert word in text, text


def test_a_student_in_two_categories_counts_once_in_the_first_and_the_report_says_why():
    decision = decide(Facts(e.HBO_BACHELOR, D(60), appointed_as_teacher=True))
    assert decision.category == "a" and decision.also == ("h",)
    assert "Past ook in categorie h" in decision.choice.text() and "eerste passende categorie" in decision.choice.text()
    triple = decide(Facts(e.HBO_BACHELOR, D(60), appointed_as_teacher=True, suitability_statement=True))
    assert (triple.category, triple.also) == ("a", ("g", "h"))


def test_a_miss_on_practice_is_kept_as_a_note_when_another_route_counts():
    decision = decide(Facts(e.HBO_BACHELOR, D(20), appointed_as_teacher=True))
    assert decision.category == "h"
    assert any("vraagt minimaal 40%" in note.text() for note in decision.notes)


def test_reasons_are_translated_through_the_given_gettext():
    catalogue = {
        "%(programme)s met %(value)s%% praktijk; categorie %(category)s vraagt minimaal %(minimum)s%%.": (
            "%(programme)s with %(value)s%% practice; category %(category)s needs at least %(minimum)s%%."
        ),
        "hbo-bachelor": "hbo bachelor",
    }
    english = decide(Facts(e.HBO_BACHELOR, D(35))).reason.text(lambda s: catalogue.get(s, s))
    assert english == "hbo bachelor with 35% practice; category a needs at least 40%."


def test_the_engine_imports_nothing_from_django():
    import subprocess

    code = (
        "import sys, samenopleiden.students.eligibility, samenopleiden.students.schoolyear; "
        "print('django' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


percentages = st.none() | st.decimals(min_value=0, max_value=100, places=1)
facts = st.builds(
    Facts,
    programme_type=st.sampled_from(e.PROGRAMME_TYPES),
    practice_percentage=percentages,
    practice_ec=st.none() | st.decimals(min_value=0, max_value=60, places=1),
    appointed_as_teacher=st.booleans(),
    suitability_statement=st.booleans(),
    external=st.booleans(),
)


@given(facts)
def test_every_decision_is_explained_and_consistent(f):
    decision = decide(f)
    assert decision.reason.text()
    assert decision.category is None or decision.category in e.CATEGORIES
    assert decision.category not in decision.also
    assert list(decision.also) == sorted(decision.also)
    if decision.also:
        assert decision.category < decision.also[0] and decision.choice is not None
    if decision.category:
        assert f"ategorie {decision.category}" in decision.reason.text()


@given(facts)
def test_an_appointed_teacher_in_a_teacher_programme_always_counts(f):
    if f.appointed_as_teacher and f.programme_type in e.RULE_FOR_PROGRAMME:
        assert decide(f).counts


@given(facts, st.decimals(min_value=0, max_value=100, places=1))
def test_more_practice_never_makes_a_student_stop_counting(f, more):
    if f.practice_percentage is None:
        return
    higher = Facts(**{**f.__dict__, "practice_percentage": max(f.practice_percentage, more)})
    if decide(f).counts:
        assert decide(higher).counts


@given(facts)
def test_without_appointment_and_statement_only_the_practice_rule_decides(f):
    plain = Facts(f.programme_type, f.practice_percentage, f.practice_ec)
    rule = e.RULE_FOR_PROGRAMME.get(f.programme_type)
    value = (plain.practice_ec if rule and rule.in_ec else plain.practice_percentage) if rule else None
    expected = rule.category if rule and value is not None and value >= rule.minimum else None
    assert decide(plain).category == expected
