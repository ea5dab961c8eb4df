"""Personas shared by every test: a programme lead, a reader and an educator of one partnership,
and an outsider who leads another partnership and should see nothing of the first."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils import translation

from samenopleiden.registry.models import Role
from samenopleiden.registry.tests.factories import (
    ClusterFactory,
    MembershipFactory,
    PartnershipFactory,
    SchoolBoardFactory,
    SchoolFactory,
    UserFactory,
    member,
)


@pytest.fixture(autouse=True)
def dutch():
    """Every test starts in Dutch: a request in English (the language switch) leaves its language active in the
    thread, and a service called directly afterwards would otherwise answer in English."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def partnership(db):
    return PartnershipFactory(name="Partnerschap Groningen", slug="groningen")


@pytest.fixture
def board(partnership):
    board = SchoolBoardFactory(name="Stichting Quadraten")
    MembershipFactory(partnership=partnership, board=board)
    return board


@pytest.fixture
def school(board):
    return SchoolFactory(board=board, name="Obs De Wilgen", brin="12AB", branch_code="00")


@pytest.fixture
def cluster(partnership, board, school):
    cluster = ClusterFactory(partnership=partnership, board=board, name="Cluster Stad")
    cluster.schools.add(school)
    return cluster


@pytest.fixture
def programme_lead(partnership):
    return member(partnership, Role.PROGRAMME_LEAD, username="lead")


@pytest.fixture
def reader(partnership):
    return member(partnership, Role.STEERING_MEMBER, username="reader")


@pytest.fixture
def educator(partnership, cluster):
    return member(partnership, Role.SCHOOL_TEACHER_EDUCATOR, username="educator", cluster=cluster)


@pytest.fixture
def other_partnership(db):
    return PartnershipFactory(name="Partnerschap Elders", slug="elders")


@pytest.fixture
def outsider(other_partnership):
    return member(other_partnership, Role.PROGRAMME_LEAD, username="outsider")


@pytest.fixture
def admin_user(db):
    return UserFactory(username="platformbeheer", is_superuser=True, is_staff=True)
