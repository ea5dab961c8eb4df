"""The coverage pages: the monitor, its XLSX export, entering an institute's totals and the target. Who reads, who
enters what, and what bad input does."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from samenopleiden.core.models import HistoryEntry
from samenopleiden.registry.models import Role
from samenopleiden.registry.tests.factories import InstituteFactory, MembershipFactory, PartnershipFactory, member
from samenopleiden.students.models import CoverageTarget, InstituteEnrolment

from .factories import StudentFactory

pytestmark = pytest.mark.django_db
YEAR = "2025-2026"


def url(name: str, partnership, *args, query: str = f"?jaar={YEAR}") -> str:
    return reverse(f"students:{name}", args=[partnership.slug, *args]) + query


@pytest.fixture
def numbers(partnership, pabo, ulo):
    for number in ("1001", "1002", "1003"):
        StudentFactory(partnership=partnership, institute=pabo, student_number=number)
    StudentFactory(partnership=partnership, institute=pabo, student_number="1004", mode="deeltijd")
    StudentFactory(partnership=partnership, institute=ulo, student_number="2001", sector="vo", subject="Engels")
    InstituteEnrolment.objects.create(
        institute=pabo, school_year=YEAR, programme="Pabo", mode="voltijd", sector="po", total=5
    )
    InstituteEnrolment.objects.create(
        institute=pabo, school_year=YEAR, programme="Pabo", mode="deeltijd", sector="po", total=20
    )
    CoverageTarget.objects.create(partnership=partnership, target_year="2024-2025")


def formset(rows: list[dict], *, year: str = YEAR, initial: int = 0) -> dict:
    data = {
        "jaar": year,
        "regel-TOTAL_FORMS": str(len(rows)),
        "regel-INITIAL_FORMS": str(initial),
        "regel-MIN_NUM_FORMS": "0",
        "regel-MAX_NUM_FORMS": "200",
    }
    for index, row in enumerate(rows):
        values = {"mode": "voltijd", "sector": "", "subject": "", "programme": "", "total": "", **row}
        data |= {f"regel-{index}-{key}": value for key, value in values.items()}
    return data


def test_the_lead_sees_the_shares_the_chart_data_and_the_passed_target(client, programme_lead, partnership, numbers):
    client.force_login(programme_lead.user)
    body = client.get(url("coverage", partnership)).content.decode()
    assert "Het doeljaar 2024-2025 is voorbij" in body
    assert "60%" in body and "5%" in body  # 3 of 5 full-time, 1 of 20 part-time
    assert "Pabo Noord" in body and "Universitaire Lerarenopleiding" in body
    chart = json.loads(re.search(r'id="coverage-chart-data" type="application/json">(.*?)</script>', body).group(1))
    assert chart["labels"] == ["2025/26"] and chart["datasets"][0]["data"] == [16.0]  # 4 of 25
    assert chart["target"]["share"] == 100
    assert body.count("Aantallen invoeren") == 2 and url("coverage_target", partnership, query="") in body
    assert ">1001<" not in body  # totals only


def test_one_institute_is_shown_in_detail_by_choice(client, programme_lead, partnership, numbers, ulo):
    client.force_login(programme_lead.user)
    body = client.get(url("coverage", partnership, query=f"?jaar={YEAR}&instituut={ulo.pk}")).content.decode()
    assert '<h2 class="utrecht-heading-2" id="details-title">Universitaire Lerarenopleiding</h2>' in body
    assert "De opleiding gaf geen totaal op voor Engels; daar ontbreekt het aandeel." in body
    assert "nog niet ingevoerd hoeveel studenten ze heeft" in body


def test_an_empty_partnership_is_told_what_to_do(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    body = client.get(url("coverage", partnership)).content.decode()
    assert "Er doet nog geen lerarenopleiding mee" in body
    assert "Er is nog geen doeljaar vastgelegd" in body


def test_a_reader_reads_but_enters_nothing(client, reader, partnership, numbers, pabo):
    client.force_login(reader.user)
    body = client.get(url("coverage", partnership)).content.decode()
    assert "Pabo Noord" in body and "Aantallen invoeren" not in body
    assert url("coverage_target", partnership, query="") not in body
    assert client.get(url("enrolments", partnership, pabo.pk)).status_code == 403
    response = client.post(url("enrolments", partnership, pabo.pk), formset([{"programme": "Pabo", "total": "9"}]))
    assert response.status_code == 403
    assert client.post(url("coverage_target", partnership), {"target_year": "2030-2031"}).status_code == 403
    assert InstituteEnrolment.objects.count() == 2 and CoverageTarget.objects.get().target_year == "2024-2025"


def test_the_placement_office_enters_its_own_institutes_numbers_only(client, office, partnership, numbers, pabo, ulo):
    client.force_login(office.user)
    body = client.get(url("coverage", partnership)).content.decode()
    assert body.count("Aantallen invoeren") == 1
    assert client.get(url("enrolments", partnership, pabo.pk)).status_code == 200
    assert client.get(url("enrolments", partnership, ulo.pk)).status_code == 403
    response = client.post(url("enrolments", partnership, ulo.pk), formset([{"programme": "Master", "total": "30"}]))
    assert response.status_code == 403
    assert not InstituteEnrolment.objects.filter(institute=ulo).exists()
    assert client.get(url("coverage_target", partnership)).status_code == 403


def test_an_educator_sees_no_totals(client, educator, partnership, numbers, pabo):
    client.force_login(educator.user)
    for name, args in [("coverage", []), ("coverage_export", []), ("enrolments", [pabo.pk]), ("coverage_target", [])]:
        assert client.get(url(name, partnership, *args)).status_code == 403


def test_outsiders_and_anonymous_reach_nothing(client, outsider, partnership, numbers, pabo):
    client.force_login(outsider.user)
    for name, args in [("coverage", []), ("coverage_export", []), ("enrolments", [pabo.pk]), ("coverage_target", [])]:
        assert client.get(url(name, partnership, *args)).status_code == 404
    response = client.post(url("enrolments", partnership, pabo.pk), formset([{"programme": "X", "total": "1"}]))
    assert response.status_code == 404
    assert (
        client.post(
            url("coverage_target", partnership), {"target_year": "2030-2031", "target_share": "100"}
        ).status_code
        == 404
    )
    assert InstituteEnrolment.objects.count() == 2 and CoverageTarget.objects.get().target_year == "2024-2025"
    client.logout()
    response = client.get(url("coverage", partnership))
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_an_institute_outside_the_partnership_is_not_found(client, programme_lead, partnership, outsider):
    client.force_login(programme_lead.user)
    stranger = InstituteFactory(name="Hogeschool Elders")
    assert client.get(url("enrolments", partnership, stranger.pk)).status_code == 404
    assert client.get(url("enrolments", partnership, "0")).status_code == 404


def test_the_export_reads_back_with_the_same_numbers(client, reader, partnership, numbers, pabo):
    pabo.name = '=HYPERLINK("http://example.org")'
    pabo.save()
    client.force_login(reader.user)
    response = client.get(url("coverage_export", partnership))
    assert response.status_code == 200 and response["Content-Disposition"].endswith(f'groningen-{YEAR}.xlsx"')
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Per opleiding", "Per variant", "Per sector", "Per vak", "Verloop", "Toelichting"]
    rows = list(book["Per opleiding"].values)
    assert rows[0][:6] == (
        "lerarenopleiding",
        "in dit partnerschap",
        "in alle partnerschappen",
        "studenten van de opleiding",
        "aandeel dit partnerschap (%)",
        "aandeel alle partnerschappen (%)",
    )
    first = {row[0]: row for row in rows[1:]}
    assert first['\'=HYPERLINK("http://example.org")'][1:6] == (4, 4, 25, 16, 16)
    assert first['\'=HYPERLINK("http://example.org")'][6] == (
        "Het doeljaar 2024-2025 is voorbij; voor dat jaar zijn er geen aantallen."
    )
    modes = {(row[0][:2], row[1]): row[2:5] for row in list(book["Per variant"].values)[1:]}
    assert modes[("'=", "voltijd")] == (3, 3, 5) and modes[("'=", "deeltijd")] == (1, 1, 20)
    assert not HistoryEntry.objects.filter(action="exported").exists()  # totals are no personal data


def test_the_lead_enters_totals_and_sees_who_did(client, programme_lead, partnership, pabo):
    client.force_login(programme_lead.user)
    data = formset(
        [
            {"programme": "Pabo", "mode": "voltijd", "sector": "po", "total": "150"},
            {"programme": "Pabo", "mode": "deeltijd", "sector": "po", "total": "90"},
            {},
        ]
    )
    response = client.post(url("enrolments", partnership, pabo.pk), data)
    assert response.status_code == 302
    assert response["Location"] == url("coverage", partnership, query=f"?jaar={YEAR}&instituut={pabo.pk}")
    assert sorted(InstituteEnrolment.objects.values_list("total", flat=True)) == [90, 150]
    body = client.get(url("enrolments", partnership, pabo.pk)).content.decode()
    assert f"{programme_lead.first_name} {programme_lead.last_name}" in body
    assert 'value="150"' in body


def test_last_years_lines_stand_ready_in_a_new_year(client, programme_lead, partnership, pabo):
    InstituteEnrolment.objects.create(
        institute=pabo, school_year="2024-2025", programme="Pabo deeltijd", mode="deeltijd", total=9
    )
    client.force_login(programme_lead.user)
    body = client.get(url("enrolments", partnership, pabo.pk)).content.decode()
    assert "De regels van vorig jaar staan klaar" in body and 'value="Pabo deeltijd"' in body
    assert 'value="9"' not in body


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([{"programme": "Pabo", "total": "-4"}], "Een aantal studenten kan niet negatief zijn."),
        ([{"programme": "Pabo", "total": "veel"}], "Vul een heel getal in, zonder punt of komma."),
        ([{"programme": "Pabo", "total": "12,5"}], "Vul een heel getal in, zonder punt of komma."),
        ([{"programme": "", "total": "40"}], "Vul de naam van de opleiding in."),
        ([{"programme": "Pabo", "total": "4"}, {"programme": "PABO", "total": "5"}], "staat twee keer in de lijst"),
        ([{"programme": "Pabo", "mode": "avond", "total": "4"}], "Selecteer een geldige keuze"),
        ([{"programme": "x" * 300, "total": "4"}], "200"),
    ],
)
def test_bad_totals_get_a_dutch_message_and_nothing_is_saved(client, programme_lead, partnership, pabo, rows, message):
    client.force_login(programme_lead.user)
    response = client.post(
        url("enrolments", partnership, pabo.pk), formset([*rows, {"programme": "Goed", "total": "3"}])
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not InstituteEnrolment.objects.exists()


def test_a_tampered_form_is_refused_with_a_message(client, programme_lead, partnership, pabo):
    client.force_login(programme_lead.user)
    response = client.post(url("enrolments", partnership, pabo.pk), {"jaar": YEAR, "regel-0-total": "3"})
    assert response.status_code == 400
    assert "ManagementForm" in response.content.decode()
    assert not InstituteEnrolment.objects.exists()


def test_the_lead_sets_the_target_and_a_past_year_is_refused(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    page = client.get(url("coverage_target", partnership))
    assert page.status_code == 200
    response = client.post(url("coverage_target", partnership), {"target_year": "2019-2020", "target_share": "100"})
    assert response.status_code == 400 and "Selecteer een geldige keuze" in response.content.decode()
    year = re.search(r'<option value="(\d{4}-\d{4})"', page.content.decode()).group(1)
    response = client.post(url("coverage_target", partnership), {"target_year": year, "target_share": "95"})
    assert response.status_code == 302
    target = CoverageTarget.objects.get(partnership=partnership)
    assert (target.target_year, target.target_share) == (year, 95)
    response = client.post(
        url("coverage_target", partnership), {"target_year": year, "target_share": "0", "version": "1"}
    )
    assert response.status_code == 400 and "Een doel is minstens 1%." in response.content.decode()
    response = client.post(url("coverage_target", partnership), {"verwijderen": "1", "version": "1"})
    assert response.status_code == 302 and not CoverageTarget.objects.exists()


def test_a_passed_target_stays_choosable_until_a_new_one(client, programme_lead, partnership, numbers):
    client.force_login(programme_lead.user)
    body = client.get(url("coverage_target", partnership)).content.decode()
    assert "Het huidige doeljaar 2024-2025 is voorbij" in body and 'value="2024-2025" selected' in body
    response = client.post(
        url("coverage_target", partnership), {"target_year": "2024-2025", "target_share": "90", "version": "1"}
    )
    assert response.status_code == 302 and CoverageTarget.objects.get().target_share == 90


def test_a_platform_administrator_enters_any_institutes_numbers(client, admin_user, partnership, pabo):
    client.force_login(admin_user)
    response = client.post(url("enrolments", partnership, pabo.pk), formset([{"programme": "Pabo", "total": "7"}]))
    assert response.status_code == 302
    assert InstituteEnrolment.objects.get().updated_by == admin_user


def test_a_placement_office_of_another_partnership_is_not_named(client, partnership, pabo, programme_lead):
    office = member(partnership, Role.PLACEMENT_OFFICE, username="bureau2")
    office.institute = pabo
    office.save()
    InstituteEnrolment.objects.create(
        institute=pabo, school_year=YEAR, programme="Pabo", mode="voltijd", total=5, updated_by=programme_lead.user
    )
    client.force_login(office.user)
    body = client.get(url("coverage", partnership)).content.decode()
    assert f"door {programme_lead.first_name} {programme_lead.last_name}" in body


def test_the_pages_take_as_many_queries_with_many_institutes_as_with_few(client, programme_lead, partnership):
    def grow(n: int) -> None:
        for _ in range(n):
            institute = InstituteFactory()
            MembershipFactory(partnership=partnership, institute=institute)
            StudentFactory(partnership=partnership, institute=institute)
            StudentFactory(partnership=PartnershipFactory(), institute=institute, mode="deeltijd")
            InstituteEnrolment.objects.create(
                institute=institute,
                school_year=YEAR,
                programme="Pabo",
                mode="voltijd",
                total=9,
                updated_by=programme_lead.user,
            )

    def queries(name: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(name, partnership)).status_code == 200
        return len(captured)

    client.force_login(programme_lead.user)
    grow(2)
    few = {name: queries(name) for name in ("coverage", "coverage_export", "subsidy")}
    grow(12)
    assert {name: queries(name) for name in few} == few
