"""A new password by e-mail, without telling anyone which addresses have an account."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.urls import reverse

from samenopleiden.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
NEW = "Een-nieuw-wachtwoord-9"


@pytest.fixture
def anne(db):
    return UserFactory(username="anne", email="anne@school.nl")


def sign_in(client, username, password):
    client.logout()
    client.post(reverse("accounts:login"), {"username": username, "password": password})
    return client.session.get(SESSION_KEY)


def reset_link(message) -> str:
    match = re.search(r"http://testserver(/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def request_reset(client, email):
    return client.post(reverse("accounts:password_reset"), {"email": email})


def set_password(client, link, one=NEW, two=NEW):
    form_url = client.get(link, follow=True).redirect_chain[-1][0]  # the token moves into the session
    return client.post(form_url, {"new_password1": one, "new_password2": two})


def test_reset_by_email_sets_a_new_password(client, anne):
    response = request_reset(client, "Anne@School.nl")
    assert response.status_code == 302 and response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anne@school.nl"]
    assert message.subject == "Nieuw wachtwoord voor Samen Opleiden"
    assert "anne" in message.body  # the username, for those who forgot it
    response = set_password(client, reset_link(message))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:password_reset_complete")
    assert sign_in(client, "anne", NEW) == str(anne.pk)
    assert sign_in(client, "anne", "geheim-wachtwoord-1") is None


def test_a_link_works_once(client, anne):
    request_reset(client, "anne@school.nl")
    link = reset_link(mail.outbox[0])
    set_password(client, link)
    page = client.get(link, follow=True).content.decode()
    assert "Deze link werkt niet meer" in page
    assert 'name="new_password1"' not in page


def test_a_forged_link_does_not_work(client, anne):
    request_reset(client, "anne@school.nl")
    link = reset_link(mail.outbox[0])
    forged = re.sub(r"/[^/]+/$", "/verzonnen-token/", link)
    assert "Deze link werkt niet meer" in client.get(forged, follow=True).content.decode()
    assert sign_in(client, "anne", "geheim-wachtwoord-1") == str(anne.pk)


def test_two_different_passwords_give_a_dutch_error_and_change_nothing(client, anne):
    request_reset(client, "anne@school.nl")
    response = set_password(client, reset_link(mail.outbox[0]), NEW, NEW + "x")
    assert response.status_code == 200
    assert "komen niet overeen" in response.content.decode()
    assert sign_in(client, "anne", "geheim-wachtwoord-1") == str(anne.pk)


def test_unknown_email_shows_the_same_page_and_sends_nothing(client, anne):
    known = request_reset(client, "anne@school.nl")
    unknown = request_reset(client, "niemand@nergens.nl")
    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert len(mail.outbox) == 1  # only the known address got one
    page = client.get(unknown["Location"]).content.decode()
    assert "Kijk in uw mailbox" in page


def test_a_password_reset_lifts_the_sign_in_lock(client, anne):
    for _ in range(5):
        sign_in(client, "anne", "fout")
    assert sign_in(client, "anne", "geheim-wachtwoord-1") is None  # locked
    request_reset(client, "anne@school.nl")
    set_password(client, reset_link(mail.outbox[0]))
    assert sign_in(client, "anne", NEW) == str(anne.pk)


def test_changing_the_password_needs_the_old_one(client, anne):
    url = reverse("accounts:password_change")
    assert client.get(url)["Location"].startswith(reverse("accounts:login"))
    client.force_login(anne)
    wrong = client.post(url, {"old_password": "fout", "new_password1": NEW, "new_password2": NEW})
    assert wrong.status_code == 200
    right = client.post(url, {"old_password": "geheim-wachtwoord-1", "new_password1": NEW, "new_password2": NEW})
    assert right["Location"] == reverse("accounts:password_change_done")
    assert sign_in(client, "anne", NEW) == str(anne.pk)
