"""The bad input of issue 3 that the other tests did not reach: a formula in a real Excel cell, a wrong header and a
school year in the future through the upload page, and exports that neutralise every formula prefix (=, +, -, @)
in XLSX as well as CSV, for the list, the count export and `count_students`."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from samenopleiden.core.models import HistoryEntry, PendingImport
from samenopleiden.students import schoolyear
from samenopleiden.students.models import Student
from samenopleiden.students.services import imports

from .factories import StudentFactory

pytestmark = pytest.mark.django_db
YEAR = "?jaar=2025-2026"
PREFIXED = ["=HYPERLINK(1)", "+31 6 1234", "-2+3", "@SUM(A1)"]


def xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, partnership, data: bytes, name: str, **fields):
    fields.setdefault("school_year", "2025-2026")
    return client.post(
        reverse("students:import", args=[partnership.slug]), {"file": SimpleUploadedFile(name, data), **fields}
    )


def test_a_formula_in_an_excel_cell_is_refused_on_its_row(partnership, pabo):
    data = xlsx(
        [
            ["studentnummer", "instituut", "percentage_praktijk", "vak"],
            ["1001", "pabo", 50, "Engels"],
            ["1002", "pabo", 50, '=HYPERLINK("http://x.nl","klik")'],
        ]
    )
    result = imports.plan(data, "export.xlsx", partnership=partnership, school_year="2025-2026")
    assert [(e.row, e.column) for e in result.errors] == [(3, "vak")]
    assert "formule" in result.errors[0].message
    assert not Student.objects.exists()


def test_the_upload_page_names_a_wrong_header_and_keeps_nothing(client, programme_lead, partnership, pabo):
    client.force_login(programme_lead.user)
    response = upload(client, partnership, b"naam;vak\nAnne;Engels\n", "export.csv")
    body = response.content.decode()
    assert response.status_code == 400 and "mist de kolom studentnummer" in body
    response = upload(client, partnership, b"studentnummer;praktijkpercentage\n1001;50\n", "export.csv")
    body = response.content.decode()
    assert "onbekende kolom" in body and "Importeren bevestigen" not in body
    assert not PendingImport.objects.exists() and not Student.objects.exists()


def test_the_upload_page_refuses_a_formula_and_a_date_in_the_future(client, programme_lead, partnership, pabo):
    client.force_login(programme_lead.user)
    data = xlsx([["studentnummer", "instituut", "startdatum"], ["=1+1", "pabo", dt.datetime(2025, 9, 1)]])
    body = upload(client, partnership, data, "export.xlsx").content.decode()
    assert "formule" in body and "Importeren bevestigen" not in body
    today = timezone.localdate()
    year = schoolyear.following(schoolyear.current(today))  # the latest year the form offers
    far = schoolyear.end(year)
    if (far - today).days <= 366:  # only on 31 July is next year's last day not more than a year away
        pytest.skip("no date of next school year is more than a year away today")
    body = upload(
        client,
        partnership,
        f"studentnummer;startdatum\n1001;{far.isoformat()}\n".encode(),
        "export.csv",
        school_year=year,
    ).content.decode()
    assert "in de toekomst" in body and "Importeren bevestigen" not in body
    assert not PendingImport.objects.exists() and not Student.objects.exists()


@pytest.fixture
def prefixed(partnership, pabo):
    return [
        StudentFactory(partnership=partnership, institute=pabo, student_number=f"10{i}", subject=value)
        for i, value in enumerate(PREFIXED)
    ]


def test_the_list_export_neutralises_every_formula_prefix(client, programme_lead, partnership, prefixed):
    client.force_login(programme_lead.user)
    url = reverse("students:students_export", args=[partnership.slug]) + YEAR
    sheet = load_workbook(io.BytesIO(client.get(url).content)).active
    column = [c.value for c in sheet["G"]][1:]  # vak
    assert sorted(column) == sorted("'" + v for v in PREFIXED)
    text = client.get(url + "&formaat=csv").content.decode("utf-8-sig")
    for value in PREFIXED:
        assert f";'{value};" in text


def test_the_count_export_and_the_command_neutralise_formulas(client, programme_lead, partnership, pabo, capsys):
    # a student number can start with a minus sign in a hand-made file
    StudentFactory(partnership=partnership, institute=pabo, student_number="-1001")
    client.force_login(programme_lead.user)
    url = reverse("students:count_export", args=[partnership.slug]) + YEAR
    sheet = load_workbook(io.BytesIO(client.get(url).content)).active
    assert sheet["A2"].value == "'-1001"
    call_command("count_students", partnership=partnership.slug, year="2025-2026")
    assert "'-1001;" in capsys.readouterr().out


def test_count_students_is_recorded_as_an_export_of_personal_data(partnership, pabo, capsys):
    StudentFactory(partnership=partnership, institute=pabo, student_number="1001")
    before = HistoryEntry.objects.filter(action="exported").count()
    call_command("count_students", partnership=partnership.slug, year="2025-2026")
    assert HistoryEntry.objects.filter(action="exported").count() == before + 1
    entry = HistoryEntry.objects.filter(action="exported").latest("pk")
    assert entry.actor is None and entry.partnership == partnership
    assert entry.changes["rijen"] == 1 and entry.changes["jaar"] == "2025-2026" and entry.changes["formaat"] == "csv"
