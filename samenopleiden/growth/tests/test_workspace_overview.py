"""The growth workspace (the module's entry page): preparation data from the other modules, the region, the forecast
of requested places and the regional infrastructure; who reads and who changes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from samenopleiden.core.models import HistoryEntry
from samenopleiden.growth.models import GrowthProfile, PlacesForecast, RegionalTable
from samenopleiden.growth.services import workspace as services
from samenopleiden.placements.models import CapacityOffer
from samenopleiden.registry.tests.factories import InstituteFactory, MembershipFactory
from samenopleiden.students import schoolyear
from samenopleiden.students.models import Student

pytestmark = pytest.mark.django_db


def _year() -> str:
    return schoolyear.current(timezone.localdate())


@pytest.fixture
def filled(partnership, cluster, school, programme_lead):
    institute = InstituteFactory(name="Hogeschool Noord")
    MembershipFactory(partnership=partnership, institute=institute)
    MembershipFactory(partnership=partnership, school=school)
    year = _year()
    for i in range(3):
        Student.objects.create(
            partnership=partnership, school_year=year, institute=institute, student_number=f"S{i}", mode="voltijd"
        )
    CapacityOffer.objects.create(partnership=partnership, school_year=year, school=school, places=7)
    services.forecast_create(
        partnership=partnership,
        school_year=schoolyear.following(year),
        places=40,
        note="Twee nieuwe clusters",
        actor=None,
        today=timezone.localdate(),
    )
    services.table_create(
        partnership=partnership,
        values={"name": "Regionale alliantie Noord", "kind": "alliantie", "position": "trekker"},
        actor=None,
    )
    return partnership


def test_the_lead_sees_the_preparation_from_the_other_modules(client, programme_lead, filled):
    client.force_login(programme_lead.user)
    body = client.get(reverse("growth:overview", args=[filled.slug])).content.decode()
    assert "Hogeschool Noord" in body  # students per institute (students module)
    assert "Cluster Stad" in body and "Obs De Wilgen" in body  # places per cluster and school (placements module)
    assert "Stichting Quadraten" in body  # partners (registry)
    assert "Twee nieuwe clusters" in body and "korte termijn" in body
    assert "Regionale alliantie Noord" in body and "trekker of voorzitter" in body
    assert reverse("growth:forecast_add", args=[filled.slug]) in body


def test_the_student_count_is_the_students_module_count(client, programme_lead, filled):
    client.force_login(programme_lead.user)
    response = client.get(reverse("growth:overview", args=[filled.slug]))
    prep = response.context["prep"]
    assert prep["trained_total"] == 3 and prep["places_total"] == 7


def test_an_educator_reads_without_student_numbers_and_without_edit_links(client, educator, filled):
    client.force_login(educator.user)
    response = client.get(reverse("growth:overview", args=[filled.slug]))
    body = response.content.decode()
    assert response.status_code == 200 and "Regionale alliantie Noord" in body
    assert "Hogeschool Noord</th>" not in body and "zichtbaar voor de programmaleider" in body
    assert reverse("growth:table_add", args=[filled.slug]) not in body


def test_a_junk_year_falls_back_to_the_current_one(client, programme_lead, filled):
    client.force_login(programme_lead.user)
    response = client.get(reverse("growth:overview", args=[filled.slug]) + "?jaar=abc")
    assert response.status_code == 200 and response.context["year"] == _year()


def test_an_empty_partnership_gets_a_page_that_says_so(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    body = client.get(reverse("growth:overview", args=[partnership.slug])).content.decode()
    assert "Nog geen prognose" in body and "Nog geen tafels vastgelegd" in body


def test_the_lead_describes_the_catchment(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    url = reverse("growth:profile_edit", args=[partnership.slug])
    response = client.post(url, {"catchment": "Stad en Ommeland", "education_region": "", "regional_agenda": ""})
    assert response.status_code == 302
    assert GrowthProfile.objects.get(partnership=partnership).catchment == "Stad en Ommeland"
    response = client.post(url, {"catchment": "Stad", "education_region": "Noord", "regional_agenda": "", "version": 1})
    profile = GrowthProfile.objects.get(partnership=partnership)
    assert response.status_code == 302 and profile.catchment == "Stad" and profile.version == 2


def test_forecast_add_edit_delete_and_its_rules(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    year = schoolyear.following(_year())
    add = reverse("growth:forecast_add", args=[partnership.slug])
    assert client.post(add, {"school_year": year.replace("-", "/"), "places": 30}).status_code == 302
    forecast = PlacesForecast.objects.get(partnership=partnership)
    assert forecast.school_year == year and forecast.places == 30
    again = client.post(add, {"school_year": year, "places": 5})
    assert again.status_code == 400 and "al een prognose" in again.content.decode()
    far = client.post(add, {"school_year": schoolyear.shift(year, 20), "places": 5})
    assert far.status_code == 400 and PlacesForecast.objects.count() == 1
    junk = client.post(add, {"school_year": "volgend jaar", "places": "veel"})
    assert junk.status_code == 400 and "2026-2027" in junk.content.decode()
    edit = reverse("growth:forecast_edit", args=[partnership.slug, forecast.pk])
    assert client.post(edit, {"school_year": year, "places": 45, "version": 1}).status_code == 302
    assert PlacesForecast.objects.get().places == 45
    assert client.post(reverse("growth:forecast_delete", args=[partnership.slug, forecast.pk])).status_code == 302
    assert not PlacesForecast.objects.exists()
    assert HistoryEntry.objects.filter(object_type="placesforecast", action="deleted").exists()


def test_regional_tables_add_edit_delete(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    data = {"name": "Onderwijsnetwerk Ommeland", "kind": "netwerk", "position": "lid", "contact": "Jan", "note": ""}
    assert client.post(reverse("growth:table_add", args=[partnership.slug]), data).status_code == 302
    table = RegionalTable.objects.get()
    edit = reverse("growth:table_edit", args=[partnership.slug, table.pk])
    assert client.post(edit, {**data, "position": "afwezig", "version": 1}).status_code == 302
    assert RegionalTable.objects.get().position == "afwezig"
    assert client.post(edit, {**data, "kind": "onzin", "version": 2}).status_code == 400
    assert client.post(reverse("growth:table_delete", args=[partnership.slug, table.pk])).status_code == 302
    assert not RegionalTable.objects.exists()


def test_a_delete_needs_a_post(client, programme_lead, filled):
    client.force_login(programme_lead.user)
    table = RegionalTable.objects.get()
    assert client.get(reverse("growth:table_delete", args=[filled.slug, table.pk])).status_code == 405
    assert RegionalTable.objects.exists()


def test_a_reader_reads_but_may_not_write(client, reader, filled):
    client.force_login(reader.user)
    assert client.get(reverse("growth:overview", args=[filled.slug])).status_code == 200
    table = RegionalTable.objects.get()
    forecast = PlacesForecast.objects.get()
    for url in [
        reverse("growth:profile_edit", args=[filled.slug]),
        reverse("growth:forecast_add", args=[filled.slug]),
        reverse("growth:forecast_edit", args=[filled.slug, forecast.pk]),
        reverse("growth:forecast_delete", args=[filled.slug, forecast.pk]),
        reverse("growth:table_add", args=[filled.slug]),
        reverse("growth:table_edit", args=[filled.slug, table.pk]),
        reverse("growth:table_delete", args=[filled.slug, table.pk]),
    ]:
        assert client.post(url, {"name": "X", "places": 1, "school_year": "2030-2031"}).status_code == 403, url
    assert RegionalTable.objects.get().name == "Regionale alliantie Noord" and PlacesForecast.objects.count() == 1


def test_outsider_gets_404_and_changes_nothing(client, outsider, filled):
    client.force_login(outsider.user)
    table = RegionalTable.objects.get()
    forecast = PlacesForecast.objects.get()
    assert client.get(reverse("growth:overview", args=[filled.slug])).status_code == 404
    for url in [
        reverse("growth:profile_edit", args=[filled.slug]),
        reverse("growth:forecast_edit", args=[filled.slug, forecast.pk]),
        reverse("growth:forecast_delete", args=[filled.slug, forecast.pk]),
        reverse("growth:table_edit", args=[filled.slug, table.pk]),
        reverse("growth:table_delete", args=[filled.slug, table.pk]),
    ]:
        assert client.post(url, {"name": "Overgenomen", "places": 1}).status_code == 404, url
    # and through the outsider's own partnership, with this partnership's ids
    own = outsider.partnership.slug
    assert client.post(reverse("growth:table_delete", args=[own, table.pk])).status_code == 404
    assert client.post(reverse("growth:forecast_edit", args=[own, forecast.pk]), {"places": 1}).status_code == 404
    assert RegionalTable.objects.get().name == "Regionale alliantie Noord" and PlacesForecast.objects.get().places == 40


def test_anonymous_is_sent_to_sign_in(client, filled):
    response = client.get(reverse("growth:overview", args=[filled.slug]))
    assert response.status_code == 302 and "inloggen" in response["Location"]
    table = RegionalTable.objects.get()
    assert client.post(reverse("growth:table_delete", args=[filled.slug, table.pk])).status_code in (302, 404)
    assert RegionalTable.objects.exists()


def test_overview_queries_stay_flat(client, programme_lead, filled, django_assert_max_num_queries):
    client.force_login(programme_lead.user)
    url = reverse("growth:overview", args=[filled.slug])
    client.get(url)
    for i in range(15):
        services.table_create(partnership=filled, values={"name": f"Tafel {i}"}, actor=None)
    for ahead in range(2, 10):
        year = schoolyear.shift(_year(), ahead)
        services.forecast_create(partnership=filled, school_year=year, places=ahead, actor=None, today=dt.date.today())
    with django_assert_max_num_queries(30):
        assert client.get(url).status_code == 200


def test_the_forecast_stands_next_to_the_places_offered(client, programme_lead, filled):
    services.forecast_create(partnership=filled, school_year=_year(), places=10, actor=None, today=timezone.localdate())
    client.force_login(programme_lead.user)
    rows = client.get(reverse("growth:overview", args=[filled.slug])).context["forecasts"]
    by_year = {row.forecast.school_year: row for row in rows}
    assert by_year[_year()].offered == 7 and by_year[_year()].gap == 3
    following = by_year[schoolyear.following(_year())]
    assert following.offered is None and following.gap is None
