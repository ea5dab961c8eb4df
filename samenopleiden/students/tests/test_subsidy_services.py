"""The subsidy service against the database: the estimate on the real count of t-1, students attributed to the
partners, and changes to the allocation key that are all or nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samenopleiden.core.errors import DomainError, StaleObjectError
from samenopleiden.core.models import HistoryEntry
from samenopleiden.registry.models import Membership
from samenopleiden.registry.tests.factories import (
    ClusterFactory,
    InstituteFactory,
    MembershipFactory,
    PartnershipFactory,
    SchoolBoardFactory,
    SchoolFactory,
)
from samenopleiden.students import funding
from samenopleiden.students.models import AllocationKey, AllocationShare, FundingRate
from samenopleiden.students.services import subsidy as services

from .factories import StudentFactory

pytestmark = pytest.mark.django_db
YEAR, BASIS = "2026-2027", "2025-2026"
TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def rate(db):
    return FundingRate.objects.create(
        school_year=YEAR,
        count_date=dt.date(2026, 10, 1),
        fixed_amount=Decimal(100000),
        per_student_amount=Decimal(1000),
        minimum_students=3,
        aspirant_fixed_amount=Decimal(40000),
    )


@pytest.fixture
def pabo(partnership):
    institute = InstituteFactory(code="pabo", name="Pabo Noord")
    MembershipFactory(partnership=partnership, institute=institute)
    return institute


@pytest.fixture
def second_board(partnership):
    board = SchoolBoardFactory(name="Vereniging Noord")
    MembershipFactory(partnership=partnership, board=board)
    return board


@pytest.fixture
def placed(partnership, pabo, board, school, cluster, second_board):
    """Basis year: three counted students at the first board's school, one at the second board's school, one
    without a school (unassigned), one that does not count (30%)."""
    north = SchoolFactory(board=second_board, name="Obs Noord")
    ClusterFactory(partnership=partnership, board=second_board, name="Cluster Noord").schools.add(north)
    ClusterFactory(partnership=partnership, board=second_board, name="Cluster Oost")
    rows = [(school, 50), (school, 50), (school, 45), (north, 60), (None, 50), (school, 30)]
    return [
        StudentFactory(partnership=partnership, institute=pabo, school_year=BASIS, school=where, practice_percentage=p)
        for where, p in rows
    ]


def test_the_estimate_rests_on_the_count_of_the_year_before(partnership, rate, placed):
    data = services.subsidy_for(partnership, YEAR, today=TODAY)
    assert data.basis.total == 5
    assert data.estimate.state == funding.RECOGNISED
    assert data.estimate.amount == Decimal("105000.00")
    assert data.key is None and data.engine_key == funding.Key()  # no key yet: all per placed student


def test_students_are_attributed_to_the_board_of_their_school(partnership, rate, placed, board, second_board):
    data = services.subsidy_for(partnership, YEAR, today=TODAY)
    by_name = {p.name: p for p in data.partners}
    assert (by_name["Stichting Quadraten"].students, by_name["Stichting Quadraten"].clusters) == (3, 1)
    assert (by_name["Vereniging Noord"].students, by_name["Vereniging Noord"].clusters) == (1, 2)
    assert by_name["Pabo Noord"].students == 0
    assert data.unassigned == 1
    assert by_name["Stichting Quadraten"].share.amount == Decimal("78750.00")  # 3 of 4 attributed students
    assert by_name["Vereniging Noord"].share.amount == Decimal("26250.00")
    assert data.distribution.distributed == data.estimate.amount


def test_a_student_without_a_school_counts_for_the_board_of_the_cluster(partnership, rate, placed, second_board):
    placed[4].cluster = second_board.clusters.get(name="Cluster Oost")
    placed[4].save()
    data = services.subsidy_for(partnership, YEAR, today=TODAY)
    assert data.unassigned == 0
    assert {p.name: p.students for p in data.partners}["Vereniging Noord"] == 2


def test_a_school_that_takes_part_without_its_board_gets_its_students(partnership, rate, pabo):
    loose = SchoolFactory(name="Montessorischool Los", board=SchoolBoardFactory(name="Stichting Elders"))
    MembershipFactory(partnership=partnership, school=loose, role="satellite")
    StudentFactory(partnership=partnership, institute=pabo, school_year=BASIS, school=loose)
    data = services.subsidy_for(partnership, YEAR, today=TODAY)
    assert {p.name: p.students for p in data.partners}[f"Montessorischool Los ({loose.brin_code})"] == 1


def test_a_partner_that_left_before_the_year_is_not_a_partner_any_more(partnership, rate, placed, second_board):
    Membership.objects.filter(partnership=partnership, board=second_board).update(end_date=dt.date(2026, 7, 31))
    data = services.subsidy_for(partnership, YEAR, today=TODAY)
    assert "Vereniging Noord" not in {p.name for p in data.partners}
    assert data.unassigned == 2


def test_without_rates_there_is_a_count_but_no_amount(partnership, placed):
    data = services.subsidy_for(partnership, YEAR, today=TODAY)
    assert data.estimate.state == funding.NO_RATES
    assert data.distribution is None and data.basis.total == 5


def test_an_aspirant_partnership_gets_the_fixed_amount(rate):
    aspirant = PartnershipFactory(status="aspirant", aspirant_since=dt.date(2024, 1, 1))
    data = services.subsidy_for(aspirant, YEAR, today=TODAY)
    assert data.estimate.state == funding.ASPIRANT and data.estimate.amount == Decimal("40000.00")


def test_below_the_minimum_there_is_no_subsidy_and_nothing_to_divide(partnership, rate, placed):
    rate.minimum_students = 6
    rate.save()
    data = services.subsidy_for(partnership, YEAR, today=TODAY)
    assert data.estimate.state == funding.BELOW_MINIMUM
    assert data.estimate.amount == Decimal("0.00") and data.distribution is None


def test_the_page_reads_in_a_fixed_number_of_queries(partnership, rate, pabo):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            services.subsidy_for(partnership, YEAR, today=TODAY)
        return len(captured)

    def grow(n: int) -> None:
        for _ in range(n):
            board = SchoolBoardFactory()
            MembershipFactory(partnership=partnership, board=board)
            school = SchoolFactory(board=board)
            ClusterFactory(partnership=partnership, board=board).schools.add(school)
            StudentFactory(partnership=partnership, institute=pabo, school_year=BASIS, school=school)
            StudentFactory(partnership=partnership, institute=pabo, school_year=YEAR, school=school)
        services.allocation_key_save(
            partnership=partnership,
            values={"central_share": 10, "weight_students": 70, "weight_clusters": 30, "weight_fixed": 0},
            shares={},
            expected_version=getattr(AllocationKey.objects.filter(partnership=partnership).first(), "version", None),
            actor=None,
        )

    grow(2)
    few = queries()
    grow(20)
    assert queries() == few


# --- the key -----------------------------------------------------------------------------------------------

KEY = {"central_share": Decimal(10), "weight_students": Decimal(70), "weight_clusters": Decimal(30)}


def save(partnership, *, shares=None, version=None, **values):
    return services.allocation_key_save(
        partnership=partnership,
        values={"weight_fixed": Decimal(0), "note": "", **KEY, **values},
        shares=shares or {},
        expected_version=version,
        actor=None,
    )


def test_the_lead_makes_the_key_and_it_is_recorded(partnership):
    key = save(partnership, note="Besloten in de stuurgroep van maart.")
    assert (key.central_share, key.weight_students, key.weight_clusters) == (10, 70, 30)
    assert HistoryEntry.objects.filter(object_type="allocationkey", action="created", partnership=partnership).exists()


@pytest.mark.parametrize(
    ("values", "shares", "message"),
    [
        ({"weight_clusters": Decimal(20)}, {}, "tellen samen op tot 90%; dat moet 100% zijn"),
        ({"central_share": Decimal(-5)}, {}, ""),
        ({"weight_clusters": Decimal(0), "weight_fixed": Decimal(30)}, {}, "geen vast aandeel ingevuld"),
        ({"weight_clusters": Decimal(0), "weight_fixed": Decimal(30)}, "95", "tellen samen op tot 95%"),
    ],
)
def test_a_key_that_does_not_add_up_is_refused_and_nothing_is_saved(partnership, board, values, shares, message):
    key = save(partnership)
    membership = Membership.objects.get(partnership=partnership, board=board)
    with pytest.raises(DomainError) as error:
        save(partnership, version=key.version, shares={membership.pk: Decimal(shares)} if shares else {}, **values)
    assert message in error.value.message
    key.refresh_from_db()
    assert (key.version, key.weight_clusters, key.weight_fixed) == (1, 30, 0)
    assert not AllocationShare.objects.exists()


def test_fixed_shares_that_add_up_are_kept_and_changes_recorded(partnership, board, pabo):
    members = {m.kind: m for m in Membership.objects.filter(partnership=partnership)}
    key = save(partnership)
    values = {"weight_clusters": Decimal(0), "weight_fixed": Decimal(30)}
    shares = {members["board"].pk: 75, members["institute"].pk: 25}
    key = save(partnership, version=key.version, shares=shares, **values)
    assert dict(AllocationShare.objects.values_list("membership_id", "share")) == {
        members["board"].pk: 75,
        members["institute"].pk: 25,
    }
    entry = HistoryEntry.objects.filter(object_type="allocationkey", changes__has_key="vaste aandelen").get()
    assert entry.changes["vaste aandelen"][1] == "Stichting Quadraten: 75%; Pabo Noord: 25%"
    save(partnership, version=key.version, shares={members["board"].pk: 100, members["institute"].pk: None}, **values)
    assert list(AllocationShare.objects.values_list("share", flat=True)) == [100]


def test_a_share_for_another_partnerships_partner_is_refused(partnership):
    elsewhere = MembershipFactory(partnership=PartnershipFactory(), board=SchoolBoardFactory())
    with pytest.raises(DomainError):
        save(partnership, shares={elsewhere.pk: 100}, weight_clusters=Decimal(0), weight_fixed=Decimal(30))
    assert not AllocationKey.objects.exists()


def test_two_leads_editing_at_once_do_not_overwrite_each_other(partnership):
    key = save(partnership)
    save(partnership, version=key.version, central_share=Decimal(5))
    with pytest.raises(StaleObjectError):
        save(partnership, version=key.version, central_share=Decimal(20))
    with pytest.raises(StaleObjectError):  # a form opened before the key existed
        save(partnership, version=None)
    key.refresh_from_db()
    assert key.central_share == 5
