"""The subsidy page and the allocation key page: who reads, who changes, and what bad input does."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from samenopleiden.registry.models import Membership
from samenopleiden.students.models import AllocationKey, AllocationShare, FundingRate

from .factories import StudentFactory

pytestmark = pytest.mark.django_db
YEAR = "?jaar=2026-2027"


@pytest.fixture
def counted(partnership, pabo, school, cluster):
    FundingRate.objects.create(
        school_year="2026-2027",
        count_date=dt.date(2026, 10, 1),
        fixed_amount=Decimal(100000),
        per_student_amount=Decimal("955"),
        minimum_students=2,
        note="Voorbeeldbedragen.",
    )
    for number in ("1001", "1002", "1003"):
        StudentFactory(
            partnership=partnership, institute=pabo, school_year="2025-2026", student_number=number, school=school
        )


def url(name: str, partnership) -> str:
    return reverse(f"students:{name}", args=[partnership.slug])


def key_data(**changes) -> dict:
    return {
        "central_share": "10",
        "weight_students": "70",
        "weight_clusters": "30",
        "weight_fixed": "0",
        "note": "Stuurgroep 12 maart",
        "version": "",
        **changes,
    }


def test_the_lead_sees_the_estimate_and_each_partners_amount_with_its_reasoning(
    client, programme_lead, partnership, counted
):
    client.force_login(programme_lead.user)
    body = client.get(url("subsidy", partnership) + YEAR).content.decode()
    assert "€ 102.865,00" in body  # 100,000 + 3 × 955
    assert "3 van 3 toegerekende studenten = 100% × 100% naar studenten = 100% van € 102.865,00" in body
    assert "Voorbeeldbedragen." in body
    assert "Er is nog geen verdeelsleutel vastgelegd" in body
    assert url("allocation_key", partnership) in body
    assert ">1001<" not in body  # totals only, never a student


def test_without_rates_the_page_says_so_and_shows_the_count(client, programme_lead, partnership, pabo):
    StudentFactory(partnership=partnership, institute=pabo, school_year="2029-2030")
    client.force_login(programme_lead.user)
    body = client.get(url("subsidy", partnership) + "?jaar=2030-2031").content.decode()
    assert "De bedragen van de regeling voor 2030-2031 zijn nog niet bekend" in body
    assert "De telling van 2029-2030 is bekend: 1 studenten tellen mee." in body


def test_an_empty_partnership_gets_a_page_that_says_what_is_missing(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    response = client.get(url("subsidy", partnership) + "?jaar=2021-2022")  # the year a migration has rates for
    body = response.content.decode()
    assert response.status_code == 200
    assert "Voor 2020-2021 zijn geen studenten vastgelegd" in body
    assert "Het partnerschap heeft nog geen partners vastgelegd" in body


@pytest.mark.parametrize("who", ["reader", "office"])
def test_readers_and_the_placement_office_read_but_do_not_change_the_key(client, request, partnership, counted, who):
    client.force_login(request.getfixturevalue(who).user)
    body = client.get(url("subsidy", partnership) + YEAR).content.decode()
    assert "€ 102.865,00" in body and url("allocation_key", partnership) not in body
    assert client.get(url("allocation_key", partnership)).status_code == 403
    assert client.post(url("allocation_key", partnership), key_data()).status_code == 403
    assert not AllocationKey.objects.exists()


def test_an_educator_does_not_see_the_money(client, educator, partnership, counted):
    client.force_login(educator.user)
    assert client.get(url("subsidy", partnership)).status_code == 403
    assert client.get(url("allocation_key", partnership)).status_code == 403


def test_outsiders_and_anonymous_reach_nothing(client, outsider, partnership, counted):
    client.force_login(outsider.user)
    for name in ("subsidy", "allocation_key"):
        assert client.get(url(name, partnership)).status_code == 404
    assert client.post(url("allocation_key", partnership), key_data()).status_code == 404
    assert not AllocationKey.objects.exists()
    client.logout()
    response = client.get(url("subsidy", partnership))
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_the_lead_sets_a_mixed_key_and_the_page_follows_it(client, programme_lead, partnership, counted, board):
    client.force_login(programme_lead.user)
    response = client.post(url("allocation_key", partnership), key_data(central_share="12,5", weight_students="70"))
    assert response.status_code == 302
    key = AllocationKey.objects.get(partnership=partnership)
    assert key.central_share == Decimal("12.5") and key.note == "Stuurgroep 12 maart"
    body = client.get(url("subsidy", partnership) + YEAR).content.decode()
    assert "12,5% centraal deel van € 102.865,00" in body
    person = programme_lead
    assert f"door {person.first_name} {person.last_name}." in body


def test_fixed_shares_per_partner(client, programme_lead, partnership, counted, board, pabo):
    members = {m.kind: m for m in Membership.objects.filter(partnership=partnership)}
    client.force_login(programme_lead.user)
    data = key_data(weight_clusters="0", weight_fixed="30")
    data |= {f"aandeel-share_{members['board'].pk}": "80", f"aandeel-share_{members['institute'].pk}": "20"}
    assert client.post(url("allocation_key", partnership), data).status_code == 302
    assert dict(AllocationShare.objects.values_list("membership_id", "share")) == {
        members["board"].pk: 80,
        members["institute"].pk: 20,
    }
    body = client.get(url("subsidy", partnership) + YEAR).content.decode()
    assert "vast aandeel 20% × 30% naar vaste aandelen = 6% van € 92.578,50" in body


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"weight_clusters": "20"}, "tellen samen op tot 90%; dat moet 100% zijn"),
        ({"central_share": "veel"}, "Vul een getal in, bijvoorbeeld 12,5."),
        ({"central_share": "-3"}, "Een percentage is niet negatief."),
        ({"weight_students": "170"}, "Een percentage is hoogstens 100."),
        ({"weight_clusters": "0", "weight_fixed": "30"}, "geen vast aandeel ingevuld"),
        ({"note": "x" * 5000}, "5000"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_saves_nothing(client, programme_lead, partnership, changes, message):
    client.force_login(programme_lead.user)
    response = client.post(url("allocation_key", partnership), key_data(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not AllocationKey.objects.exists()


def test_shares_that_do_not_add_up_keep_the_old_key(client, programme_lead, partnership, board):
    client.force_login(programme_lead.user)
    client.post(url("allocation_key", partnership), key_data())
    key = AllocationKey.objects.get()
    member = Membership.objects.get(partnership=partnership, board=board)
    data = key_data(weight_clusters="0", weight_fixed="30", version=str(key.version))
    data[f"aandeel-share_{member.pk}"] = "95"
    response = client.post(url("allocation_key", partnership), data)
    assert response.status_code == 400
    assert "De vaste aandelen tellen samen op tot 95%; dat moet 100% zijn." in response.content.decode()
    key.refresh_from_db()
    assert (key.weight_clusters, key.version) == (30, 1)


def test_a_stale_form_is_refused_with_a_message(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    client.post(url("allocation_key", partnership), key_data())
    client.post(url("allocation_key", partnership), key_data(central_share="5", weight_students="70", version="1"))
    response = client.post(url("allocation_key", partnership), key_data(central_share="20", version="1"))
    assert response.status_code == 400
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    assert AllocationKey.objects.get().central_share == 5


def test_the_platform_administrator_keeps_rates_keys_totals_and_targets(client, admin_user, partnership, board):
    client.force_login(admin_user)
    for model in ("fundingrate", "allocationkey", "instituteenrolment", "coveragetarget", "retentionrule"):
        for page in ("", "add/"):
            assert client.get(f"/platformbeheer/students/{model}/{page}").status_code == 200, model
    membership = Membership.objects.get(partnership=partnership, board=board)
    response = client.post(
        "/platformbeheer/students/allocationkey/add/",
        {
            "partnership": partnership.pk,
            "central_share": "0",
            "weight_students": "50",
            "weight_clusters": "0",
            "weight_fixed": "50",
            "note": "",
            "shares-TOTAL_FORMS": "1",
            "shares-INITIAL_FORMS": "0",
            "shares-0-membership": membership.pk,
            "shares-0-share": "100",
        },
    )
    assert response.status_code == 302
    assert AllocationShare.objects.get().partnership == partnership
