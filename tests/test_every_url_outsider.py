"""Walk every URL of the project as a user of another partnership (and as an anonymous visitor):
nothing of partnership A may be shown or changed.

URLs are found by walking the resolver, so views added later are covered without editing this test.
URL arguments follow one convention (docs/conventions.md): `slug` is the partnership, `pk` and
`item_pk` are object ids. Each module adds its own rows to partnership A through its `tests/walk.py`
(see `module_walks` below and docs/conventions.md). Three walks:

1. the outsider (programme lead of B) on A's URLs, with the id of every row of A: 404 (or 405 for
   POST-only views), no names of A in the page, and not one row of the database changed;
2. the outsider on B's own URLs with A's ids (the classic "change the number in the address" attack):
   nothing of A shown, nothing of A changed, no row of B made to point at a row of A;
3. an anonymous visitor on A's URLs: sent to sign in (or 404), never a page with A's data.

Public pages (`directory`, `profile`) answer everyone, but never with personal data.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, UUIDConverter

from samenopleiden.core import history
from samenopleiden.core.access import Level, build_context
from samenopleiden.core.imports import stash
from samenopleiden.core.models import PendingImport
from samenopleiden.core.modules import hooks, platform_apps
from samenopleiden.registry.models import Cluster, Role
from samenopleiden.registry.tests.factories import (
    BodyFactory,
    ClusterFactory,
    CredentialFactory,
    InstituteFactory,
    MembershipFactory,
    PersonFactory,
    RoleAssignmentFactory,
    SchoolBoardFactory,
    SchoolFactory,
    UserFactory,
)

SKIP_NAMESPACES = {"admin"}
SKIP_ROUTES = ("i18n/", "platformbeheer/", "static/", "media/", "__debug__/")
PUBLIC = {"registry:directory", "registry:profile"}
TENANT_APPS = {name.rsplit(".", 1)[-1] for name in platform_apps()} - {"accounts"}
CONVENTION = {"slug", "pk", "item_pk"}


@pytest.fixture(autouse=True)
def empty_cache():
    """Sign-in attempts made by the walk are counted in the cache; leave nothing for other tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def quiet_not_found():
    """Thousands of expected 404s: do not log a warning for each."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


# --- finding every URL ----------------------------------------------------------------------------


def walk(resolver: URLResolver, namespace: str | None = None, prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    """Every named URL pattern below `resolver`, as (namespaced name, pattern)."""
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(SKIP_ROUTES):
            continue
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIP_NAMESPACES:
                continue
            ns = ":".join(n for n in (namespace, entry.namespace) if n) or None
            yield from walk(entry, ns, route)
        elif isinstance(entry, URLPattern):
            assert entry.name, f"URL {route!r} has no name, so no test can reach it"
            yield (f"{namespace}:{entry.name}" if namespace else entry.name), entry


def all_patterns() -> list[tuple[str, URLPattern]]:
    return list(walk(get_resolver()))


def id_pairs(pks: list[int], item_pks: list[int]) -> list[tuple[int, int]]:
    """Every pk with a few item_pks and every item_pk with a few pks: each id is tried in each place
    without the full product (which would be thousands of requests)."""
    pairs = {(pk, item) for pk in pks for item in item_pks[:2]} | {(pk, item) for pk in pks[:2] for item in item_pks}
    return sorted(pairs)


def urls_for(partnership, ids: list[int], *, item_ids: list[int] | None = None) -> Iterator[tuple[str, str]]:
    """(name, url) for every URL of a partnership's pages (those with a `slug`), filled with `ids`."""
    for name, pattern in all_patterns():
        keys = set(pattern.pattern.converters)
        if "slug" not in keys:
            continue
        assert keys <= CONVENTION, f"{name} uses an argument outside the convention: {sorted(keys - CONVENTION)}"
        if "item_pk" in keys:
            combos = [{"pk": pk, "item_pk": item} for pk, item in id_pairs(ids, item_ids or ids)]
        elif "pk" in keys:
            combos = [{"pk": pk} for pk in ids]
        else:
            combos = [{}]
        for kwargs in combos:
            yield name, reverse(name, kwargs={"slug": partnership.slug, **kwargs})


def other_urls(ids: list[int]) -> Iterator[tuple[str, str]]:
    """(name, url) for every URL without a partnership slug (start page, sign-in pages, public list...)."""
    for name, pattern in all_patterns():
        converters = pattern.pattern.converters
        if "slug" in converters:
            continue
        choices = []
        for key, converter in converters.items():
            if isinstance(converter, IntConverter):
                choices.append([(key, i) for i in ids])
            elif isinstance(converter, UUIDConverter):
                choices.append([(key, "00000000-0000-0000-0000-000000000001")])
            else:
                choices.append([(key, "MQ")])
        for combo in itertools.product(*choices):
            yield name, reverse(name, kwargs=dict(combo))


# --- partnership A, rich, and B ---------------------------------------------------------------------


def module_walks() -> list[Any]:
    """Each module's `tests/walk.py`. It may define:

    - `populate(partnership, *, next_id, lead, educator)`: add rows of every kind the module has to A, each
      with `id=next_id()` (ids no other table uses) and a secret word ("Geheim...") in its names;
    - `secrets(partnership)` / `personal_secrets(partnership)`: strings only A's users may see (the second:
      personal data, which not even a public page may show);
    - `plausible_fields(partnership)`: form values that would be valid for the module's forms on A;
    - `owned_rows(partnership)`: (model label, pk) of A's rows that carry no `partnership` field themselves.
    """
    return hooks("tests.walk")


@pytest.fixture
def rich_partnership(partnership, cluster, school, board, programme_lead, reader, educator):
    """Partnership A with a row of every kind, and a secret string in every name.

    The rows made here get ids of their own (7001 and up), used by no other table, so that a walk
    with another partnership's slug can tell "A's row" from "B's row with the same number"."""
    ids = itertools.count(7001)
    second_school = SchoolFactory(id=next(ids), board=board, name="Cbs Geheimschool", brin="34CD")
    MembershipFactory(id=next(ids), partnership=partnership, school=school)
    MembershipFactory(id=next(ids), partnership=partnership, school=second_school, role="aspirant")
    institute = InstituteFactory(id=next(ids), code="geheiminst", name="Geheime Pabo")
    MembershipFactory(id=next(ids), partnership=partnership, institute=institute)
    secret_cluster = ClusterFactory(id=next(ids), partnership=partnership, board=board, name="Geheimcluster Noord")
    Cluster.schools.through.objects.create(id=next(ids), cluster=secret_cluster, school=second_school)
    person = PersonFactory(
        id=next(ids),
        partnership=partnership,
        first_name="Geheimvoornaam",
        last_name="Geheimachternaam",
        email="geheim@example.org",
        school=school,
        user=UserFactory(id=next(ids), username="geheimegebruiker"),
    )
    RoleAssignmentFactory(id=next(ids), person=person, role=Role.WORKPLACE_SUPERVISOR, cluster=cluster)
    RoleAssignmentFactory(id=next(ids), person=person, role=Role.ASSESSOR, cluster=secret_cluster)
    CredentialFactory(id=next(ids), person=person, expires_on=dt.date.today() + dt.timedelta(days=10))
    CredentialFactory(id=next(ids), person=person, kind="assessor", obtained_on=dt.date(2022, 1, 1))
    body = BodyFactory(id=next(ids), partnership=partnership, name="Geheime stuurgroep")
    body.seats.create(id=next(ids), person=person, seat_role="chair")
    body.seats.create(id=next(ids), person=programme_lead, seat_role="secretary")
    partnership.role_names.create(id=next(ids), role=Role.WORKPLACE_SUPERVISOR, local_name="Geheime mentor")
    for module in module_walks():
        if hasattr(module, "populate"):
            module.populate(partnership, next_id=lambda: next(ids), lead=programme_lead, educator=educator)
    history.record(actor=programme_lead.user, obj=person, action="created")
    history.record(actor=programme_lead.user, obj=body, action="changed", changes={"name": ["a", "b"]})
    people_csv = b"voornaam;achternaam;e-mail\nIngevoegd;Persoon;ingevoegd@example.org\n"
    for kind, data in [("people", people_csv), ("schools", b"x")]:
        pending = stash(kind=kind, data=data, filename=f"{kind}.csv", user=programme_lead.user, partnership=partnership)
        PendingImport.objects.filter(pk=pending.pk).update(id=next(ids))
    return partnership


@pytest.fixture
def partnership_b(other_partnership, outsider):
    """B: the outsider's own partnership, with a few rows of its own."""
    board = SchoolBoardFactory(name="Stichting Elders")
    MembershipFactory(partnership=other_partnership, board=board)
    cluster = ClusterFactory(partnership=other_partnership, board=board, name="Cluster Elders")
    school = SchoolFactory(board=board, name="Obs Elders", brin="56EF")
    MembershipFactory(partnership=other_partnership, school=school)
    cluster.schools.add(school)
    colleague = PersonFactory(partnership=other_partnership, first_name="Collega", last_name="Elders")
    RoleAssignmentFactory(person=colleague, role=Role.SCHOOL_TEACHER_EDUCATOR, cluster=cluster)
    BodyFactory(partnership=other_partnership, name="Stuurgroep Elders").seats.create(person=colleague)
    return other_partnership


def tenant_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models(include_auto_created=True) if m._meta.app_label in TENANT_APPS]


def tenant_ids(partnership) -> list[int]:
    """The id of every row of the partnership (and of the boards, schools and institutes it works with)."""
    return sorted({pk for _, pk in owned_rows(partnership, shared=True) if pk})


def owned_rows(partnership, *, shared: bool) -> set[tuple[str, Any]]:
    """(model label, pk) of every row that belongs to `partnership`; with `shared`, also the boards,
    schools and institutes it works with (shared reference rows)."""
    rows: set[tuple[str, Any]] = {(partnership._meta.label, partnership.pk)}
    for model in tenant_models():
        fields = {f.name for f in model._meta.concrete_fields}
        if "partnership" in fields:
            rows |= {
                (model._meta.label, pk)
                for pk in model._default_manager.filter(partnership=partnership).values_list("pk", flat=True)
            }
    clusters = partnership.clusters.all()
    through = clusters.model.schools.through
    rows |= {
        (through._meta.label, pk) for pk in through.objects.filter(cluster__in=clusters).values_list("pk", flat=True)
    }
    seats = apps.get_model("registry", "BodySeat").objects.filter(body__partnership=partnership)
    rows |= {("registry.BodySeat", pk) for pk in seats.values_list("pk", flat=True)}
    regions = partnership.regions.through.objects.filter(partnership=partnership)
    rows |= {(regions.model._meta.label, pk) for pk in regions.values_list("pk", flat=True)}
    for module in module_walks():
        if hasattr(module, "owned_rows"):
            rows |= set(module.owned_rows(partnership))
    users = partnership.people.exclude(user=None).values_list("user_id", flat=True)
    rows |= {("auth.User", pk) for pk in users}
    if shared:
        memberships = partnership.memberships.all()
        schools = set(memberships.values_list("school_id", flat=True)) | set(clusters.values_list("schools", flat=True))
        boards = set(memberships.values_list("board_id", flat=True)) | set(clusters.values_list("board_id", flat=True))
        rows |= {("registry.School", pk) for pk in schools if pk}
        rows |= {("registry.SchoolBoard", pk) for pk in boards if pk}
        rows |= {("registry.Institute", pk) for pk in memberships.values_list("institute_id", flat=True) if pk}
    return rows


# --- what the database holds, row by row -------------------------------------------------------------


def dump() -> dict[str, dict[Any, tuple]]:
    """Every row of every registry and core table (and the users), so that any change shows."""
    result = {}
    for model in [*tenant_models(), apps.get_model("auth", "User")]:
        names = [f.attname for f in model._meta.concrete_fields if f.name != "last_login"]
        result[model._meta.label] = {row[0]: row for row in model._default_manager.values_list("pk", *names)}
    return result


def changed_rows(before: dict, after: dict) -> list[tuple[str, Any, str]]:
    """(label, pk, 'added'|'removed'|'changed') for every row that differs."""
    out = []
    for label in before:
        old, new = before[label], after[label]
        out += [(label, pk, "removed") for pk in old.keys() - new.keys()]
        out += [(label, pk, "added") for pk in new.keys() - old.keys()]
        out += [(label, pk, "changed") for pk in old.keys() & new.keys() if old[pk] != new[pk]]
    return out


def points_into(label: str, row: tuple, owned: set[tuple[str, Any]]) -> bool:
    """Whether the row (as dumped) refers to one of the `owned` rows through a foreign key."""
    model = apps.get_model(label)
    names = [f for f in model._meta.concrete_fields if f.name != "last_login"]
    for field, value in zip(names, row[1:], strict=True):
        if field.is_relation and value is not None and (field.related_model._meta.label, value) in owned:
            return True
    return False


# --- requests -----------------------------------------------------------------------------------------


def plausible_data(a) -> Callable[..., dict[str, Any]]:
    """Form data that would be valid for A's forms: had a view forgotten to check access, it would
    really change something (and the snapshot would show it). Each call gives a fresh upload file."""
    fields = _plausible_fields(a)

    def data(**own: Any) -> dict[str, Any]:
        file = SimpleUploadedFile("mensen.csv", b"voornaam;achternaam\nInbreker;Inbreker\n", "text/csv")
        return {**fields, "file": file, **own}

    return data


def _plausible_fields(a) -> dict[str, Any]:
    person = a.people.order_by("pk").first()
    cluster = a.clusters.order_by("pk").first()
    school = cluster.schools.order_by("pk").first()
    fields: dict[str, Any] = {}
    for module in module_walks():
        if hasattr(module, "plausible_fields"):
            fields |= module.plausible_fields(a)
    return {
        **fields,
        "version": 1,
        "name": "Overgenomen",
        "short_name": "Overgenomen",
        "first_name": "Inbreker",
        "last_name": "Inbreker",
        "email": "inbreker@example.org",
        "role": "programme_lead",
        "seat_role": "member",
        "kind": "brlo",
        "person": person.pk,
        "school": school.pk,
        "cluster": cluster.pk,
        "board": cluster.board_id,
        "existing": cluster.board_id,
        "institute": a.memberships.exclude(institute=None).values_list("institute_id", flat=True).first(),
        "target_places": 12,
        "start_date": "2024-08-01",
        "end_date": "2024-08-02",
        "obtained_on": "2024-01-01",
        "expires_on": "2030-01-01",
        "brin": "78GH",
        "branch_code": "00",
        "sector": "po",
        "sector_po": "on",
        "status": "erkend",
        "recognised_since": "2019-01-01",
        "max_schools_per_cluster": 4,
        "description": "Overgenomen",
        "confirm": "1",
        "sha256": "x",
    }


def secrets_of(partnership, *, people_only: bool) -> list[str]:
    """Names that only A's own users may see: its people (always), and its schools, clusters and bodies."""
    found = []
    for first, last, email in partnership.people.values_list("first_name", "last_name", "email"):
        found += [f"{first} {last}", email] if email else [f"{first} {last}"]
    for module in module_walks():
        if hasattr(module, "personal_secrets"):
            found += module.personal_secrets(partnership)
        if not people_only and hasattr(module, "secrets"):
            found += module.secrets(partnership)
    if not people_only:
        found += list(partnership.clusters.values_list("name", flat=True))
        found += list(partnership.bodies.values_list("name", flat=True))
        found += list(partnership.role_names.values_list("local_name", flat=True))
        found += ["Obs De Wilgen", "Cbs Geheimschool", "Geheime Pabo"]
    return found


def shown(body: str, secrets: list[str]) -> list[str]:
    return [s for s in secrets if s in body]


def keep_signed_in(client: Client, user) -> None:
    """Some URLs (signing out) end the session; the walk goes on as the same user."""
    if "_auth_user_id" not in client.session:
        client.force_login(user)


# --- the walks ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_outsider_sees_and_changes_nothing_of_another_partnership(rich_partnership, partnership_b, outsider):
    a = rich_partnership
    client = Client(raise_request_exception=True)
    client.force_login(outsider.user)
    ids = tenant_ids(a)
    all_secrets, people = secrets_of(a, people_only=False), secrets_of(a, people_only=True)
    assert len(ids) >= 10 and len(all_secrets) >= 10
    before = dump()
    data = plausible_data(a)
    names, requests = set(), 0
    for name, group in itertools.groupby(urls_for(a, ids), key=lambda pair: pair[0]):
        names.add(name)
        for _, url in group:
            get = client.get(url)
            body = get.content.decode(errors="replace")
            if name in PUBLIC:
                assert get.status_code == 200, url
                assert not shown(body, people), f"GET {url} ({name}) shows personal data of A: {shown(body, people)}"
            else:
                assert get.status_code in {404, 405}, f"GET {url} ({name}) answered {get.status_code}"
                assert not shown(body, all_secrets), f"GET {url} ({name}) shows A's data: {shown(body, all_secrets)}"
            post = client.post(url, data())
            if name not in PUBLIC:
                assert post.status_code in {404, 405}, f"POST {url} ({name}) answered {post.status_code}"
            assert not shown(post.content.decode(errors="replace"), all_secrets if name not in PUBLIC else people)
            requests += 2
        diff = changed_rows(before, dump())
        assert not diff, f"the outsider's requests to {name} changed: {diff}"
    assert len(names) >= 30, f"only {len(names)} URL names were walked: {sorted(names)}"
    assert requests > 500

    # the URLs without a partnership (start page, sign-in pages, public list): nothing of A either
    other = 0
    for name, url in other_urls(ids):
        keep_signed_in(client, outsider.user)
        body = client.get(url).content.decode(errors="replace")
        assert not shown(body, people), f"GET {url} ({name}) shows personal data of A: {shown(body, people)}"
        keep_signed_in(client, outsider.user)
        client.post(url, data(username="lead", password="x"))
        other += 1
    assert other >= 5
    assert not changed_rows(before, dump()), "a request without a partnership changed data"


@pytest.mark.django_db
def test_outsider_cannot_reach_rows_of_another_partnership_through_their_own(rich_partnership, partnership_b, outsider):
    """/beheer/<B>/mensen/<id of A's person>/ and the like: B's lead may use B's pages, never A's rows."""
    a, b = rich_partnership, partnership_b
    client = Client(raise_request_exception=True)
    client.force_login(outsider.user)
    b_ids = {pk for _, pk in owned_rows(b, shared=True)}
    a_ids = [pk for pk in tenant_ids(a) if pk not in b_ids]  # ids that can only mean a row of A
    own_ids = sorted(  # B's own parents for nested rows; never B's own lead: the walk must keep its access
        {*b.clusters.values_list("pk", flat=True), *b.bodies.values_list("pk", flat=True)}
        | set(b.people.exclude(pk=outsider.pk).values_list("pk", flat=True))
    )
    assert len(a_ids) >= 5, "A needs rows whose ids B does not use"
    people = secrets_of(a, people_only=True)
    strict, shared = owned_rows(a, shared=False), owned_rows(a, shared=True)
    before = dump()
    data = plausible_data(a)
    reached_b = names = 0
    for name, group in itertools.groupby(urls_for(b, a_ids, item_ids=a_ids), key=lambda pair: pair[0]):
        names += 1
        for _, url in group:
            get = client.get(url)
            reached_b += get.status_code == 200
            assert not shown(get.content.decode(errors="replace"), people), f"GET {url} ({name}) shows A's people"
            client.post(url, data())
        after = dump()
        for label, pk, change in changed_rows(before, after):
            row = after[label].get(pk) or before[label][pk]
            assert (label, pk) not in shared, f"{name}: B's lead {change} {label} {pk} of A"
            assert not points_into(label, row, strict), f"{name}: B's lead made {label} {pk} point at a row of A"
    # nested rows: B's own object in the address, A's row as the item
    two_arg = [n for n, p in all_patterns() if {"slug", "pk", "item_pk"} <= set(p.pattern.converters)]
    for name in two_arg:
        for pk, item in itertools.product(own_ids, a_ids):
            url = reverse(name, kwargs={"slug": b.slug, "pk": pk, "item_pk": item})
            post = client.post(url, data())
            # 404; or back to B's own page with a notice that the item is not (or no longer) there
            assert post.status_code in {302, 404, 405}, f"POST {url} ({name}) answered {post.status_code}"
            if post.status_code == 302:
                assert post["Location"].startswith(f"/beheer/{b.slug}/"), f"POST {url} went to {post['Location']}"
    after = dump()
    for label, pk, change in changed_rows(before, after):
        assert (label, pk) not in shared, f"B's lead {change} {label} {pk} of A"
    assert names >= 30
    assert reached_b > 0, "B's own pages never answered: the walk proved nothing"
    assert build_context(outsider.user).level(b) == Level.LEAD


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in_and_sees_nothing(rich_partnership):
    a = rich_partnership
    client = Client(raise_request_exception=True)
    ids = tenant_ids(a)
    all_secrets, people = secrets_of(a, people_only=False), secrets_of(a, people_only=True)
    before = dump()
    data = plausible_data(a)
    login = reverse("accounts:login")
    names = set()
    for name, url in urls_for(a, ids[:8]):
        names.add(name)
        get = client.get(url)
        body = get.content.decode(errors="replace")
        if name in PUBLIC:
            assert get.status_code == 200
            assert not shown(body, people)
        else:
            assert get.status_code in {302, 404, 405}, f"GET {url} ({name}) answered {get.status_code}"
            if get.status_code == 302:
                assert get["Location"].startswith(login), f"GET {url} redirects to {get['Location']}"
            assert not shown(body, all_secrets)
        post = client.post(url, data())
        if name not in PUBLIC:
            assert post.status_code in {302, 403, 404, 405}, f"POST {url} ({name}) answered {post.status_code}"
            if post.status_code == 302:
                assert post["Location"].startswith(login)
    for name, url in other_urls(ids[:3]):
        assert not shown(client.get(url).content.decode(errors="replace"), people), f"GET {url} ({name})"
    assert len(names) >= 30
    assert not changed_rows(before, dump()), "an anonymous request changed data"


@pytest.mark.django_db
def test_public_profile_shows_no_people(client, rich_partnership):
    response = client.get(reverse("registry:profile", args=[rich_partnership.slug]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Obs De Wilgen" in body  # the school is public information
    assert not shown(body, secrets_of(rich_partnership, people_only=True))


@pytest.mark.django_db
def test_the_walk_finds_the_views_by_itself(rich_partnership):
    """The walk does not depend on a list kept by hand: every conventional view is found."""
    found = {name for name, _ in urls_for(rich_partnership, [1])}
    for expected in ["registry:dashboard", "registry:person_detail", "registry:body_seat_remove", "registry:history"]:
        assert expected in found
    assert not any(name.startswith("admin:") for name, _ in all_patterns())
