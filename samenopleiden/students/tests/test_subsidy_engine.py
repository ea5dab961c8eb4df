"""The subsidy arithmetic (students.funding) without a database: the estimate on the count of t-1, the pro-rata
reduction, and the distribution over partners whose parts always add up to the total."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenopleiden.students import funding
from samenopleiden.students.funding import Key, Rates, Recipient

RATES = Rates(
    school_year="2021-2022",
    fixed_amount=Decimal(100000),
    per_student_amount=Decimal(955),
    minimum_students=60,
    aspirant_fixed_amount=Decimal(50000),
)


def estimate(**kwargs):
    defaults = {
        "school_year": "2021-2022",
        "basis_year": "2020-2021",
        "recognised": True,
        "rates": RATES,
        "counted": 96,
        "current": 100,
        "next_year": "2022-2023",
    }
    return funding.estimate(**(defaults | kwargs))


def texts(reasons) -> str:
    return " ".join(r.text() for r in reasons)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("191680"), "€ 191.680,00"),
        (Decimal("0"), "€ 0,00"),
        (Decimal("955"), "€ 955,00"),
        (Decimal("1234567.891"), "€ 1.234.567,89"),
        (Decimal("0.005"), "€ 0,01"),
        (Fraction(1, 3), "€ 0,33"),
        (Decimal("-12.5"), "-€ 12,50"),
    ],
)
def test_euros_are_written_the_dutch_way(value, expected):
    assert funding.euro(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(Fraction(3400, 96), "35,4%"), (70, "70%"), (Decimal("12.5"), "12,5%"), (Fraction(200, 3), "66,7%")],
)
def test_percentages_are_written_the_dutch_way(value, expected):
    assert funding.percent(value) == expected


@pytest.mark.parametrize(
    ("kwargs", "state", "amount"),
    [
        ({}, funding.RECOGNISED, Decimal("191680.00")),  # 100,000 + 96 × 955
        ({"counted": 60}, funding.RECOGNISED, Decimal("157300.00")),  # exactly the minimum still counts
        ({"counted": 59}, funding.BELOW_MINIMUM, Decimal("0.00")),
        ({"counted": 0}, funding.BELOW_MINIMUM, Decimal("0.00")),
        ({"counted": None}, funding.NO_COUNT, None),
        ({"rates": None}, funding.NO_RATES, None),
        ({"recognised": False}, funding.ASPIRANT, Decimal("50000.00")),
        ({"recognised": False, "counted": None}, funding.ASPIRANT, Decimal("50000.00")),
    ],
)
def test_the_estimate_rests_on_the_count_of_the_year_before(kwargs, state, amount):
    result = estimate(**kwargs)
    assert result.state == state
    assert result.amount == amount


def test_the_estimate_says_how_it_was_reached():
    result = estimate()
    assert texts(result.steps) == (
        "Vast bedrag voor een erkend partnerschap: € 100.000,00. "
        "96 getelde studenten in 2020-2021 × € 955,00 = € 91.680,00. "
        "Samen: € 191.680,00."
    )
    assert not result.warnings and not result.reduced


def test_below_the_minimum_the_funding_stops_and_says_why():
    result = estimate(counted=42)
    assert "In 2020-2021 telden 42 studenten mee, minder dan het minimum van 60" in texts(result.steps)
    assert "geen subsidie" in texts(result.steps)


@pytest.mark.parametrize(("current", "warned"), [(59, True), (60, False), (None, False)])
def test_a_current_count_below_the_minimum_warns_for_next_year(current, warned):
    result = estimate(current=current)
    assert bool(result.warnings) is warned
    if warned:
        assert "in 2022-2023 geen subsidie" in texts(result.warnings)
    assert result.amount == Decimal("191680.00")  # this year's amount does not change


def test_an_aspirant_is_not_warned_about_the_minimum():
    assert not estimate(recognised=False, current=3).warnings


def test_without_rates_the_page_is_told_they_are_not_known_yet():
    result = estimate(rates=None)
    assert "nog niet bekend" in texts(result.steps) and result.counted == 96


@pytest.mark.parametrize(
    ("budget", "requested", "factor", "amount"),
    [
        (Decimal(100), Decimal(120), Fraction(5, 6), Decimal("159733.33")),  # 191,680 × 5/6 = 159,733.333…
        (Decimal(100), Decimal(100), None, Decimal("191680.00")),  # exactly on budget: no reduction
        (Decimal(100), Decimal(90), None, Decimal("191680.00")),
        (None, Decimal(120), None, Decimal("191680.00")),
    ],
)
def test_the_pro_rata_reduction_applies_only_when_the_budget_is_exceeded(budget, requested, factor, amount):
    rates = Rates(**{**RATES.__dict__, "national_budget": budget, "national_requested": requested})
    result = estimate(rates=rates)
    assert result.factor == factor
    assert result.amount == amount
    assert result.gross == Decimal("191680.00")
    if factor:
        assert "× 0,8333" in texts(result.steps)


def test_the_reduction_applies_to_an_aspirant_too():
    rates = Rates(**{**RATES.__dict__, "national_budget": Decimal(9), "national_requested": Decimal(10)})
    assert estimate(recognised=False, rates=rates).amount == Decimal("45000.00")


# --- the distribution -----------------------------------------------------------------------------------

PARTNERS = [
    Recipient(1, "Stichting Quadraten", students=34, clusters=2, fixed_share=Decimal(40)),
    Recipient(2, "VCOG", students=50, clusters=3, fixed_share=Decimal(40)),
    Recipient(3, "NHL Stenden", students=0, clusters=0, fixed_share=Decimal(20)),
    Recipient(4, "Plateau Assen", students=12, clusters=1),
]


def amounts(result) -> dict[str, Decimal]:
    return {s.recipient.name: s.amount for s in result.shares}


@pytest.mark.parametrize(
    ("key", "expected_central", "expected"),
    [
        (
            Key(Decimal(0), Decimal(100), Decimal(0), Decimal(0)),
            Decimal("0.00"),
            {"Stichting Quadraten": "67886.67", "VCOG": "99833.33", "NHL Stenden": "0.00", "Plateau Assen": "23960.00"},
        ),
        (
            Key(Decimal(10), Decimal(70), Decimal(30), Decimal(0)),
            Decimal("19168.00"),
            {"Stichting Quadraten": "60019.80", "VCOG": "88771.80", "NHL Stenden": "0.00", "Plateau Assen": "23720.40"},
        ),
        (
            Key(Decimal(0), Decimal(0), Decimal(0), Decimal(100)),
            Decimal("0.00"),
            {"Stichting Quadraten": "76672.00", "VCOG": "76672.00", "NHL Stenden": "38336.00", "Plateau Assen": "0.00"},
        ),
        (
            Key(Decimal(100), Decimal(100), Decimal(0), Decimal(0)),
            Decimal("191680.00"),
            {"Stichting Quadraten": "0.00", "VCOG": "0.00", "NHL Stenden": "0.00", "Plateau Assen": "0.00"},
        ),
    ],
)
def test_the_key_divides_the_total(key, expected_central, expected):
    """Worked by hand: 34, 50, 0 and 12 of 96 students; 2, 3, 0 and 1 of 6 clusters; shares 40, 40, 20 and 0."""
    result = funding.distribute(Decimal("191680.00"), key, PARTNERS)
    assert result.central_amount == expected_central
    assert amounts(result) == {name: Decimal(value) for name, value in expected.items()}
    assert result.distributed == Decimal("191680.00")


def test_every_part_says_how_it_was_computed():
    key = Key(Decimal(10), Decimal(70), Decimal(30), Decimal(0))
    result = funding.distribute(Decimal("191680.00"), key, PARTNERS)
    quadraten = result.shares[0]
    students, clusters = (p.reason.text() for p in quadraten.parts)
    assert students == ("34 van 96 toegerekende studenten = 35,4% × 70% naar studenten = 24,8% van € 172.512,00")
    assert clusters == "2 van 6 clusters = 33,3% × 30% naar clusters = 10% van € 172.512,00"
    assert result.central[0].reason.text() == "10% centraal deel van € 191.680,00"


def test_rounding_cents_go_to_the_largest_remainders_and_are_said():
    three = [Recipient(i, f"Bestuur {i}", students=1) for i in range(3)]
    result = funding.distribute(Decimal("100.00"), Key(), three)
    assert [s.amount for s in result.shares] == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
    assert [p.rounding for s in result.shares for p in s.parts] == [Decimal("0.01"), Decimal(0), Decimal(0)]
    assert "de 1 overgebleven cent(en)" in texts(result.notes)


def test_a_part_without_anyone_to_receive_it_goes_to_the_central_part():
    key = Key(Decimal(0), Decimal(50), Decimal(50), Decimal(0))
    no_clusters = [Recipient(1, "A", students=3), Recipient(2, "B", students=1)]
    result = funding.distribute(Decimal("1000.00"), key, no_clusters)
    assert result.central_amount == Decimal("500.00")
    assert amounts(result) == {"A": Decimal("375.00"), "B": Decimal("125.00")}
    assert "Er zijn geen opleidingsclusters van partners" in texts(result.notes)
    assert result.central[0].reason.text() == (
        "50% naar opleidingsclusters van € 1.000,00: niemand om het aan toe te rekenen, dus centraal"
    )


def test_students_without_a_partner_are_spread_over_the_others_and_said():
    result = funding.distribute(Decimal("1000.00"), Key(), [Recipient(1, "A", students=3)], unassigned=2)
    assert amounts(result) == {"A": Decimal("1000.00")}
    assert "2 getelde studenten zijn niet aan een partner toe te rekenen" in texts(result.notes)


def test_a_key_that_does_not_add_up_is_refused_by_the_engine():
    with pytest.raises(ValueError):
        funding.distribute(Decimal("10.00"), Key(Decimal(0), Decimal(60), Decimal(30), Decimal(0)), PARTNERS)
    with pytest.raises(ValueError):
        funding.distribute(Decimal("10.005"), Key(), PARTNERS)


percentages = st.decimals(min_value=0, max_value=100, places=2)


@st.composite
def keys(draw):
    central = draw(percentages)
    first = draw(st.decimals(min_value=0, max_value=100, places=2))
    second = draw(st.decimals(min_value=0, max_value=100 - first, places=2))
    weights = [first, second, Decimal(100) - first - second]
    draw(st.randoms()).shuffle(weights)
    return Key(central, *weights)


recipients = st.lists(
    st.builds(
        Recipient,
        id=st.integers(1, 10_000),
        name=st.just("partner"),
        students=st.integers(0, 500),
        clusters=st.integers(0, 20),
        fixed_share=percentages,
    ),
    max_size=15,
)


@given(
    total=st.decimals(min_value=0, max_value=10_000_000, places=2),
    key=keys(),
    partners=recipients,
    unassigned=st.integers(0, 50),
)
def test_the_parts_always_add_up_exactly_to_the_total(total, key, partners, unassigned):
    result = funding.distribute(total, key, partners, unassigned=unassigned)
    parts = [*result.central, *(p for s in result.shares for p in s.parts)]
    assert result.distributed == total
    assert all(p.amount >= 0 and p.amount == p.amount.quantize(funding.CENT) for p in parts)
    assert sum(p.rounding for p in parts) < Decimal("0.01") * (len(parts) or 1)
