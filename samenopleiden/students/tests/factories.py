from __future__ import annotations

from decimal import Decimal

import factory

from samenopleiden.registry.tests.factories import InstituteFactory, PartnershipFactory
from samenopleiden.students.models import Student


class StudentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Student

    partnership = factory.SubFactory(PartnershipFactory)
    school_year = "2025-2026"
    student_number = factory.Sequence(lambda n: f"{250000 + n}")
    institute = factory.SubFactory(InstituteFactory)
    programme_type = "hbo-bachelor"
    practice_percentage = Decimal(50)
    mode = "voltijd"
