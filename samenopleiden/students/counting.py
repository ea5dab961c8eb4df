"""The count: who counts for the subsidy on the count date (peildatum) of a school year, in which category, and
why the others do not. Everything that reports numbers of students (the count page, the statement, the subsidy,
the coverage monitor, other modules) counts here.

One query per count: the rows come as plain values and the rule (`eligibility.decide`, cached on the facts) runs in
Python, so the whole country (tens of thousands of students) is counted in well under a second.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.db.models import QuerySet

from . import eligibility, schoolyear
from .eligibility import Decision, Facts, Reason

FIELDS = (
    "pk",
    "partnership_id",
    "student_number",
    "institute_id",
    "programme_type",
    "practice_percentage",
    "practice_ec",
    "appointed_as_teacher",
    "suitability_statement",
    "external",
    "mode",
    "sector",
    "subject",
    "school_id",
    "cluster_id",
    "start_date",
    "end_date",
)


def _(text: str) -> str:  # marks the sentences below for translation; shown with Reason.text(gettext)
    return text


@dataclass(slots=True)
class Outcome:
    """One student on the count date: the category (None: does not count) and the reason for it."""

    student_id: int
    partnership_id: int
    student_number: str
    institute_id: int
    mode: str
    sector: str
    subject: str
    school_id: int | None
    cluster_id: int | None
    programme_type: str
    present: bool  # enrolled on the count date
    decision: Decision  # what the regulation's rule says of the facts, whatever the dates
    category: str | None
    reason: Reason


@dataclass
class Count:
    school_year: str
    count_date: dt.date
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def counted(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.category]

    @property
    def not_counted(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.category]

    @property
    def total(self) -> int:
        return len(self.counted)

    def by_category(self) -> dict[str, int]:
        found = Counter(o.category for o in self.counted)
        return {category: found.get(category, 0) for category in eligibility.CATEGORIES}

    def by_institute(self) -> dict[int, dict[str, int]]:
        """institute id -> {category: n, ..., "total": counted, "students": all imported}."""
        table: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys([*eligibility.CATEGORIES, "total"], 0))
        for o in self.outcomes:
            row = table[o.institute_id]
            row["students"] = row.get("students", 0) + 1
            if o.category:
                row[o.category] += 1
                row["total"] += 1
        return dict(table)

    def by_partnership(self) -> dict[int, int]:
        return dict(Counter(o.partnership_id for o in self.counted))


@lru_cache(maxsize=4096)
def _decide(
    programme_type: str,
    practice_percentage: Decimal | None,
    practice_ec: Decimal | None,
    appointed: bool,
    statement: bool,
    external: bool,
) -> Decision:
    """The rule, once per distinct set of facts (a country has a few hundred, not tens of thousands)."""
    return eligibility.decide(Facts(programme_type, practice_percentage, practice_ec, appointed, statement, external))


def _date(value: dt.date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def outcome(row: tuple[Any, ...], count_date: dt.date) -> Outcome:
    """One row of `FIELDS` (as values_list gives it) on the count date."""
    (
        pk,
        partnership_id,
        number,
        institute_id,
        programme_type,
        percentage,
        ec,
        appointed,
        statement,
        external,
        mode,
        sector,
        subject,
        school_id,
        cluster_id,
        start,
        end,
    ) = row
    decision = _decide(programme_type, percentage, ec, appointed, statement, external)
    present = (start is None or start <= count_date) and (end is None or end >= count_date)
    category, reason = decision.category, decision.reason
    if not present:
        params = {"count_date": _date(count_date), "start": _date(start), "end": _date(end)}
        category = None
        reason = (
            Reason(_("Niet ingeschreven op de peildatum (%(count_date)s): begint op %(start)s."), params)
            if start and start > count_date
            else Reason(_("Niet meer ingeschreven op de peildatum (%(count_date)s): gestopt op %(end)s."), params)
        )
    return Outcome(
        pk,
        partnership_id,
        number,
        institute_id,
        mode,
        sector,
        subject,
        school_id,
        cluster_id,
        programme_type,
        present,
        decision,
        category,
        reason,
    )


def count_date(school_year: str) -> dt.date:
    """The count date of a school year: the administrator's rate table says, else 1 October."""
    from .models import FundingRate

    found = FundingRate.objects.filter(school_year=school_year).values_list("count_date", flat=True).first()
    return found or schoolyear.default_count_date(school_year)


def count(students: QuerySet[Any], school_year: str, *, on: dt.date | None = None) -> Count:
    """The count of `students` (already limited to what the caller may see) for one school year."""
    day = on or count_date(school_year)
    rows = students.filter(school_year=school_year).order_by("student_number").values_list(*FIELDS)
    return Count(school_year, day, [outcome(row, day) for row in rows])


def percent(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))
