"""The rules of services.people against the real database: duplicates, affiliation, roles and the last
programme lead, credentials, invitations, governance bodies and local role names. Each write leaves history;
a refused write leaves nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from samenopleiden.core.errors import DomainError, StaleObjectError
from samenopleiden.core.models import HistoryEntry
from samenopleiden.registry.models import Body, BodySeat, Credential, LocalRoleName, Person, Role, RoleAssignment
from samenopleiden.registry.services import people as services
from samenopleiden.registry.tests.factories import (
    BodyFactory,
    ClusterFactory,
    InstituteFactory,
    MembershipFactory,
    PersonFactory,
    RoleAssignmentFactory,
    SchoolFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 15)


def person_data(**overrides):
    data = {"first_name": "Femke", "last_name": "de Boer", "email": "", "phone": "", "school": None, "institute": None}
    return {**data, **overrides}


@pytest.fixture
def member_school(partnership, school):
    MembershipFactory(partnership=partnership, school=school)
    return school


# --- people: create, update, duplicates -------------------------------------------------------------


def test_person_create_saves_and_records_history(partnership, programme_lead, member_school):
    person = services.person_create(
        partnership=partnership,
        actor=programme_lead.user,
        data=person_data(email=" Femke@School.NL ", school=member_school),
    )
    person.refresh_from_db()
    assert (person.email, person.school, person.partnership) == ("femke@school.nl", member_school, partnership)
    entry = HistoryEntry.objects.get(object_type="person", object_id=str(person.pk))
    assert entry.action == "created" and entry.actor == programme_lead.user and entry.partnership == partnership


def test_same_email_in_same_partnership_is_refused_and_names_the_existing_person(partnership, programme_lead):
    existing = PersonFactory(partnership=partnership, first_name="Anne", last_name="Visser", email="anne@school.nl")
    with pytest.raises(services.DuplicatePersonError, match="Anne Visser staat al in dit partnerschap") as exc:
        services.person_create(
            partnership=partnership, actor=programme_lead.user, data=person_data(email="ANNE@school.nl")
        )
    assert exc.value.existing == existing
    assert partnership.people.filter(email__iexact="anne@school.nl").count() == 1


def test_same_email_in_another_partnership_is_allowed(partnership, other_partnership, programme_lead):
    PersonFactory(partnership=other_partnership, email="anne@school.nl")
    person = services.person_create(
        partnership=partnership, actor=programme_lead.user, data=person_data(email="anne@school.nl")
    )
    assert person.partnership == partnership


def test_same_name_at_same_school_without_email_is_refused(partnership, programme_lead, member_school):
    PersonFactory(partnership=partnership, first_name="Piet", last_name="Bakker", email="", school=member_school)
    with pytest.raises(services.DuplicatePersonError, match="zelfde naam en school"):
        services.person_create(
            partnership=partnership,
            actor=programme_lead.user,
            data=person_data(first_name="piet", last_name="bakker", school=member_school),
        )
    assert partnership.people.filter(last_name__iexact="bakker").count() == 1


def test_same_name_at_another_school_or_with_an_email_is_allowed(partnership, programme_lead, member_school, board):
    PersonFactory(partnership=partnership, first_name="Piet", last_name="Bakker", email="", school=member_school)
    other = SchoolFactory(board=board)
    MembershipFactory(partnership=partnership, school=other)
    services.person_create(
        partnership=partnership,
        actor=programme_lead.user,
        data=person_data(first_name="Piet", last_name="Bakker", school=other),
    )
    services.person_create(
        partnership=partnership,
        actor=programme_lead.user,
        data=person_data(first_name="Piet", last_name="Bakker", school=member_school, email="piet2@school.nl"),
    )
    assert partnership.people.filter(last_name="Bakker").count() == 3


def test_school_must_take_part_in_the_partnership(partnership, programme_lead, school, other_partnership):
    MembershipFactory(partnership=other_partnership, school=school)
    with pytest.raises(DomainError, match="doet niet mee in het partnerschap"):
        services.person_create(partnership=partnership, actor=programme_lead.user, data=person_data(school=school))
    MembershipFactory(partnership=partnership, school=school, end_date=dt.date(2020, 1, 1))
    with pytest.raises(DomainError, match="doet niet mee"):
        services.person_create(partnership=partnership, actor=programme_lead.user, data=person_data(school=school))
    assert not partnership.people.filter(first_name="Femke").exists()


def test_institute_must_take_part_in_the_partnership(partnership, programme_lead):
    foreign = InstituteFactory(name="Verre Hogeschool")
    with pytest.raises(DomainError, match="Verre Hogeschool doet niet mee"):
        services.person_create(partnership=partnership, actor=programme_lead.user, data=person_data(institute=foreign))
    MembershipFactory(partnership=partnership, institute=foreign)
    person = services.person_create(
        partnership=partnership, actor=programme_lead.user, data=person_data(institute=foreign)
    )
    assert person.institute == foreign


def test_update_keeps_a_school_that_has_since_left(partnership, programme_lead, school):
    membership = MembershipFactory(partnership=partnership, school=school)
    person = PersonFactory(partnership=partnership, school=school)
    membership.end_date = dt.date(2025, 7, 31)
    membership.save()
    data = person_data(first_name="Nieuw", last_name=person.last_name, email=person.email, school=school)
    services.person_update(person=person, changes=data, expected_version=person.version, actor=programme_lead.user)
    assert Person.objects.get(pk=person.pk).first_name == "Nieuw"


def test_update_refuses_the_email_of_someone_else_but_not_its_own(partnership, programme_lead):
    PersonFactory(partnership=partnership, email="bezet@school.nl")
    person = PersonFactory(partnership=partnership, email="eigen@school.nl")
    with pytest.raises(DomainError, match="staat al in dit partnerschap"):
        services.person_update(
            person=person,
            changes=person_data(email="bezet@school.nl"),
            expected_version=person.version,
            actor=programme_lead.user,
        )
    assert Person.objects.get(pk=person.pk).email == "eigen@school.nl"
    services.person_update(
        person=person,
        changes=person_data(email="eigen@school.nl", phone="050-1234567"),
        expected_version=person.version,
        actor=programme_lead.user,
    )
    stored = Person.objects.get(pk=person.pk)
    assert stored.phone == "050-1234567" and stored.first_name == "Femke"
    entry = HistoryEntry.objects.filter(object_type="person", object_id=str(person.pk), action="changed").get()
    assert entry.changes["phone"] == ["", "050-1234567"]


def test_update_with_a_stale_version_is_refused(partnership, programme_lead):
    person = PersonFactory(partnership=partnership, first_name="Oud")
    seen = person.version
    Person.objects.filter(pk=person.pk).update(version=seen + 1)
    with pytest.raises(StaleObjectError):
        services.person_update(
            person=person,
            changes=person_data(first_name="Nieuw", email=person.email),
            expected_version=seen,
            actor=programme_lead.user,
        )
    assert Person.objects.get(pk=person.pk).first_name == "Oud"


def test_person_delete_removes_roles_and_seats_and_records_history(partnership, programme_lead):
    person = PersonFactory(partnership=partnership)
    RoleAssignmentFactory(person=person, role=Role.ASSESSOR)
    BodyFactory(partnership=partnership).seats.create(person=person)
    pk = person.pk
    services.person_delete(person=person, actor=programme_lead.user)
    assert not Person.objects.filter(pk=pk).exists()
    assert not RoleAssignment.objects.filter(person_id=pk).exists()
    assert not BodySeat.objects.filter(person_id=pk).exists()
    assert HistoryEntry.objects.filter(object_type="person", object_id=str(pk), action="deleted").exists()


# --- roles and the last programme lead --------------------------------------------------------------


def test_role_assign_with_cluster_and_dates(partnership, programme_lead, cluster):
    person = PersonFactory(partnership=partnership)
    assignment = services.role_assign(
        person=person,
        role=Role.SCHOOL_TEACHER_EDUCATOR,
        cluster=cluster,
        start_date=dt.date(2025, 8, 1),
        end_date=dt.date(2026, 7, 31),
        actor=programme_lead.user,
    )
    assignment.refresh_from_db()
    assert (assignment.cluster, assignment.start_date, assignment.end_date) == (
        cluster,
        dt.date(2025, 8, 1),
        dt.date(2026, 7, 31),
    )
    assert assignment.partnership == partnership
    assert HistoryEntry.objects.filter(object_type="roleassignment", action="created").exists()


def test_role_in_a_cluster_of_another_partnership_is_refused(partnership, other_partnership, programme_lead, board):
    person = PersonFactory(partnership=partnership)
    foreign = ClusterFactory(partnership=other_partnership, board=board)
    with pytest.raises(DomainError, match="hoort niet bij het partnerschap"):
        services.role_assign(
            person=person, role=Role.SCHOOL_TEACHER_EDUCATOR, cluster=foreign, start_date=None, actor=None
        )
    assert not person.roles.exists()


def test_role_twice_is_refused_and_an_ended_role_can_be_taken_up_again(partnership, programme_lead):
    person = PersonFactory(partnership=partnership)
    first = services.role_assign(person=person, role=Role.ASSESSOR, cluster=None, start_date=None, actor=None)
    with pytest.raises(DomainError, match="heeft deze rol al"):
        services.role_assign(person=person, role=Role.ASSESSOR, cluster=None, start_date=None, actor=None)
    services.role_end(assignment=first, on=TODAY, actor=programme_lead.user)
    again = services.role_assign(
        person=person, role=Role.ASSESSOR, cluster=None, start_date=TODAY, actor=programme_lead.user
    )
    assert again.pk == first.pk and again.end_date is None and again.start_date == TODAY


def test_role_with_end_before_start_or_unknown_role_is_refused(partnership):
    person = PersonFactory(partnership=partnership)
    with pytest.raises(DomainError, match="einddatum ligt vóór de begindatum"):
        services.role_assign(
            person=person,
            role=Role.ASSESSOR,
            cluster=None,
            start_date=dt.date(2026, 1, 1),
            end_date=dt.date(2025, 1, 1),
            actor=None,
        )
    with pytest.raises(DomainError, match="Kies een van de rollen"):
        services.role_assign(person=person, role="koning", cluster=None, start_date=None, actor=None)
    assert not person.roles.exists()


def test_role_end_sets_the_end_date_and_cannot_end_twice(partnership, programme_lead):
    assignment = RoleAssignmentFactory(person=PersonFactory(partnership=partnership), role=Role.ASSESSOR)
    services.role_end(assignment=assignment, on=TODAY, actor=programme_lead.user)
    assert RoleAssignment.objects.get(pk=assignment.pk).end_date == TODAY
    with pytest.raises(DomainError, match="al beëindigd"):
        services.role_end(assignment=assignment, on=TODAY, actor=programme_lead.user)


def test_the_last_programme_lead_cannot_end_their_role(programme_lead):
    role = programme_lead.roles.get()
    with pytest.raises(DomainError, match="laatste programmaleider"):
        services.role_end(assignment=role, on=TODAY, actor=programme_lead.user)
    assert RoleAssignment.objects.get(pk=role.pk).end_date is None


def test_a_lead_whose_role_ends_soon_does_not_count_as_a_remaining_lead(partnership, programme_lead):
    leaving = PersonFactory(partnership=partnership)
    RoleAssignmentFactory(person=leaving, role=Role.PROGRAMME_LEAD, end_date=TODAY)
    with pytest.raises(DomainError, match="laatste programmaleider"):
        services.role_end(assignment=programme_lead.roles.get(), on=TODAY, actor=programme_lead.user)


def test_with_a_second_lead_the_role_can_be_ended(partnership, programme_lead):
    RoleAssignmentFactory(person=PersonFactory(partnership=partnership), role=Role.PROGRAMME_LEAD)
    role = programme_lead.roles.get()
    services.role_end(assignment=role, on=TODAY, actor=programme_lead.user)
    assert RoleAssignment.objects.get(pk=role.pk).end_date == TODAY


def test_the_last_programme_lead_cannot_be_deleted(partnership, programme_lead):
    with pytest.raises(DomainError, match="laatste programmaleider"):
        services.person_delete(person=programme_lead, actor=programme_lead.user)
    assert Person.objects.filter(pk=programme_lead.pk).exists()
    RoleAssignmentFactory(person=PersonFactory(partnership=partnership), role=Role.PROGRAMME_LEAD)
    services.person_delete(person=programme_lead, actor=programme_lead.user)
    assert not Person.objects.filter(pk=programme_lead.pk).exists()


def test_leads_of_another_partnership_do_not_count(partnership, programme_lead, outsider):
    with pytest.raises(DomainError, match="laatste programmaleider"):
        services.role_end(assignment=programme_lead.roles.get(), on=TODAY, actor=programme_lead.user)


# --- credentials ------------------------------------------------------------------------------------


def test_credential_add_and_delete(partnership, programme_lead):
    person = PersonFactory(partnership=partnership)
    credential = services.credential_add(
        person=person,
        data={
            "kind": "brlo",
            "obtained_on": dt.date(2022, 1, 1),
            "expires_on": dt.date(2026, 1, 1),
            "reference": " BRLO-123 ",
        },
        actor=programme_lead.user,
    )
    assert credential.partnership == partnership and credential.reference == "BRLO-123"
    services.credential_delete(credential=credential, actor=programme_lead.user)
    assert not Credential.objects.filter(pk=credential.pk).exists()
    actions = set(HistoryEntry.objects.filter(object_type="credential").values_list("action", flat=True))
    assert actions == {"created", "deleted"}


def test_credential_expiring_before_it_was_obtained_is_refused(partnership, programme_lead):
    person = PersonFactory(partnership=partnership)
    with pytest.raises(DomainError, match="vervaldatum ligt vóór"):
        services.credential_add(
            person=person,
            data={"kind": "assessor", "obtained_on": dt.date(2025, 1, 1), "expires_on": dt.date(2024, 1, 1)},
            actor=programme_lead.user,
        )
    assert not person.credentials.exists()


# --- invitations ------------------------------------------------------------------------------------


def test_invite_creates_an_account_and_mails_a_link(partnership, programme_lead):
    person = PersonFactory(partnership=partnership, first_name="Sanne", email="sanne@school.nl")
    user = services.person_invite(person=person, actor=programme_lead.user, base_url="https://platform.example/")
    person.refresh_from_db()
    assert person.user == user and user.email == "sanne@school.nl" and not user.has_usable_password()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sanne@school.nl"] and "Beste Sanne" in message.body
    assert "https://platform.example/accounts/wachtwoord-instellen/" in message.body
    assert HistoryEntry.objects.filter(object_type="person", object_id=str(person.pk), action="linked").exists()


def test_invite_links_an_existing_user_with_that_email(partnership, programme_lead):
    existing = UserFactory(username="sanne", email="Sanne@School.nl")
    person = PersonFactory(partnership=partnership, email="sanne@school.nl")
    users_before = get_user_model().objects.count()
    user = services.person_invite(person=person, actor=programme_lead.user, base_url="http://x")
    assert user == existing and get_user_model().objects.count() == users_before
    assert Person.objects.get(pk=person.pk).user == existing
    assert existing.check_password("geheim-wachtwoord-1")  # their password is not touched


def test_invite_without_email_is_refused(partnership, programme_lead):
    person = PersonFactory(partnership=partnership, email="")
    with pytest.raises(DomainError, match="Vul eerst een e-mailadres in"):
        services.person_invite(person=person, actor=programme_lead.user, base_url="http://x")
    assert not mail.outbox and Person.objects.get(pk=person.pk).user is None


def test_invite_of_a_blocked_account_is_refused(partnership, programme_lead):
    UserFactory(username="geblokkeerd", email="blok@school.nl", is_active=False)
    person = PersonFactory(partnership=partnership, email="blok@school.nl")
    with pytest.raises(DomainError, match="geblokkeerd"):
        services.person_invite(person=person, actor=programme_lead.user, base_url="http://x")
    assert not mail.outbox and Person.objects.get(pk=person.pk).user is None


def test_invite_that_cannot_be_mailed_saves_nothing(partnership, programme_lead, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens there
    person = PersonFactory(partnership=partnership, email="nieuw@school.nl")
    with pytest.raises(DomainError, match="kon niet worden verstuurd"):
        services.person_invite(person=person, actor=programme_lead.user, base_url="http://x")
    assert not get_user_model().objects.filter(email="nieuw@school.nl").exists()
    assert Person.objects.get(pk=person.pk).user is None


# --- governance bodies ------------------------------------------------------------------------------


def test_body_save_creates_and_changes_and_refuses_a_duplicate_name(partnership, programme_lead):
    body = services.body_save(
        partnership=partnership,
        body=None,
        data={"name": " Stuurgroep ", "kind": "stuurgroep", "description": "Besluit over de koers."},
        actor=programme_lead.user,
    )
    assert body.name == "Stuurgroep"
    with pytest.raises(DomainError, match="al een gremium met de naam"):
        services.body_save(
            partnership=partnership,
            body=None,
            data={"name": "stuurgroep", "kind": "werkgroep"},
            actor=programme_lead.user,
        )
    services.body_save(
        partnership=partnership,
        body=body,
        data={"name": "Stuurgroep", "kind": "regiegroep", "description": ""},
        actor=programme_lead.user,
    )
    assert Body.objects.get(pk=body.pk).kind == "regiegroep"
    assert partnership.bodies.count() == 1
    assert set(HistoryEntry.objects.filter(object_type="body").values_list("action", flat=True)) == {
        "created",
        "changed",
    }


def test_seats_only_for_own_people_once_each(partnership, other_partnership, programme_lead):
    body = BodyFactory(partnership=partnership)
    stranger = PersonFactory(partnership=other_partnership)
    with pytest.raises(DomainError, match="Alleen mensen van dit partnerschap"):
        services.seat_add(body=body, person=stranger, seat_role="member", actor=programme_lead.user)
    own = PersonFactory(partnership=partnership)
    seat = services.seat_add(body=body, person=own, seat_role="chair", actor=programme_lead.user)
    with pytest.raises(DomainError, match="zit al in dit gremium"):
        services.seat_add(body=body, person=own, seat_role="member", actor=programme_lead.user)
    with pytest.raises(DomainError):
        services.seat_add(body=body, person=PersonFactory(partnership=partnership), seat_role="koning", actor=None)
    assert list(body.seats.values_list("person_id", "seat_role")) == [(own.pk, "chair")]
    services.seat_remove(seat=seat, actor=programme_lead.user)
    assert not body.seats.exists()
    assert set(HistoryEntry.objects.filter(object_type="body").values_list("action", flat=True)) == {
        "linked",
        "unlinked",
    }


# --- local role names -------------------------------------------------------------------------------


def test_role_names_set_stores_changes_and_clears_empty_ones(partnership, programme_lead):
    services.role_names_set(
        partnership=partnership,
        names={Role.WORKPLACE_SUPERVISOR: "  Mentor ", Role.PROGRAMME_LEAD: "Regisseur", Role.ASSESSOR: "assessor"},
        actor=programme_lead.user,
    )
    assert dict(partnership.role_names.values_list("role", "local_name")) == {
        Role.WORKPLACE_SUPERVISOR: "Mentor",
        Role.PROGRAMME_LEAD: "Regisseur",
    }
    services.role_names_set(
        partnership=partnership, names={Role.WORKPLACE_SUPERVISOR: "Mentor"}, actor=programme_lead.user
    )
    assert list(partnership.role_names.values_list("role", flat=True)) == [Role.WORKPLACE_SUPERVISOR]
    entries = HistoryEntry.objects.filter(partnership=partnership, object_type="partnership", action="changed")
    assert entries.count() == 2
    assert LocalRoleName.objects.count() == 1
