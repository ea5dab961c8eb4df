import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samenopleiden.core import history
from samenopleiden.registry.models import Role
from samenopleiden.registry.tests.factories import (
    ClusterFactory,
    CredentialFactory,
    PersonFactory,
    RoleAssignmentFactory,
    SchoolFactory,
)


def test_dashboard_flags_clusters_without_schoolopleider_and_expiring_credentials(
    client, programme_lead, partnership, cluster, board
):
    today = timezone.localdate()
    bare = ClusterFactory(partnership=partnership, board=board, name="Cluster Zonder")
    so = PersonFactory(partnership=partnership, first_name="Sanne")
    RoleAssignmentFactory(person=so, role=Role.SCHOOL_TEACHER_EDUCATOR, cluster=cluster)
    CredentialFactory(person=so, kind="brlo", expires_on=today + dt.timedelta(days=80))
    later = PersonFactory(partnership=partnership, first_name="Later")
    CredentialFactory(person=later, kind="brlo", expires_on=today + dt.timedelta(days=130))
    client.force_login(programme_lead.user)
    response = client.get(reverse("registry:dashboard", args=[partnership.slug]))
    assert response.status_code == 200
    assert [c.name for c in response.context["clusters_without_so"]] == [bare.name]
    assert [c.person.first_name for c in response.context["expiring"]] == ["Sanne"]
    assert response.context["counts"]["boards"] == 1


def test_dashboard_uses_local_role_names(client, programme_lead, partnership):
    partnership.role_names.create(role=Role.PROGRAMME_LEAD, local_name="Programmacoördinator")
    client.force_login(programme_lead.user)
    response = client.get(reverse("registry:dashboard", args=[partnership.slug]))
    assert ("Programmacoördinator", 1) in response.context["per_role"]


def test_educator_sees_own_cluster_and_no_totals(client, educator, partnership, cluster, board):
    ClusterFactory(partnership=partnership, board=board, name="Andere cluster")
    client.force_login(educator.user)
    response = client.get(reverse("registry:dashboard", args=[partnership.slug]))
    assert response.context["counts"] is None
    assert [c.name for c in response.context["my_clusters"]] == [cluster.name]
    assert "Andere cluster" not in response.content.decode()
    assert "history" not in response.context


def test_dashboard_outsider_404_anonymous_to_login(client, outsider, partnership):
    url = reverse("registry:dashboard", args=[partnership.slug])
    assert client.get(url).status_code == 302
    client.force_login(outsider.user)
    assert client.get(url).status_code == 404


def test_dashboard_query_count_is_flat(client, programme_lead, partnership, board):
    """The same number of queries with one cluster or twenty-one (clusters, schools, people, credentials), and a
    ceiling: the registry's figures and a card or two of each module."""
    client.force_login(programme_lead.user)
    url = reverse("registry:dashboard", args=[partnership.slug])

    def add_cluster() -> None:
        c = ClusterFactory(partnership=partnership, board=board)
        c.schools.add(SchoolFactory(board=board))
        p = PersonFactory(partnership=partnership)
        RoleAssignmentFactory(person=p, role=Role.WORKPLACE_SUPERVISOR, cluster=c)
        CredentialFactory(person=p, expires_on=timezone.localdate())

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    add_cluster()
    client.get(url)
    before = queries()
    for _ in range(20):
        add_cluster()
    assert queries() == before
    assert before <= 40


def test_history_for_lead_only(client, programme_lead, reader, outsider, partnership):
    history.record(actor=programme_lead.user, obj=partnership, action="changed", changes={"name": ["a", "b"]})
    url = reverse("registry:history", args=[partnership.slug])
    client.force_login(programme_lead.user)
    response = client.get(url)
    assert response.status_code == 200 and "a → b" in response.content.decode()
    client.force_login(reader.user)
    assert client.get(url).status_code == 403
    client.force_login(outsider.user)
    assert client.get(url).status_code == 404


pytestmark = pytest.mark.django_db
