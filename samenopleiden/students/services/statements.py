"""The count as the penvoerder declares it: totals per category and institute for a school year, and an annex
that lists the counted students by pseudonym only. Freezing it keeps what was declared, whatever changes later."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from samenopleiden.core import history
from samenopleiden.core.errors import DomainError
from samenopleiden.registry.models import Institute, Partnership

from .. import counting, schoolyear
from ..models import CountStatement, Student

ANNEX_COLUMNS = ["pseudoniem", "instituut", "categorie", "opleidingstype", "percentage_praktijk", "variant"]


def pseudonym(partnership_id: int, institute_id: int, student_number: str) -> str:
    """A stable pseudonym: the same student gives the same code in every export of this platform, but the code
    does not lead back to the student number without the platform's secret key."""
    digest = salted_hmac("samenopleiden.students.pseudonym", f"{partnership_id}:{institute_id}:{student_number}")
    return "P-" + digest.hexdigest()[:12].upper()


def count_rows(partnership: Partnership, school_year: str) -> list[list[Any]]:
    """The count per student (studentnummer, categorie, reden, instituut): what `count_students` prints and the
    count export gives. Personal data: callers record the export."""
    result = counting.count(Student.objects.filter(partnership=partnership), school_year)
    codes = dict(Institute.objects.filter(pk__in={o.institute_id for o in result.outcomes}).values_list("pk", "code"))
    return [[o.student_number, o.category or "", o.reason.text(_), codes[o.institute_id]] for o in result.outcomes]


def statement_data(partnership: Partnership, school_year: str) -> dict[str, Any]:
    """Totals and pseudonymised annex of a school year's count, as plain data (stored as is when frozen)."""
    result = counting.count(Student.objects.filter(partnership=partnership), school_year)
    practice = dict(
        Student.objects.filter(pk__in=[o.student_id for o in result.counted]).values_list("pk", "practice_percentage")
    )
    names = dict(Institute.objects.filter(pk__in={o.institute_id for o in result.outcomes}).values_list("pk", "name"))
    institutes = [
        {"institute": names[pk], **row} for pk, row in sorted(result.by_institute().items(), key=lambda i: names[i[0]])
    ]
    annex = sorted(
        (
            {
                "pseudonym": pseudonym(partnership.pk, o.institute_id, o.student_number),
                "institute": names[o.institute_id],
                "category": o.category,
                "programme_type": o.programme_type,
                "practice_percentage": str(practice[o.student_id]) if practice.get(o.student_id) is not None else "",
                "mode": o.mode,
            }
            for o in result.counted
        ),
        key=lambda row: (row["institute"], row["category"], row["pseudonym"]),
    )
    return {
        "school_year": school_year,
        "count_date": result.count_date,
        "total": result.total,
        "categories": result.by_category(),
        "institutes": institutes,
        "not_counted": len(result.not_counted),
        "annex": annex,
    }


@transaction.atomic
def statement_freeze(
    *, partnership: Partnership, school_year: str, submitted_on: dt.date | None, note: str = "", actor: Any
) -> CountStatement:
    if schoolyear.parse(school_year) != school_year:
        raise DomainError(_("Kies een studiejaar zoals 2025-2026."))
    data = statement_data(partnership, school_year)
    if not data["total"]:
        raise DomainError(
            _("Er telt in %(year)s nog geen student mee: er is niets vast te leggen.") % {"year": school_year}
        )
    statement = CountStatement.objects.create(
        partnership=partnership,
        school_year=school_year,
        count_date=data["count_date"],
        total=data["total"],
        totals={"categories": data["categories"], "institutes": data["institutes"], "not_counted": data["not_counted"]},
        annex=data["annex"],
        submitted_on=submitted_on,
        note=note,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    history.record(
        actor=actor,
        obj=statement,
        action="created",
        changes={"studiejaar": school_year, "getelde studenten": data["total"]},
    )
    return statement


def statement_sheets(partnership: Partnership, data: dict[str, Any]) -> list[tuple[str, list[str], list[list[Any]]]]:
    """The statement as spreadsheet sheets: the declaration (totals) and the annex (pseudonyms)."""
    lead = partnership.lead_member
    declaration = [
        [_("partnerschap"), partnership.name],
        [_("penvoerder"), str(lead.party) if lead else ""],
        [_("studiejaar"), data["school_year"]],
        [
            _("peildatum"),
            data["count_date"].strftime("%d-%m-%Y") if hasattr(data["count_date"], "strftime") else data["count_date"],
        ],
        [_("getelde studenten"), data["total"]],
        *[[_("categorie %(c)s") % {"c": c}, n] for c, n in data["categories"].items()],
    ]
    by_institute = [
        [row["institute"], *[row.get(c, 0) for c in data["categories"]], row.get("total", 0)]
        for row in data["institutes"]
    ]
    annex = [
        [r["pseudonym"], r["institute"], r["category"], r["programme_type"], r["practice_percentage"], r["mode"]]
        for r in data["annex"]
    ]
    return [
        (_("Verklaring"), [_("onderdeel"), _("waarde")], declaration),
        (_("Per instituut"), [_("instituut"), *list(data["categories"]), _("totaal")], by_institute),
        (_("Bijlage"), ANNEX_COLUMNS, annex),
    ]
