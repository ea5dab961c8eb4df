"""Rules of the organisation services, against the real database."""

from __future__ import annotations

import datetime as dt

import pytest

from samenopleiden.core.errors import DomainError, StaleObjectError
from samenopleiden.core.models import HistoryEntry
from samenopleiden.registry.models import Cluster, Membership, Partnership, Region, School, SchoolBoard
from samenopleiden.registry.services import organisations as services
from samenopleiden.registry.tests.factories import (
    InstituteFactory,
    MembershipFactory,
    PartnershipFactory,
    RegionFactory,
    SchoolBoardFactory,
    SchoolFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor(db):
    return UserFactory(username="actor")


def _member_school(partnership: Partnership, board: SchoolBoard, **kwargs) -> School:
    school = SchoolFactory(board=board, **kwargs)
    MembershipFactory(partnership=partnership, school=school)
    return school


# --- clusters ----------------------------------------------------------------------------------------


def test_cluster_add_school_of_another_board_is_refused(partnership, cluster, actor):
    other_board = SchoolBoardFactory(name="Stichting Elders")
    MembershipFactory(partnership=partnership, board=other_board)
    stranger = _member_school(partnership, other_board, name="Cbs De Bron")

    with pytest.raises(DomainError, match="alleen scholen van één bestuur"):
        services.cluster_add_school(cluster=cluster, school=stranger, actor=actor)

    assert not cluster.schools.filter(pk=stranger.pk).exists()
    assert not HistoryEntry.objects.filter(object_type="cluster", action="linked").exists()


def test_cluster_add_school_stops_at_the_partnership_maximum(partnership, board, cluster, actor):
    partnership.max_schools_per_cluster = 2
    partnership.save()
    second = _member_school(partnership, board)
    third = _member_school(partnership, board)

    services.cluster_add_school(cluster=cluster, school=second, actor=actor)
    with pytest.raises(DomainError, match="maximum van 2 scholen"):
        services.cluster_add_school(cluster=cluster, school=third, actor=actor)

    assert cluster.schools.count() == 2
    assert cluster.schools.filter(pk=second.pk).exists()
    assert not cluster.schools.filter(pk=third.pk).exists()


def test_cluster_add_school_needs_a_member_school(partnership, board, cluster, actor):
    outside = SchoolFactory(board=board, name="Obs Niet Aangesloten")

    with pytest.raises(DomainError, match="doet \\(nog\\) niet mee"):
        services.cluster_add_school(cluster=cluster, school=outside, actor=actor)
    assert not cluster.schools.filter(pk=outside.pk).exists()


def test_cluster_add_school_records_history(partnership, board, cluster, actor):
    school = _member_school(partnership, board, brin="34CD")

    services.cluster_add_school(cluster=cluster, school=school, actor=actor)

    assert cluster.schools.filter(pk=school.pk).exists()
    entry = HistoryEntry.objects.get(object_type="cluster", action="linked")
    assert entry.partnership == partnership
    assert entry.actor == actor
    assert entry.changes == {"school": "34CD00"}


def test_cluster_remove_school(cluster, school, actor):
    services.cluster_remove_school(cluster=cluster, school=school, actor=actor)
    assert cluster.schools.count() == 0
    assert HistoryEntry.objects.filter(object_type="cluster", action="unlinked").count() == 1


def test_cluster_create_needs_a_member_board(partnership, actor):
    stranger = SchoolBoardFactory(name="Stichting Niet Aangesloten")

    with pytest.raises(DomainError, match="partner is van dit partnerschap"):
        services.cluster_create(partnership=partnership, board=stranger, name="Noord", target_places=12, actor=actor)
    assert not Cluster.objects.filter(name="Noord").exists()


def test_cluster_create_refuses_a_duplicate_name(partnership, board, cluster, actor):
    with pytest.raises(DomainError, match="al een cluster"):
        services.cluster_create(partnership=partnership, board=board, name="cluster stad", target_places=8, actor=actor)
    assert partnership.clusters.count() == 1


def test_cluster_update_with_stale_version_changes_nothing(cluster, actor):
    old_version = cluster.version
    services.cluster_update(cluster=cluster, changes={"target_places": 10}, expected_version=old_version, actor=actor)

    with pytest.raises(StaleObjectError):
        services.cluster_update(
            cluster=Cluster.objects.get(pk=cluster.pk),
            changes={"target_places": 3},
            expected_version=old_version,
            actor=actor,
        )
    assert Cluster.objects.get(pk=cluster.pk).target_places == 10


# --- memberships -------------------------------------------------------------------------------------


def test_board_join_refuses_a_second_membership(partnership, board, actor):
    with pytest.raises(DomainError, match="doet al mee"):
        services.board_join(
            partnership=partnership,
            board=board,
            new_board={},
            role="partner",
            start_date=None,
            agreement_signed_on=None,
            actor=actor,
        )
    assert Membership.objects.filter(partnership=partnership, board=board).count() == 1


def test_a_board_may_join_several_partnerships(partnership, board, actor):
    other = PartnershipFactory(name="Partnerschap Drenthe")

    membership = services.board_join(
        partnership=other,
        board=board,
        new_board={},
        role="aspirant",
        start_date=dt.date(2025, 8, 1),
        agreement_signed_on=None,
        actor=actor,
    )

    assert membership.partnership == other
    assert set(board.memberships.values_list("partnership_id", flat=True)) == {partnership.pk, other.pk}
    assert HistoryEntry.objects.filter(partnership=other, object_type="membership", action="created").exists()


def test_board_join_creates_a_new_board(partnership, actor):
    membership = services.board_join(
        partnership=partnership,
        board=None,
        new_board={"name": "Stichting Openbaar Onderwijs", "authority_code": "41234", "city": "Assen"},
        role="partner",
        start_date=None,
        agreement_signed_on=dt.date(2024, 1, 15),
        actor=actor,
    )
    assert membership.board.name == "Stichting Openbaar Onderwijs"
    assert membership.agreement_signed_on == dt.date(2024, 1, 15)


def test_board_join_refuses_a_known_authority_code(partnership, actor):
    SchoolBoardFactory(name="Bestaand", authority_code="41234")
    with pytest.raises(DomainError, match="41234"):
        services.board_join(
            partnership=partnership,
            board=None,
            new_board={"name": "Dubbel", "authority_code": "41234", "city": ""},
            role="partner",
            start_date=None,
            agreement_signed_on=None,
            actor=actor,
        )
    assert not SchoolBoard.objects.filter(name="Dubbel").exists()


def test_school_join_finds_an_existing_school_by_brin(partnership, board, actor):
    duo_school = SchoolFactory(board=board, brin="56EF", branch_code="01", name="Uit DUO")

    membership = services.school_join(
        partnership=partnership,
        brin="56ef",
        branch_code="01",
        new_school={},
        role="satellite",
        start_date=None,
        agreement_signed_on=None,
        actor=actor,
    )
    assert membership.school == duo_school
    assert membership.role == "satellite"


def test_school_join_refuses_an_invalid_brin(partnership, actor):
    with pytest.raises(DomainError, match="twee cijfers en twee hoofdletters"):
        services.school_join(
            partnership=partnership,
            brin="A1",
            branch_code="00",
            new_school={"name": "X"},
            role="partner",
            start_date=None,
            agreement_signed_on=None,
            actor=actor,
        )
    assert not School.objects.filter(name="X").exists()


def test_school_join_unknown_brin_without_name_explains(partnership, actor):
    with pytest.raises(DomainError, match="staat nog niet op het platform"):
        services.school_join(
            partnership=partnership,
            brin="99ZZ",
            branch_code="00",
            new_school={"name": ""},
            role="partner",
            start_date=None,
            agreement_signed_on=None,
            actor=actor,
        )


def test_school_join_refuses_a_school_that_is_already_member(partnership, school, actor):
    MembershipFactory(partnership=partnership, school=school)
    with pytest.raises(DomainError, match="doet al mee"):
        services.school_join(
            partnership=partnership,
            brin=school.brin,
            branch_code=school.branch_code,
            new_school={},
            role="partner",
            start_date=None,
            agreement_signed_on=None,
            actor=actor,
        )


def test_school_join_saves_nothing_half(partnership, board, actor):
    """A new school whose membership turns out invalid is not left behind on its own."""
    with pytest.raises(DomainError):
        services.school_join(
            partnership=partnership,
            brin="77GH",
            branch_code="00",
            new_school={"name": "Nieuwe school", "board": board, "sector": "po"},
            role="no-such-role",
            start_date=None,
            agreement_signed_on=None,
            actor=actor,
        )
    assert not School.objects.filter(brin="77GH").exists()
    assert not HistoryEntry.objects.filter(object_type="school").exists()


def test_a_member_that_left_can_join_again(partnership, school, actor):
    old = MembershipFactory(partnership=partnership, school=school, end_date=dt.date(2024, 7, 31))

    membership = services.school_join(
        partnership=partnership,
        brin=school.brin,
        branch_code=school.branch_code,
        new_school={},
        role="aspirant",
        start_date=dt.date(2025, 8, 1),
        agreement_signed_on=None,
        actor=actor,
    )
    assert membership.pk == old.pk
    assert membership.end_date is None
    assert membership.role == "aspirant"


def test_institute_join_and_programmes(partnership, actor):
    institute = InstituteFactory(name="Hanzehogeschool")
    membership = services.institute_join(
        partnership=partnership,
        institute=institute,
        new_institute={},
        role="partner",
        start_date=None,
        agreement_signed_on=None,
        actor=actor,
    )
    programme = services.programme_add(
        institute=institute, name=" Pabo ", sector="po", partnership=partnership, actor=actor
    )
    assert membership.institute == institute
    assert programme.name == "Pabo"
    with pytest.raises(DomainError, match="staat er al"):
        services.programme_add(institute=institute, name="pabo", sector="po", partnership=partnership, actor=actor)
    services.programme_remove(programme=programme, partnership=partnership, actor=actor)
    assert institute.programmes.count() == 0


def test_membership_end_sets_the_end_date_and_keeps_the_row(partnership, school, actor):
    membership = MembershipFactory(partnership=partnership, school=school)

    services.membership_end(membership=membership, on=dt.date(2025, 7, 31), actor=actor)

    membership.refresh_from_db()
    assert membership.end_date == dt.date(2025, 7, 31)
    with pytest.raises(DomainError, match="al beëindigd"):
        services.membership_end(membership=membership, on=dt.date(2025, 8, 1), actor=actor)


def test_membership_end_of_the_lead_member_is_refused(partnership, actor):
    institute = InstituteFactory()
    membership = MembershipFactory(partnership=partnership, institute=institute)
    partnership.lead_member = membership
    partnership.save()

    with pytest.raises(DomainError, match="penvoerder"):
        services.membership_end(membership=membership, on=dt.date(2025, 7, 31), actor=actor)
    membership.refresh_from_db()
    assert membership.end_date is None


def test_membership_update_with_stale_version(partnership, school, actor):
    membership = MembershipFactory(partnership=partnership, school=school)
    version = membership.version
    services.membership_update(
        membership=membership, changes={"role": "aspirant"}, expected_version=version, actor=actor
    )
    with pytest.raises(StaleObjectError):
        services.membership_update(
            membership=Membership.objects.get(pk=membership.pk),
            changes={"role": "satellite"},
            expected_version=version,
            actor=actor,
        )
    assert Membership.objects.get(pk=membership.pk).role == "aspirant"


def test_only_schools_can_be_satellites(partnership, board, actor):
    membership = Membership.objects.get(partnership=partnership, board=board)
    with pytest.raises(DomainError, match="Alleen scholen"):
        services.membership_update(
            membership=membership, changes={"role": "satellite"}, expected_version=None, actor=actor
        )


# --- the partnership ---------------------------------------------------------------------------------


def test_partnership_update_records_the_diff_and_regions(partnership, actor):
    region = RegionFactory(name="Onderwijsregio Noord")

    services.partnership_update(
        partnership=partnership,
        changes={"short_name": "SOG", "max_schools_per_cluster": 5},
        regions=[region],
        new_region="Educatieve regio Stad",
        expected_version=partnership.version,
        actor=actor,
    )

    partnership.refresh_from_db()
    assert partnership.short_name == "SOG"
    created = Region.objects.get(name="Educatieve regio Stad")
    assert created.kind == Region.Kind.EDUCATIEVE_REGIO
    assert set(partnership.regions.all()) == {region, created}
    changed = HistoryEntry.objects.filter(object_type="partnership", action="changed")
    assert changed.filter(changes__short_name=["", "SOG"]).exists()
    assert changed.filter(changes__has_key="regions").exists()


def test_partnership_update_with_stale_version_saves_nothing(partnership, actor):
    stale = partnership.version
    services.partnership_update(
        partnership=partnership, changes={"short_name": "A"}, regions=[], expected_version=stale, actor=actor
    )
    other_copy = Partnership.objects.get(pk=partnership.pk)

    with pytest.raises(StaleObjectError, match="Iemand anders"):
        services.partnership_update(
            partnership=other_copy,
            changes={"short_name": "B"},
            regions=[],
            new_region="Nieuwe regio",
            expected_version=stale,
            actor=actor,
        )
    assert Partnership.objects.get(pk=partnership.pk).short_name == "A"
    assert not Region.objects.filter(name="Nieuwe regio").exists()


def test_partnership_needs_a_sector(partnership, actor):
    with pytest.raises(DomainError, match="minstens één sector"):
        services.partnership_update(
            partnership=partnership,
            changes={"sector_po": False, "sector_vo": False, "sector_mbo": False},
            regions=[],
            expected_version=partnership.version,
            actor=actor,
        )
    assert Partnership.objects.get(pk=partnership.pk).sector_po


def test_lead_member_must_belong_to_the_partnership(partnership, actor):
    foreign = MembershipFactory(partnership=PartnershipFactory(), institute=InstituteFactory())
    with pytest.raises(DomainError, match="penvoerder"):
        services.partnership_update(
            partnership=partnership,
            changes={"lead_member": foreign},
            regions=[],
            expected_version=partnership.version,
            actor=actor,
        )
    assert Partnership.objects.get(pk=partnership.pk).lead_member is None
