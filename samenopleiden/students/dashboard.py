from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from samenopleiden.core import access
from samenopleiden.core.dashboard import Card

from . import counting, schoolyear
from .models import Student


def cards(ctx, partnership, today: dt.date) -> list[Card]:
    totals = access.sees_student_totals(ctx, partnership)
    if not (totals or access.sees_students(ctx, partnership)):
        return []
    year = schoolyear.current(today)
    scope = Student.objects.filter(partnership=partnership) if totals else access.students_visible(ctx, partnership)
    result = counting.count(scope, year)
    return [
        Card(
            _("Studenten"),
            len(result.outcomes),
            _("studenten in %(year)s, van wie %(n)s meetellen voor de subsidie") % {"year": year, "n": result.total},
            reverse("students:overview", args=[partnership.slug]),
            _("Naar de studenten"),
        )
    ]
