"""The people and body pages take the same number of queries for few rows as for many, and the
`role_label` filter asks nothing of the database per row."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenopleiden.registry.models import LocalRoleName, Partnership, Role
from samenopleiden.registry.selectors.people import add_months, credential_status, role_labels
from samenopleiden.registry.tests.factories import (
    BodyFactory,
    ClusterFactory,
    CredentialFactory,
    PersonFactory,
    RoleAssignmentFactory,
)

pytestmark = pytest.mark.django_db


def add_people(partnership: Partnership, cluster, n: int) -> None:
    for _ in range(n):
        person = PersonFactory(partnership=partnership)
        RoleAssignmentFactory(person=person, role=Role.WORKPLACE_SUPERVISOR, cluster=cluster)
        RoleAssignmentFactory(person=person, role=Role.ASSESSOR, cluster=None)


def count(client, url: str, params: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params or {}).status_code == 200
    return len(queries)


@pytest.mark.parametrize("persona", ["programme_lead", "educator"])
def test_people_list_queries_stay_flat(client, request, partnership, cluster, persona):
    user = request.getfixturevalue(persona).user
    LocalRoleName.objects.create(partnership=partnership, role=Role.ASSESSOR, local_name="Beoordelaar")
    client.force_login(user)
    url = reverse("registry:people", args=[partnership.slug])
    add_people(partnership, cluster, 3)
    few = count(client, url)
    add_people(partnership, cluster, 30)
    many = count(client, url)
    assert many == few
    assert count(client, url, {"rol": Role.ASSESSOR, "cluster": cluster.pk, "q": "anne"}) <= few


def test_person_detail_queries_stay_flat(client, programme_lead, partnership, cluster, board):
    person = PersonFactory(partnership=partnership)
    client.force_login(programme_lead.user)
    url = reverse("registry:person_detail", args=[partnership.slug, person.pk])

    def add_rows(n: int) -> None:
        for _ in range(n):
            other_cluster = ClusterFactory(partnership=partnership, board=board)
            RoleAssignmentFactory(person=person, role=Role.SCHOOL_TEACHER_EDUCATOR, cluster=other_cluster)
            CredentialFactory(person=person, expires_on=dt.date(2030, 1, 1))
            BodyFactory(partnership=partnership).seats.create(person=person)

    add_rows(1)
    few = count(client, url)
    add_rows(10)
    assert count(client, url) == few


def test_bodies_list_queries_stay_flat(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    url = reverse("registry:bodies", args=[partnership.slug])

    def add_bodies(n: int) -> None:
        for _ in range(n):
            body = BodyFactory(partnership=partnership)
            for seat_role in ("chair", "member"):
                body.seats.create(person=PersonFactory(partnership=partnership), seat_role=seat_role)

    add_bodies(2)
    few = count(client, url)
    add_bodies(12)
    assert count(client, url) == few


def test_role_label_filter_uses_local_names_without_queries_per_row(partnership, django_assert_num_queries):
    LocalRoleName.objects.create(partnership=partnership, role=Role.WORKPLACE_SUPERVISOR, local_name="Mentor")
    template = Template(
        "{% load registry_tags %}{% for r in roles %}{{ r|role_label:labels }}/{{ r|role_label:partnership }};"
        "{% endfor %}"
    )
    roles = [Role.WORKPLACE_SUPERVISOR, Role.SCHOOL_TEACHER_EDUCATOR] * 20
    with django_assert_num_queries(1):  # role_labels, once
        labels = role_labels(partnership)
    with django_assert_num_queries(1):  # the partnership's labels, read once for all rows
        html = template.render(Context({"roles": roles, "labels": labels, "partnership": partnership}))
    assert html.startswith("Mentor/Mentor;schoolopleider/schoolopleider;")
    with django_assert_num_queries(0):
        assert Template("{% load registry_tags %}{{ r|role_label }}").render(Context({"r": "assessor"})) == "assessor"
        assert (
            Template("{% load registry_tags %}{{ r|role_label:labels }}").render(
                Context({"r": Role.PROGRAMME_LEAD, "labels": {}})
            )
            == "programmaleider"
        )


@pytest.mark.parametrize(
    ("expires_on", "status"),
    [
        (None, ""),
        (dt.date(2026, 3, 14), "expired"),
        (dt.date(2026, 3, 15), "expiring"),
        (dt.date(2026, 6, 15), "expiring"),
        (dt.date(2026, 6, 16), ""),
    ],
)
def test_credential_status_flags_expired_and_within_three_months(expires_on, status):
    assert credential_status(expires_on, today=dt.date(2026, 3, 15)) == status


def test_add_months_clamps_to_the_end_of_the_month():
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
