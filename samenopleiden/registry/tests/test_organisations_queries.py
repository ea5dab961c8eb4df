"""The cluster and school lists take the same number of queries for 3 rows as for 15."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenopleiden.registry.models import Partnership, SchoolBoard
from samenopleiden.registry.tests.factories import (
    ClusterFactory,
    MembershipFactory,
    PersonFactory,
    RoleAssignmentFactory,
    SchoolBoardFactory,
    SchoolFactory,
)

pytestmark = pytest.mark.django_db


def add_clusters(partnership: Partnership, n: int) -> None:
    for _ in range(n):
        board = SchoolBoardFactory()
        MembershipFactory(partnership=partnership, board=board)
        cluster = ClusterFactory(partnership=partnership, board=board)
        for _ in range(2):
            school = SchoolFactory(board=board)
            MembershipFactory(partnership=partnership, school=school)
            cluster.schools.add(school)
        for role in ("school_teacher_educator", "institute_teacher_educator"):
            RoleAssignmentFactory(person=PersonFactory(partnership=partnership), role=role, cluster=cluster)


def add_schools(partnership: Partnership, board: SchoolBoard, n: int) -> None:
    cluster = ClusterFactory(partnership=partnership, board=board)
    for _ in range(n):
        school = SchoolFactory(board=SchoolBoardFactory())
        MembershipFactory(partnership=partnership, school=school, role="satellite")
        cluster.schools.add(school)


def count_queries(client, address: str, expected_rows: int, key: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    rows = response.context[key]
    assert len(rows.object_list if hasattr(rows, "object_list") else rows) == expected_rows
    return len(queries)


def test_clusters_list_queries_stay_flat(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    address = reverse("registry:clusters", args=[partnership.slug])
    add_clusters(partnership, 3)
    few = count_queries(client, address, 3, "rows")
    add_clusters(partnership, 12)
    many = count_queries(client, address, 15, "rows")
    assert many == few
    assert few <= 12


def test_schools_list_queries_stay_flat(client, programme_lead, partnership, board):
    client.force_login(programme_lead.user)
    address = reverse("registry:schools", args=[partnership.slug])
    add_schools(partnership, board, 3)
    few = count_queries(client, address, 3, "page")
    add_schools(partnership, board, 12)
    many = count_queries(client, address, 15, "page")
    assert many == few
    assert few <= 12


def test_boards_list_queries_stay_flat(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    address = reverse("registry:boards", args=[partnership.slug])
    add_clusters(partnership, 3)
    few = count_queries(client, address, 3, "rows")
    add_clusters(partnership, 12)
    many = count_queries(client, address, 15, "rows")
    assert many == few
