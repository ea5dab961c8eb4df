"""Reads of student numbers for other modules and for the pages. Personal data never leaves through here: these
are totals. Callers pass the partnership; the pages check access first (core.access)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Sum

from samenopleiden.registry.models import Institute, Partnership

from . import counting
from .models import InstituteEnrolment, Mode, Student


def category_counts(partnership: Partnership, school_year: str) -> dict[str, int]:
    """Eligible students on the count date per category "a".."h", and "" for those who do not count."""
    result = counting.count(Student.objects.filter(partnership=partnership), school_year)
    counts = result.by_category()
    counts[""] = len(result.not_counted)
    return counts


def institute_totals(partnership: Partnership, school_year: str) -> list[dict[str, Any]]:
    """Per institute of the partnership and mode: students trained in the partnership (enrolled on the count
    date), and all students of that institute in that mode as the institute reported them (None: not reported)."""
    result = counting.count(Student.objects.filter(partnership=partnership), school_year)
    trained: dict[tuple[int, str], int] = defaultdict(int)
    for outcome in result.outcomes:
        if outcome.present:
            trained[(outcome.institute_id, outcome.mode)] += 1
    institutes = {
        i.pk: i for i in Institute.objects.filter(memberships__partnership=partnership).order_by("name").distinct()
    }
    institutes |= {i.pk: i for i in Institute.objects.filter(pk__in={key[0] for key in trained})}
    reported = {
        (row["institute_id"], row["mode"]): row["total"]
        for row in InstituteEnrolment.objects.filter(institute__in=list(institutes), school_year=school_year)
        .values("institute_id", "mode")
        .annotate(total=Sum("total"))
    }
    rows = []
    for institute in sorted(institutes.values(), key=lambda i: i.name):
        for mode in Mode.values:
            key = (institute.pk, mode)
            if key in trained or key in reported:
                rows.append(
                    {"institute": institute, "mode": mode, "trained": trained.get(key, 0), "total": reported.get(key)}
                )
    return rows


def student_outcomes(
    visible: Any,
    school_year: str,
    *,
    institute_id: int | None = None,
    mode: str = "",
    category: str = "",
    cluster_id: int | None = None,
    q: str = "",
) -> tuple[counting.Count, list[counting.Outcome]]:
    """The count of the students the user may see, and its outcomes narrowed by the list's filters.
    `category`: "a".."h", "telt" (counts), "telt-niet" (does not count), or "" (all)."""
    result = counting.count(visible, school_year)
    rows = result.outcomes
    if institute_id:
        rows = [o for o in rows if o.institute_id == institute_id]
    if mode:
        rows = [o for o in rows if o.mode == mode]
    if cluster_id:
        rows = [o for o in rows if o.cluster_id == cluster_id]
    if q:
        rows = [o for o in rows if q.lower() in o.student_number.lower()]
    if category == "telt":
        rows = [o for o in rows if o.category]
    elif category == "telt-niet":
        rows = [o for o in rows if not o.category]
    elif category:
        rows = [o for o in rows if o.category == category]
    return result, rows


def years_with_students(partnership: Partnership) -> list[str]:
    return list(
        Student.objects.filter(partnership=partnership)
        .order_by("-school_year")
        .values_list("school_year", flat=True)
        .distinct()
    )
