"""'Vind elkaar', the public directory: searching and filtering update the results as you type."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samenopleiden.registry.services.demo import load_demo

from .conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def results(page) -> str:
    return page.inner_text("#results")


def test_directory_filters_as_you_type(page):
    load_demo()
    page.goto(reverse("registry:directory"))
    assert_accessible(page)
    assert "partnerschappen gevonden" in results(page)
    page.focus("#id_q")
    page.keyboard.type("Limburg")
    page.wait_for_function("document.querySelector('#results').innerText.includes('1 partnerschap gevonden')")
    assert "Academische Opleidingsschool Limburg" in results(page)
    assert "q=Limburg" in page.url  # the search can be bookmarked and shared
    assert_accessible(page)
    page.select_option("#id_sector", "po")
    page.wait_for_function("document.querySelector('#results').innerText.includes('0 partnerschappen')")
    assert "geen partnerschap" in results(page).lower()
    assert_accessible(page)  # the empty state too


def test_a_shared_search_link_shows_its_results_and_leads_to_the_profile(page):
    load_demo()
    page.goto(reverse("registry:directory") + "?q=Limburg")
    assert "1 partnerschap gevonden" in results(page)
    with page.expect_navigation():
        page.click("#results a:has-text('Academische Opleidingsschool Limburg')")
    assert page.locator("h1").inner_text().startswith("Academische Opleidingsschool Limburg")
    assert_accessible(page)
