"""The people and body pages in Chromium: axe-core finds nothing serious on the pages the main browser test
does not visit (forms, confirmation, error states), and a lead adds a role with the keyboard only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from samenopleiden.registry.models import Role
from samenopleiden.registry.tests.factories import (
    BodyFactory,
    ClusterFactory,
    CredentialFactory,
    PersonFactory,
    RoleAssignmentFactory,
    SchoolBoardFactory,
    member,
)

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_people_pages_are_accessible(page, partnership):  # noqa: F811
    member(partnership, Role.PROGRAMME_LEAD, username="lead")
    cluster = ClusterFactory(partnership=partnership, board=SchoolBoardFactory(), name="Cluster Stad")
    person = PersonFactory(partnership=partnership, first_name="Femke", last_name="de Boer")
    RoleAssignmentFactory(person=person, role=Role.SCHOOL_TEACHER_EDUCATOR, cluster=cluster)
    today = timezone.localdate()
    CredentialFactory(person=person, kind="brlo", expires_on=today - dt.timedelta(days=3))
    CredentialFactory(person=person, kind="assessor", expires_on=today + dt.timedelta(days=30))
    body = BodyFactory(partnership=partnership, name="Stuurgroep")
    body.seats.create(person=person, seat_role="chair")
    sign_in(page, "lead")
    slug = partnership.slug
    urls = [
        reverse("registry:people", args=[slug]) + "?q=niemand",
        reverse("registry:person_detail", args=[slug, person.pk]),
        reverse("registry:person_edit", args=[slug, person.pk]),
        reverse("registry:person_delete", args=[slug, person.pk]),
        reverse("registry:body_detail", args=[slug, body.pk]),
        reverse("registry:body_add", args=[slug]),
        reverse("registry:body_edit", args=[slug, body.pk]),
    ]
    for url in urls:
        page.goto(url)
        assert page.locator("h1").count() == 1, url
        assert_accessible(page)
    page.goto(reverse("registry:person_add", args=[slug]))
    page.fill("#id_first_name", "Femke")
    page.fill("#id_last_name", "de Boer")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert_accessible(page)  # the form with its errors

    # keyboard only: choose a role on the person's page and submit it with Enter
    page.goto(reverse("registry:person_detail", args=[slug, person.pk]))
    page.focus("#id_role_role")
    page.select_option("#id_role_role", Role.ASSESSOR)
    page.focus("#id_role_start_date")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "De rol is toegevoegd" in page.content()
    assert person.roles.filter(role=Role.ASSESSOR).exists()
