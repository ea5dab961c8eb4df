"""Walk every URL of the application as a user of another partnership (and as an anonymous visitor):
nothing of partnership A may be shown or changed.

URLs are found by walking the resolver, so views added later are covered without editing this test.
URL arguments follow one convention: `slug` is the partnership, `pk` and `item_pk` are object ids.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from samenopleiden.core import history
from samenopleiden.core.imports import stash
from samenopleiden.registry.models import Role
from samenopleiden.registry.tests.factories import (
    BodyFactory,
    CredentialFactory,
    InstituteFactory,
    MembershipFactory,
    PersonFactory,
    RoleAssignmentFactory,
)

SKIP_NAMESPACES = {"admin", None}
PUBLIC = {"registry:directory", "registry:profile"}


def walk(resolver: URLResolver, namespace: str | None = None):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            if entry.namespace in {"admin"} or "i18n" in str(entry.pattern):
                continue
            yield from walk(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}:{entry.name}" if namespace else entry.name, entry


@pytest.fixture
def rich_partnership(partnership, cluster, school, board, programme_lead, reader, educator):
    """Partnership A with a row of every kind, and a secret string in every name."""
    MembershipFactory(partnership=partnership, school=school)
    MembershipFactory(partnership=partnership, institute=InstituteFactory(code="geheiminst"))
    person = PersonFactory(
        partnership=partnership, first_name="Geheimvoornaam", last_name="Geheimachternaam", email="geheim@example.org"
    )
    RoleAssignmentFactory(person=person, role=Role.WORKPLACE_SUPERVISOR, cluster=cluster)
    CredentialFactory(person=person, expires_on=dt.date.today() + dt.timedelta(days=10))
    body = BodyFactory(partnership=partnership, name="Geheime stuurgroep")
    body.seats.create(person=person)
    history.record(actor=programme_lead.user, obj=person, action="created")
    stash(
        kind="people",
        data=b"voornaam;achternaam\nA;B\n",
        filename="x.csv",
        user=programme_lead.user,
        partnership=partnership,
    )
    stash(kind="schools", data=b"x", filename="x.csv", user=programme_lead.user, partnership=partnership)
    return partnership


def tenant_ids(partnership) -> list[int]:
    ids = set()
    for model in apps.get_models():
        fields = {f.name for f in model._meta.get_fields()}
        if "partnership" in fields and model._meta.app_label in {"registry", "core"}:
            ids.update(model._default_manager.filter(partnership=partnership).values_list("pk", flat=True))
    ids.update(partnership.clusters.values_list("schools__pk", flat=True))
    ids.update(partnership.memberships.values_list("board_id", flat=True))
    ids.update(partnership.memberships.values_list("institute_id", flat=True))
    ids.update(partnership.bodies.values_list("seats__pk", flat=True))
    return sorted(i for i in ids if i)


def snapshot() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"registry", "core", "auth"}
    }


def urls_for(partnership, ids: list[int]):
    for name, pattern in walk(get_resolver()):
        keys = set(pattern.pattern.converters)
        if "slug" not in keys:  # pages of a partnership; sign-in pages and the like have no tenant data
            continue
        assert keys <= {"slug", "pk", "item_pk"}, f"{name} uses an argument outside the convention: {keys}"
        pks = ids if "pk" in keys else [None]
        item_pks = ids[:6] if "item_pk" in keys else [None]
        for pk, item_pk in itertools.product(pks, item_pks):
            kwargs = {"slug": partnership.slug}
            if pk is not None:
                kwargs["pk"] = pk
            if item_pk is not None:
                kwargs["item_pk"] = item_pk
            yield name, reverse(name, kwargs=kwargs)


SECRETS = ["Geheimvoornaam", "Geheimachternaam", "geheim@example.org", "Geheime stuurgroep"]


@pytest.mark.django_db
def test_outsider_sees_and_changes_nothing_of_another_partnership(client, rich_partnership, outsider):
    client.force_login(outsider.user)
    ids = tenant_ids(rich_partnership)
    before = snapshot()
    names, requests = set(), 0
    for name, url in urls_for(rich_partnership, ids):
        names.add(name)
        get = client.get(url)
        body = get.content.decode()
        if name in PUBLIC:
            assert get.status_code == 200, url
        else:
            assert get.status_code in {404, 405}, f"GET {url} ({name}) answered {get.status_code}"
        assert not any(secret in body for secret in SECRETS), f"GET {url} shows personal data of A"
        post = client.post(url, {"name": "x", "role": "partner", "version": 1, "school": ids[0], "person": ids[0]})
        if name not in PUBLIC:
            assert post.status_code in {404, 405}, f"POST {url} ({name}) answered {post.status_code}"
        requests += 2
    assert snapshot() == before, "an outsider's request changed data"
    assert len(names) >= 30, f"only {len(names)} URL names were walked: {sorted(names)}"
    assert requests > 200


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in_and_sees_nothing(client, rich_partnership):
    ids = tenant_ids(rich_partnership)
    before = snapshot()
    for name, url in urls_for(rich_partnership, ids[:5]):
        get = client.get(url)
        if name in PUBLIC:
            assert get.status_code == 200
        else:
            assert get.status_code in {302, 405}, f"GET {url} answered {get.status_code}"
            if get.status_code == 302:
                assert get["Location"].startswith(reverse("accounts:login"))
        assert not any(secret in get.content.decode() for secret in SECRETS)
        post = client.post(url, {"name": "x"})
        assert post.status_code in {302, 403, 404, 405} if name not in PUBLIC else True
    assert snapshot() == before


@pytest.mark.django_db
def test_public_profile_shows_no_people(client, rich_partnership):
    response = client.get(reverse("registry:profile", args=[rich_partnership.slug]))
    assert response.status_code == 200
    assert "Obs De Wilgen" in response.content.decode()  # the school is public information
    assert not any(secret in response.content.decode() for secret in SECRETS)
