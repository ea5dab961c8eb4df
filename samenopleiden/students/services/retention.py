"""Removing what has passed its retention period (AVG): students, frozen statements and the log of exports of
personal data. The periods are data (`RetentionRule`, kept by the platform administrator), counted from the end of
the school year a record belongs to (for the export log: from the export)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from samenopleiden.core.models import HistoryEntry

from .. import schoolyear
from ..models import CountStatement, RetentionRule, Student


@dataclass(frozen=True)
class Purge:
    students: int
    statements: int
    export_log: int
    student_history: int


def add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    target_year, target_month = day.year + year, month + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=target_year, month=target_month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def expired_years(today: dt.date, months: int) -> list[str]:
    """The school years whose end plus `months` lies before today."""
    years = Student.objects.values_list("school_year", flat=True).distinct()
    years = set(years) | set(CountStatement.objects.values_list("school_year", flat=True).distinct())
    return sorted(y for y in years if add_months(schoolyear.end(y), months) < today)


@transaction.atomic
def purge(*, today: dt.date, dry_run: bool = False) -> Purge:
    rules = dict(RetentionRule.objects.values_list("record_type", "months"))
    students = Student.objects.none()
    if "students" in rules:
        students = Student.objects.filter(school_year__in=expired_years(today, rules["students"]))
    statements = CountStatement.objects.none()
    if "statements" in rules:
        statements = CountStatement.objects.filter(school_year__in=expired_years(today, rules["statements"]))
    exports = HistoryEntry.objects.none()
    if "export_log" in rules:
        cutoff = add_months(today, -rules["export_log"])
        exports = HistoryEntry.objects.filter(action="exported", at__date__lt=cutoff)
    ids = [str(pk) for pk in students.values_list("pk", flat=True)]
    history = HistoryEntry.objects.filter(object_type="student", object_id__in=ids)
    result = Purge(students.count(), statements.count(), exports.count(), history.count())
    if not dry_run:
        history.delete()
        students.delete()
        statements.delete()
        exports.delete()
    return result
