import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from samenopleiden.core.access import Level, build_context
from samenopleiden.registry.models import Cluster, Membership, Partnership, Person, Region, School, SchoolBoard
from samenopleiden.registry.services.demo import load_demo

pytestmark = pytest.mark.django_db


def fingerprint() -> dict:
    return {
        "partnerships": sorted(Partnership.objects.values_list("slug", "status", "lead_member__board__name")),
        "schools": sorted(School.objects.values_list("brin", "branch_code", "name", "board__name")),
        "memberships": Membership.objects.count(),
        "clusters": sorted(Cluster.objects.values_list("name", "board__name")),
        "people": sorted(Person.objects.values_list("email", "user__username")),
    }


def test_demo_is_idempotent_and_prints_accounts():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    first = fingerprint()
    call_command("load_demo", stdout=io.StringIO())
    assert fingerprint() == first
    assert "programmaleider" in out.getvalue() and "samenopleiden-demo" in out.getvalue()


def test_demo_reproduces_the_seed_facts():
    load_demo()
    groningen = Partnership.objects.get(slug="groningen")
    assert groningen.memberships.filter(board__isnull=False).count() == 8
    assert groningen.lead_member.board.name.startswith("Christelijke Kind Centra Drenthe")
    assert all(c.schools.count() <= 4 for c in groningen.clusters.all())
    assert {c.target_places for c in groningen.clusters.all()} == {12}
    # two boards are in both the Groningen and the Drenthe partnership
    shared = SchoolBoard.objects.filter(memberships__partnership__slug="groningen").filter(
        memberships__partnership__slug="drenthe"
    )
    assert shared.count() == 2
    # two onderwijsregio's spanning three partnerships
    regions = Region.objects.filter(kind="onderwijsregio")
    assert regions.count() == 2
    assert Partnership.objects.filter(regions__in=regions).distinct().count() == 3
    # the six secondary partnerships with the numbers of the case table
    noa = Partnership.objects.get(slug="noa")
    assert noa.memberships.filter(board__isnull=False).count() == 4
    assert noa.memberships.filter(institute__isnull=False).count() == 7  # 5 hbo institutes + 2 universities
    assert noa.memberships.filter(school__isnull=False, role="aspirant").count() == 3
    aosl = Partnership.objects.get(slug="aosl")
    assert aosl.memberships.filter(board__isnull=False).count() == 6
    assert aosl.memberships.filter(school__isnull=False).count() == 32
    assert Partnership.objects.filter(sector_vo=True).count() == 6


def test_demo_accounts_have_the_promised_rights():
    load_demo()
    groningen = Partnership.objects.get(slug="groningen")
    expected = {
        "programmaleider": Level.LEAD,
        "stuurgroep": Level.READER,
        "schoolopleider": Level.EDUCATOR,
        "noa": None,
    }
    for username, level in expected.items():
        user = authenticate(username=username, password="samenopleiden-demo")
        assert user is not None, username
        assert build_context(user).level(groningen) == level, username
    assert authenticate(username="beheer", password="samenopleiden-demo").is_superuser
