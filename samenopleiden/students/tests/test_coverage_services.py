"""The coverage service against the database: who counts as trained in partnerships, the institutes' totals as
entered (all or nothing), the target and its fallback to a region, and reads in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samenopleiden.core.errors import DomainError, StaleObjectError
from samenopleiden.core.models import HistoryEntry
from samenopleiden.registry.models import Role
from samenopleiden.registry.tests.factories import (
    InstituteFactory,
    MembershipFactory,
    PartnershipFactory,
    RegionFactory,
    member,
)
from samenopleiden.students import counting
from samenopleiden.students import coverage_engine as engine
from samenopleiden.students.models import CoverageTarget, FundingRate, InstituteEnrolment, Student
from samenopleiden.students.services import coverage as services
from samenopleiden.students.services.coverage import EnrolmentRow

from .factories import StudentFactory

pytestmark = pytest.mark.django_db
YEAR = "2025-2026"
TODAY = dt.date(2026, 3, 1)


def enrol(institute, total, *, mode="voltijd", year=YEAR, subject="", sector="po", programme="Pabo"):
    return InstituteEnrolment.objects.create(
        institute=institute,
        school_year=year,
        programme=programme,
        mode=mode,
        sector=sector,
        subject=subject,
        total=total,
    )


@pytest.mark.parametrize(
    ("start", "end", "trained"),
    [
        (None, None, True),
        (dt.date(2025, 10, 1), None, True),  # starts on the count date
        (dt.date(2025, 10, 2), None, False),
        (None, dt.date(2025, 10, 1), True),  # ends on the count date
        (None, dt.date(2025, 9, 30), False),
    ],
)
def test_trained_means_enrolled_on_the_count_date_as_the_count_decides(partnership, pabo, start, end, trained):
    StudentFactory(partnership=partnership, institute=pabo, start_date=start, end_date=end)
    rows = services.trained([pabo.pk], services.count_dates([YEAR]), partnership)
    assert sum(r.everywhere for r in rows) == int(trained)
    outcome = counting.count(Student.objects.all(), YEAR).outcomes[0]
    assert outcome.present is trained


def test_the_count_date_of_the_administrators_rates_applies(partnership, pabo):
    FundingRate.objects.create(school_year=YEAR, count_date=dt.date(2026, 2, 1))
    StudentFactory(partnership=partnership, institute=pabo, start_date=dt.date(2026, 1, 5))
    assert services.trained([pabo.pk], services.count_dates([YEAR]))[0].everywhere == 1


def test_a_student_in_two_partnerships_counts_once_everywhere(partnership, pabo):
    elsewhere = PartnershipFactory()
    StudentFactory(partnership=partnership, institute=pabo, student_number="777")
    StudentFactory(partnership=elsewhere, institute=pabo, student_number="777")
    StudentFactory(partnership=elsewhere, institute=pabo, student_number="778")
    (row,) = services.trained([pabo.pk], services.count_dates([YEAR]), partnership)
    assert (row.here, row.everywhere) == (1, 2)


def test_the_monitor_shows_every_institute_with_its_totals_and_target(partnership, pabo, ulo):
    region = RegionFactory(name="Onderwijsregio Noord")
    partnership.regions.add(region)
    CoverageTarget.objects.create(region=region, target_year="2029-2030", target_share=90)
    for _ in range(3):
        StudentFactory(partnership=partnership, institute=pabo)
    StudentFactory(partnership=partnership, institute=pabo, mode="deeltijd")
    enrol(pabo, 5)
    enrol(pabo, 5, programme="Academische pabo")
    enrol(pabo, 20, mode="deeltijd")
    data = services.coverage_for(partnership, YEAR, today=TODAY, may_enter={pabo.pk})
    assert [b.institute for b in data.institutes] == [pabo, ulo]
    block = data.institutes[0]
    assert block.total.stat(YEAR) == engine.Stat(here=4, everywhere=4, total=30)
    modes = {line.value: line.stat(YEAR) for line in block.breakdowns[engine.MODE]}
    assert modes["voltijd"].share_everywhere == Decimal("30.0") and modes["deeltijd"].share_here == Decimal("5.0")
    assert (data.target.owner, data.target.region_name, data.target.engine) == (
        "region",
        "Onderwijsregio Noord",
        engine.Target("2029-2030", 90),
    )
    assert block.may_enter and not data.institutes[1].may_enter
    assert data.institutes[1].total.stat(YEAR).total is None


def test_the_partnerships_own_target_goes_before_the_regions(partnership):
    region = RegionFactory()
    partnership.regions.add(region)
    CoverageTarget.objects.create(region=region, target_year="2029-2030")
    CoverageTarget.objects.create(partnership=partnership, target_year="2027-2028")
    assert services.target_for(partnership).owner == "partnership"


def test_the_trend_runs_from_the_first_year_with_numbers(partnership, pabo):
    StudentFactory(partnership=partnership, institute=pabo, school_year="2023-2024")
    enrol(pabo, 10, year="2022-2023")
    data = services.coverage_for(partnership, YEAR, today=TODAY)
    assert data.years == ["2022-2023", "2023-2024", "2024-2025", "2025-2026"]


def test_who_changed_names_only_people_of_the_partnership(partnership, programme_lead, admin_user):
    stranger = member(PartnershipFactory(), Role.PROGRAMME_LEAD, username="vreemde")
    names = services.who_changed(partnership, [programme_lead.user.pk, admin_user.pk, stranger.user.pk, None])
    assert names == {
        programme_lead.user.pk: f"{programme_lead.first_name} {programme_lead.last_name}",
        admin_user.pk: "de platformbeheerder",
        stranger.user.pk: "iemand van een ander partnerschap",
    }


def test_the_national_picture_takes_four_queries_however_many_partnerships():
    def grow(n: int) -> None:
        for _ in range(n):
            partnership = PartnershipFactory()
            institute = InstituteFactory()
            MembershipFactory(partnership=partnership, institute=institute)
            StudentFactory(partnership=partnership, institute=institute)
            StudentFactory(partnership=partnership, institute=institute, mode="deeltijd")
            enrol(institute, 10)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            result = services.national(YEAR)
        assert all(c.total.everywhere == 2 and c.total.total == 10 for c in result.values())
        return len(captured)

    grow(2)
    few = queries()
    grow(20)
    assert queries() == few <= 4


def test_the_national_picture_per_institute_and_partnership(partnership, pabo):
    other = PartnershipFactory()
    StudentFactory(partnership=partnership, institute=pabo)
    StudentFactory(partnership=other, institute=pabo, mode="duaal")
    enrol(pabo, 8, mode="duaal")
    result = services.national(YEAR)[pabo.pk]
    assert result.by_partnership == {partnership.pk: 1, other.pk: 1}
    assert result.by_mode["duaal"] == engine.Stat(everywhere=1, total=8)
    assert result.by_mode["voltijd"].total is None


def test_the_monitor_reads_in_a_fixed_number_of_queries(partnership, programme_lead):
    def grow(n: int) -> None:
        for _ in range(n):
            institute = InstituteFactory()
            MembershipFactory(partnership=partnership, institute=institute)
            StudentFactory(partnership=partnership, institute=institute)
            StudentFactory(partnership=PartnershipFactory(), institute=institute, school_year="2024-2025")
            InstituteEnrolment.objects.create(
                institute=institute,
                school_year=YEAR,
                programme="Pabo",
                mode="voltijd",
                total=9,
                updated_by=programme_lead.user,
            )

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            services.coverage_for(partnership, YEAR, today=TODAY)
        return len(captured)

    grow(2)
    few = queries()
    grow(15)
    assert queries() == few


# --- entering totals ----------------------------------------------------------------------------------------


def save(institute, partnership, rows, actor=None):
    return services.enrolments_save(
        institute=institute, school_year=YEAR, rows=rows, partnership=partnership, actor=actor
    )


def test_totals_are_added_changed_and_removed_with_history(partnership, pabo, programme_lead):
    user = programme_lead.user
    counts = save(
        pabo,
        partnership,
        [
            EnrolmentRow("Pabo", "voltijd", "po", "", 150),
            EnrolmentRow("Pabo", "deeltijd", "po", "", 90),
            EnrolmentRow("", "voltijd", "", "", None),  # a blank line is skipped
        ],
        user,
    )
    assert counts == {"created": 2, "changed": 0, "removed": 0}
    full, part = InstituteEnrolment.objects.order_by("mode").reverse()
    assert full.updated_by == user
    counts = save(
        pabo,
        partnership,
        [
            EnrolmentRow("Pabo", "voltijd", "po", "", 160, pk=full.pk, version=full.version),
            EnrolmentRow("Pabo", "deeltijd", "po", "", None, pk=part.pk, version=part.version),
        ],
        user,
    )
    assert counts == {"created": 0, "changed": 1, "removed": 1}
    assert list(InstituteEnrolment.objects.values_list("total", flat=True)) == [160]
    actions = set(HistoryEntry.objects.filter(object_type="instituteenrolment").values_list("action", flat=True))
    assert actions == {"created", "changed", "deleted"}
    assert HistoryEntry.objects.filter(object_type="instituteenrolment", partnership=partnership).count() == 4


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [EnrolmentRow("Pabo", "voltijd", "po", "", 10), EnrolmentRow("pabo ", "voltijd", "po", "", 5)],
            "staat twee keer in de lijst",
        ),
        ([EnrolmentRow("Pabo", "voltijd", "po", "", 10), EnrolmentRow("Pabo", "deeltijd", "", "", -1)], "negatief"),
        ([EnrolmentRow("Pabo", "voltijd", "po", "", 10), EnrolmentRow(" ", "deeltijd", "", "", 3)], "naam van de"),
        ([EnrolmentRow("Pabo", "voltijd", "po", "", 10, pk=999_999)], "hoort niet bij deze opleiding"),
        ([EnrolmentRow("Pabo", "voltijd", "xx", "", 10)], "geen geldige keuze"),
    ],
)
def test_bad_lines_save_nothing(partnership, pabo, rows, message):
    with pytest.raises(DomainError) as error:
        save(pabo, partnership, rows)
    assert message in error.value.message
    assert not InstituteEnrolment.objects.exists()


def test_a_line_of_another_institute_or_year_cannot_be_changed_through_this_one(partnership, pabo, ulo):
    theirs = enrol(ulo, 40)
    with pytest.raises(DomainError):
        save(pabo, partnership, [EnrolmentRow("Pabo", "voltijd", "po", "", 1, pk=theirs.pk, version=1)])
    theirs.refresh_from_db()
    assert theirs.total == 40 and theirs.institute == ulo


def test_a_stale_line_is_refused_and_the_other_lines_stay_unsaved(partnership, pabo):
    line = enrol(pabo, 150)
    save(pabo, partnership, [EnrolmentRow("Pabo", "voltijd", "po", "", 155, pk=line.pk, version=1)])
    with pytest.raises(StaleObjectError):
        save(
            pabo,
            partnership,
            [
                EnrolmentRow("Pabo", "deeltijd", "po", "", 90),
                EnrolmentRow("Pabo", "voltijd", "po", "", 170, pk=line.pk, version=1),
            ],
        )
    assert list(InstituteEnrolment.objects.values_list("total", flat=True)) == [155]


def test_last_years_lines_are_offered_without_their_numbers(pabo):
    enrol(pabo, 150, year="2024-2025", subject="")
    assert services.previous_rows(pabo, YEAR) == [EnrolmentRow("Pabo", "voltijd", "po", "", None)]


# --- the target -----------------------------------------------------------------------------------------------


def set_target(partnership, year, *, share=100, version=None):
    return services.coverage_target_save(
        partnership=partnership,
        target_year=year,
        target_share=share,
        expected_version=version,
        today=TODAY,
        actor=None,
    )


def test_the_lead_sets_changes_and_removes_the_target(partnership):
    target = set_target(partnership, "2030-2031")
    target = set_target(partnership, "2031-2032", share=95, version=target.version)
    assert (target.target_year, target.target_share, target.version) == ("2031-2032", 95, 2)
    services.coverage_target_remove(partnership=partnership, expected_version=2, actor=None)
    assert not CoverageTarget.objects.exists()
    assert HistoryEntry.objects.filter(object_type="coveragetarget", action="deleted").exists()


def test_a_target_year_in_the_past_is_refused_but_a_passed_one_may_stay(partnership):
    with pytest.raises(DomainError) as error:
        set_target(partnership, "2024-2025")
    assert "Kies een doeljaar vanaf 2025-2026" in error.value.message
    CoverageTarget.objects.create(partnership=partnership, target_year="2024-2025")
    assert set_target(partnership, "2024-2025", share=90, version=1).target_share == 90


def test_a_target_changed_by_someone_else_is_not_overwritten(partnership):
    set_target(partnership, "2030-2031")
    set_target(partnership, "2031-2032", version=1)
    with pytest.raises(StaleObjectError):
        set_target(partnership, "2032-2033", version=1)
    with pytest.raises(StaleObjectError):
        services.coverage_target_remove(partnership=partnership, expected_version=1, actor=None)
    with pytest.raises(StaleObjectError):
        set_target(partnership, "2032-2033", version=None)
    assert CoverageTarget.objects.get().target_year == "2031-2032"


def test_a_badly_written_target_year_is_refused(partnership):
    with pytest.raises(DomainError):
        set_target(partnership, "2030")
