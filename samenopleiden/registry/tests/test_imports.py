"""Imports with real files written by the tests: Windows-1252 and UTF-8 CSV, XLSX, old and new DUO columns."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from samenopleiden.core.errors import DomainError
from samenopleiden.core.imports import safe_cell
from samenopleiden.registry.models import Person, Role, School
from samenopleiden.registry.services.imports import duo, people
from samenopleiden.registry.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

NEW_HEADER = (
    "INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;STRAATNAAM;HUISNUMMER-TOEVOEGING;POSTCODE;PLAATSNAAM;"
    "GEMEENTENAAM;DENOMINATIE;INTERNETADRES"
)


def duo_file(rows: list[str], header: str = NEW_HEADER) -> bytes:
    return ("\r\n".join([header, *rows]) + "\r\n").encode("cp1252")


def xlsx(rows: list[list[str]]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_duo_windows_1252_import_is_idempotent_and_updates(programme_lead):
    data = duo_file(
        [
            "21AB;21AB00;Obs Één;Hoofdstraat;1;9711AB;GRONINGEN;GRONINGEN;Openbaar;",
            "21AB;01;Obs Één dependance;Zijweg;2;9711 AC;GRONINGEN;GRONINGEN;Openbaar;",
        ]
    )
    assert duo.apply(duo.plan(data, "v.csv"), actor=None) == {"created": 2, "updated": 0, "unchanged": 0}
    assert School.objects.get(brin="21AB", branch_code="00").name == "Obs Één"
    assert School.objects.get(brin="21AB", branch_code="01").postcode == "9711 AC"
    assert duo.apply(duo.plan(data, "v.csv"), actor=None) == {"created": 0, "updated": 0, "unchanged": 2}
    corrected = duo_file(
        [
            "21AB;00;Obs Één;Nieuwe straat;5;9711AB;GRONINGEN;GRONINGEN;Openbaar;",
            "21AB;01;Obs Één dependance;Zijweg;2;9711 AC;GRONINGEN;GRONINGEN;Openbaar;",
        ]
    )
    assert duo.apply(duo.plan(corrected, "v.csv"), actor=None)["updated"] == 1
    assert School.objects.get(brin="21AB", branch_code="00").street == "Nieuwe straat 5"


def test_duo_old_column_names_are_understood():
    data = open("docs/voorbeelden/duo-vestigingen.csv", "rb").read()
    plan = duo.plan(data, "duo-vestigingen.csv")
    assert plan.ok and len(plan.new) == 5
    assert {s.municipality for s in plan.new} >= {"Groningen", "Het Hogeland"}


def test_duo_bad_rows_import_nothing():
    data = duo_file(
        [
            "21AB;00;Goed;;;;;;;",
            "2XAB;00;Slecht BRIN;;;;;;;",
            "21AB;00;Dubbel;;;;;;;",
            '22AB;00;=HYPERLINK("http://x");;;;;;;',
        ]
    )
    plan = duo.plan(data, "v.csv")
    messages = [str(e) for e in plan.errors]
    assert any("Rij 3" in m and "geen geldig BRIN" in m for m in messages)
    assert any("Rij 4" in m and "staat ook op rij 2" in m for m in messages)
    assert any("Rij 5" in m and "formule" in m for m in messages)
    with pytest.raises(DomainError):
        duo.apply(plan, actor=None)
    assert not School.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "leeg"),
        (b"\x00\x01\x02binary\x00", "geen tekstbestand"),
        (b"PK\x03\x04kapot", "Excel-bestand"),
        (b"naam;adres\nx;y\n", "geen DUO-bestand"),
    ],
)
def test_duo_malformed_files_get_a_clear_message(data, message):
    with pytest.raises(DomainError, match=message):
        duo.plan(data, "x.csv")


def test_duo_query_count_does_not_grow_with_rows():
    def queries(n: int) -> int:
        rows = [f"{i % 90 + 10:02d}{'ABCDEFGH'[i // 90 % 8]}Z;00;School {i};;;;;;;" for i in range(n)]
        with CaptureQueriesContext(connection) as ctx:
            duo.apply(duo.plan(duo_file(rows), "v.csv"), actor=None)
        School.objects.all().delete()
        return len(ctx.captured_queries)

    # bulk inserts come in batches (SQLite limits parameters per query), but never a query per row
    assert queries(20) <= 10
    assert queries(600) < 40


def test_people_import_from_xlsx_and_utf8_csv(partnership, cluster, school):
    MembershipFactory(partnership=partnership, school=school)
    partnership.role_names.create(role=Role.WORKPLACE_SUPERVISOR, local_name="mentor")
    data = xlsx(
        [
            ["Voornaam", "Tussenvoegsel", "Achternaam", "E-mail", "Rol", "Cluster", "School"],
            ["Zoë", "de", "Vries", "zoe@school.nl", "mentor; assessor", cluster.name, "12AB00"],
        ]
    )
    plan = people.plan(data, "mensen.xlsx", partnership=partnership)
    assert plan.ok, plan.errors
    people.apply(plan, partnership=partnership, actor=None)
    zoe = Person.objects.get(email="zoe@school.nl")
    assert zoe.last_name == "de Vries" and zoe.school == school
    assert set(zoe.roles.values_list("role", flat=True)) == {Role.WORKPLACE_SUPERVISOR, Role.ASSESSOR}
    csv = "\ufeffvoornaam,achternaam,e-mail,rol\nZoë,de Vries,zoe@school.nl,werkplekbegeleider\n".encode()
    again = people.plan(csv, "m.csv", partnership=partnership)
    assert (again.new, again.changed) == (0, 0)


def test_people_import_row_errors(partnership):
    data = (
        "voornaam;achternaam;e-mail;rol;school\nKees;Jansen;kees@x.nl;mentorr;\nLies;Bos;kees@x.nl;;99ZZ00\n;Leeg;;;\n"
    ).encode("cp1252")
    plan = people.plan(data, "m.csv", partnership=partnership)
    messages = [str(e) for e in plan.errors]
    assert "Rij 2, kolom rol: 'mentorr' is geen bekende rol." in messages
    assert any(m.startswith("Rij 3, kolom e-mail") and "ook op rij 2" in m for m in messages)
    assert any(m.startswith("Rij 3, kolom school") for m in messages)
    assert any(m.startswith("Rij 4, kolom voornaam") for m in messages)
    assert not Person.objects.exists()


def test_people_import_without_required_header():
    from samenopleiden.registry.tests.factories import PartnershipFactory

    with pytest.raises(DomainError, match="voornaam"):
        people.plan(b"naam;mail\nx;y\n", "m.csv", partnership=PartnershipFactory())


def test_web_flow_upload_preview_confirm(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    upload = io.BytesIO("voornaam;achternaam;e-mail;rol\nAnne;Bakker;anne@b.nl;stuurgroeplid\n".encode("cp1252"))
    upload.name = "mensen.csv"
    preview = client.post(reverse("registry:import_people", args=[partnership.slug]), {"file": upload})
    assert preview.status_code == 200 and not Person.objects.filter(email="anne@b.nl").exists()
    confirm_url = preview.context["confirm_url"]
    assert client.post(confirm_url).status_code == 302
    assert Person.objects.get(email="anne@b.nl").roles.get().role == Role.STEERING_MEMBER
    assert client.post(confirm_url).status_code == 404  # a confirmed import cannot run twice


def test_web_flow_bad_file_shows_message(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    upload = io.BytesIO(b"")
    upload.name = "leeg.csv"
    response = client.post(reverse("registry:import_schools", args=[partnership.slug]), {"file": upload})
    assert response.status_code == 400
    assert "leeg" in response.content.decode()


def test_only_the_lead_may_import(client, reader, outsider, partnership):
    url = reverse("registry:imports", args=[partnership.slug])
    client.force_login(reader.user)
    assert client.get(url).status_code == 403
    client.force_login(outsider.user)
    assert client.get(url).status_code == 404


def test_template_download_is_a_workbook(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    response = client.get(reverse("registry:import_people_template", args=[partnership.slug]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]][:3] == ["voornaam", "tussenvoegsel", "achternaam"]


def test_commands_dry_run_then_real(partnership):
    out = io.StringIO()
    call_command("import_duo_schools", "docs/voorbeelden/duo-vestigingen.csv", "--dry-run", stdout=out)
    assert "5 nieuw" in out.getvalue() and not School.objects.exists()
    call_command("import_duo_schools", "docs/voorbeelden/duo-vestigingen.csv", stdout=out)
    assert School.objects.count() == 5
    call_command("import_people", "docs/voorbeelden/mensen.csv", "--partnership", partnership.slug, stdout=out)
    assert partnership.people.count() == 3
    with pytest.raises(CommandError, match="geen partnerschap"):
        call_command("import_people", "docs/voorbeelden/mensen.csv", "--partnership", "bestaat-niet")


@pytest.mark.parametrize(
    ("value", "safe"), [("=1+1", "'=1+1"), ("+31", "'+31"), ("-x", "'-x"), ("@a", "'@a"), ("gewoon", "gewoon"), (5, 5)]
)
def test_safe_cell(value, safe):
    assert safe_cell(value) == safe
