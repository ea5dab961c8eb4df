import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samenopleiden.core import access
from samenopleiden.core.access import Level, Perm


@pytest.mark.django_db
def test_levels_follow_roles(programme_lead, reader, educator, outsider, partnership, other_partnership):
    assert access.build_context(programme_lead.user).level(partnership) == Level.LEAD
    assert access.build_context(reader.user).level(partnership) == Level.READER
    assert access.build_context(educator.user).level(partnership) == Level.EDUCATOR
    assert access.build_context(outsider.user).level(partnership) is None
    assert access.build_context(outsider.user).level(other_partnership) == Level.LEAD


@pytest.mark.django_db
def test_partnership_for_outsider_is_404_and_reader_cannot_change(outsider, reader, partnership):
    with pytest.raises(Http404):
        access.partnership_for(access.build_context(outsider.user), partnership.slug)
    ctx = access.build_context(reader.user)
    assert access.partnership_for(ctx, partnership.slug) == partnership
    with pytest.raises(PermissionDenied):
        access.partnership_for(ctx, partnership.slug, Perm.CHANGE)


@pytest.mark.django_db
def test_educator_sees_only_own_cluster(educator, cluster, partnership):
    from samenopleiden.registry.tests.factories import ClusterFactory

    other = ClusterFactory(partnership=partnership, board=cluster.board)
    ctx = access.build_context(educator.user)
    assert list(access.clusters_visible(ctx, partnership)) == [cluster]
    with pytest.raises(Http404):
        access.cluster_for(ctx, partnership, other.pk)


@pytest.mark.django_db
def test_ended_role_gives_no_access(programme_lead, partnership):
    import datetime as dt

    programme_lead.roles.update(end_date=dt.date(2000, 1, 1))
    assert access.build_context(programme_lead.user).level(partnership) is None
