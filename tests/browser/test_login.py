"""Signing in with the keyboard only, the way someone without a mouse does it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from .conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def focused(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.getAttribute('href') || ''")


def test_sign_in_with_the_keyboard_only(page, programme_lead):
    page.goto(reverse("accounts:login"))
    assert_accessible(page)
    page.keyboard.press("Tab")
    assert focused(page) == "#main", "de eerste Tab komt niet op de link 'Direct naar de inhoud'"
    page.keyboard.press("Enter")
    assert focused(page) == "main"
    page.keyboard.press("Tab")
    assert focused(page) == "id_username", "na de link naar de inhoud is de gebruikersnaam niet het eerste veld"
    page.keyboard.type("lead@example.org")  # the e-mail address works as well as the username
    page.keyboard.press("Tab")
    assert focused(page) == "id_password"
    page.keyboard.type("geheim-wachtwoord-1")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/beheer/groningen/" in url)  # (with #main from the skip link)
    assert page.locator("h1").inner_text() == "Overzicht"
    assert page.get_by_role("button", name="Uitloggen").is_visible()


def test_a_wrong_password_is_explained_and_the_form_stays_usable(page, programme_lead):
    page.goto(reverse("accounts:login"))
    page.fill("#id_username", "lead")
    page.fill("#id_password", "verkeerd")
    page.keyboard.press("Enter")
    page.wait_for_selector("[role=alert]")
    assert "/accounts/inloggen/" in page.url
    assert page.locator("[role=alert]").inner_text().strip(), "geen foutmelding"
    assert page.input_value("#id_username") == "lead"
    assert_accessible(page)
