import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse

from samenopleiden.core.errors import DomainError
from samenopleiden.registry.models import Person, Role, RoleAssignment
from samenopleiden.registry.services import people as services
from samenopleiden.registry.tests.factories import (
    BodyFactory,
    ClusterFactory,
    PersonFactory,
    RoleAssignmentFactory,
)

pytestmark = pytest.mark.django_db


def test_duplicate_email_is_refused_with_the_existing_name(partnership, programme_lead):
    PersonFactory(partnership=partnership, first_name="Anne", last_name="Visser", email="anne@school.nl")
    with pytest.raises(DomainError, match="Anne Visser staat al"):
        services.person_create(
            partnership=partnership,
            actor=programme_lead.user,
            data={"first_name": "A.", "last_name": "Visser", "email": "ANNE@school.nl"},
        )


def test_same_email_in_another_partnership_is_fine(partnership, other_partnership, programme_lead):
    PersonFactory(partnership=other_partnership, email="anne@school.nl")
    person = services.person_create(
        partnership=partnership,
        actor=programme_lead.user,
        data={"first_name": "Anne", "last_name": "Visser", "email": "anne@school.nl"},
    )
    assert person.partnership == partnership


def test_the_last_programme_lead_cannot_be_removed(programme_lead):
    role = programme_lead.roles.get()
    with pytest.raises(DomainError, match="laatste programmaleider"):
        services.role_end(assignment=role, on=dt.date.today(), actor=programme_lead.user)
    with pytest.raises(DomainError, match="laatste programmaleider"):
        services.person_delete(person=programme_lead, actor=programme_lead.user)
    second = PersonFactory(partnership=programme_lead.partnership)
    RoleAssignmentFactory(person=second, role=Role.PROGRAMME_LEAD)
    services.role_end(assignment=role, on=dt.date.today(), actor=programme_lead.user)
    assert RoleAssignment.objects.get(pk=role.pk).end_date == dt.date.today()


def test_role_in_a_cluster_of_another_partnership_is_refused(partnership, other_partnership, programme_lead, board):
    person = PersonFactory(partnership=partnership)
    foreign = ClusterFactory(partnership=other_partnership, board=board)
    with pytest.raises(DomainError, match="hoort niet bij het partnerschap"):
        services.role_assign(
            person=person,
            role=Role.SCHOOL_TEACHER_EDUCATOR,
            cluster=foreign,
            start_date=None,
            actor=programme_lead.user,
        )


def test_lead_adds_person_and_role_through_the_pages(client, programme_lead, partnership, cluster):
    client.force_login(programme_lead.user)
    response = client.post(
        reverse("registry:person_add", args=[partnership.slug]),
        {"first_name": "Femke", "last_name": "de Boer", "email": "femke@school.nl"},
    )
    person = Person.objects.get(email="femke@school.nl")
    assert response.status_code == 302
    client.post(
        reverse("registry:person_role_add", args=[partnership.slug, person.pk]),
        {"role": Role.SCHOOL_TEACHER_EDUCATOR, "cluster": cluster.pk},
    )
    assert person.roles.filter(role=Role.SCHOOL_TEACHER_EDUCATOR, cluster=cluster).exists()
    duplicate = client.post(
        reverse("registry:person_add", args=[partnership.slug]),
        {"first_name": "F", "last_name": "B", "email": "femke@school.nl"},
    )
    assert duplicate.status_code == 400
    assert "staat al in dit partnerschap" in duplicate.content.decode()


def test_stale_edit_is_refused_and_keeps_the_input(client, programme_lead, partnership):
    person = PersonFactory(partnership=partnership, first_name="Oud")
    url = reverse("registry:person_edit", args=[partnership.slug, person.pk])
    client.force_login(programme_lead.user)
    data = {"first_name": "Nieuw", "last_name": person.last_name, "email": person.email, "version": person.version}
    Person.objects.filter(pk=person.pk).update(version=person.version + 1)  # someone else saved meanwhile
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    assert 'value="Nieuw"' in response.content.decode()
    assert Person.objects.get(pk=person.pk).first_name == "Oud"


def test_reader_cannot_change_and_outsider_gets_404(client, reader, outsider, partnership):
    person = PersonFactory(partnership=partnership, first_name="Blijft")
    url = reverse("registry:person_edit", args=[partnership.slug, person.pk])
    client.force_login(reader.user)
    assert client.get(reverse("registry:person_detail", args=[partnership.slug, person.pk])).status_code == 200
    assert client.post(url, {"first_name": "Weg", "last_name": "x"}).status_code == 403
    client.force_login(outsider.user)
    assert client.post(url, {"first_name": "Weg", "last_name": "x"}).status_code == 404
    assert Person.objects.get(pk=person.pk).first_name == "Blijft"


def test_educator_sees_only_people_of_own_cluster(client, educator, partnership, cluster, board):
    mine = PersonFactory(partnership=partnership, first_name="Mijn")
    RoleAssignmentFactory(person=mine, role=Role.WORKPLACE_SUPERVISOR, cluster=cluster)
    other = PersonFactory(partnership=partnership, first_name="Ander")
    RoleAssignmentFactory(
        person=other, role=Role.WORKPLACE_SUPERVISOR, cluster=ClusterFactory(partnership=partnership, board=board)
    )
    client.force_login(educator.user)
    body = client.get(reverse("registry:people", args=[partnership.slug])).content.decode()
    assert "Mijn" in body and "Ander" not in body
    assert client.get(reverse("registry:person_detail", args=[partnership.slug, other.pk])).status_code == 404


def test_invitation_mail_lets_the_person_set_a_password_and_sign_in(client, programme_lead, partnership):
    person = PersonFactory(partnership=partnership, email="nieuw@school.nl")
    RoleAssignmentFactory(person=person, role=Role.STEERING_MEMBER)
    client.force_login(programme_lead.user)
    client.post(reverse("registry:person_invite", args=[partnership.slug, person.pk]))
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nieuw@school.nl"]
    link = re.search(r"http://testserver(/accounts/wachtwoord-instellen/\S+)", mail.outbox[0].body).group(1)
    client.logout()
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": "Zomer-in-Groningen-2026", "new_password2": "Zomer-in-Groningen-2026"})
    assert client.login(username="nieuw@school.nl", password="Zomer-in-Groningen-2026")
    assert client.get(reverse("registry:dashboard", args=[partnership.slug])).status_code == 200


def test_person_without_email_cannot_be_invited(programme_lead, partnership):
    person = PersonFactory(partnership=partnership, email="")
    with pytest.raises(DomainError, match="e-mailadres"):
        services.person_invite(person=person, actor=programme_lead.user, base_url="http://x")


def test_body_seats_only_for_own_people(partnership, other_partnership, programme_lead):
    body = BodyFactory(partnership=partnership)
    stranger = PersonFactory(partnership=other_partnership)
    with pytest.raises(DomainError, match="Alleen mensen van dit partnerschap"):
        services.seat_add(body=body, person=stranger, seat_role="member", actor=programme_lead.user)


def test_local_role_names_are_used_in_lists(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    client.post(reverse("registry:role_names", args=[partnership.slug]), {Role.PROGRAMME_LEAD: "Regisseur"})
    assert partnership.role_names.get(role=Role.PROGRAMME_LEAD).local_name == "Regisseur"
    assert "Regisseur" in client.get(reverse("registry:people", args=[partnership.slug])).content.decode()


def test_people_list_query_count_is_flat(client, programme_lead, partnership, cluster, django_assert_max_num_queries):
    client.force_login(programme_lead.user)
    url = reverse("registry:people", args=[partnership.slug])
    for _ in range(25):
        RoleAssignmentFactory(person=PersonFactory(partnership=partnership), role=Role.ASSESSOR, cluster=cluster)
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200
