"""The students module in Chromium: each page with the demo (as the lead, the placement office and a reader) and
for an empty partnership, and the import flow with a real file: upload, preview, confirm."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samenopleiden.registry.models import Partnership, Role
from samenopleiden.registry.services.demo import load_demo
from samenopleiden.registry.tests.factories import InstituteFactory, MembershipFactory, PartnershipFactory, member
from samenopleiden.students.models import Student

from .conftest import DEMO_PASSWORD, assert_accessible, assert_headings_in_order, assert_skip_link_works, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page, url: str) -> None:
    response = page.goto(url)
    assert response.status == 200, f"{url}: {response.status}"
    assert_headings_in_order(page)
    assert_accessible(page)


def test_the_student_pages_with_the_demo(page):
    load_demo()
    groningen = Partnership.objects.get(slug="groningen")
    student = Student.objects.filter(partnership=groningen, practice_percentage__lt=40).first()
    year = f"?jaar={student.school_year}"
    sign_in(page, "programmaleider", DEMO_PASSWORD)
    for name, args, query in [
        ("overview", [], year),
        ("students", [], year),
        ("students", [], year + "&categorie=telt-niet"),
        ("student_detail", [student.pk], ""),
        ("student_edit", [student.pk], ""),
        ("student_add", [], ""),
        ("import", [], ""),
        ("count", [], year),
        ("statement", [], year),
    ]:
        check(page, reverse(f"students:{name}", args=[groningen.slug, *args]) + query)
    page.goto(reverse("students:student_detail", args=[groningen.slug, student.pk]))
    assert "categorie a vraagt minimaal 40%" in page.inner_text("main")
    page.goto(reverse("students:overview", args=[groningen.slug]))
    assert_skip_link_works(page)


def test_a_reader_sees_counts_and_no_students(page):
    load_demo()
    sign_in(page, "stuurgroep", DEMO_PASSWORD)
    check(page, reverse("students:overview", args=["groningen"]))
    assert "Studentenlijst" not in page.inner_text("main")
    check(page, reverse("students:count", args=["groningen"]))


def test_empty_partnership_pages_say_what_to_do(page):
    partnership = PartnershipFactory(name="Partnerschap Nieuwbouw", slug="nieuwbouw")
    member(partnership, Role.PROGRAMME_LEAD, username="nieuwelead")
    sign_in(page, "nieuwelead")
    check(page, reverse("students:overview", args=[partnership.slug]))
    assert "Nog geen studenten" in page.inner_text("main")
    check(page, reverse("students:students", args=[partnership.slug]))
    check(page, reverse("students:count", args=[partnership.slug]))


def test_import_a_file_preview_and_confirm(page, tmp_path, programme_lead, partnership):
    MembershipFactory(partnership=partnership, institute=InstituteFactory(code="pabo", name="Pabo Noord"))
    path = tmp_path / "studenten.csv"
    path.write_text("studentnummer;opleidingstype;percentage_praktijk\n5001;hbo-bachelor;50\n5002;hbo-bachelor;35\n")
    sign_in(page, "lead")
    page.goto(reverse("students:import", args=[partnership.slug]))
    page.set_input_files("#id_file", str(path))
    page.select_option("#id_school_year", "2025-2026")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Importeren bevestigen")
    assert_accessible(page)
    assert not Student.objects.exists()
    page.click("text=Importeren bevestigen")
    page.wait_for_selector("text=Import klaar")
    assert Student.objects.count() == 2
    assert "categorie a vraagt minimaal 40%" in page.inner_text("main")
