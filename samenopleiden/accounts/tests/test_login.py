"""Signing in and out: username or e-mail, Dutch messages, and the lock after repeated failures."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from samenopleiden.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "geheim-wachtwoord-1"  # the factories' password
WRONG_LOGIN = "Deze combinatie van gebruikersnaam (of e-mailadres) en wachtwoord klopt niet."
LOCKED = "Te veel mislukte pogingen om in te loggen."


@pytest.fixture
def anne(db):
    return UserFactory(username="anne", email="Anne.Jansen@School.nl")


@pytest.fixture
def bram(db):
    return UserFactory(username="bram", email="bram@school.nl")


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post(reverse("accounts:login"), {"username": username, "password": password, **extra})


def signed_in_as(client):
    return client.session.get(SESSION_KEY)


def test_the_sign_in_page_is_dutch_and_labelled(client):
    page = client.get(reverse("accounts:login")).content.decode()
    assert '<label class="utrecht-form-label" for="id_username">Gebruikersnaam of e-mailadres' in page
    assert 'for="id_password"' in page
    assert "Wachtwoord vergeten?" in page


def test_sign_in_with_username(client, anne):
    response = sign_in(client, "anne")
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert signed_in_as(client) == str(anne.pk)


def test_sign_in_with_email_in_any_case(client, anne):
    response = sign_in(client, "anne.jansen@school.nl")
    assert response.status_code == 302
    assert signed_in_as(client) == str(anne.pk)


def test_an_email_address_two_accounts_share_signs_in_neither(client, anne):
    UserFactory(username="anne2", email="anne.jansen@school.nl")
    response = sign_in(client, "anne.jansen@school.nl")
    assert response.status_code == 200 and WRONG_LOGIN in response.content.decode()
    assert signed_in_as(client) is None


@pytest.mark.parametrize("username", ["anne", "niemand", "niemand@nergens.nl"])
def test_wrong_password_or_unknown_name_gives_the_same_dutch_message(client, anne, username):
    response = sign_in(client, username, "fout-wachtwoord")
    assert response.status_code == 200
    assert WRONG_LOGIN in response.content.decode()
    assert signed_in_as(client) is None


def test_an_inactive_account_cannot_sign_in(client, anne):
    anne.is_active = False
    anne.save()
    response = sign_in(client, "anne")
    assert response.status_code == 200 and signed_in_as(client) is None


def test_after_five_failures_the_account_is_locked_even_with_the_right_password(client, anne, bram):
    for _ in range(5):
        assert LOCKED not in sign_in(client, "anne", "fout").content.decode()
    response = sign_in(client, "anne")  # the right password, too late
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert signed_in_as(client) is None
    # another account, from the same address, is not locked
    assert sign_in(client, "bram").status_code == 302
    assert signed_in_as(client) == str(bram.pk)


def test_four_failures_do_not_lock_and_a_success_starts_the_count_again(client, anne):
    for _ in range(4):
        sign_in(client, "anne", "fout")
    assert sign_in(client, "anne").status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, "anne", "fout")
    assert sign_in(client, "anne").status_code == 302


def test_failures_by_username_and_by_email_count_for_the_same_account(client, anne):
    for name in ["anne", "ANNE.JANSEN@school.nl", "anne", "anne.jansen@school.nl", "Anne.Jansen@School.nl"]:
        sign_in(client, name, "fout")
    assert LOCKED in sign_in(client, "anne").content.decode()
    assert LOCKED in sign_in(client, "anne.jansen@school.nl").content.decode()


def test_one_address_trying_many_names_is_locked_too(client, anne):
    for k in range(20):
        sign_in(client, f"gok{k}", "fout")
    response = sign_in(client, "anne")
    assert LOCKED in response.content.decode() and signed_in_as(client) is None


def test_next_leads_back_to_the_page_but_never_off_site(client, anne):
    assert sign_in(client, "anne", next="/partnerschappen/")["Location"] == "/partnerschappen/"
    client.logout()
    assert sign_in(client, "anne", next="https://kwaadaardig.example.com/")["Location"] == reverse("home")


def test_logout_is_post_only(client, anne):
    client.force_login(anne)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert signed_in_as(client) == str(anne.pk)
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert signed_in_as(client) is None


def test_the_page_shows_a_post_form_to_sign_out(client, anne):
    client.force_login(anne)
    page = client.get(reverse("home")).content.decode()
    assert f'<form method="post" action="{reverse("accounts:logout")}"' in page


def test_english_only_when_chosen(client):
    assert "Wachtwoord vergeten?" in client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": reverse("accounts:login")})
    assert 'lang="en"' in client.get(reverse("accounts:login")).content.decode()
