"""The projection engine: table-driven and property-based, no database."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samenopleiden.growth import projection_engine as e

START = e.Start(
    first_year=2026,
    places_per_cluster=12,
    boards=(
        e.Board("1", "Bestuur A", clusters=2, max_clusters=3, free_schools=4),
        e.Board("2", "Bestuur B", clusters=1, max_clusters=None, free_schools=0, public=True),
    ),
    inflow=(e.Inflow("nhl", "voltijd", 200, 120), e.Inflow("nhl", "deeltijd", 100, 20)),
    partners=4,
    counted_last_year=70,
    fixed_amount=D("20000"),
    per_student_amount=D("1500"),
    public_places=12,
)


def _project(**levers):
    return e.project(START, e.Levers(**levers))


def test_no_levers_keeps_todays_clusters_and_places():
    p = _project(horizon=3)
    assert [y.clusters for y in p.years] == [3, 3, 3]
    assert [y.places for y in p.years] == [36, 36, 36]
    assert [y.school_year for y in p.years] == ["2026-2027", "2027-2028", "2028-2029"]
    assert p.years[0].students == 36 and p.years[0].demand == 300
    assert p.years[0].coverage == D("12.0")
    assert p.full_coverage_year is None


@pytest.mark.parametrize(
    ("levers", "clusters"),
    [
        ({"extra_clusters": (e.ExtraClusters("1", 1, 1),)}, [3, 4, 4, 4]),
        ({"extra_clusters": (e.ExtraClusters("2", 3, 2),)}, [3, 3, 6, 6]),
        ({"joining": (e.Joining("Nieuw", 4, 1, 2),)}, [3, 5, 7, 7]),
        ({"joining": (e.Joining("Nieuw", 3, 0, 3),)}, [4, 5, 6, 6]),
        ({"joining": (e.Joining("Nieuw", 1, 3, 1),)}, [3, 3, 3, 4]),
    ],
)
def test_clusters_per_year(levers, clusters):
    assert [y.clusters for y in _project(horizon=4, **levers).years] == clusters


def test_one_educator_of_each_kind_per_cluster_and_hours():
    y = _project(horizon=2, extra_clusters=(e.ExtraClusters("1", 1, 0),)).years[0]
    assert y.school_educators == y.institute_educators == 4
    assert y.mentor_hours == D(40) * 48
    assert y.school_educator_hours == D(160) * 4 and y.institute_educator_hours == D(120) * 4


def test_costs_rise_with_the_wage_index():
    years = _project(horizon=3, wage_index=D(10)).years
    assert years[1].costs == (years[0].costs * D("1.1")).quantize(D("0.01"))
    assert years[2].costs == (years[0].costs * D("1.21")).quantize(D("0.01"))


def test_subsidy_rests_on_t_minus_1_and_stops_below_the_minimum():
    years = _project(horizon=3).years
    # year 0: counted 70 in the year before
    assert years[0].counted_basis == 70 and years[0].subsidy == D("20000") + 70 * D("1500")
    # year 1: 36 students in year 0, below 60: nothing
    assert years[1].counted_basis == 36 and years[1].subsidy == 0
    assert any("minder dan" in n.template for n in _project(horizon=3).notes)


def test_subsidy_follows_growth_a_year_later():
    years = _project(horizon=3, joining=(e.Joining("Nieuw", 5, 0, 1),)).years
    assert years[0].students == 96
    assert years[1].counted_basis == 96
    assert years[1].subsidy == D("20000") + 96 * D("1500")


def test_pre_financing_gap_is_the_cumulative_shortfall():
    years = _project(horizon=4).years
    running = D(0)
    for y in years:
        running = max(running + y.costs - y.subsidy, D(0))
        assert y.gap == running


def test_coverage_reaches_100_and_says_when():
    p = _project(horizon=5, joining=(e.Joining("Groot", 30, 2, 1),))
    assert p.full_coverage_year == "2028-2029"
    assert p.years[2].coverage == D("100.0") and p.years[2].students == 300


def test_inflow_forecast_per_institute_and_variant():
    years = _project(horizon=3, inflow=(e.InflowChange("nhl", "deeltijd", D(10)),)).years
    assert [y.demand for y in years] == [300, 310, 321]


def test_dilution_of_funds_as_partners_join():
    years = _project(horizon=3, joining=(e.Joining("Nieuw", 1, 1, 1),)).years
    assert [y.partners for y in years] == [4, 5, 5]
    assert years[0].per_partner == (years[0].subsidy / 4).quantize(D("0.01"))


def test_public_places_against_the_wish_of_students():
    years = _project(horizon=2, joining=(e.Joining("Openbaar", 2, 1, 1, public=True),)).years
    assert years[0].public_places == 12 and years[1].public_places == 36
    assert years[1].public_demand == round(years[1].students * 0.3)


def test_satellites_and_cross_sector_places():
    years = _project(horizon=3, satellites=(e.Satellites(5, 2, 1),), cross_sector_places=10, cross_sector_year=2).years
    assert [y.places for y in years] == [36, 46, 46]
    assert [y.cross_sector_places for y in years] == [0, 0, 10]
    # mbo students need mentors but do not count for the coverage
    assert years[2].mentor_hours == D(40) * (46 + 10)


def test_without_rates_no_subsidy_and_a_note():
    start = e.Start(first_year=2026, boards=START.boards, inflow=START.inflow, partners=2)
    p = e.project(start, e.Levers(horizon=2))
    assert all(y.subsidy == 0 for y in p.years)
    assert "nog niet bekend" in p.notes[0].template


@pytest.mark.parametrize(
    ("levers", "field", "words"),
    [
        ({"places_per_cluster": -1}, "places_per_cluster", "negatief"),
        ({"joining": (e.Joining("Laat", 2, 8, 4),)}, "joining", "voorbij de horizon"),
        ({"joining": (e.Joining("Te laat", 2, 10, 1),)}, "joining", "buiten de horizon"),
        ({"wage_index": D(300)}, "wage_index", "300% is niet aannemelijk"),
        ({"wage_index": D(-1)}, "wage_index", "loonindex"),
        ({"extra_clusters": (e.ExtraClusters("99", 1, 1),)}, "extra_clusters", "Onbekend bestuur"),
        ({"extra_clusters": (e.ExtraClusters("1", 2, 1),)}, "extra_clusters", "hooguit 3 clusters"),
        ({"extra_clusters": (e.ExtraClusters("1", -1, 1),)}, "extra_clusters", "negatief"),
        ({"satellites": (e.Satellites(-2, 2, 1),)}, "satellites", "negatief"),
        ({"horizon": 0}, "horizon", "horizon"),
        ({"horizon": 31}, "horizon", "horizon"),
        ({"inflow": (e.InflowChange("nhl", "duaal", D(1)),)}, "inflow", "Onbekende lerarenopleiding"),
        ({"public_wish_percent": D(130)}, "public_wish_percent", "percentage"),
        ({"cross_sector_places": -3}, "cross_sector_places", "negatief"),
    ],
)
def test_validation(levers, field, words):
    problems = e.validate(START, e.Levers(**{"horizon": 10, **levers}))
    assert problems, levers
    assert problems[0].field == field
    assert words in problems[0].template % problems[0].params
    with pytest.raises(ValueError):
        e.project(START, e.Levers(**{"horizon": 10, **levers}))


def test_potential_per_board():
    rows = e.potential(START)
    assert [(r.board.key, r.room, r.places) for r in rows] == [("1", 1, 12), ("2", 0, 0)]
    free = e.Start(first_year=2026, boards=(e.Board("3", "C", 1, None, free_schools=5),), max_schools_per_cluster=4)
    assert e.potential(free)[0].room == 2


def test_file_round_trip():
    levers = e.Levers(horizon=7, extra_clusters=(e.ExtraClusters("1", 1, 2),), wage_index=D("4.5"))
    data = json.loads(json.dumps(e.to_file(name="Groei", description="", levers=levers, start=START)))
    read = e.from_file(data)
    assert read.levers == levers and read.start == START and read.name == "Groei"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ([], "geen scenariobestand"),
        ({"format": "iets"}, "geen scenariobestand"),
        ({"format": e.FORMAT, "version": 9, "name": "x"}, "versie"),
        ({"format": e.FORMAT, "version": 1, "name": ""}, "geen naam"),
        ({"format": e.FORMAT, "version": 1, "name": "x", "levers": {"horizon": "tien"}}, "geheel getal"),
        ({"format": e.FORMAT, "version": 1, "name": "x", "levers": {"wage_index": "veel"}}, "getal"),
        ({"format": e.FORMAT, "version": 1, "name": "x", "levers": {"kleur": 1}}, "Onbekend veld"),
        ({"format": e.FORMAT, "version": 1, "name": "x", "levers": {"joining": [{"clusters": 1}]}}, "ontbreekt"),
        ({"format": e.FORMAT, "version": 1, "name": "x", "start": {"boards": []}}, "first_year"),
    ],
)
def test_bad_files(data, words):
    with pytest.raises(e.FormatError) as info:
        e.from_file(data)
    assert words in str(info.value)


@settings(max_examples=60, deadline=None)
@given(
    extra=st.integers(0, 1),
    joining=st.integers(0, 20),
    year=st.integers(0, 4),
    ramp=st.integers(1, 5),
    wage=st.decimals(0, 25, places=1),
    horizon=st.integers(10, 15),
    growth=st.decimals(-20, 20, places=1),
)
def test_properties(extra, joining, year, ramp, wage, horizon, growth):
    levers = e.Levers(
        horizon=horizon,
        extra_clusters=(e.ExtraClusters("1", extra, 1),),
        joining=(e.Joining("N", joining, year, ramp),),
        inflow=(e.InflowChange("nhl", "voltijd", growth),),
        wage_index=wage,
    )
    assert e.validate(START, levers) == []
    p = e.project(START, levers)
    assert len(p.years) == horizon
    clusters = [y.clusters for y in p.years]
    assert clusters == sorted(clusters)  # clusters never go down
    assert clusters[-1] == 3 + extra + joining
    for y in p.years:
        assert 0 <= y.students <= min(y.places, y.demand)
        assert y.coverage is None or D(0) <= y.coverage <= D(100)
        assert y.gap >= 0 and y.gap <= p.peak_gap
        assert y.school_educators == y.clusters
    if p.full_coverage_year:
        first = next(y for y in p.years if y.school_year == p.full_coverage_year)
        assert first.coverage == 100


def test_the_t_minus_1_lag_is_the_growth_since_last_years_count():
    years = _project(horizon=3, joining=(e.Joining("Nieuw", 5, 1, 1),)).years
    # year 1: 96 students, subsidy on the 36 of year 0 (below 60: no subsidy, so no lag counted)
    assert years[1].students == 96 and years[1].lag == 0
    years = e.project(
        e.Start(**{**START.__dict__, "counted_last_year": 60}), e.Levers(horizon=2, joining=(e.Joining("N", 5, 0, 1),))
    ).years
    assert years[0].students == 96 and years[0].lag == (96 - 60) * D("1500")
    assert years[1].lag == 0
