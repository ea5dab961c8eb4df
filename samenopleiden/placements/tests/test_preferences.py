"""Students' preferences: the import with its row errors, per-student editing, and who may do either."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from samenopleiden.core.errors import DomainError
from samenopleiden.placements.models import PostcodeArea, Preference
from samenopleiden.placements.services import postcodes, preferences

pytestmark = pytest.mark.django_db
HEADER = "studentnummer;wens1;wens2;beschikbare_dagen;postcode;max_km;denominatie"


def plan(partnership, *rows, **kwargs):
    data = ("\n".join([HEADER, *rows]) + "\n").encode()
    return preferences.plan(data, "v.csv", partnership=partnership, school_year="2025-2026", period="jaar", **kwargs)


def test_a_good_file_gives_wishes_in_order(partnership, schools, cluster, pupils):
    result = plan(partnership, "3001;34CD00;Cluster Stad;di, do;9712 AB;15;openbaar", "3002;12AB;;;;;")
    assert result.ok, [str(e) for e in result.errors]
    preferences.apply(result, partnership=partnership, actor=None)
    first = Preference.objects.get(student=pupils[0])
    assert [str(w.school or w.cluster) for w in first.wishes.all()] == ["Cbs De Kring (34CD00)", "Cluster Stad"]
    assert (first.available_days, first.postcode, first.max_km, first.denominations) == (
        "di,do",
        "9712",
        15,
        "openbaar",
    )
    again = plan(partnership, "3001;34CD00;Cluster Stad;di, do;9712 AB;15;openbaar", "3002;12AB;;;;;")
    assert (again.new, again.changed, again.unchanged) == (0, 0, 2)


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("9999;34CD00;;;;;", "studentnummer", "staat niet in 2025-2026"),
        ("3001;99ZZ00;;;;;", "wens1", "geen school"),
        ("3001;34CD00;34CD00;;;;", "wens2", "twee keer"),
        ("3001;;;zaterdag;;;", "beschikbare_dagen", "onbekende dag"),
        ("3001;;;;12;;", "postcode", "geen postcode"),
        ("3001;;;;9712;999;", "max_km", "niet tussen 1 en 300"),
        ("3001;;;;9712;ver;", "max_km", "geen aantal kilometers"),
    ],
)
def test_bad_rows_are_named(partnership, schools, pupils, row, column, words):
    result = plan(partnership, row)
    assert [(e.row, e.column) for e in result.errors] == [(2, column)] and words in result.errors[0].message
    with pytest.raises(DomainError):
        preferences.apply(result, partnership=partnership, actor=None)
    assert not Preference.objects.exists()


def test_a_placement_office_states_preferences_of_its_own_students_only(partnership, schools, pupils, ulo):
    from samenopleiden.students.tests.factories import StudentFactory

    StudentFactory(partnership=partnership, institute=ulo, student_number="4001", school_year="2025-2026")
    result = plan(partnership, "4001;34CD00;;;;;", allowed_institutes={pupils[0].institute_id})
    assert "staat niet in" in result.errors[0].message


def test_the_web_import_and_the_edit_page(client, programme_lead, partnership, schools, cluster, pupils):
    client.force_login(programme_lead.user)
    upload = SimpleUploadedFile("v.csv", f"{HEADER}\n3001;34CD00;;;;;\n".encode())
    body = client.post(
        reverse("placements:preference_import", args=[partnership.slug]),
        {"file": upload, "school_year": "2025-2026", "period": "jaar"},
    ).content.decode()
    assert "Importeren bevestigen" in body
    from samenopleiden.core.models import PendingImport

    pending = PendingImport.objects.get(kind="preferences")
    client.post(reverse("placements:preference_import_confirm", args=[partnership.slug, pending.pk]))
    assert Preference.objects.get(student=pupils[0]).wishes.count() == 1
    edit = reverse("placements:preference_edit", args=[partnership.slug, pupils[0].pk]) + "?periode=jaar"
    response = client.post(edit, {"wish1": f"c{cluster.pk}", "wish2": f"c{cluster.pk}", "version": 1})
    assert response.status_code == 400 and "twee keer" in response.content.decode()
    response = client.post(edit, {"wish1": f"c{cluster.pk}", "available_days": "di", "version": 1})
    assert response.status_code == 302
    preference = Preference.objects.get(student=pupils[0])
    assert [w.cluster for w in preference.wishes.all()] == [cluster] and preference.available_days == "di"


def test_only_who_may_change_the_student_edits_preferences(client, reader, educator, outsider, partnership, pupils):
    url = reverse("placements:preference_edit", args=[partnership.slug, pupils[0].pk])
    for person, status in [(reader, 404), (educator, 404), (outsider, 404)]:
        client.force_login(person.user)
        assert client.get(url).status_code == status
    client.force_login(reader.user)
    assert client.get(reverse("placements:preferences", args=[partnership.slug])).status_code == 403


def test_postcode_import(tmp_path):
    good = b"postcode;lat;lon;plaats\n9712;53,219;6,566;Groningen\n9401;52.993;6.562;Assen\n"
    result = postcodes.plan(good, "pc4.csv")
    assert result.ok and postcodes.apply(result) == 2
    assert postcodes.coordinates({"9712", "1000"}) == {"9712": (53.219, 6.566)}
    bad = postcodes.plan(b"postcode;lat;lon\n12;53;6\n9999;40.1;2.0\n9713;x;6\n", "pc4.csv")
    assert [e.row for e in bad.errors] == [2, 3, 4]
    with pytest.raises(DomainError, match="mist een kolom"):
        postcodes.plan(b"code;noord\n9712;53\n", "pc4.csv")
    path = tmp_path / "pc4.csv"
    path.write_bytes(b"postcode;lat;lon\n9712;53.3;6.6\n")
    call_command("import_postcodes", str(path))
    assert PostcodeArea.objects.get(code="9712").latitude == 53.3
    path.write_bytes(b"postcode;lat;lon\n9712;60;6.6\n")
    with pytest.raises(CommandError):
        call_command("import_postcodes", str(path))
