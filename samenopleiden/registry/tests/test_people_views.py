"""The people and governance-body pages: what the programme lead, a reader, an educator, an outsider and an
anonymous visitor get from each of them, and the flows a lead walks."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from samenopleiden.core.models import HistoryEntry
from samenopleiden.registry.models import (
    Body,
    BodySeat,
    Credential,
    LocalRoleName,
    Partnership,
    Person,
    Role,
    RoleAssignment,
)
from samenopleiden.registry.tests.factories import (
    BodyFactory,
    ClusterFactory,
    CredentialFactory,
    MembershipFactory,
    PersonFactory,
    RoleAssignmentFactory,
)

pytestmark = pytest.mark.django_db


def url(name: str, partnership: Partnership, *args: int) -> str:
    return reverse(f"registry:{name}", args=[partnership.slug, *args])


@pytest.fixture
def world(partnership, board, school, cluster):
    """A person with a role in `cluster`, a credential and a seat; another person in another cluster."""
    MembershipFactory(partnership=partnership, school=school)
    mine = PersonFactory(partnership=partnership, first_name="Mijnvoornaam", last_name="Clusterlid", school=school)
    role = RoleAssignmentFactory(person=mine, role=Role.WORKPLACE_SUPERVISOR, cluster=cluster)
    credential = CredentialFactory(person=mine, kind="brlo", expires_on=dt.date(2030, 1, 1))
    body = BodyFactory(partnership=partnership, name="Stuurgroep Stad")
    seat = body.seats.create(person=mine, seat_role="chair")
    other_cluster = ClusterFactory(partnership=partnership, board=board, name="Cluster Ommeland")
    other = PersonFactory(partnership=partnership, first_name="Andervoornaam", last_name="Elders")
    RoleAssignmentFactory(person=other, role=Role.WORKPLACE_SUPERVISOR, cluster=other_cluster)
    return {
        "person": mine,
        "role": role,
        "credential": credential,
        "body": body,
        "seat": seat,
        "other": other,
        "cluster": cluster,
        "other_cluster": other_cluster,
    }


def pages(partnership: Partnership, w: dict) -> dict[str, str]:
    p, b = w["person"].pk, w["body"].pk
    return {
        "people": url("people", partnership),
        "person_add": url("person_add", partnership),
        "person_detail": url("person_detail", partnership, p),
        "person_edit": url("person_edit", partnership, p),
        "person_delete": url("person_delete", partnership, p),
        "bodies": url("bodies", partnership),
        "body_add": url("body_add", partnership),
        "body_detail": url("body_detail", partnership, b),
        "body_edit": url("body_edit", partnership, b),
        "role_names": url("role_names", partnership),
    }


def writes(partnership: Partnership, w: dict) -> dict[str, tuple[str, dict]]:
    """Every write with input that would succeed for the lead."""
    p, b = w["person"], w["body"]
    return {
        "person_add": (url("person_add", partnership), {"first_name": "Nieuw", "last_name": "Mens"}),
        "person_edit": (
            url("person_edit", partnership, p.pk),
            {"first_name": "Gewijzigd", "last_name": p.last_name, "email": p.email, "version": p.version},
        ),
        "person_role_add": (url("person_role_add", partnership, p.pk), {"role": Role.ASSESSOR}),
        "person_role_end": (url("person_role_end", partnership, p.pk, w["role"].pk), {}),
        "person_credential_add": (url("person_credential_add", partnership, p.pk), {"kind": "assessor"}),
        "person_credential_delete": (url("person_credential_delete", partnership, p.pk, w["credential"].pk), {}),
        "person_invite": (url("person_invite", partnership, p.pk), {}),
        "body_add": (url("body_add", partnership), {"name": "Werkgroep Inductie", "kind": "werkgroep"}),
        "body_edit": (url("body_edit", partnership, b.pk), {"name": "Andere naam", "kind": "regiegroep"}),
        "body_seat_add": (url("body_seat_add", partnership, b.pk), {"person": w["other"].pk, "seat_role": "member"}),
        "body_seat_remove": (url("body_seat_remove", partnership, b.pk, w["seat"].pk), {}),
        "role_names": (url("role_names", partnership), {Role.WORKPLACE_SUPERVISOR: "Mentor"}),
        "person_delete": (url("person_delete", partnership, p.pk), {}),  # last: the others need the person
    }


def state() -> tuple:
    """Everything these pages can change."""
    return (
        list(Person.objects.order_by("pk").values_list("pk", "first_name", "email", "version", "user_id")),
        list(RoleAssignment.objects.order_by("pk").values_list("pk", "role", "cluster_id", "end_date")),
        list(Credential.objects.order_by("pk").values_list("pk", "kind")),
        list(Body.objects.order_by("pk").values_list("pk", "name", "kind")),
        list(BodySeat.objects.order_by("pk").values_list("pk", "person_id")),
        list(LocalRoleName.objects.values_list("role", "local_name")),
        get_user_model().objects.count(),
        HistoryEntry.objects.count(),
        len(mail.outbox),
    )


# --- who gets what ----------------------------------------------------------------------------------


def test_lead_opens_every_page(client, programme_lead, partnership, world):
    client.force_login(programme_lead.user)
    for name, page in pages(partnership, world).items():
        response = client.get(page)
        assert response.status_code == 200, name
        assert response.content.decode().count('<h1 class="utrecht-heading-1">') == 1, name


def test_lead_can_do_every_write(client, programme_lead, partnership, world):
    """Each write, run once as the lead, changes something (the mirror of the refusals below)."""
    client.force_login(programme_lead.user)
    for name, (target, data) in writes(partnership, world).items():
        before = state()
        response = client.post(target, data)
        assert response.status_code == 302, name
        assert state() != before, f"{name} changed nothing"


def test_anonymous_is_sent_to_sign_in_and_changes_nothing(client, partnership, world):
    login = reverse("accounts:login")
    for name, page in pages(partnership, world).items():
        response = client.get(page)
        assert response.status_code == 302 and response["Location"].startswith(login), name
    before = state()
    for name, (target, data) in writes(partnership, world).items():
        assert client.post(target, data).status_code in {302, 403, 404}, name
    assert state() == before


def test_outsider_gets_404_everywhere_and_changes_nothing(client, outsider, partnership, world):
    client.force_login(outsider.user)
    for name, page in pages(partnership, world).items():
        assert client.get(page).status_code == 404, name
    before = state()
    for name, (target, data) in writes(partnership, world).items():
        assert client.post(target, data).status_code == 404, name
    assert state() == before


def test_outsider_cannot_reach_rows_of_a_through_their_own_partnership(client, outsider, world):
    """Ids of partnership A under the slug of the outsider's own partnership: 404 as well."""
    own = outsider.partnership
    own_person = PersonFactory(partnership=own)
    own_body = BodyFactory(partnership=own)
    client.force_login(outsider.user)
    before = state()
    assert client.get(url("person_detail", own, world["person"].pk)).status_code == 404
    assert client.get(url("body_detail", own, world["body"].pk)).status_code == 404
    assert client.post(url("person_delete", own, world["person"].pk)).status_code == 404
    assert client.post(url("body_seat_remove", own, world["body"].pk, world["seat"].pk)).status_code == 404
    target = url("person_role_end", own, own_person.pk, world["role"].pk)
    assert client.post(target).status_code == 404
    target = url("person_credential_delete", own, own_person.pk, world["credential"].pk)
    assert client.post(target).status_code == 404
    target = url("body_seat_add", own, own_body.pk)
    client.post(target, {"person": world["person"].pk, "seat_role": "member"})
    assert not own_body.seats.exists()
    assert state() == before


def test_reader_reads_but_gets_403_on_every_write(client, reader, partnership, world):
    client.force_login(reader.user)
    readable = {"people", "person_detail", "bodies", "body_detail"}
    for name, page in pages(partnership, world).items():
        assert client.get(page).status_code == (200 if name in readable else 403), name
    before = state()
    for name, (target, data) in writes(partnership, world).items():
        assert client.post(target, data).status_code == 403, name
    assert state() == before
    detail = client.get(pages(partnership, world)["person_detail"]).content.decode()
    assert "Rol toevoegen" not in detail and "Gegevens wijzigen" not in detail


def test_educator_sees_only_people_of_own_cluster(client, educator, partnership, world):
    client.force_login(educator.user)
    listing = client.get(url("people", partnership)).content.decode()
    assert "Mijnvoornaam" in listing and "Andervoornaam" not in listing
    assert "Cluster Ommeland" not in listing  # nor other clusters in the filter
    assert client.get(url("person_detail", partnership, world["person"].pk)).status_code == 200
    assert client.get(url("person_detail", partnership, world["other"].pk)).status_code == 404
    assert client.get(url("people", partnership), {"cluster": world["other_cluster"].pk}).status_code == 200
    filtered = client.get(url("people", partnership), {"cluster": world["other_cluster"].pk}).content.decode()
    assert "Andervoornaam" not in filtered
    assert client.get(url("bodies", partnership)).status_code == 403
    assert client.get(url("body_detail", partnership, world["body"].pk)).status_code == 403


def test_educator_cannot_write(client, educator, partnership, world):
    client.force_login(educator.user)
    before = state()
    for name, (target, data) in writes(partnership, world).items():
        assert client.post(target, data).status_code == 403, name
    assert state() == before


def test_writes_are_post_only(client, programme_lead, partnership, world):
    client.force_login(programme_lead.user)
    before = state()
    for name in ("person_role_add", "person_role_end", "person_credential_add", "person_invite", "body_seat_remove"):
        target, _data = writes(partnership, world)[name]
        assert client.get(target).status_code == 405, name
    client.get(url("person_delete", partnership, world["person"].pk))  # a confirmation page only
    assert state() == before


# --- the people list --------------------------------------------------------------------------------


def test_people_list_shows_local_role_names_schools_and_clusters(client, programme_lead, partnership, world):
    LocalRoleName.objects.create(partnership=partnership, role=Role.WORKPLACE_SUPERVISOR, local_name="Mentor")
    client.force_login(programme_lead.user)
    body = client.get(url("people", partnership)).content.decode()
    assert "Mentor" in body and "werkplekbegeleider</td>" not in body
    assert "Obs De Wilgen" in body and "Cluster Stad" in body and "Cluster Ommeland" in body
    assert "programmaleider" in body  # no local name: the canonical one


def test_people_search_and_filters(client, programme_lead, partnership, world):
    client.force_login(programme_lead.user)
    people = url("people", partnership)

    def names(**params) -> set[str]:
        page = client.get(people, params).content.decode()
        return {n for n in ("Mijnvoornaam", "Andervoornaam", "lead@example.org") if n in page}

    assert names(q="mijnvoor") == {"Mijnvoornaam"}
    assert names(q="Mijnvoornaam clusterlid") == {"Mijnvoornaam"}
    assert names(q="lead@example") == {"lead@example.org"}
    assert names(rol=Role.PROGRAMME_LEAD) == {"lead@example.org"}
    assert names(rol=Role.WORKPLACE_SUPERVISOR) == {"Mijnvoornaam", "Andervoornaam"}
    assert names(cluster=world["other_cluster"].pk) == {"Andervoornaam"}
    assert names(rol=Role.PROGRAMME_LEAD, cluster=world["cluster"].pk) == set()
    assert "Niemand past bij deze zoekopdracht" in client.get(people, {"q": "zzz"}).content.decode()
    assert client.get(people, {"rol": "koning", "cluster": "x", "pagina": "abc"}).status_code == 200


def test_an_ended_role_no_longer_shows_or_matches(client, programme_lead, partnership, world):
    RoleAssignment.objects.filter(pk=world["role"].pk).update(end_date=timezone.localdate() - dt.timedelta(days=1))
    client.force_login(programme_lead.user)
    page = client.get(url("people", partnership), {"cluster": world["cluster"].pk}).content.decode()
    assert "Mijnvoornaam" not in page


def test_people_list_paginates_by_50(client, programme_lead, partnership):
    for i in range(55):
        PersonFactory(partnership=partnership, first_name=f"Persoon{i:02d}", last_name="Zeldzaam")
    client.force_login(programme_lead.user)
    first = client.get(url("people", partnership), {"q": "Zeldzaam"})
    assert len(first.context["rows"]) == 50 and "Pagina 1 van 2" in first.content.decode()
    second = client.get(url("people", partnership), {"q": "Zeldzaam", "pagina": 2})
    assert len(second.context["rows"]) == 5


def test_empty_people_list_points_to_adding_and_importing(client, partnership, admin_user):
    client.force_login(admin_user)
    body = client.get(url("people", partnership)).content.decode()
    assert "Nog geen mensen" in body
    assert url("person_add", partnership) in body
    try:
        assert url("imports", partnership) in body
    except NoReverseMatch:  # the import pages are optional for this page
        pass


# --- a person: add, edit, delete ----------------------------------------------------------------------


def test_lead_adds_a_person_with_school_and_gets_to_the_detail_page(client, programme_lead, partnership, world):
    client.force_login(programme_lead.user)
    school = world["person"].school
    response = client.post(
        url("person_add", partnership),
        {"first_name": "Femke", "last_name": "de Boer", "email": "Femke@School.nl", "school": school.pk},
    )
    person = Person.objects.get(email="femke@school.nl")
    assert response.status_code == 302 and response["Location"] == url("person_detail", partnership, person.pk)
    assert person.school == school and person.partnership == partnership


def test_duplicate_person_is_refused_with_a_link_to_the_existing_one(client, programme_lead, partnership, world):
    existing = world["person"]
    client.force_login(programme_lead.user)
    response = client.post(
        url("person_add", partnership), {"first_name": "Iemand", "last_name": "Anders", "email": existing.email}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "staat al in dit partnerschap" in body and url("person_detail", partnership, existing.pk) in body
    assert Person.objects.filter(partnership=partnership, email=existing.email).count() == 1


def test_duplicate_name_at_the_same_school_without_email_is_refused(client, programme_lead, partnership, world):
    existing = world["person"]
    client.force_login(programme_lead.user)
    data = {"first_name": existing.first_name, "last_name": existing.last_name, "school": existing.school_id}
    response = client.post(url("person_add", partnership), data)
    assert response.status_code == 400 and "zelfde naam en school" in response.content.decode()
    assert Person.objects.filter(last_name=existing.last_name).count() == 1


def test_school_outside_the_partnership_cannot_be_chosen(client, programme_lead, partnership, board):
    from samenopleiden.registry.tests.factories import SchoolFactory

    stranger = SchoolFactory(name="Vreemde School")
    client.force_login(programme_lead.user)
    form = client.get(url("person_add", partnership)).content.decode()
    assert "Vreemde School" not in form
    response = client.post(url("person_add", partnership), {"first_name": "A", "last_name": "B", "school": stranger.pk})
    assert response.status_code == 400 and not Person.objects.filter(first_name="A", last_name="B").exists()


def test_edit_with_a_stale_version_is_refused_and_keeps_the_input(client, programme_lead, partnership, world):
    person = world["person"]
    client.force_login(programme_lead.user)
    Person.objects.filter(pk=person.pk).update(version=person.version + 1)  # someone else saved meanwhile
    data = {"first_name": "Nieuw", "last_name": person.last_name, "email": person.email, "version": person.version}
    response = client.post(url("person_edit", partnership, person.pk), data)
    assert response.status_code == 400
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    assert 'value="Nieuw"' in response.content.decode()
    assert Person.objects.get(pk=person.pk).first_name == "Mijnvoornaam"


def test_bad_input_shows_dutch_errors_and_saves_nothing(client, programme_lead, partnership, world):
    client.force_login(programme_lead.user)
    before = state()
    response = client.post(url("person_add", partnership), {"first_name": "", "last_name": "", "email": "geen-mail"})
    assert response.status_code == 400 and "Dit veld is verplicht" in response.content.decode()
    response = client.post(url("person_edit", partnership, world["person"].pk), {"version": "abc"})
    assert response.status_code == 400
    assert state() == before


def test_delete_asks_first_then_deletes(client, programme_lead, partnership, world):
    person = world["person"]
    client.force_login(programme_lead.user)
    confirm = client.get(url("person_delete", partnership, person.pk))
    assert confirm.status_code == 200 and "verwijderen?" in confirm.content.decode()
    assert Person.objects.filter(pk=person.pk).exists()
    response = client.post(url("person_delete", partnership, person.pk))
    assert response["Location"] == url("people", partnership)
    assert not Person.objects.filter(pk=person.pk).exists()


def test_the_last_lead_cannot_delete_themselves_through_the_page(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    response = client.post(url("person_delete", partnership, programme_lead.pk), follow=True)
    assert "laatste programmaleider" in response.content.decode()
    assert Person.objects.filter(pk=programme_lead.pk).exists()


# --- roles and credentials ----------------------------------------------------------------------------


def test_role_add_and_end_through_the_pages(client, programme_lead, partnership, world):
    person = world["person"]
    client.force_login(programme_lead.user)
    client.post(
        url("person_role_add", partnership, person.pk),
        {"role": Role.SCHOOL_TEACHER_EDUCATOR, "cluster": world["cluster"].pk, "start_date": "2025-08-01"},
    )
    added = person.roles.get(role=Role.SCHOOL_TEACHER_EDUCATOR)
    assert added.cluster == world["cluster"] and added.start_date == dt.date(2025, 8, 1)
    client.post(url("person_role_end", partnership, person.pk, added.pk))
    assert RoleAssignment.objects.get(pk=added.pk).end_date == timezone.localdate()


def test_role_with_a_cluster_of_another_partnership_is_refused(client, programme_lead, partnership, world, outsider):
    foreign = ClusterFactory(partnership=outsider.partnership)
    client.force_login(programme_lead.user)
    response = client.post(
        url("person_role_add", partnership, world["person"].pk),
        {"role": Role.SCHOOL_TEACHER_EDUCATOR, "cluster": foreign.pk},
        follow=True,
    )
    assert "Kies een rol" in response.content.decode()
    assert not RoleAssignment.objects.filter(cluster=foreign).exists()


def test_role_end_of_a_role_of_another_person_is_404(client, programme_lead, partnership, world):
    client.force_login(programme_lead.user)
    target = url("person_role_end", partnership, world["other"].pk, world["role"].pk)
    assert client.post(target).status_code == 404
    assert RoleAssignment.objects.get(pk=world["role"].pk).end_date is None


def test_the_last_lead_cannot_end_their_own_lead_role(client, programme_lead, partnership):
    role = programme_lead.roles.get()
    client.force_login(programme_lead.user)
    response = client.post(url("person_role_end", partnership, programme_lead.pk, role.pk), follow=True)
    assert "laatste programmaleider" in response.content.decode()
    assert RoleAssignment.objects.get(pk=role.pk).end_date is None


def test_credentials_with_expiry_flags(client, programme_lead, partnership, world):
    person = world["person"]
    today = timezone.localdate()
    CredentialFactory(person=person, kind="assessor", expires_on=today - dt.timedelta(days=1))
    CredentialFactory(person=person, kind="supervision", expires_on=today + dt.timedelta(days=60))
    client.force_login(programme_lead.user)
    page = client.get(url("person_detail", partnership, person.pk)).content.decode()
    assert page.count("badge--error") == 1 and "verlopen" in page
    assert page.count("badge--warning") == 1 and "verloopt binnen drie maanden" in page
    assert "Stuurgroep Stad" in page and "voorzitter" in page


def test_credential_add_and_delete_through_the_pages(client, programme_lead, partnership, world):
    person = world["person"]
    client.force_login(programme_lead.user)
    client.post(
        url("person_credential_add", partnership, person.pk),
        {"kind": "assessor", "obtained_on": "2024-09-01", "expires_on": "2027-09-01", "reference": "A-77"},
    )
    added = person.credentials.get(kind="assessor")
    assert added.expires_on == dt.date(2027, 9, 1) and added.reference == "A-77"
    client.post(url("person_credential_delete", partnership, person.pk, added.pk))
    assert not Credential.objects.filter(pk=added.pk).exists()


def test_credential_with_bad_dates_gives_a_message_and_saves_nothing(client, programme_lead, partnership, world):
    person = world["person"]
    client.force_login(programme_lead.user)
    response = client.post(
        url("person_credential_add", partnership, person.pk),
        {"kind": "assessor", "obtained_on": "2025-09-01", "expires_on": "2024-09-01"},
        follow=True,
    )
    assert "vervaldatum ligt vóór" in response.content.decode()
    response = client.post(url("person_credential_add", partnership, person.pk), {"kind": "rijbewijs"}, follow=True)
    assert "niet vastgelegd" in response.content.decode()
    assert list(person.credentials.values_list("kind", flat=True)) == ["brlo"]


# --- invitations --------------------------------------------------------------------------------------


def test_person_without_email_cannot_be_invited(client, programme_lead, partnership):
    person = PersonFactory(partnership=partnership, email="")
    client.force_login(programme_lead.user)
    response = client.post(url("person_invite", partnership, person.pk), follow=True)
    assert "Vul eerst een e-mailadres in" in response.content.decode()
    assert not mail.outbox and Person.objects.get(pk=person.pk).user is None


# --- governance bodies ----------------------------------------------------------------------------------


def test_bodies_add_edit_and_seats(client, programme_lead, partnership, world):
    client.force_login(programme_lead.user)
    response = client.post(
        url("body_add", partnership), {"name": "Regiegroep", "kind": "regiegroep", "description": "Dagelijkse regie"}
    )
    body = partnership.bodies.get(name="Regiegroep")
    assert response["Location"] == url("body_detail", partnership, body.pk)
    duplicate = client.post(url("body_add", partnership), {"name": "regiegroep", "kind": "werkgroep"})
    assert duplicate.status_code == 400 and "al een gremium" in duplicate.content.decode()
    client.post(url("body_edit", partnership, body.pk), {"name": "Regiegroep", "kind": "regiegroep", "description": ""})
    assert Body.objects.get(pk=body.pk).description == ""
    client.post(url("body_seat_add", partnership, body.pk), {"person": world["person"].pk, "seat_role": "secretary"})
    seat = body.seats.get()
    assert (seat.person, seat.seat_role) == (world["person"], "secretary")
    listing = client.get(url("bodies", partnership)).content.decode()
    assert "Regiegroep" in listing and "Mijnvoornaam Clusterlid (secretaris)" in listing
    client.post(url("body_seat_remove", partnership, body.pk, seat.pk))
    assert not body.seats.exists()


def test_seat_for_a_person_of_another_partnership_is_refused(client, programme_lead, partnership, world, outsider):
    client.force_login(programme_lead.user)
    body = world["body"]
    response = client.post(
        url("body_seat_add", partnership, body.pk), {"person": outsider.pk, "seat_role": "member"}, follow=True
    )
    assert "Kies een persoon van dit partnerschap" in response.content.decode()
    assert list(body.seats.values_list("person_id", flat=True)) == [world["person"].pk]


def test_seat_of_another_body_cannot_be_removed_through_this_one(client, programme_lead, partnership, world):
    other_body = BodyFactory(partnership=partnership)
    client.force_login(programme_lead.user)
    client.post(url("body_seat_remove", partnership, other_body.pk, world["seat"].pk))
    assert BodySeat.objects.filter(pk=world["seat"].pk).exists()


def test_empty_bodies_page(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    body = client.get(url("bodies", partnership)).content.decode()
    assert "nog geen gremia" in body and url("body_add", partnership) in body


# --- local role names -----------------------------------------------------------------------------------


def test_role_names_form_lists_every_role_and_saves(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    form = client.get(url("role_names", partnership)).content.decode()
    for value in Role.values:
        assert f'name="{value}"' in form
    client.post(url("role_names", partnership), {Role.PROGRAMME_LEAD: "Regisseur", Role.ASSESSOR: ""})
    assert dict(partnership.role_names.values_list("role", "local_name")) == {Role.PROGRAMME_LEAD: "Regisseur"}
    assert "Regisseur" in client.get(url("people", partnership)).content.decode()
    assert 'value="Regisseur"' in client.get(url("role_names", partnership)).content.decode()
    response = client.post(url("role_names", partnership), {Role.PROGRAMME_LEAD: "x" * 101})
    assert response.status_code == 400
    assert partnership.role_names.get().local_name == "Regisseur"
