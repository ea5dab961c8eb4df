"""Placement rows for the cross-cutting walk tests (tests/test_every_url_outsider.py)."""

from __future__ import annotations

from samenopleiden.placements.models import CapacityOffer, MatchingRound, Preference, SubjectStatus, Wish


def populate(partnership, *, next_id, lead, educator) -> None:
    cluster = educator.roles.exclude(cluster=None).first().cluster
    school = cluster.schools.first()
    CapacityOffer.objects.create(
        id=next_id(), partnership=partnership, school_year="2025-2026", school=school, subject="geheimvak", places=3
    )
    SubjectStatus.objects.create(id=next_id(), partnership=partnership, subject="Geheimtaal", status="tekort")
    student = partnership.students.first()
    if student is not None:
        preference = Preference.objects.create(id=next_id(), partnership=partnership, student=student, postcode="9712")
        Wish.objects.create(id=next_id(), partnership=partnership, preference=preference, rank=1, school=school)
    MatchingRound.objects.create(id=next_id(), partnership=partnership, name="Geheime ronde", school_year="2025-2026")


def owned_rows(partnership) -> set[tuple[str, int]]:
    return set()


def secrets(partnership) -> list[str]:
    return ["geheimvak", "Geheimtaal", "Geheime ronde"]


def plausible_fields(partnership) -> dict:
    return {
        "places": 5,
        "subject": "Overgenomen",
        "period": "jaar",
        "wish1": "",
        "available_days": "di",
        "status": "tekort",
    }
