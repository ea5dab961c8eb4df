"""The live board in Chromium: two participants join on phones with the code (no account); a post-it of one
appears on the other's screen without reloading; an overlong post-it is refused and kept; the lead works the demo's
board (groups, the shared screen) and an empty partnership's fresh board."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from samenopleiden.conversations import assessment_content, demo_board
from samenopleiden.conversations.models import Guide, PostIt, Session
from samenopleiden.registry.models import Partnership, Role
from samenopleiden.registry.services.demo import load_demo
from samenopleiden.registry.tests.factories import PartnershipFactory, member

from .conftest import DEMO_PASSWORD, assert_accessible, assert_headings_in_order, assert_skip_link_works, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    # a screen's open stream (server-sent events) may still be waiting in a live-server thread when a test ends; its
    # last look at the database then fails in that thread, after the test, which is harmless
    pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning"),
]


def phone_context(browser, live_server):
    return browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )


def join(page, code: str, perspective: str) -> None:
    assert page.goto(reverse("conversations:board_join_start")).status == 200
    assert_headings_in_order(page)
    assert_accessible(page)
    page.fill("#id_code", code.lower())
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert_accessible(page)
    page.get_by_label(perspective, exact=True).check()
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert "/bord/" in page.url


def test_two_participants_on_phones_see_each_others_postits_live(browser, live_server, partnership):
    assessment_content.load()
    session = Session.objects.create(
        partnership=partnership,
        guide=Guide.objects.create(title="Verdiepende sessie"),
        title="Gesprek in de aula",
        status=Session.Status.RUNNING,
        code_valid_until=timezone.now() + dt.timedelta(hours=2),
    )
    first, second = phone_context(browser, live_server), phone_context(browser, live_server)
    try:
        alice, bob = first.new_page(), second.new_page()
        for page in (alice, bob):
            page.set_default_timeout(15000)
        join(alice, session.code, "lerarenopleiding")
        join(bob, session.code, "student")
        assert_headings_in_order(bob)
        assert_accessible(bob)
        assert bob.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        assert bob.locator("#board-reload").is_hidden()  # the page updates itself
        alice.get_by_role("radio", name="gaat goed").check()
        alice.fill("#id_text", "We roosteren <b>samen</b>")
        with alice.expect_navigation():
            alice.click("form.postit-form button[type=submit]")
        assert "Uw post-it staat op het bord" in alice.inner_text("main")
        # on Bob's phone, without reloading
        # (the one-second bar is bench/live_board.py's; here a slow, loaded test machine gets ten seconds)
        bob.locator("[data-postits='cgoed'] .postit").filter(has_text="We roosteren <b>samen</b>").wait_for(
            timeout=10000
        )
        # an overlong post-it: refused with a message, the text stays in the form
        long_text = "Heel lang verhaal. " * 600
        bob.get_by_role("radio", name="kan beter").check()
        bob.fill("#id_text", long_text)
        bob.evaluate("document.querySelector('#id_text').removeAttribute('maxlength')")
        bob.fill("#id_text", long_text)
        with bob.expect_navigation():
            bob.click("form.postit-form button[type=submit]")
        assert "ten hoogste 500 tekens" in bob.inner_text("main")
        assert bob.input_value("#id_text").strip() == long_text.strip()
        assert_accessible(bob)
        assert PostIt.objects.count() == 1
    finally:
        first.close()
        second.close()


def test_the_lead_with_the_demo_board(page):
    load_demo()
    groningen = Partnership.objects.get(slug="groningen")
    session = Session.objects.get(partnership=groningen, title=demo_board.TITLE)
    sign_in(page, "programmaleider", DEMO_PASSWORD)
    for name in ("board", "board_screen"):
        assert page.goto(reverse(f"conversations:{name}", args=[groningen.slug, session.pk])).status == 200
        assert_headings_in_order(page)
        assert_accessible(page)
    page.goto(reverse("conversations:board", args=[groningen.slug, session.pk]))
    main = page.inner_text("main")
    assert demo_board.CODE in main and "Zeggenschap" in main and "Placemat" in main
    assert_skip_link_works(page)
    loose = PostIt.objects.filter(board__session=session, group__isnull=True).first()
    page.select_option(f"#move-{loose.pk}", label="Rollen")
    with page.expect_navigation():
        page.click(f"#postit-{loose.pk} button[type=submit]")
    loose.refresh_from_db()
    assert loose.group.name == "Rollen"


def test_an_empty_partnership_gets_an_empty_board(page):
    assessment_content.load()
    partnership = PartnershipFactory(name="Partnerschap Nieuwbouw", slug="nieuwbouw")
    member(partnership, Role.PROGRAMME_LEAD, username="nieuwelead")
    session = Session.objects.create(
        partnership=partnership, guide=Guide.objects.create(title="Leidraad"), title="Eerste gesprek"
    )
    sign_in(page, "nieuwelead")
    page.goto(reverse("conversations:board", args=[partnership.slug, session.pk]))
    assert "nog niet gegroepeerd" in page.inner_text("main")
    assert_headings_in_order(page)
    assert_accessible(page)
    page.fill("#id_votes_per_participant", "2")
    with page.expect_navigation():
        page.click("button[value=open]")
    assert "Het stemmen is open" in page.inner_text("main")
    assert_accessible(page)
