"""The pages a person walks, in Chromium: accessibility (axe-core), keyboard use, HTMX interactions."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samenopleiden.registry.models import Body, Cluster, Partnership, Person, Role
from samenopleiden.registry.services.demo import load_demo
from samenopleiden.registry.tests.factories import PartnershipFactory, member

from .conftest import assert_accessible, assert_skip_link_works, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAIN_PAGES = [
    "dashboard",
    "clusters",
    "cluster_detail",
    "schools",
    "boards",
    "institutes",
    "people",
    "person_detail",
    "bodies",
    "body_detail",
    "imports",
    "import_people",
    "import_schools",
    "history",
    "partnership_edit",
    "role_names",
    "person_add",
    "cluster_add",
    "school_add",
]


def main_urls(partnership: Partnership) -> list[str]:
    cluster = Cluster.objects.filter(partnership=partnership).first()
    person = Person.objects.filter(partnership=partnership).first()
    body = Body.objects.filter(partnership=partnership).first()
    urls = []
    for name in MAIN_PAGES:
        args = [partnership.slug]
        if name == "cluster_detail":
            if cluster is None:
                continue
            args.append(cluster.pk)
        if name == "person_detail":
            args.append(person.pk)
        if name == "body_detail":
            if body is None:
                continue
            args.append(body.pk)
        urls.append(reverse(f"registry:{name}", args=args))
    return urls


def test_every_main_page_is_accessible_with_the_demo(page):
    load_demo()
    sign_in(page, "programmaleider", "samenopleiden-demo")
    groningen = Partnership.objects.get(slug="groningen")
    for url in [reverse("registry:directory"), reverse("registry:profile", args=["groningen"])] + main_urls(groningen):
        page.goto(url)
        assert page.locator("h1").count() == 1, url
        assert_accessible(page)
        assert_skip_link_works(page)


def test_pages_of_an_empty_partnership_explain_what_to_do(page):
    partnership = PartnershipFactory(name="Nieuw partnerschap", slug="nieuw")
    member(partnership, Role.PROGRAMME_LEAD, username="nieuwelead")
    sign_in(page, "nieuwelead")
    for url in main_urls(partnership):
        page.goto(url)
        assert_accessible(page)
    page.goto(reverse("registry:clusters", args=["nieuw"]))
    assert "nog geen opleidingsclusters" in page.content()
    page.goto(reverse("registry:schools", args=["nieuw"]))
    assert "nog geen scholen" in page.content()


def test_sign_in_with_the_keyboard_only(page, programme_lead):
    page.goto(reverse("accounts:login"))
    assert_accessible(page)
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # logo
    for _ in range(10):
        if page.evaluate("document.activeElement.id") == "id_username":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_username"
    page.keyboard.type("lead@example.org")  # the e-mail address works as well as the username
    page.keyboard.press("Tab")
    page.keyboard.type("geheim-wachtwoord-1")
    page.keyboard.press("Enter")
    page.wait_for_url("**/beheer/groningen/")
    assert page.locator("h1").inner_text() == "Overzicht"


def test_directory_filters_as_you_type(page):
    load_demo()
    page.goto(reverse("registry:directory"))
    assert_accessible(page)
    page.fill("#id_q", "Limburg")
    page.wait_for_function("document.querySelector('#results').innerText.includes('1 partnerschap gevonden')")
    assert "Academische Opleidingsschool Limburg" in page.inner_text("#results")
    page.select_option("#id_sector", "po")
    page.wait_for_function("document.querySelector('#results').innerText.includes('0 partnerschappen')")
    assert "geen partnerschap" in page.inner_text("#results").lower()


def test_add_and_remove_a_school_on_the_cluster_page(page, programme_lead, partnership, cluster, board):
    from samenopleiden.registry.tests.factories import MembershipFactory, SchoolFactory

    extra = SchoolFactory(board=board, name="Cbs De Kring", brin="34CD")
    MembershipFactory(partnership=partnership, school=extra)
    sign_in(page, "lead")
    page.goto(reverse("registry:cluster_detail", args=[partnership.slug, cluster.pk]))
    page.select_option("#id_school", str(extra.pk))
    page.click("#cluster-schools button:has-text('Toevoegen')")
    page.wait_for_function("document.querySelector('#cluster-schools').innerText.includes('Cbs De Kring')")
    assert cluster.schools.filter(pk=extra.pk).exists()
    assert_accessible(page)
    page.click("#cluster-schools li:has-text('Cbs De Kring') button")
    page.wait_for_function("!document.querySelector('#cluster-schools ul').innerText.includes('Cbs De Kring')")
    assert not cluster.schools.filter(pk=extra.pk).exists()


def test_the_accessibility_check_catches_a_bad_page(page):
    page.set_content('<html lang="nl"><body><main><input type="text"><img src="x.png"></main></body></html>')
    with pytest.raises(AssertionError, match="label|image-alt"):
        assert_accessible(page)
