"""Retention: what has passed its period is removed, with a dry run first; nothing else is touched."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from samenopleiden.core import history
from samenopleiden.core.models import HistoryEntry
from samenopleiden.students.models import CountStatement, RetentionRule, Student
from samenopleiden.students.services.retention import add_months, purge

from .factories import StudentFactory

pytestmark = pytest.mark.django_db


def test_the_default_rules_are_loaded():
    assert dict(RetentionRule.objects.values_list("record_type", "months")) == {
        "students": 24,
        "statements": 84,
        "export_log": 24,
    }


def test_add_months_keeps_to_the_calendar():
    assert add_months(dt.date(2026, 7, 31), 24) == dt.date(2028, 7, 31)
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 3, 15), -24) == dt.date(2024, 3, 15)


def test_purge_removes_expired_students_their_history_and_old_export_records(partnership, pabo, capsys):
    old = StudentFactory(partnership=partnership, institute=pabo, school_year="2021-2022")
    recent = StudentFactory(partnership=partnership, institute=pabo, school_year="2024-2025")
    history.record(actor=None, obj=old, action="changed", changes={"practice_percentage": ["35", "45"]})
    CountStatement.objects.create(
        partnership=partnership, school_year="2016-2017", count_date=dt.date(2016, 10, 1), total=1
    )
    CountStatement.objects.create(
        partnership=partnership, school_year="2021-2022", count_date=dt.date(2021, 10, 1), total=1
    )
    export = history.record(actor=None, obj=partnership, action="exported", changes={"export": "x"})
    HistoryEntry.objects.filter(pk=export.pk).update(at=dt.datetime(2023, 1, 1, tzinfo=dt.UTC))
    today = dt.date(2026, 11, 25)  # 2021-2022 ended 31-07-2022: 24 months later is 31-07-2024
    call_command("purge_students", dry_run=True, today=today.isoformat())
    assert "zou verwijderen: 1 studenten, 1 verantwoordingen, 1 regels" in capsys.readouterr().out
    assert Student.objects.count() == 2
    result = purge(today=today)
    assert (result.students, result.statements, result.export_log, result.student_history) == (1, 1, 1, 1)
    assert list(Student.objects.all()) == [recent]
    assert list(CountStatement.objects.values_list("school_year", flat=True)) == ["2021-2022"]
    assert not HistoryEntry.objects.filter(object_type="student", object_id=str(old.pk)).exists()
    assert purge(today=today).students == 0  # safe to run twice
