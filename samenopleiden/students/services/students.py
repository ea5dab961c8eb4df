"""Adding, changing and removing single students (the import handles files)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from samenopleiden.core import editing, history
from samenopleiden.core.errors import DomainError
from samenopleiden.registry.models import Cluster, Partnership, School

from ..models import Student


def placement_of(partnership: Partnership, school: School | None) -> tuple[Cluster | None, str]:
    """The partnership's cluster a school is in (the first by name), and the sector a student there is in."""
    sector = partnership.sectors[0] if len(partnership.sectors) == 1 else ""
    if school is None:
        return None, sector
    cluster = partnership.clusters.filter(schools=school).order_by("name").first()
    return cluster, school.sector


def _check(student: Student) -> None:
    if student.school_id:
        partnership = student.partnership
        in_partnership = (
            School.objects.filter(pk=student.school_id).filter(memberships__partnership=partnership).exists()
            or partnership.clusters.filter(schools=student.school_id).exists()
        )
        if not in_partnership:
            raise DomainError(_("Die school hoort niet bij dit partnerschap."), field="school")


@transaction.atomic
def student_create(*, partnership: Partnership, values: dict[str, Any], actor: Any) -> Student:
    student = Student(partnership=partnership, **values)
    student.cluster, student.sector = placement_of(partnership, student.school)
    _check(student)
    if Student.objects.filter(
        partnership=partnership,
        school_year=student.school_year,
        institute=student.institute,
        student_number=student.student_number,
    ).exists():
        raise DomainError(
            _("Studentnummer %(number)s van deze opleiding staat al in studiejaar %(year)s.")
            % {"number": student.student_number, "year": student.school_year},
            field="student_number",
        )
    editing.create(student, actor=actor)
    return student


@transaction.atomic
def student_update(*, student: Student, changes: dict[str, Any], expected_version: int | None, actor: Any) -> Student:
    if "school" in changes:
        changes = dict(changes)
        changes["cluster"], changes["sector"] = placement_of(student.partnership, changes["school"])
    for name, value in changes.items():
        setattr(student, name, value)
    _check(student)
    editing.apply_changes(student, changes=changes, actor=actor, expected_version=expected_version)
    return student


@transaction.atomic
def student_delete(*, student: Student, actor: Any) -> None:
    history.record(actor=actor, obj=student, action="deleted", changes={"studiejaar": student.school_year})
    student.delete()
