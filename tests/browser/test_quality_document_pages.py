"""The core document in Chromium: the quality overview, the framework, the document, a section, its editor, the
versions, completeness, feedback and approval pages with the demo and for an empty partnership, and the lead
starting a document, writing a section with a live data block and ticking a guiding question."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samenopleiden.quality.models import CoreSection
from samenopleiden.quality.services_document import framework_load
from samenopleiden.registry.models import Partnership, Role
from samenopleiden.registry.services.demo import load_demo
from samenopleiden.registry.tests.factories import PartnershipFactory, member

from .conftest import DEMO_PASSWORD, assert_accessible, assert_headings_in_order, assert_skip_link_works, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_document_pages_with_the_demo(page):
    load_demo()
    groningen = Partnership.objects.get(slug="groningen")
    section = CoreSection.objects.get(partnership=groningen, title="In- en doorstroom")
    slug = groningen.slug
    sign_in(page, "programmaleider", DEMO_PASSWORD)
    for url in [
        reverse("quality:overview", args=[slug]),
        reverse("quality:framework", args=[slug]),
        reverse("quality:document", args=[slug]),
        reverse("quality:completeness", args=[slug]),
        reverse("quality:section", args=[slug, section.pk]),
        reverse("quality:section_edit", args=[slug, section.pk]),
        reverse("quality:section_versions", args=[slug, section.pk]),
        reverse("quality:round_add", args=[slug]),
        reverse("quality:approval_add", args=[slug]),
        reverse("quality:norms", args=[slug]),
        reverse("quality:document_edit", args=[slug]),
    ]:
        assert page.goto(url).status == 200, url
        assert_headings_in_order(page)
        assert_accessible(page)
    page.goto(reverse("quality:section", args=[slug, section.pk]))
    main = page.inner_text("main")
    assert "Capaciteit: opleidingsplaatsen per cluster" in main and "zij-instromers" in main
    page.goto(reverse("quality:document", args=[slug]))
    assert "Eerste lezing leeromgeving en organisatie" in page.inner_text("main")
    assert_skip_link_works(page)


def test_the_pages_of_an_empty_partnership(page):
    framework_load()  # the migration's rows are flushed between transactional tests
    partnership = PartnershipFactory(name="Partnerschap Nieuwbouw", slug="nieuwbouw")
    member(partnership, Role.PROGRAMME_LEAD, username="nieuwelead")
    sign_in(page, "nieuwelead")
    for url, text in [
        (reverse("quality:overview", args=[partnership.slug]), "nog geen kerndocument"),
        (reverse("quality:document", args=[partnership.slug]), "nog geen kerndocument"),
        (reverse("quality:framework", args=[partnership.slug]), "In- en doorstroom"),
        (reverse("quality:norms", args=[partnership.slug]), "nog geen faciliteringsnormen"),
    ]:
        assert page.goto(url).status == 200, url
        assert text in page.inner_text("main")
        assert_headings_in_order(page)
        assert_accessible(page)


def test_the_lead_starts_and_writes(page, partnership, programme_lead):
    framework_load()
    sign_in(page, "lead")
    page.goto(reverse("quality:document", args=[partnership.slug]))
    page.click("text=Kerndocument starten")
    page.fill("#id_title", "Ons kerndocument")
    page.click("main button[type=submit]")
    page.wait_for_url("**/kwaliteit/kerndocument/")
    page.click("text=Ontwerp")
    page.click("text=Bewerken")
    page.fill("#id_body", "Onze **ontwerpprincipes**.\n\n[[gegevens:profiel]]")
    page.locator("aside input[type=checkbox]").first.check()
    page.click("main button[type=submit]")
    page.wait_for_url("**/secties/*/")
    main = page.inner_text("main")
    assert "ontwerpprincipes" in main and "Profiel van het partnerschap" in main and "behandeld" in main
    assert_accessible(page)
