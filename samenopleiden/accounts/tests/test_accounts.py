import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from samenopleiden.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/inloggen/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anne(db):
    return UserFactory(username="anne", email="Anne@School.nl")


def sign_in(client, username, password="geheim-wachtwoord-1"):
    return client.post(LOGIN, {"username": username, "password": password})


def test_sign_in_with_username_or_email(client, anne):
    assert sign_in(client, "anne").status_code == 302
    client.logout()
    assert sign_in(client, "anne@school.nl").status_code == 302  # e-mail, in any case


def test_wrong_password_gives_a_dutch_message(client, anne):
    response = sign_in(client, "anne", "fout")
    assert response.status_code == 200
    assert "klopt niet" in response.content.decode()


def test_account_is_locked_after_five_failures_others_are_not(client, anne):
    UserFactory(username="bram")
    for _ in range(5):
        sign_in(client, "anne", "fout")
    response = sign_in(client, "anne")  # the right password, too late
    assert response.status_code == 200 and "Te veel mislukte pogingen" in response.content.decode()
    assert sign_in(client, "bram").status_code == 302


def test_password_reset_by_email(client, anne):
    response = client.post(reverse("accounts:password_reset"), {"email": "anne@school.nl"})
    assert response.status_code == 302 and len(mail.outbox) == 1
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": "Een-nieuw-wachtwoord-9", "new_password2": "Een-nieuw-wachtwoord-9"})
    assert sign_in(client, "anne", "Een-nieuw-wachtwoord-9").status_code == 302


def test_unknown_email_looks_the_same_and_sends_nothing(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "niemand@nergens.nl"}, follow=True)
    assert "Kijk in uw mailbox" in response.content.decode()
    assert mail.outbox == []


def test_logout_is_post_only(client, anne):
    client.force_login(anne)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302


def test_english_only_when_chosen(client):
    assert "Wachtwoord vergeten?" in client.get(LOGIN, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": LOGIN})
    assert 'lang="en"' in client.get(LOGIN).content.decode()
