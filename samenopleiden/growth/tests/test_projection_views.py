"""Scenario pages: list, create, change, detail with charts, compare, exports, JSON in and out, the potential per
board; who reads (lead, steering group), who gets 403 (educator; reader on writes), outsiders 404, anonymous to
the sign-in page. A refused scenario is kept as it was."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from samenopleiden.core.models import HistoryEntry
from samenopleiden.growth import projection_engine as engine
from samenopleiden.growth.models import BoardClusterLimit, Scenario
from samenopleiden.growth.services import projection as services
from samenopleiden.registry.tests.factories import InstituteFactory, MembershipFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def url(name, partnership, *args):
    return reverse(f"growth:{name}", args=[partnership.slug, *args])


@pytest.fixture
def scenario(partnership, cluster, programme_lead):
    start = services.start_for(partnership, today=timezone.localdate())
    return services.scenario_create(
        partnership=partnership,
        name="Eén cluster erbij",
        levers=engine.Levers(horizon=5, extra_clusters=(engine.ExtraClusters(str(cluster.board_id), 1, 1),)),
        start=start,
        actor=programme_lead.user,
    )


def _post_data(cluster, **extra):
    data = {
        "name": "Nieuw scenario",
        "description": "",
        "horizon": "8",
        "places_per_cluster": "",
        "wage_index": "3",
        "subsidy_index": "0",
        "counted_percent": "100",
        "public_wish_percent": "30",
        "mentor_hours_per_student": "40",
        "school_educator_hours_per_cluster": "160",
        "institute_educator_hours_per_cluster": "120",
        "school_hour_rate": "60",
        "institute_hour_rate": "70",
        "cross_sector_places": "0",
        "cross_sector_year": "1",
        "satellite_schools": "0",
        "satellite_places": "2",
        "satellite_year": "1",
        f"extra_{cluster.board_id}": "1",
        f"extra_year_{cluster.board_id}": "1",
        "join_name_0": "Nieuw bestuur",
        "join_clusters_0": "2",
        "join_year_0": "1",
        "join_ramp_0": "2",
        "join_year_1": "1",
        "join_year_2": "1",
    }
    return {**data, **extra}


def test_the_lead_creates_a_scenario_and_sees_its_projection(client, partnership, cluster, programme_lead):
    client.force_login(programme_lead.user)
    assert client.get(url("scenario_add", partnership)).status_code == 200
    response = client.post(url("scenario_add", partnership), _post_data(cluster))
    scenario = Scenario.objects.get(partnership=partnership)
    assert response.status_code == 302 and response.url == url("scenario_detail", partnership, scenario.pk)
    levers = services.levers_of(scenario)
    assert levers.horizon == 8 and levers.joining[0].clusters == 2 and levers.extra_clusters[0].clusters == 1
    page = client.get(response.url).content.decode()
    assert "Projectie per schooljaar" in page and "chart-students-data" in page
    assert HistoryEntry.objects.filter(action="created", object_id=str(scenario.pk)).exists()


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ({"places_per_cluster": "-3"}, "negatief"),
        ({"join_ramp_0": "9"}, "voorbij de horizon"),
        ({"wage_index": "300"}, "300% is niet aannemelijk"),
        ({"horizon": "0"}, "horizon"),
    ],
)
def test_bad_levers_are_refused_and_the_scenario_kept(
    client, partnership, cluster, programme_lead, scenario, extra, words
):
    client.force_login(programme_lead.user)
    before = (scenario.levers, scenario.version)
    response = client.post(
        url("scenario_edit", partnership, scenario.pk),
        _post_data(cluster, name=scenario.name, version=str(scenario.version), **extra),
    )
    assert response.status_code == 400
    assert words in response.content.decode()
    scenario.refresh_from_db()
    assert (scenario.levers, scenario.version) == before


def test_a_limit_in_the_agreement_is_kept(client, partnership, cluster, programme_lead, board):
    services.limit_save(partnership=partnership, board=board, max_clusters=1, actor=programme_lead.user)
    client.force_login(programme_lead.user)
    response = client.post(url("scenario_add", partnership), _post_data(cluster))
    assert response.status_code == 400 and "hooguit 1 clusters" in response.content.decode()
    assert not Scenario.objects.exists()


def test_list_compare_and_exports(client, partnership, cluster, programme_lead, scenario):
    other = services.scenario_create(
        partnership=partnership,
        name="Niets doen",
        levers=engine.Levers(horizon=5),
        start=services.start_for(partnership, today=timezone.localdate()),
        actor=programme_lead.user,
    )
    client.force_login(programme_lead.user)
    page = client.get(url("scenarios", partnership)).content.decode()
    assert "Eén cluster erbij" in page and "Niets doen" in page
    compare = client.get(url("scenario_compare", partnership), {"s": [scenario.pk, other.pk]})
    assert compare.status_code == 200 and "chart-coverage-data" in compare.content.decode()
    xlsx = client.get(url("scenario_compare", partnership), {"s": [scenario.pk, other.pk], "formaat": "xlsx"})
    workbook = load_workbook(__import__("io").BytesIO(xlsx.content))
    assert len(workbook.sheetnames) == 2 and workbook.worksheets[0]["A1"].value == "Schooljaar"
    assert workbook.worksheets[0].max_row == 6
    pdf = client.get(url("scenario_pdf", partnership, scenario.pk))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    one = client.get(url("scenario_xlsx", partnership, scenario.pk))
    assert one.status_code == 200
    alone = client.get(url("scenario_compare", partnership), {"s": [scenario.pk]})
    assert "twee tot" in alone.content.decode()


def test_json_out_and_in(client, partnership, cluster, programme_lead, scenario):
    client.force_login(programme_lead.user)
    data = json.loads(client.get(url("scenario_json", partnership, scenario.pk)).content)
    assert data["format"] == engine.FORMAT and data["start"]["boards"][0]["key"] == str(cluster.board_id)
    upload = SimpleUploadedFile("s.json", json.dumps(data).encode(), content_type="application/json")
    response = client.post(url("scenario_upload", partnership), {"file": upload, "name": "Kopie"})
    assert response.status_code == 302
    copy = Scenario.objects.get(name="Kopie")
    assert copy.levers == scenario.levers


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"{niet json", "geen geldige JSON"),
        (b'{"format": "x"}', "geen scenariobestand"),
        (
            json.dumps({"format": engine.FORMAT, "version": 1, "name": "X", "levers": {"wage_index": 300}}).encode(),
            "niet aannemelijk",
        ),
    ],
)
def test_a_bad_file_says_why_and_saves_nothing(client, partnership, cluster, programme_lead, content, words):
    client.force_login(programme_lead.user)
    upload = SimpleUploadedFile("s.json", content, content_type="application/json")
    response = client.post(url("scenario_upload", partnership), {"file": upload})
    assert response.status_code == 400 and words in response.content.decode()
    assert not Scenario.objects.exists()


def test_the_reader_reads_but_does_not_change(client, partnership, cluster, reader, scenario):
    client.force_login(reader.user)
    assert client.get(url("scenarios", partnership)).status_code == 200
    assert client.get(url("scenario_detail", partnership, scenario.pk)).status_code == 200
    assert client.get(url("scenario_add", partnership)).status_code == 403
    assert client.post(url("scenario_delete", partnership, scenario.pk)).status_code == 403
    assert client.get(url("limit_edit", partnership, cluster.board_id)).status_code == 403
    assert Scenario.objects.filter(pk=scenario.pk).exists()


def test_the_educator_gets_403_on_scenarios_but_reads_the_potential(client, partnership, educator, scenario):
    client.force_login(educator.user)
    assert client.get(url("scenarios", partnership)).status_code == 403
    assert client.get(url("scenario_detail", partnership, scenario.pk)).status_code == 403
    assert client.get(url("scenario_json", partnership, scenario.pk)).status_code == 403
    assert client.get(url("potential", partnership)).status_code == 200


def test_outsider_404_and_nothing_changed(client, partnership, outsider, scenario, cluster):
    client.force_login(outsider.user)
    for name, args in [
        ("scenarios", ()),
        ("scenario_detail", (scenario.pk,)),
        ("scenario_xlsx", (scenario.pk,)),
        ("potential", ()),
        ("scenario_json", (scenario.pk,)),
    ]:
        assert client.get(url(name, partnership, *args)).status_code == 404
    assert client.post(url("scenario_delete", partnership, scenario.pk)).status_code == 404
    assert client.post(url("scenario_edit", partnership, scenario.pk), {"name": "Weg"}).status_code == 404
    scenario.refresh_from_db()
    assert scenario.name == "Eén cluster erbij"


def test_anonymous_goes_to_sign_in(client, partnership, scenario):
    response = client.get(url("scenario_detail", partnership, scenario.pk))
    assert response.status_code == 302 and "/accounts/inloggen/" in response.url


def test_delete(client, partnership, programme_lead, scenario):
    client.force_login(programme_lead.user)
    response = client.post(url("scenario_delete", partnership, scenario.pk))
    assert response.status_code == 302 and not Scenario.objects.exists()


def test_potential_page_and_limit(client, partnership, cluster, board, programme_lead):
    SchoolFactory(board=board, name="Obs Vrij Een", brin="77ZZ", municipality="Haren")
    SchoolFactory(board=board, name="Obs Vrij Twee", brin="78ZZ", municipality="Haren")
    client.force_login(programme_lead.user)
    page = client.get(url("potential", partnership)).content.decode()
    assert "Obs Vrij Een" in page and "Haren" in page
    response = client.post(url("limit_edit", partnership, board.pk), {"max_clusters": "3", "note": ""})
    assert response.status_code == 302
    assert BoardClusterLimit.objects.get(partnership=partnership, board=board).max_clusters == 3
    institute = MembershipFactory(partnership=partnership, institute=InstituteFactory()).institute
    assert client.get(url("limit_edit", partnership, 999999)).status_code == 404
    assert client.get(url("limit_edit", partnership, institute.pk + 1000)).status_code == 404


def test_list_query_count_stays_flat(client, partnership, cluster, programme_lead, django_assert_max_num_queries):
    start = services.start_for(partnership, today=timezone.localdate())
    for i in range(6):
        services.scenario_create(
            partnership=partnership,
            name=f"S{i}",
            levers=engine.Levers(horizon=3),
            start=start,
            actor=programme_lead.user,
        )
    client.force_login(programme_lead.user)
    with django_assert_max_num_queries(40):
        assert client.get(url("scenarios", partnership)).status_code == 200


def test_a_change_over_someone_elses_newer_change_is_refused(client, partnership, cluster, programme_lead, scenario):
    client.force_login(programme_lead.user)
    old = scenario.version
    first = client.post(
        url("scenario_edit", partnership, scenario.pk), _post_data(cluster, name="Eerste", version=str(old))
    )
    assert first.status_code == 302
    second = client.post(
        url("scenario_edit", partnership, scenario.pk), _post_data(cluster, name="Tweede", version=str(old))
    )
    assert second.status_code == 400
    scenario.refresh_from_db()
    assert scenario.name == "Eerste"
