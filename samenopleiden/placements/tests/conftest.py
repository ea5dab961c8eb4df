from __future__ import annotations

import pytest

from samenopleiden.registry.tests.factories import MembershipFactory, SchoolFactory
from samenopleiden.students.tests.conftest import office, other_school, pabo, ulo  # noqa: F401 (fixtures)
from samenopleiden.students.tests.factories import StudentFactory


@pytest.fixture
def schools(partnership, board, school, cluster):
    """The cluster's school (12AB00) and a second member school outside any cluster (34CD00)."""
    MembershipFactory(partnership=partnership, school=school)
    loose = SchoolFactory(board=board, name="Cbs De Kring", brin="34CD", postcode="9401 AB")
    MembershipFactory(partnership=partnership, school=loose)
    return school, loose


@pytest.fixture
def pupils(partnership, pabo):  # noqa: F811
    return [
        StudentFactory(partnership=partnership, institute=pabo, student_number=n, school_year="2025-2026")
        for n in ("3001", "3002", "3003")
    ]
