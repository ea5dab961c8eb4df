"""Every main page in Chromium, as the programme lead: with the demo's data and for a new, empty partnership.
axe-core finds nothing serious, the headings are in order, the skip link leads into the content, and the empty
pages say what to do. A URL name that does not exist fails here (it must exist: see docs/conventions)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samenopleiden.registry.models import Cluster, Partnership, Person, Role
from samenopleiden.registry.services.demo import load_demo
from samenopleiden.registry.tests.factories import (
    ClusterFactory,
    MembershipFactory,
    PartnershipFactory,
    PersonFactory,
    SchoolBoardFactory,
    member,
)

from .conftest import DEMO_PASSWORD, assert_accessible, assert_headings_in_order, assert_skip_link_works, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# URL names of the registry (plus the sign-in page), see the conventions of the project.
MAIN_PAGES = [
    "login",
    "directory",
    "profile",
    "dashboard",
    "history",
    "clusters",
    "cluster_detail",
    "schools",
    "boards",
    "institutes",
    "people",
    "person_detail",
    "bodies",
    "imports",
    "partnership_edit",
    "role_names",
]
# Pages reached from the main pages (forms, details), checked in one go with the demo's data.
MORE_PAGES = ["body_detail", "person_add", "cluster_add", "school_add", "board_add", "institute_add", "body_add"]
MORE_PAGES += ["import_people", "import_schools"]

# What a page of an empty partnership says (a part of its empty state).
EMPTY_STATES = {
    "clusters": "nog geen opleidingsclusters",
    "schools": "nog geen scholen",
}


def main_url(name: str, partnership: Partnership) -> str:
    if name == "login":
        return reverse("accounts:login")
    if name == "directory":
        return reverse("registry:directory")
    kwargs: dict[str, object] = {"slug": partnership.slug}
    if name in ("cluster_detail", "cluster_edit"):
        kwargs["pk"] = Cluster.objects.filter(partnership=partnership).order_by("name").first().pk
    elif name in ("person_detail", "person_edit"):
        kwargs["pk"] = Person.objects.filter(partnership=partnership).order_by("last_name").first().pk
    elif name == "body_detail":
        kwargs["pk"] = partnership.bodies.order_by("name").first().pk
    return reverse(f"registry:{name}", kwargs=kwargs)


def with_demo() -> tuple[Partnership, str, str]:
    load_demo()
    return Partnership.objects.get(slug="groningen"), "programmaleider", DEMO_PASSWORD


def empty_partnership(page_name: str) -> tuple[Partnership, str, str]:
    """A new partnership with its lead and nothing else; a detail page gets its one (empty) object."""
    partnership = PartnershipFactory(name="Partnerschap Nieuwbouw", slug="nieuwbouw")
    member(partnership, Role.PROGRAMME_LEAD, username="nieuwelead")
    if page_name == "cluster_detail":
        board = SchoolBoardFactory(name="Stichting Nieuwbouw")
        MembershipFactory(partnership=partnership, board=board)
        ClusterFactory(partnership=partnership, board=board, name="Cluster zonder scholen")
    if page_name == "person_detail":
        PersonFactory(partnership=partnership, first_name="Anna", last_name="Aalders")  # no roles, no credentials
    return partnership, "nieuwelead", "geheim-wachtwoord-1"


@pytest.mark.parametrize("data", ["demo", "leeg"])
@pytest.mark.parametrize("name", MAIN_PAGES)
def test_main_pages_accessible(page, name, data):
    partnership, username, password = with_demo() if data == "demo" else empty_partnership(name)
    if name != "login":
        sign_in(page, username, password)
    url = main_url(name, partnership)
    response = page.goto(url)
    assert response.status == 200, f"{url}: status {response.status}"
    assert_headings_in_order(page)
    assert_accessible(page)
    if data == "leeg" and name in EMPTY_STATES:
        assert EMPTY_STATES[name] in page.inner_text("main")


def test_every_main_page_can_be_reached_with_the_keyboard(page):
    """On every page the first Tab reaches the skip link, Enter moves focus to the content, Tab goes on inside it."""
    partnership, username, password = with_demo()
    problems = []

    def check(name: str) -> None:
        try:
            page.goto(main_url(name, partnership))
            assert_skip_link_works(page)
        except Exception as error:  # every page is tried; all problems are reported together
            problems.append(f"{name}: {error}")

    for name in ("login", "directory", "profile"):  # as a visitor
        check(name)
    sign_in(page, username, password)
    for name in [n for n in MAIN_PAGES if n != "login"]:
        check(name)
    assert not problems, "\n".join(problems)


def test_the_other_pages_are_accessible_with_the_demo(page):
    partnership, username, password = with_demo()
    sign_in(page, username, password)
    problems = []
    for name in MORE_PAGES:
        try:
            url = main_url(name, partnership)
            response = page.goto(url)
            assert response.status == 200, f"{url}: status {response.status}"
            assert_headings_in_order(page)
            assert_accessible(page)
        except Exception as error:  # every page is tried; all problems are reported together
            problems.append(f"{name}: {error}")
    assert not problems, "\n\n".join(problems)


def test_add_and_remove_a_school_on_the_cluster_page(page, programme_lead, partnership, cluster, board):
    from samenopleiden.registry.tests.factories import SchoolFactory

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


def test_the_heading_check_catches_a_skipped_level(page):
    page.set_content('<html lang="nl"><body><main><h1>Titel</h1><h3>Te diep</h3></main></body></html>')
    with pytest.raises(AssertionError, match="niveau"):
        assert_headings_in_order(page)


def test_the_skip_link_check_catches_a_page_without_one(page):
    page.set_content('<html lang="nl"><body><a href="/">Home</a><main id="main"><p>Tekst</p></main></body></html>')
    with pytest.raises(AssertionError, match="link naar de inhoud"):
        assert_skip_link_works(page)
