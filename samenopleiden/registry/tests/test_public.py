import datetime as dt

import pytest
from django.urls import reverse

from samenopleiden.registry.models import Partnership
from samenopleiden.registry.tests.factories import (
    ClusterFactory,
    InstituteFactory,
    MembershipFactory,
    PartnershipFactory,
    RegionFactory,
    SchoolBoardFactory,
    SchoolFactory,
)


@pytest.fixture
def country(db):
    north = RegionFactory(name="Onderwijsregio Noord", slug="noord")
    nhl = InstituteFactory(code="nhl", name="NHL Stenden")
    po = PartnershipFactory(name="Opleidingsschool Groningen", slug="gr", sector_po=True)
    po.regions.add(north)
    MembershipFactory(partnership=po, institute=nhl)
    MembershipFactory(partnership=po, school=SchoolFactory(municipality="Assen", city="Assen"))
    vo = PartnershipFactory(name="Academische Opleidingsschool Limburg", slug="aosl", sector_po=False, sector_vo=True)
    MembershipFactory(partnership=vo, school=SchoolFactory(municipality="Heerlen"))
    hidden = PartnershipFactory(name="Verborgen partnerschap", slug="verborgen", is_public=False)
    return {"po": po, "vo": vo, "hidden": hidden}


def names(response) -> set[str]:
    return {p.name for p in response.context["page"].object_list}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"Opleidingsschool Groningen", "Academische Opleidingsschool Limburg"}),
        ({"q": "limburg"}, {"Academische Opleidingsschool Limburg"}),
        ({"region": "noord"}, {"Opleidingsschool Groningen"}),
        ({"sector": "vo"}, {"Academische Opleidingsschool Limburg"}),
        ({"institute": "nhl"}, {"Opleidingsschool Groningen"}),
        ({"municipality": "Heerlen"}, {"Academische Opleidingsschool Limburg"}),
        ({"q": "bestaat niet"}, set()),
    ],
)
def test_directory_filters(client, country, query, expected):
    response = client.get(reverse("registry:directory"), query)
    assert response.status_code == 200
    assert names(response) == expected


def test_directory_answers_htmx_with_the_results_only(client, country):
    response = client.get(reverse("registry:directory"), {"q": "limburg"}, HTTP_HX_REQUEST="true")
    assert "<html" not in response.content.decode()
    assert "1 partnerschap gevonden" in response.content.decode()


def test_directory_query_count_does_not_grow(client, country, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get(reverse("registry:directory"))
    for _ in range(30):
        p = PartnershipFactory()
        MembershipFactory(partnership=p, school=SchoolFactory())
        p.regions.add(RegionFactory())
    with django_assert_max_num_queries(8):
        response = client.get(reverse("registry:directory"))
    assert len(response.context["page"].object_list) == 25


def test_profile_shows_partners_and_peer_review_date(client, country):
    po = country["po"]
    board = SchoolBoardFactory(name="Stichting Quadraten")
    MembershipFactory(partnership=po, board=board)
    ClusterFactory(partnership=po, board=board, name="Cluster Noord")
    response = client.get(reverse("registry:profile", args=["gr"]))
    body = response.content.decode()
    assert "Stichting Quadraten" in body and "NHL Stenden" in body and "Cluster Noord" in body
    assert "1 maart 2028" in body  # last peer review 1 March 2022 + six years


def test_hidden_or_unknown_profile_is_404(client, country):
    assert client.get(reverse("registry:profile", args=["verborgen"])).status_code == 404
    assert client.get(reverse("registry:profile", args=["bestaat-niet"])).status_code == 404


@pytest.mark.parametrize(
    ("status", "fields", "due"),
    [
        (
            "erkend",
            {"recognised_since": dt.date(2018, 5, 1), "last_peer_review": dt.date(2020, 2, 29)},
            dt.date(2026, 2, 28),
        ),
        ("erkend", {"recognised_since": dt.date(2018, 5, 1)}, dt.date(2024, 5, 1)),
        ("aspirant", {"aspirant_since": dt.date(2023, 8, 1)}, dt.date(2027, 8, 1)),
        ("aspirant", {}, None),
    ],
)
def test_next_peer_review_due(status, fields, due):
    partnership = Partnership(status=status, **fields)
    assert partnership.next_peer_review_due == due
