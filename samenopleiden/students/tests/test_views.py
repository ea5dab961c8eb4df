"""The student pages: who sees which students, the list's filters and explanations, changing and removing a
student, and exports of personal data being recorded."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from samenopleiden.core.models import HistoryEntry
from samenopleiden.students.models import Student

from .factories import StudentFactory

pytestmark = pytest.mark.django_db
YEAR = "?jaar=2025-2026"


def url(name: str, partnership, *args) -> str:
    return reverse(f"students:{name}", args=[partnership.slug, *args])


def numbers(response) -> set[str]:
    body = response.content.decode()
    return {n for n in ("1001", "1002", "1003", "2001") if f">{n}<" in body}


def test_the_lead_sees_every_student_with_category_and_reason(client, programme_lead, partnership, students):
    client.force_login(programme_lead.user)
    response = client.get(url("students", partnership) + YEAR)
    assert numbers(response) == {"1001", "1002", "1003", "2001"}
    body = response.content.decode()
    assert "hbo-bachelor met 35% praktijk; categorie a vraagt minimaal 40%." in body
    assert "Categorie h: benoemd als leraar" in body


def test_the_placement_office_sees_its_own_institute(client, office, partnership, students):
    client.force_login(office.user)
    assert numbers(client.get(url("students", partnership) + YEAR)) == {"1001", "1002", "1003"}
    ulo_student = students[3]
    assert client.get(url("student_detail", partnership, ulo_student.pk)).status_code == 404


def test_an_educator_sees_the_students_of_their_cluster_only(client, educator, partnership, students):
    client.force_login(educator.user)
    assert numbers(client.get(url("students", partnership) + YEAR)) == {"1001"}
    assert client.get(url("student_detail", partnership, students[1].pk)).status_code == 404
    assert client.get(url("student_detail", partnership, students[0].pk)).status_code == 200
    assert client.get(url("student_edit", partnership, students[0].pk)).status_code == 403


def test_a_reader_sees_totals_but_no_student(client, reader, partnership, students):
    client.force_login(reader.user)
    overview = client.get(url("overview", partnership) + YEAR).content.decode()
    assert "Studentenlijst" not in overview and ">3</span>" in overview  # three count
    assert client.get(url("students", partnership)).status_code == 403
    assert client.get(url("student_detail", partnership, students[0].pk)).status_code == 404
    assert client.get(url("students_export", partnership)).status_code == 403
    assert client.get(url("count", partnership) + YEAR).status_code == 200


def test_outsiders_and_anonymous_reach_nothing(client, outsider, partnership, students):
    client.force_login(outsider.user)
    for name, args in [("overview", []), ("students", []), ("student_detail", [students[0].pk]), ("count", [])]:
        assert client.get(url(name, partnership, *args)).status_code == 404
    client.logout()
    response = client.get(url("students", partnership))
    assert response.status_code == 302 and "inloggen" in response["Location"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("&categorie=telt", {"1001", "1003", "2001"}),
        ("&categorie=telt-niet", {"1002"}),
        ("&categorie=h", {"1003"}),
        ("&variant=deeltijd", {"1003"}),
        ("&q=200", {"2001"}),
        ("&categorie=x&variant=y&opleiding=abc&cluster=-1", {"1001", "1002", "1003", "2001"}),
    ],
)
def test_list_filters(client, programme_lead, partnership, students, query, expected):
    client.force_login(programme_lead.user)
    assert numbers(client.get(url("students", partnership) + YEAR + query)) == expected


def test_another_year_is_empty_and_says_so(client, programme_lead, partnership, students):
    client.force_login(programme_lead.user)
    body = client.get(url("students", partnership) + "?jaar=2030-2031").content.decode()
    assert "Nog geen studenten in 2030-2031" in body
    assert client.get(url("students", partnership) + "?jaar=nonsense").status_code == 200


def test_the_detail_page_explains_the_choice_between_categories(client, programme_lead, partnership, pabo):
    student = StudentFactory(partnership=partnership, institute=pabo, practice_percentage=60, appointed_as_teacher=True)
    client.force_login(programme_lead.user)
    body = client.get(url("student_detail", partnership, student.pk)).content.decode()
    assert "Telt mee in categorie a" in body and "Past ook in categorie h" in body


def test_editing_recomputes_the_cluster_and_refuses_a_stale_version(
    client, programme_lead, partnership, students, member_school, cluster
):
    student = students[1]
    client.force_login(programme_lead.user)
    data = {
        "programme_type": "hbo-bachelor",
        "practice_percentage": "45",
        "mode": "voltijd",
        "school": member_school.pk,
        "version": 1,
    }
    assert client.post(url("student_edit", partnership, student.pk), data).status_code == 302
    student.refresh_from_db()
    assert student.practice_percentage == 45 and student.cluster == cluster and student.version == 2
    response = client.post(url("student_edit", partnership, student.pk), {**data, "practice_percentage": "30"})
    assert response.status_code == 400 and "Iemand anders" in response.content.decode()
    assert Student.objects.get(pk=student.pk).practice_percentage == 45
    bad = client.post(
        url("student_edit", partnership, student.pk), {**data, "practice_percentage": "140", "version": 2}
    )
    assert bad.status_code == 400 and Student.objects.get(pk=student.pk).practice_percentage == 45


def test_the_placement_office_cannot_change_another_institutes_student(client, office, partnership, students):
    client.force_login(office.user)
    assert client.post(url("student_edit", partnership, students[3].pk), {"version": 1}).status_code == 404
    assert client.post(url("student_delete", partnership, students[3].pk), {"confirm": "1"}).status_code == 404
    assert Student.objects.filter(pk=students[3].pk).exists()


def test_adding_a_student_twice_is_refused(client, programme_lead, partnership, pabo):
    client.force_login(programme_lead.user)
    data = {
        "school_year": "2025-2026",
        "student_number": "777",
        "institute": pabo.pk,
        "programme_type": "overig",
        "mode": "voltijd",
    }
    assert client.post(url("student_add", partnership), data).status_code == 302
    response = client.post(url("student_add", partnership), data)
    assert response.status_code == 400 and "staat al in studiejaar" in response.content.decode()
    assert Student.objects.filter(student_number="777").count() == 1


def test_a_school_of_another_partnership_is_refused(client, programme_lead, partnership, pabo, other_school):
    client.force_login(programme_lead.user)
    data = {
        "school_year": "2025-2026",
        "student_number": "778",
        "institute": pabo.pk,
        "programme_type": "overig",
        "mode": "voltijd",
        "school": other_school.pk,
    }
    assert client.post(url("student_add", partnership), data).status_code == 400
    assert not Student.objects.filter(student_number="778").exists()


def test_delete_asks_for_confirmation_and_records_it(client, programme_lead, partnership, students):
    client.force_login(programme_lead.user)
    student = students[0]
    client.post(url("student_delete", partnership, student.pk))
    assert Student.objects.filter(pk=student.pk).exists()
    assert client.post(url("student_delete", partnership, student.pk), {"confirm": "1"}).status_code == 302
    assert not Student.objects.filter(pk=student.pk).exists()
    assert HistoryEntry.objects.filter(object_type="student", action="deleted").exists()
    assert client.get(url("student_delete", partnership, students[1].pk)).status_code == 405


def test_the_list_export_holds_the_filtered_students_and_is_recorded(client, programme_lead, partnership, students):
    client.force_login(programme_lead.user)
    response = client.get(url("students_export", partnership) + YEAR + "&categorie=telt-niet")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "studentnummer" and [r[0] for r in rows[1:]] == ["1002"]
    assert "categorie a vraagt minimaal 40%" in rows[1][-1]
    entry = HistoryEntry.objects.get(action="exported")
    assert entry.actor == programme_lead.user and entry.changes["rijen"] == 1
    csv = client.get(url("students_export", partnership) + YEAR + "&formaat=csv")
    assert csv["Content-Type"].startswith("text/csv") and csv.content.startswith("\ufeff".encode())
    assert HistoryEntry.objects.filter(action="exported").count() == 2


def test_an_export_neutralises_formulas(client, programme_lead, partnership, pabo):
    StudentFactory(partnership=partnership, institute=pabo, subject="=HYPERLINK(1)")
    client.force_login(programme_lead.user)
    body = client.get(url("students_export", partnership) + YEAR + "&formaat=csv").content.decode("utf-8-sig")
    assert ";'=HYPERLINK(1);" in body


def test_the_list_takes_a_fixed_number_of_queries(
    client, programme_lead, partnership, pabo, django_assert_max_num_queries
):
    client.force_login(programme_lead.user)
    for _ in range(60):
        StudentFactory(partnership=partnership, institute=pabo)
    with django_assert_max_num_queries(16):
        assert client.get(url("students", partnership) + YEAR).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(url("overview", partnership) + YEAR).status_code == 200
