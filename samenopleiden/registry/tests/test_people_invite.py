"""Giving a person access: the lead presses "Toegang geven", the person receives an e-mail, sets a password
through its link and signs in; what they may see follows from their roles."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from samenopleiden.registry.models import Person, Role, RoleAssignment
from samenopleiden.registry.tests.factories import PersonFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Zomer-in-Groningen-2026"


def invite(client, lead, person) -> str:
    """As `lead`, invite `person`; return the path of the link in the e-mail."""
    client.force_login(lead.user)
    response = client.post(reverse("registry:person_invite", args=[person.partnership.slug, person.pk]), follow=True)
    assert f"Er is een uitnodiging gestuurd naar {person.email}" in response.content.decode()
    client.logout()
    match = re.search(r"http://testserver(/accounts/wachtwoord-instellen/\S+/)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


def set_password(client, link: str, password: str = PASSWORD) -> None:
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": password, "new_password2": password})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:password_reset_complete")


def test_invited_person_sets_a_password_and_signs_in(client, programme_lead, partnership):
    person = PersonFactory(partnership=partnership, first_name="Sanne", email="sanne@school.nl")
    RoleAssignmentFactory(person=person, role=Role.STEERING_MEMBER)
    link = invite(client, programme_lead, person)
    message = mail.outbox[0]
    assert message.to == ["sanne@school.nl"] and message.subject == "Uw toegang tot Samen Opleiden"
    assert not client.login(username="sanne@school.nl", password=PASSWORD)  # no password before the link
    set_password(client, link)
    response = client.post(reverse("accounts:login"), {"username": "sanne@school.nl", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("registry:people", args=[partnership.slug])).status_code == 200  # a reader
    assert client.get(reverse("registry:person_add", args=[partnership.slug])).status_code == 403  # not a lead
    assert Person.objects.get(pk=person.pk).user.get_username() == "sanne@school.nl"


def test_the_link_works_once(client, programme_lead, partnership):
    person = PersonFactory(partnership=partnership, email="eenmalig@school.nl")
    link = invite(client, programme_lead, person)
    set_password(client, link)
    client.logout()
    response = client.get(link, follow=True)
    assert "new_password1" not in response.content.decode()


def test_rights_follow_the_roles(client, programme_lead, partnership):
    """An invited person without a current role signs in but sees nothing of the partnership."""
    person = PersonFactory(partnership=partnership, email="zonderrol@school.nl")
    role = RoleAssignmentFactory(person=person, role=Role.STEERING_MEMBER)
    set_password(client, invite(client, programme_lead, person))
    assert client.login(username="zonderrol@school.nl", password=PASSWORD)
    people = reverse("registry:people", args=[partnership.slug])
    assert client.get(people).status_code == 200
    RoleAssignment.objects.filter(pk=role.pk).delete()
    assert client.get(people).status_code == 404


def test_existing_user_with_that_email_is_linked_not_duplicated(client, programme_lead, partnership):
    existing = UserFactory(username="pvdberg", email="p.vandenberg@school.nl")
    person = PersonFactory(partnership=partnership, email="p.vandenberg@school.nl")
    RoleAssignmentFactory(person=person, role=Role.BOARD_MEMBER)
    users = get_user_model().objects.count()
    set_password(client, invite(client, programme_lead, person))
    assert get_user_model().objects.count() == users
    assert Person.objects.get(pk=person.pk).user == existing
    assert client.login(username="pvdberg", password=PASSWORD)
    assert client.get(reverse("registry:bodies", args=[partnership.slug])).status_code == 200


def test_inviting_again_reuses_the_account(client, programme_lead, partnership):
    person = PersonFactory(partnership=partnership, email="twee@school.nl")
    invite(client, programme_lead, person)
    invite(client, programme_lead, person)
    assert len(mail.outbox) == 2
    assert get_user_model().objects.filter(email="twee@school.nl").count() == 1
