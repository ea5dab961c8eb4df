"""The action list in Chromium: the lead's overview with the demo and empty, an action's page, and the owner
reporting progress with the keyboard."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samenopleiden.actions.models import Action
from samenopleiden.registry.models import Partnership, Role
from samenopleiden.registry.services.demo import load_demo
from samenopleiden.registry.tests.factories import PartnershipFactory, member

from .conftest import DEMO_PASSWORD, assert_accessible, assert_headings_in_order, assert_skip_link_works, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_action_pages_with_the_demo(page):
    load_demo()
    groningen = Partnership.objects.get(slug="groningen")
    sign_in(page, "programmaleider", DEMO_PASSWORD)
    action = Action.objects.filter(partnership=groningen, status="open").exclude(owner=None).first()
    for url in [
        reverse("actions:overview", args=[groningen.slug]),
        reverse("actions:overview", args=[groningen.slug]) + "?status=all",
        reverse("actions:action_detail", args=[groningen.slug, action.pk]),
        reverse("actions:action_edit", args=[groningen.slug, action.pk]),
        reverse("actions:action_add", args=[groningen.slug]),
    ]:
        assert page.goto(url).status == 200, url
        assert_headings_in_order(page)
        assert_accessible(page)
    page.goto(reverse("actions:overview", args=[groningen.slug]))
    assert "te laat" in page.inner_text("main")
    assert_skip_link_works(page)


def test_an_empty_action_list_says_where_actions_come_from(page):
    partnership = PartnershipFactory(name="Partnerschap Nieuwbouw", slug="nieuwbouw")
    member(partnership, Role.PROGRAMME_LEAD, username="nieuwelead")
    sign_in(page, "nieuwelead")
    page.goto(reverse("actions:overview", args=[partnership.slug]))
    assert "Nog geen acties" in page.inner_text("main")
    assert_accessible(page)


def test_the_owner_reports_progress(page, partnership, educator, programme_lead):
    from samenopleiden.actions.services import action_create

    action = action_create(partnership=partnership, title="Mentoren scholen", owner=educator, actor=None)
    sign_in(page, "educator")
    page.goto(reverse("actions:overview", args=[partnership.slug]))
    page.click("text=Mentoren scholen")
    page.click("text=Voortgang melden")
    page.select_option("#id_status", "bezig")
    page.fill("#id_progress_note", "Data staan in de agenda")
    page.click("main button[type=submit]")
    page.wait_for_url(f"**/acties/{action.pk}/")
    assert "Data staan in de agenda" in page.inner_text("main")
    action.refresh_from_db()
    assert action.status == "bezig"
