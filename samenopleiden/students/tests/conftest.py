"""Personas and rows for the students module: the partnership of the root conftest works with two institutes;
`office` is the placement office (stagebureau) of the first."""

from __future__ import annotations

import pytest

from samenopleiden.registry.models import Role
from samenopleiden.registry.tests.factories import InstituteFactory, MembershipFactory, SchoolFactory, member

from .factories import StudentFactory


@pytest.fixture
def pabo(partnership):
    institute = InstituteFactory(code="pabo", name="Pabo Noord")
    MembershipFactory(partnership=partnership, institute=institute)
    return institute


@pytest.fixture
def ulo(partnership):
    institute = InstituteFactory(code="ulo", name="Universitaire Lerarenopleiding", level="wo")
    MembershipFactory(partnership=partnership, institute=institute)
    return institute


@pytest.fixture
def office(partnership, pabo):
    person = member(partnership, Role.PLACEMENT_OFFICE, username="stagebureau")
    person.institute = pabo
    person.save()
    return person


@pytest.fixture
def member_school(partnership, board, school):
    MembershipFactory(partnership=partnership, school=school)
    return school


@pytest.fixture
def other_school(board):
    return SchoolFactory(board=board, name="Cbs Buiten", brin="99ZZ")


@pytest.fixture
def students(partnership, pabo, ulo, cluster, member_school):
    """Four students of 2025-2026: a, not counting (35%), h (appointed), and one of the ulo in c."""
    return [
        StudentFactory(
            partnership=partnership,
            institute=pabo,
            student_number="1001",
            practice_percentage=50,
            school=member_school,
            cluster=cluster,
        ),
        StudentFactory(partnership=partnership, institute=pabo, student_number="1002", practice_percentage=35),
        StudentFactory(
            partnership=partnership,
            institute=pabo,
            student_number="1003",
            practice_percentage=20,
            appointed_as_teacher=True,
            mode="deeltijd",
        ),
        StudentFactory(
            partnership=partnership,
            institute=ulo,
            student_number="2001",
            programme_type="wo-master-60",
            practice_percentage=45,
        ),
    ]
