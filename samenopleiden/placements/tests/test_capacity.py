"""Offers, cluster caps, shortage and oversupplied subjects: who changes what, and what the pages show."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samenopleiden.core.errors import DomainError
from samenopleiden.placements import selectors
from samenopleiden.placements.models import CapacityOffer, SubjectStatus
from samenopleiden.placements.services import capacity
from samenopleiden.registry.tests.factories import RegionFactory, SchoolFactory

pytestmark = pytest.mark.django_db
Y = "?jaar=2025-2026&periode=jaar"


def offer(partnership, school, places=3, subject="", **extra):
    values = {"school_year": "2025-2026", "period": "jaar", "school": school, "subject": subject, "places": places}
    return capacity.offer_create(partnership=partnership, values={**values, **extra}, actor=None)


def test_offers_are_grouped_by_cluster_within_its_cap(partnership, schools, cluster):
    inside, loose = schools
    offer(partnership, inside, places=10, subject="wiskunde")
    offer(partnership, inside, places=5, subject="Engels")
    offer(partnership, loose, places=2)
    blocks = selectors.offer_blocks(partnership, "2025-2026", "jaar")
    assert [(b.cluster, b.places, b.cap, b.effective) for b in blocks] == [(cluster, 15, 12, 12), (None, 2, None, 2)]


def test_an_offer_is_checked(partnership, schools, other_school):
    inside, _loose = schools
    offer(partnership, inside, subject="wiskunde")
    with pytest.raises(DomainError, match="al plaatsen aan"):
        offer(partnership, inside, subject=" Wiskunde ")
    with pytest.raises(DomainError, match="hoort niet bij dit partnerschap"):
        offer(partnership, other_school)
    with pytest.raises(DomainError, match="voor wie"):
        offer(partnership, inside, subject="Frans", reserved_places=1)
    with pytest.raises(DomainError, match="niet meer plaatsen gereserveerd"):
        offer(partnership, inside, subject="Duits", places=1, reserved_places=2, reserved_category="deeltijd")
    with pytest.raises(DomainError, match="Onbekende dag"):
        offer(partnership, inside, subject="biologie", required_days="di,za")


def test_the_lead_adds_an_offer_and_a_negative_number_is_refused(client, programme_lead, partnership, schools):
    client.force_login(programme_lead.user)
    url = reverse("placements:offer_add", args=[partnership.slug])
    data = {"school_year": "2025-2026", "period": "jaar", "school": schools[0].pk, "subject": "", "places": "-1"}
    assert client.post(url, data).status_code == 400 and not CapacityOffer.objects.exists()
    assert client.post(url, {**data, "places": "4", "required_days": "di"}).status_code == 302
    assert CapacityOffer.objects.get().places == 4


def test_an_educator_changes_offers_of_their_own_cluster_only(client, educator, partnership, schools):
    inside, loose = schools
    own, other = offer(partnership, inside), offer(partnership, loose)
    client.force_login(educator.user)
    page = client.get(reverse("placements:offers", args=[partnership.slug]) + Y).content.decode()
    assert reverse("placements:offer_edit", args=[partnership.slug, own.pk]) in page
    assert reverse("placements:offer_edit", args=[partnership.slug, other.pk]) not in page
    data = {"school_year": "2025-2026", "period": "jaar", "school": inside.pk, "subject": "", "places": 6, "version": 1}
    assert client.post(reverse("placements:offer_edit", args=[partnership.slug, own.pk]), data).status_code == 302
    assert client.post(reverse("placements:offer_edit", args=[partnership.slug, other.pk]), data).status_code == 403
    assert client.post(reverse("placements:offer_delete", args=[partnership.slug, other.pk])).status_code == 403
    assert CapacityOffer.objects.get(pk=other.pk).places == 3
    data["school"] = loose.pk  # moving an offer to a school outside the cluster is not offered either
    assert client.post(reverse("placements:offer_edit", args=[partnership.slug, own.pk]), data).status_code == 400


def test_readers_read_offers_and_outsiders_see_nothing(client, reader, outsider, partnership, schools):
    made = offer(partnership, schools[0], subject="geheimvak")
    client.force_login(reader.user)
    assert "geheimvak" in client.get(reverse("placements:offers", args=[partnership.slug]) + Y).content.decode()
    assert client.get(reverse("placements:offer_add", args=[partnership.slug])).status_code == 403
    client.force_login(outsider.user)
    assert client.get(reverse("placements:offers", args=[partnership.slug])).status_code == 404
    assert client.post(reverse("placements:offer_delete", args=[partnership.slug, made.pk])).status_code == 404


def test_subject_lists_with_the_region_and_the_partnerships_own_choice(client, programme_lead, partnership):
    region = RegionFactory()
    partnership.regions.add(region)
    SubjectStatus.objects.create(region=region, subject="Engels", status="overschot")
    SubjectStatus.objects.create(region=region, subject="Duits", status="tekort")
    client.force_login(programme_lead.user)
    url = reverse("placements:subjects", args=[partnership.slug])
    client.post(url, {"subject": "duits", "status": "overschot"})  # the partnership decides otherwise
    client.post(url, {"subject": "wiskunde", "status": "tekort"})
    lists = selectors.subject_lists(partnership)
    assert [r.subject for r in lists["tekort"]] == ["wiskunde"]
    assert [r.subject for r in lists["overschot"]] == ["duits", "Engels"]
    assert client.post(url, {"subject": " ", "status": "tekort"}).status_code == 400
    own = SubjectStatus.objects.get(partnership=partnership, subject="wiskunde")
    client.post(reverse("placements:subject_remove", args=[partnership.slug, own.pk]))
    assert not SubjectStatus.objects.filter(pk=own.pk).exists()


def test_the_overview_sets_supply_beside_demand(client, programme_lead, partnership, schools, pupils):
    for student, subject in zip(pupils, ["Engels", "Engels", "wiskunde"], strict=True):
        student.subject = subject
        student.save()
    offer(partnership, schools[0], places=1, subject="Engels")
    offer(partnership, schools[1], places=4, subject="wiskunde")
    client.force_login(programme_lead.user)
    body = client.get(reverse("placements:overview", args=[partnership.slug]) + Y).content.decode()
    assert "2 studenten voor 1 plaatsen" in body and "ruimte over" in body


def test_schools_of_another_partnership_never_appear_in_the_form(client, programme_lead, partnership, schools):
    stranger = SchoolFactory(name="Obs Vreemd", brin="77XX")
    client.force_login(programme_lead.user)
    page = client.get(reverse("placements:offer_add", args=[partnership.slug])).content.decode()
    assert "Obs De Wilgen" in page and "Obs Vreemd" not in page and stranger.pk


def test_a_cluster_cap_for_a_year_is_what_the_round_uses(client, programme_lead, reader, partnership, schools, cluster):
    url = reverse("placements:cluster_cap", args=[partnership.slug, cluster.pk]) + Y
    client.force_login(reader.user)
    assert client.post(url, {"places": 5}).status_code == 403
    client.force_login(programme_lead.user)
    assert client.post(url, {"places": 4, "shortage_reserved": 6}).status_code == 400
    assert client.post(url, {"places": 8, "shortage_reserved": 2}).status_code == 302
    offer(partnership, schools[0], places=10)
    assert [(b.cap, b.effective) for b in selectors.offer_blocks(partnership, "2025-2026", "jaar")][0] == (8, 8)
