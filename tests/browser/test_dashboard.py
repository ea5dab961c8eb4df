"""The dashboard of a programme lead: the key figures, what needs attention, and the way on."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from samenopleiden.registry.models import Role
from samenopleiden.registry.tests.factories import ClusterFactory, CredentialFactory, MembershipFactory, PersonFactory

from .conftest import assert_accessible, assert_headings_in_order, assert_skip_link_works, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_dashboard_of_a_programme_lead(page, programme_lead, partnership, board, school, cluster):
    MembershipFactory(partnership=partnership, school=school)
    ClusterFactory(partnership=partnership, board=board, name="Cluster Ommeland")
    femke = PersonFactory(partnership=partnership, first_name="Femke", last_name="de Boer")
    femke.roles.create(partnership=partnership, role=Role.SCHOOL_TEACHER_EDUCATOR, cluster=cluster)
    CredentialFactory(person=femke, kind="brlo", expires_on=timezone.localdate() + dt.timedelta(days=20))
    sign_in(page, "lead")
    assert page.url.endswith(reverse("registry:dashboard", args=[partnership.slug]))
    assert page.locator("h1").inner_text() == "Overzicht"
    assert page.locator(".subnav a[aria-current=page]").inner_text() == "Overzicht"
    figures = page.inner_text("ul.cards")
    assert "1 schoolbesturen" in figures.replace("\n", " ")
    assert "2 opleidingsclusters" in figures.replace("\n", " ")
    main = page.inner_text("main")
    attention = main.split("Clusters zonder schoolopleider", 1)[1]
    assert "Cluster Ommeland" in attention and "Cluster Stad" not in attention.split("Bekwaamheden")[0]
    assert "Femke de Boer" in main.split("Bekwaamheden die binnen drie maanden verlopen", 1)[1]
    assert_headings_in_order(page)
    assert_accessible(page)
    assert_skip_link_works(page)

    # the way on: a figure leads to its page, by keyboard
    page.focus("ul.cards a:has-text('opleidingsclusters')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(reverse("registry:clusters", args=[partnership.slug]))


def test_an_educator_sees_their_own_clusters_not_the_figures(page, educator, partnership):
    sign_in(page, "educator")
    assert page.locator("h1").inner_text() == "Overzicht"
    # no partnership-wide figures, only the cards of the modules they may use
    assert page.locator("ul.cards:not(.cards--modules)").count() == 0
    assert "Cluster Stad" in page.inner_text("main")
    assert_accessible(page)
