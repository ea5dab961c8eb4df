"""The self-assessment in Chromium: a respondent fills in the whole form on a phone-sized screen without an
account, comes back to the same response; the lead sees the demo's results (blind spot, hidden perspective, trend),
an empty partnership's page, and the library of good practices."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from samenopleiden.conversations import assessment_content
from samenopleiden.conversations.models import AssessmentResponse, AssessmentRound, Dilemma, Statement
from samenopleiden.conversations.services_assessment import round_create
from samenopleiden.registry.models import Partnership, Role
from samenopleiden.registry.services.demo import load_demo
from samenopleiden.registry.tests.factories import PartnershipFactory, member

from .conftest import DEMO_PASSWORD, assert_accessible, assert_headings_in_order, assert_skip_link_works, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(browser, live_server, transactional_db):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def test_a_respondent_fills_in_the_form_on_a_phone(phone, partnership):
    assessment_content.load()
    found = round_create(
        partnership=partnership,
        title="Zelfevaluatie 2026",
        opened_on=timezone.localdate() - dt.timedelta(days=1),
        actor=None,
    )
    url = reverse("conversations:assessment_respond", args=[found.token])
    assert phone.goto(url).status == 200
    assert_headings_in_order(phone)
    assert_accessible(phone)
    # nothing sticks out sideways on a phone
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    phone.get_by_label("lerarenopleiding").check()
    phone.select_option("#id_level", "uitvoering")
    statements = list(Statement.objects.order_by("pk"))
    for index, statement in enumerate(statements):
        value = "nvt" if index == 0 else str(1 + index % 5)
        phone.locator(f"input[name='s{statement.pk}'][value='{value}']").check()
    first = statements[1]
    phone.locator(f"#id_c{first.pk}").evaluate("el => el.closest('details').open = true")
    phone.fill(f"#id_c{first.pk}", "<b>Goed</b> overleg")
    phone.locator("input[name='barriers']").first.check()
    for dilemma in Dilemma.objects.all():
        phone.locator(f"input[name='d{dilemma.pk}'][value='3']").check()
    with phone.expect_navigation():
        phone.click("main button[type=submit]")
    assert "/bedankt/" in phone.url and "Dank u wel" in phone.inner_text("main")
    response = AssessmentResponse.objects.get(round=found)
    assert response.perspective == "instituut" and response.barrier_answers.count() == 1
    assert response.statement_answers.get(statement=first).comment == "<b>Goed</b> overleg"
    # back to the form: the same response, with its answers filled in
    phone.click("text=Mijn antwoorden aanpassen")
    assert "U hebt al meegedaan" in phone.inner_text("main")
    assert phone.locator(f"input[name='s{first.pk}'][value='2']").is_checked()
    with phone.expect_navigation():
        phone.click("main button[type=submit]")
    assert AssessmentResponse.objects.filter(round=found).count() == 1


def test_a_missing_answer_keeps_the_others_on_a_phone(phone, partnership):
    assessment_content.load()
    found = round_create(partnership=partnership, title="Ronde", opened_on=timezone.localdate(), actor=None)
    phone.goto(reverse("conversations:assessment_respond", args=[found.token]))
    phone.get_by_label("student", exact=True).check()
    with phone.expect_navigation():
        phone.click("main button[type=submit]")
    assert "Nog niet alles is goed ingevuld" in phone.inner_text("main")
    assert phone.get_by_label("student", exact=True).is_checked()
    assert_accessible(phone)
    assert not AssessmentResponse.objects.exists()


def test_the_results_with_the_demo(page):
    load_demo()
    groningen = Partnership.objects.get(slug="groningen")
    current = AssessmentRound.objects.filter(partnership=groningen).order_by("-opened_on").first()
    sign_in(page, "programmaleider", DEMO_PASSWORD)
    for url in [
        reverse("conversations:assessment_rounds", args=[groningen.slug]),
        reverse("conversations:assessment_round_detail", args=[groningen.slug, current.pk]),
        reverse("conversations:assessment_round_add", args=[groningen.slug]),
        reverse("conversations:practices_partnership", args=[groningen.slug]),
        reverse("conversations:practice_propose", args=[groningen.slug]),
        reverse("conversations:practices"),
    ]:
        assert page.goto(url).status == 200, url
        assert_headings_in_order(page)
        assert_accessible(page)
    page.goto(reverse("conversations:assessment_round_detail", args=[groningen.slug, current.pk]))
    main = page.inner_text("main")
    assert "blinde vlek" in main
    assert "minder dan drie antwoorden" in main
    assert "Vergelijking met eerdere rondes" in main
    assert current.token in page.input_value("#respond-link")
    assert_skip_link_works(page)
    page.goto(reverse("conversations:practices"))
    page.select_option("#id_dilemma", str(Dilemma.objects.get(key="schaal").pk))
    page.click("main form button[type=submit]")
    assert "Kern en schil" in page.inner_text("main")
    assert "Schoolopleiders in de toetscommissie" not in page.inner_text("main")


def test_an_empty_partnership_says_how_to_start(page):
    partnership = PartnershipFactory(name="Partnerschap Nieuwbouw", slug="nieuwbouw")
    member(partnership, Role.PROGRAMME_LEAD, username="nieuwelead")
    sign_in(page, "nieuwelead")
    page.goto(reverse("conversations:assessment_rounds", args=[partnership.slug]))
    assert "Nog geen zelfevaluatie" in page.inner_text("main")
    assert_accessible(page)
    page.click("text=Nieuwe ronde openen")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert "Link voor de deelnemers" in page.inner_text("main")
    assert AssessmentRound.objects.filter(partnership=partnership).count() == 1
