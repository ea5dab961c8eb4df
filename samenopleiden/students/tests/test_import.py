"""Importing an institute's student export: real CSV and XLSX files, every kind of bad input with its row, all or
nothing, idempotent, and the same through the web flow and the command."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from samenopleiden.core.errors import DomainError
from samenopleiden.core.models import HistoryEntry, PendingImport
from samenopleiden.students.models import Student
from samenopleiden.students.services import imports

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 11, 1)
HEADER = (
    "studentnummer;instituut;opleidingstype;percentage_praktijk;benoemd_als_leraar;variant;school;startdatum;einddatum"
)
GOOD = [
    "1001;pabo;hbo-bachelor;50;nee;voltijd;12AB00;01-09-2025;31-07-2026",
    "1002;pabo;hbo-bachelor;35;nee;voltijd;;01-09-2025;",
    "1003;pabo;hbo-bachelor;20;ja;deeltijd;;2025-09-01;",
    "2001;ulo;wo-master-60;45;nee;voltijd;;;",
]


def csv(*rows: str, header: str = HEADER, encoding: str = "utf-8-sig") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode(encoding)


def plan(data: bytes, partnership, name: str = "export.csv", **kwargs):
    kwargs.setdefault("school_year", "2025-2026")
    kwargs.setdefault("today", TODAY)
    return imports.plan(data, name, partnership=partnership, **kwargs)


def messages(result) -> list[str]:
    return [str(e) for e in result.errors]


def test_a_good_file_is_read_whole(partnership, pabo, ulo, member_school, cluster):
    result = plan(csv(*GOOD), partnership)
    assert result.ok, messages(result)
    assert len(result.new) == 4 and not result.changed
    first = next(s for s in result.new if s.student_number == "1001")
    assert first.school == member_school and first.cluster_id == cluster.pk and first.sector == "po"
    assert first.practice_percentage == Decimal("50.00") and first.start_date == dt.date(2025, 9, 1)
    assert next(s for s in result.new if s.student_number == "1003").appointed_as_teacher


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("1001;pabo;hbo-bachelor;140;nee;voltijd;;;", "percentage_praktijk", "140 ligt niet tussen 0 en 100"),
        ("1001;pabo;hbo-bachelor;veel;nee;voltijd;;;", "percentage_praktijk", "'veel' is geen getal"),
        ("1001;onbekend;hbo-bachelor;50;nee;voltijd;;;", "instituut", "geen lerarenopleiding van dit partnerschap"),
        ("1001;pabo;master;50;nee;voltijd;;;", "opleidingstype", "'master' is geen opleidingstype"),
        ("1001;pabo;hbo-bachelor;50;misschien;voltijd;;;", "benoemd_als_leraar", "geen ja of nee"),
        ("1001;pabo;hbo-bachelor;50;nee;avond;;;", "variant", "geen variant"),
        ("1001;pabo;hbo-bachelor;50;nee;voltijd;99ZZ00;;", "school", "geen school van dit partnerschap"),
        ("1001;pabo;hbo-bachelor;50;nee;voltijd;;31-02-2025;", "startdatum", "geen datum"),
        ("1001;pabo;hbo-bachelor;50;nee;voltijd;;01-09-2026;", "startdatum", "na het einde van studiejaar 2025-2026"),
        ("1001;pabo;hbo-bachelor;50;nee;voltijd;;01-09-2025;01-06-2025", "einddatum", "vóór het begin"),
        ("1001;pabo;hbo-bachelor;50;nee;voltijd;;01-03-2026;01-02-2026", "einddatum", "vóór de startdatum"),
        (";pabo;hbo-bachelor;50;nee;voltijd;;;", "studentnummer", "het studentnummer ontbreekt"),
        ("10 01<x>;pabo;hbo-bachelor;50;nee;voltijd;;;", "studentnummer", "geen geldig studentnummer"),
        ('=HYPERLINK("http://x";"klik");pabo;hbo-bachelor;50;nee;voltijd;;;', "studentnummer", "formule"),
    ],
)
def test_bad_input_is_named_on_its_row_and_nothing_is_imported(partnership, pabo, ulo, row, column, words):
    result = plan(csv(GOOD[1], row), partnership)
    assert not result.ok
    found = [e for e in result.errors if e.row == 3 and e.column == column]
    assert found and words in found[0].message, messages(result)
    with pytest.raises(DomainError, match="fouten"):
        imports.apply(result, partnership=partnership, actor=None)
    assert not Student.objects.exists()


def test_a_start_date_far_in_the_future_is_refused(partnership, pabo):
    result = plan(csv("1001;pabo;hbo-bachelor;50;nee;voltijd;;01-09-2027;"), partnership, school_year="2027-2028")
    assert "meer dan een jaar in de toekomst" in messages(result)[0]


def test_a_duplicate_student_number_is_named_on_both_rows(partnership, pabo, ulo):
    result = plan(csv(GOOD[0].replace("12AB00", ""), GOOD[1], GOOD[0].replace("12AB00", "")), partnership)
    assert {(e.row, e.column) for e in result.errors} == {(2, "studentnummer"), (4, "studentnummer")}
    # the same number at another institute is another student
    assert plan(csv("1001;pabo;hbo-bachelor;50;;;;;", "1001;ulo;wo-master-60;50;;;;;"), partnership).ok


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "leeg"),
        (b"   \n  \n", "leeg"),
        (b"naam;vak\nAnne;Engels\n", "mist de kolom studentnummer"),
        (b"PK\x03\x04 not really a zip", "kan niet worden geopend"),
    ],
)
def test_files_that_cannot_be_read_get_one_clear_message(partnership, pabo, data, message):
    with pytest.raises(DomainError, match=message):
        plan(data, partnership, name="x.xlsx" if data.startswith(b"PK") else "x.csv")


def test_an_unknown_column_is_reported_on_the_header(partnership, pabo):
    result = plan(csv("1001;50", header="studentnummer;praktijkpercentage"), partnership)
    assert result.errors[0].row == 1 and "onbekende kolom" in result.errors[0].message


def test_headers_in_any_order_case_and_spelling(partnership, pabo):
    data = csv("Ja;45;1001", header="Benoemd als leraar;Percentage Praktijk;STUDENTNUMMER")
    result = plan(data, partnership)
    assert result.ok, messages(result)
    assert result.new[0].appointed_as_teacher and result.new[0].institute == pabo  # the only institute


def test_the_institute_is_required_when_the_partnership_has_two(partnership, pabo, ulo):
    result = plan(csv("1001", header="studentnummer"), partnership)
    assert "meer dan één" in result.errors[0].message


def test_windows_1252_with_commas_and_decimal_commas(partnership, pabo, ulo):
    data = ('studentnummer,instituut,percentage_praktijk,vak\n1001,pabo,"42,5",Frans é\n').encode("cp1252")
    result = plan(data, partnership)
    assert result.ok and result.new[0].practice_percentage == Decimal("42.50") and result.new[0].subject == "Frans é"


def test_xlsx_with_real_dates(partnership, pabo, ulo):
    workbook = Workbook()
    workbook.active.append(["studentnummer", "instituut", "percentage_praktijk", "startdatum"])
    workbook.active.append(["1001", "pabo", 55, dt.datetime(2025, 9, 2)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = plan(buffer.getvalue(), partnership, name="export.xlsx")
    assert result.ok, messages(result)
    assert result.new[0].start_date == dt.date(2025, 9, 2) and result.new[0].practice_percentage == 55


def test_importing_twice_changes_nothing_and_a_corrected_file_updates(partnership, pabo, ulo, member_school):
    counts = imports.apply(plan(csv(*GOOD), partnership), partnership=partnership, actor=None, filename="a.csv")
    assert counts == {"created": 4, "updated": 0, "unchanged": 0, "removed": 0}
    again = plan(csv(*GOOD), partnership)
    assert (len(again.new), len(again.changed), again.unchanged) == (0, 0, 4)
    corrected = [GOOD[0], GOOD[1].replace(";35;", ";45;"), *GOOD[2:]]
    result = plan(csv(*corrected), partnership)
    assert [(s.student_number, delta) for s, delta in result.changed] == [
        ("1002", {"practice_percentage": [Decimal("35.00"), Decimal("45.00")]})
    ]
    imports.apply(result, partnership=partnership, actor=None)
    student = Student.objects.get(student_number="1002")
    assert student.practice_percentage == 45 and student.version == 2
    entry = HistoryEntry.objects.get(object_type="student", object_id=str(student.pk))
    assert entry.changes == {"practice_percentage": ["35.00", "45.00"]}


def test_replace_removes_who_is_no_longer_in_the_file_of_that_institute_only(partnership, pabo, ulo, member_school):
    imports.apply(plan(csv(*GOOD), partnership), partnership=partnership, actor=None)
    result = plan(csv(GOOD[0]), partnership, replace=True)
    assert sorted(s.student_number for s in result.removed) == ["1002", "1003"]  # 2001 is of the ulo
    imports.apply(result, partnership=partnership, actor=None)
    assert sorted(Student.objects.values_list("student_number", flat=True)) == ["1001", "2001"]
    assert not plan(csv(GOOD[0]), partnership, replace=False).removed


def test_a_placement_office_imports_only_its_own_institute(partnership, pabo, ulo, member_school):
    result = plan(csv(*GOOD), partnership, allowed_institutes={pabo.pk})
    assert [e.row for e in result.errors] == [5]
    assert "waarvoor u studenten mag importeren" in result.errors[0].message


def test_another_partnerships_students_are_untouched(partnership, other_partnership, pabo, ulo, member_school):
    from samenopleiden.registry.tests.factories import MembershipFactory

    MembershipFactory(partnership=other_partnership, institute=pabo)
    imports.apply(
        plan(csv(GOOD[0].replace("12AB00", "")), other_partnership), partnership=other_partnership, actor=None
    )
    result = plan(csv(*GOOD), partnership, replace=True)
    assert len(result.new) == 4 and not result.removed


def test_the_template_is_a_workbook_with_the_columns_and_an_explanation():
    workbook = load_workbook(io.BytesIO(imports.template_workbook()))
    assert [c.value for c in workbook["Studenten"][1]] == imports.COLUMNS
    assert workbook["Toelichting"].max_row > 5


def test_the_command_checks_then_imports(tmp_path, partnership, pabo, ulo, member_school, capsys):
    path = tmp_path / "studenten.csv"
    path.write_bytes(csv(*GOOD))
    call_command("import_students", str(path), partnership="groningen", year="2025-2026", dry_run=True)
    assert not Student.objects.exists()
    call_command("import_students", str(path), partnership="groningen", year="2025-2026")
    assert Student.objects.count() == 4
    call_command("import_students", str(path), partnership="groningen", year="2025-2026")
    assert "0 nieuw, 0 gewijzigd, 4 ongewijzigd" in capsys.readouterr().out
    path.write_bytes(csv("1001;pabo;hbo-bachelor;140;;;;;"))
    with pytest.raises(CommandError, match="1 fout"):
        call_command("import_students", str(path), partnership="groningen", year="2025-2026")
    with pytest.raises(CommandError, match="Kies een studiejaar"):
        call_command("import_students", str(path), partnership="groningen", year="2025")


# --- the web flow ----------------------------------------------------------------------------------------------


def upload(client, partnership, data: bytes, name: str = "export.csv", **fields):
    fields.setdefault("school_year", "2025-2026")
    return client.post(
        reverse("students:import", args=[partnership.slug]),
        {"file": SimpleUploadedFile(name, data), **fields},
    )


def test_upload_preview_confirm(client, programme_lead, partnership, pabo, ulo, member_school):
    client.force_login(programme_lead.user)
    response = upload(client, partnership, csv(*GOOD))
    body = response.content.decode()
    assert response.status_code == 200 and "Importeren bevestigen" in body and "Studiejaar: 2025-2026" in body
    assert not Student.objects.exists()
    pending = PendingImport.objects.get(kind="students")
    assert pending.options == {"school_year": "2025-2026", "replace": False}
    response = client.post(reverse("students:import_confirm", args=[partnership.slug, pending.pk]))
    assert response.status_code == 302 and Student.objects.count() == 4
    assert not PendingImport.objects.exists()
    assert HistoryEntry.objects.filter(action="imported", object_type="partnership").exists()


def test_a_bad_file_shows_its_errors_and_offers_no_confirmation(client, programme_lead, partnership, pabo, ulo):
    client.force_login(programme_lead.user)
    body = upload(client, partnership, csv("1001;pabo;hbo-bachelor;140;nee;voltijd;;;")).content.decode()
    assert "140 ligt niet tussen 0 en 100" in body and "Importeren bevestigen" not in body
    assert not PendingImport.objects.exists()
    response = upload(client, partnership, b"")
    assert response.status_code == 400 and "leeg" in response.content.decode()


def test_the_placement_office_confirms_its_own_upload_only(client, office, programme_lead, partnership, pabo, ulo):
    client.force_login(office.user)
    assert "Importeren bevestigen" in upload(client, partnership, csv(GOOD[1])).content.decode()
    pending = PendingImport.objects.get()
    client.force_login(programme_lead.user)
    assert client.post(reverse("students:import_confirm", args=[partnership.slug, pending.pk])).status_code == 404
    client.force_login(office.user)
    client.post(reverse("students:import_confirm", args=[partnership.slug, pending.pk]))
    assert Student.objects.get().institute == pabo


def test_readers_educators_and_outsiders_cannot_import(client, reader, educator, outsider, partnership, pabo):
    for person, status in [(reader, 403), (educator, 403), (outsider, 404)]:
        client.force_login(person.user)
        assert client.get(reverse("students:import", args=[partnership.slug])).status_code == status
        assert upload(client, partnership, csv(GOOD[1])).status_code == status
        assert client.get(reverse("students:import_template", args=[partnership.slug])).status_code == status
    assert not PendingImport.objects.exists() and not Student.objects.exists()


def test_a_big_file_is_imported_in_the_background(
    client, office, partnership, pabo, ulo, django_capture_on_commit_callbacks
):
    rows = [f"{900000 + i};pabo;hbo-bachelor;50;nee;voltijd;;01-09-2025;" for i in range(5000)]
    data = csv(*rows)
    assert len(data) > imports.BACKGROUND_BYTES
    client.force_login(office.user)
    assert "Importeren bevestigen" in upload(client, partnership, data).content.decode()
    pending = PendingImport.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("students:import_confirm", args=[partnership.slug, pending.pk]))
    from samenopleiden.core.models import Job

    job = Job.objects.get()
    assert response["Location"] == reverse("core:job_status", args=[partnership.slug, job.pk])
    assert job.status == "done" and "5000 nieuw" in job.result["message"], job.error
    assert Student.objects.count() == 5000 and not PendingImport.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "Naar de studentenlijst" in page
