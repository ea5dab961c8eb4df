"""Students' rows for the cross-cutting walk tests (tests/test_every_url_outsider.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from samenopleiden.registry.models import Institute, Membership
from samenopleiden.students.models import (
    AllocationKey,
    AllocationShare,
    CountStatement,
    CoverageTarget,
    InstituteEnrolment,
    Student,
)


def populate(partnership, *, next_id, lead, educator) -> None:
    institute = Institute.objects.create(id=next_id(), code="geheimpabo", name="Geheime Pabo Twee", level="hbo")
    Membership.objects.create(id=next_id(), partnership=partnership, institute=institute)
    cluster = educator.roles.exclude(cluster=None).first().cluster
    for number in ("GEHEIM001", "GEHEIM002"):
        Student.objects.create(
            id=next_id(),
            partnership=partnership,
            school_year="2025-2026",
            student_number=number,
            institute=institute,
            programme_type="hbo-bachelor",
            practice_percentage=Decimal(50),
            cluster=cluster,
        )
    CountStatement.objects.create(
        id=next_id(),
        partnership=partnership,
        school_year="2025-2026",
        count_date=dt.date(2025, 10, 1),
        total=2,
        annex=[{"pseudonym": "P-GEHEIM", "institute": "Geheime Pabo Twee", "category": "a"}],
    )
    populate_money(partnership, next_id=next_id, lead=lead, institute=institute)


def personal_secrets(partnership) -> list[str]:
    return list(Student.objects.filter(partnership=partnership).values_list("student_number", flat=True))


def plausible_fields(partnership) -> dict:
    return money_fields(partnership) | {
        "student_number": "INBREKER1",
        "school_year": "2025-2026",
        "programme_type": "hbo-bachelor",
        "practice_percentage": "50",
        "mode": "voltijd",
        "jaar": "2025-2026",
        "submitted_on": "2026-01-01",
        "replace": "on",
    }


# --- subsidy and coverage (views/subsidy.py, views/coverage.py) ------------------------------------------------


def populate_money(partnership, *, next_id, lead, institute) -> None:
    """The allocation key with a fixed share, the coverage target, and the institute's totals."""
    key = AllocationKey.objects.create(
        id=next_id(),
        partnership=partnership,
        central_share=Decimal(10),
        weight_students=Decimal(60),
        weight_fixed=Decimal(40),
        note="Geheime afspraak over de verdeling",
    )
    membership = Membership.objects.get(partnership=partnership, institute=institute)
    AllocationShare.objects.create(id=next_id(), partnership=partnership, key=key, membership=membership, share=100)
    CoverageTarget.objects.create(id=next_id(), partnership=partnership, target_year="2029-2030", target_share=100)
    InstituteEnrolment.objects.create(
        id=next_id(),
        institute=institute,
        school_year="2025-2026",
        programme="Geheime opleiding",
        mode="voltijd",
        total=40,
        updated_by=lead.user,
    )


def owned_rows(partnership) -> set:
    """The totals of the partnership's institutes carry no partnership themselves."""
    institutes = partnership.memberships.exclude(institute=None).values_list("institute_id", flat=True)
    rows = InstituteEnrolment.objects.filter(institute_id__in=list(institutes)).values_list("pk", flat=True)
    return {("students.InstituteEnrolment", pk) for pk in rows}


def secrets(partnership) -> list[str]:
    return ["Geheime afspraak over de verdeling", "Geheime opleiding"]


def money_fields(partnership) -> dict:
    """Valid input for the allocation key, the target and the totals form."""
    return {
        "central_share": "5",
        "weight_students": "100",
        "weight_clusters": "0",
        "weight_fixed": "0",
        "note": "Overgenomen",
        "target_year": "2030-2031",
        "target_share": "100",
        "regel-TOTAL_FORMS": "1",
        "regel-INITIAL_FORMS": "0",
        "regel-MIN_NUM_FORMS": "0",
        "regel-MAX_NUM_FORMS": "200",
        "regel-0-programme": "Inbreker",
        "regel-0-mode": "voltijd",
        "regel-0-total": "5",
    }
