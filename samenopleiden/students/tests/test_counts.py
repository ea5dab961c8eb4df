"""The yearly count on the count date, the statement for t-1 with its pseudonymised annex, the command, and the
selectors other modules use."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from samenopleiden.core.errors import DomainError
from samenopleiden.core.models import HistoryEntry
from samenopleiden.students import counting, selectors
from samenopleiden.students.models import CountStatement, FundingRate, InstituteEnrolment, Student
from samenopleiden.students.services import statements

from .factories import StudentFactory

pytestmark = pytest.mark.django_db


def url(name: str, partnership, *args) -> str:
    return reverse(f"students:{name}", args=[partnership.slug, *args])


def test_the_count_date_decides_who_is_enrolled(partnership, pabo):
    StudentFactory(partnership=partnership, institute=pabo, student_number="early", end_date=dt.date(2025, 9, 15))
    StudentFactory(partnership=partnership, institute=pabo, student_number="late", start_date=dt.date(2026, 2, 1))
    StudentFactory(partnership=partnership, institute=pabo, student_number="there", start_date=dt.date(2025, 9, 1))
    result = counting.count(Student.objects.all(), "2025-2026")
    assert result.count_date == dt.date(2025, 10, 1)
    assert [o.student_number for o in result.counted] == ["there"]
    reasons = {o.student_number: o.reason.text() for o in result.not_counted}
    assert reasons["late"] == "Niet ingeschreven op de peildatum (01-10-2025): begint op 01-02-2026."
    assert "gestopt op 15-09-2025" in reasons["early"]
    FundingRate.objects.create(school_year="2025-2026", count_date=dt.date(2026, 2, 15))
    assert {o.student_number for o in counting.count(Student.objects.all(), "2025-2026").counted} == {"late", "there"}


def test_category_counts_and_institute_totals_for_other_modules(partnership, students, pabo):
    counts = selectors.category_counts(partnership, "2025-2026")
    assert (counts["a"], counts["c"], counts["h"], counts[""]) == (1, 1, 1, 1)
    InstituteEnrolment.objects.create(
        institute=pabo, school_year="2025-2026", programme="Pabo", mode="voltijd", total=10
    )
    rows = {
        (r["institute"].code, r["mode"]): (r["trained"], r["total"])
        for r in selectors.institute_totals(partnership, "2025-2026")
    }
    assert rows[("pabo", "voltijd")] == (2, 10) and rows[("pabo", "deeltijd")] == (1, None)
    assert rows[("ulo", "voltijd")] == (1, None)


def test_the_count_page_shows_totals_per_category_institute_and_reason(client, reader, partnership, students):
    client.force_login(reader.user)
    body = client.get(url("count", partnership) + "?jaar=2025-2026").content.decode()
    assert "hbo-bachelor met 35% praktijk; categorie a vraagt minimaal 40%." in body
    assert "Pabo Noord" in body and "Universitaire Lerarenopleiding" in body
    assert "Telling per student" not in body  # personal data: the lead's download only


def test_the_count_export_is_the_leads_and_is_recorded(client, programme_lead, office, partnership, students):
    client.force_login(office.user)
    assert client.get(url("count_export", partnership)).status_code == 403
    client.force_login(programme_lead.user)
    body = client.get(url("count_export", partnership) + "?jaar=2025-2026&formaat=csv").content.decode("utf-8-sig")
    lines = body.strip().splitlines()
    assert lines[0] == "studentnummer;categorie;reden;instituut"
    assert "1002;;hbo-bachelor met 35% praktijk; categorie a vraagt minimaal 40%.;pabo" in body.replace('"', "")
    assert HistoryEntry.objects.get(action="exported").changes["rijen"] == 4


def test_the_statement_pseudonymises_and_freezing_keeps_what_was_declared(
    client, programme_lead, reader, partnership, students
):
    data = statements.statement_data(partnership, "2025-2026")
    assert data["total"] == 3 and len(data["annex"]) == 3
    assert all(row["pseudonym"].startswith("P-") and len(row["pseudonym"]) == 14 for row in data["annex"])
    assert statements.pseudonym(partnership.pk, students[0].institute_id, "1001") == statements.pseudonym(
        partnership.pk, students[0].institute_id, "1001"
    )
    client.force_login(reader.user)
    page = client.get(url("statement", partnership) + "?jaar=2025-2026").content.decode()
    assert "P-" in page and ">1001<" not in page and "Verantwoording vastleggen" not in page
    assert client.post(url("statement_freeze", partnership), {"jaar": "2025-2026"}).status_code == 403
    client.force_login(programme_lead.user)
    response = client.post(url("statement_freeze", partnership), {"jaar": "2025-2026", "submitted_on": "2026-11-01"})
    frozen = CountStatement.objects.get()
    assert response["Location"] == url("statement_detail", partnership, frozen.pk)
    assert frozen.total == 3 and frozen.submitted_on == dt.date(2026, 11, 1)
    Student.objects.filter(student_number="1002").update(practice_percentage=60)  # a correction afterwards
    detail = client.get(url("statement_detail", partnership, frozen.pk)).content.decode()
    assert "toen telden 3 studenten mee, nu 4" in detail
    workbook = load_workbook(io.BytesIO(client.get(url("statement_export", partnership, frozen.pk)).content))
    assert workbook.sheetnames == ["Verklaring", "Per instituut", "Bijlage"]
    annex = list(workbook["Bijlage"].iter_rows(values_only=True))
    assert len(annex) == 4 and not any("100" in str(cell) for row in annex for cell in row[:1])
    cells = {str(cell) for row in workbook["Bijlage"].iter_rows(values_only=True) for cell in row}
    assert not cells & {"1001", "1002", "1003", "2001"}
    annex_csv = client.get(url("statement_export", partnership, frozen.pk) + "?formaat=csv").content.decode("utf-8-sig")
    assert annex_csv.startswith("pseudoniem;instituut;categorie") and annex_csv.count("P-") == 3


def test_freezing_a_year_without_counted_students_is_refused(partnership, pabo):
    with pytest.raises(DomainError, match="nog geen student"):
        statements.statement_freeze(partnership=partnership, school_year="2020-2021", submitted_on=None, actor=None)


def test_statements_of_another_partnership_stay_hidden(client, outsider, partnership, students):
    frozen = statements.statement_freeze(
        partnership=partnership, school_year="2025-2026", submitted_on=None, actor=None
    )
    client.force_login(outsider.user)
    assert client.get(url("statement_detail", partnership, frozen.pk)).status_code == 404
    assert client.get(reverse("students:statement_detail", args=["elders", frozen.pk])).status_code == 404


def test_count_students_command(partnership, students, capsys, tmp_path):
    call_command("count_students", partnership="groningen", year="2025-2026", format="csv")
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert lines[0] == "studentnummer;categorie;reden;instituut" and len(lines) == 5
    assert lines[1].startswith("1001;a;") and "3 van 4 studenten tellen mee" in err
    target = tmp_path / "telling.xlsx"
    call_command("count_students", partnership="groningen", year="2025-2026", format="xlsx", out=str(target))
    assert load_workbook(target).active.max_row == 5
    with pytest.raises(CommandError, match="geen studiejaar"):
        call_command("count_students", partnership="groningen", year="2025", format="csv")
    with pytest.raises(CommandError, match="geen partnerschap"):
        call_command("count_students", partnership="nergens", year="2025-2026", format="csv")
