"""Conversation sessions in Chromium: the overview, a guide, the held and the planned session of the demo with
their preparation, facilitator's view and shared screen; an empty partnership's pages; and the lead's main flow:
plan a session, add a participant, start it, take notes, step on while the shared screen follows, and put an
action on the action list."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from samenopleiden.actions.models import Action
from samenopleiden.conversations import session_content
from samenopleiden.conversations.demo_session import HELD, PLANNED
from samenopleiden.conversations.models import Guide, QuestionNote, Session
from samenopleiden.registry.models import Partnership, Role
from samenopleiden.registry.services.demo import load_demo
from samenopleiden.registry.tests.factories import PartnershipFactory, member

from .conftest import DEMO_PASSWORD, assert_accessible, assert_headings_in_order, assert_skip_link_works, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_session_pages_with_the_demo(page):
    load_demo()
    groningen = Partnership.objects.get(slug="groningen")
    held = Session.objects.get(partnership=groningen, title=HELD)
    planned = Session.objects.get(partnership=groningen, title=PLANNED)
    sign_in(page, "programmaleider", DEMO_PASSWORD)
    slug = groningen.slug
    for url in [
        reverse("conversations:overview", args=[slug]),
        reverse("conversations:guide_detail", args=[slug, held.guide_id]),
        reverse("conversations:session_detail", args=[slug, held.pk]),
        reverse("conversations:session_prepare", args=[slug, held.pk]),
        reverse("conversations:session_run", args=[slug, held.pk]),
        reverse("conversations:session_screen", args=[slug, held.pk]),
        reverse("conversations:session_detail", args=[slug, planned.pk]),
        reverse("conversations:session_add", args=[slug]),
    ]:
        assert page.goto(url).status == 200, url
        assert_headings_in_order(page)
        assert_accessible(page)
    page.goto(reverse("conversations:session_detail", args=[slug, held.pk]))
    main = page.inner_text("main")
    assert "We groeien met één cluster per bestuur" in main and "afgerond" in main
    page.goto(reverse("conversations:session_prepare", args=[slug, held.pk]))
    page.click("text=regels tonen >> nth=0")
    assert "plaatsen aangeboden" in page.inner_text("main")
    page.goto(reverse("conversations:overview", args=[slug]))
    assert_skip_link_works(page)


def test_the_pages_of_an_empty_partnership(page):
    session_content.load()  # the migration's rows are flushed between transactional tests
    partnership = PartnershipFactory(name="Partnerschap Nieuwbouw", slug="nieuwbouw")
    member(partnership, Role.PROGRAMME_LEAD, username="nieuwelead")
    sign_in(page, "nieuwelead")
    page.goto(reverse("conversations:overview", args=[partnership.slug]))
    assert "Er is nog geen gesprek gepland." in page.inner_text("main")
    assert_headings_in_order(page)
    assert_accessible(page)
    guide = Guide.objects.get(key="verdiepende-sessie")
    page.goto(reverse("conversations:guide_detail", args=[partnership.slug, guide.pk]))
    assert "Ronde 1: de placemat" in page.inner_text("main")
    assert_accessible(page)


def test_the_lead_plans_and_runs_a_session(page, browser, live_server):
    session_content.load()
    partnership = PartnershipFactory(name="Partnerschap Gesprek", slug="gesprek")
    lead = member(partnership, Role.PROGRAMME_LEAD, username="gesprekslead")
    sign_in(page, "gesprekslead")
    guide = Guide.objects.get(key="gelijkwaardige-samenwerking")
    page.goto(reverse("conversations:session_add", args=[partnership.slug]) + f"?leidraad={guide.pk}")
    page.fill("#id_title", "Ons gesprek")
    page.fill("#id_date", (timezone.localdate() + dt.timedelta(days=3)).isoformat())
    with page.expect_navigation():
        page.click("main button[type=submit]")
    session = Session.objects.get(partnership=partnership)
    page.click("text=Deelnemer toevoegen")
    page.fill("#id_name", "Bestuurder")
    page.select_option("#id_perspective", "school")
    with page.expect_navigation():
        page.click("form[action$='/deelnemers/'] button")
    assert "Bestuurder" in page.inner_text("main")
    with page.expect_navigation():
        page.click("text=Gesprek starten")
    assert "/leiden/" in page.url
    # a shared screen in a second window follows the facilitator
    screen_context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    screen = screen_context.new_page()
    screen.context.add_cookies(page.context.cookies())
    screen.goto(reverse("conversations:session_screen", args=[partnership.slug, session.pk]))
    assert "Stel je kort voor." in screen.inner_text("main")
    page.fill("#id_note-text", "Iedereen stelt zich voor")
    with page.expect_navigation():
        page.click("text=Aantekeningen opslaan")
    assert QuestionNote.objects.get(session=session).text == "Iedereen stelt zich voor"
    page.click("text=Volgende vraag")
    page.wait_for_selector("text=Vraag 2 van")
    screen.wait_for_function("document.querySelector('main').innerText.includes('associatiekaart')", timeout=10000)
    # an action without an owner is refused with a Dutch message; with an owner it lands on the action list
    page.fill("#id_action-title", "Verslag rondsturen")
    with page.expect_navigation():
        page.click("text=Actie op de actielijst zetten")
    assert "Een actie heeft een eigenaar" in page.inner_text("main")
    page.select_option("#id_action-owner", str(lead.pk))
    with page.expect_navigation():
        page.click("text=Actie op de actielijst zetten")
    assert Action.objects.get(partnership=partnership).title == "Verslag rondsturen"
    assert "Verslag rondsturen" in page.inner_text("main")
    screen_context.close()
