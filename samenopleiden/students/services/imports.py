"""Import of an institute's student export for one school year (CSV or XLSX).

Students are matched on institute + student number within the partnership and school year: importing the same
file again changes nothing, a corrected file updates what changed. With `replace`, students of the institutes in
the file who are no longer in it are removed (the file is then the complete list). Everything is checked first:
one bad row and nothing is imported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopleiden.core import history
from samenopleiden.core.errors import DomainError
from samenopleiden.core.imports import RowError, formula_errors, read_table
from samenopleiden.registry.models import Cluster, Institute, Partnership, School

from .. import schoolyear
from ..models import Mode, ProgrammeType, Student

COLUMNS = [
    "studentnummer",
    "instituut",
    "opleidingstype",
    "percentage_praktijk",
    "ec_praktijk",
    "benoemd_als_leraar",
    "geschiktheidsverklaring",
    "extraneus",
    "variant",
    "vak",
    "studiejaar",
    "school",
    "startdatum",
    "einddatum",
]
ALIASES = {
    "student": "studentnummer",
    "studentnr": "studentnummer",
    "studentnr.": "studentnummer",
    "student nummer": "studentnummer",
    "lerarenopleiding": "instituut",
    "instelling": "instituut",
    "opleiding type": "opleidingstype",
    "type opleiding": "opleidingstype",
    "% praktijk": "percentage_praktijk",
    "praktijk %": "percentage_praktijk",
    "praktijk": "percentage_praktijk",
    "ec": "ec_praktijk",
    "benoemd": "benoemd_als_leraar",
    "opleidingsvariant": "variant",
    "leerjaar": "studiejaar",
    "brin": "school",
    "begindatum": "startdatum",
}
YES = {"ja", "j", "yes", "y", "1", "waar", "true", "x"}
NO = {"nee", "n", "no", "0", "onwaar", "false", ""}
MODES = {"voltijd": Mode.FULL_TIME, "vt": Mode.FULL_TIME, "deeltijd": Mode.PART_TIME, "dt": Mode.PART_TIME}
MODES |= {"duaal": Mode.DUAL, "du": Mode.DUAL}
NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,29}$")


def header_name(name: str) -> str:
    """'Percentage praktijk', 'percentage-praktijk' and 'percentage_praktijk' are one column."""
    plain = name.strip().lower()
    if plain in ALIASES:
        return ALIASES[plain]
    joined = re.sub(r"[\s-]+", "_", plain)
    return ALIASES.get(joined, joined)


@dataclass
class StudentPlan:
    school_year: str
    errors: list[RowError] = field(default_factory=list)
    new: list[Student] = field(default_factory=list)
    changed: list[tuple[Student, dict[str, list[Any]]]] = field(default_factory=list)
    unchanged: int = 0
    removed: list[Student] = field(default_factory=list)
    institutes: set[int] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def summary(self) -> list[tuple[int, str]]:
        """(number, label) for the preview."""
        rows = [(len(self.new), _("nieuw")), (len(self.changed), _("gewijzigd")), (self.unchanged, _("ongewijzigd"))]
        if self.removed:
            rows.append((len(self.removed), _("verwijderd (niet meer in het bestand)")))
        return rows


def _decimal(text: str) -> Decimal:
    cleaned = text.replace("%", "").replace(" ", "").replace(",", ".")
    value = Decimal(cleaned)
    if not value.is_finite():
        raise InvalidOperation
    return value


def parse_date(text: str) -> dt.date:
    """dd-mm-jjjj, d-m-jjjj, dd/mm/jjjj or jjjj-mm-dd (what Excel gives)."""
    text = text.strip().split(" ")[0].split("T")[0]
    for pattern in ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a calendar date, no time)
        except ValueError:
            continue
    raise ValueError(text)


def _places(partnership: Partnership) -> tuple[dict[str, School], dict[int, Cluster]]:
    """The schools of the partnership by BRIN + branch code, and the cluster each one is in (the first by name)."""
    schools = {
        s.brin_code: s
        for s in School.objects.filter(memberships__partnership=partnership).distinct()
        | School.objects.filter(clusters__partnership=partnership).distinct()
    }
    cluster_of: dict[int, Cluster] = {}
    for cluster in partnership.clusters.order_by("-name").prefetch_related("schools"):
        for school in cluster.schools.all():
            cluster_of[school.pk] = cluster
    return schools, cluster_of


def plan(
    data: bytes,
    filename: str,
    *,
    partnership: Partnership,
    school_year: str,
    allowed_institutes: set[int] | None = None,
    replace: bool = False,
    today: dt.date | None = None,
) -> StudentPlan:
    """Read and check the whole file. `allowed_institutes`: None for the lead (every institute of the partnership),
    or the institutes whose placement office the importer is."""
    year = schoolyear.parse(school_year)
    if year is None:
        raise DomainError(_("Kies een studiejaar zoals 2025-2026."))
    today = today or timezone.localdate()
    table = read_table(data, filename)
    table.header = [header_name(h) for h in table.header]
    table.rows = [(n, {header_name(k): v for k, v in cells.items()}) for n, cells in table.rows]
    if "studentnummer" not in table.header:
        raise DomainError(
            _("De kopregel mist de kolom studentnummer. Gevonden kolommen: %(found)s. Gebruik het sjabloon.")
            % {"found": ", ".join(h for h in table.header if h) or _("geen")}
        )
    unknown = [h for h in table.header if h and h not in COLUMNS]
    result = StudentPlan(school_year=year, errors=formula_errors(table))
    if unknown:
        result.errors.append(
            RowError(
                1,
                "",
                _("onbekende kolom(men): %(unknown)s. Bekende kolommen: %(known)s.")
                % {"unknown": ", ".join(unknown), "known": ", ".join(COLUMNS)},
            )
        )
    institutes = {i.code.lower(): i for i in Institute.objects.filter(memberships__partnership=partnership)}
    if allowed_institutes is not None:
        institutes = {code: i for code, i in institutes.items() if i.pk in allowed_institutes}
    only_institute = next(iter(institutes.values())) if len(institutes) == 1 else None
    schools, cluster_of = _places(partnership)
    sector = partnership.sectors[0] if len(partnership.sectors) == 1 else ""
    existing = {
        (s.institute_id, s.student_number): s for s in Student.objects.filter(partnership=partnership, school_year=year)
    }
    seen: dict[tuple[int, str], int] = {}
    first_day, last_day = schoolyear.start(year), schoolyear.end(year)

    for number, cells in table.rows:
        errors_before = len(result.errors)

        def error(column: str, message: str, number: int = number) -> None:
            result.errors.append(RowError(number, column, message))

        student_number = cells.get("studentnummer", "").strip()
        if not student_number:
            error("studentnummer", _("het studentnummer ontbreekt."))
        elif not NUMBER.match(student_number):
            error(
                "studentnummer",
                _("'%(v)s' is geen geldig studentnummer (letters en cijfers, hooguit 30).")
                % {"v": student_number[:40]},
            )
        code = cells.get("instituut", "").strip().lower()
        institute = institutes.get(code) if code else only_institute
        if code and institute is None:
            if allowed_institutes is not None:
                message = _("'%(v)s' is niet de lerarenopleiding waarvoor u studenten mag importeren.")
            else:
                message = _(
                    "'%(v)s' is geen lerarenopleiding van dit partnerschap (gebruik de code, bijvoorbeeld nhlstenden)."
                )
            error("instituut", message % {"v": cells["instituut"][:40]})
        elif institute is None:
            error("instituut", _("vul de code van de lerarenopleiding in: dit partnerschap werkt met meer dan één."))
        values: dict[str, Any] = {}
        raw_type = re.sub(r"[\s_]+", "-", cells.get("opleidingstype", "").strip().lower())
        if raw_type and raw_type not in ProgrammeType.values:
            error(
                "opleidingstype",
                _("'%(v)s' is geen opleidingstype; kies uit %(choices)s.")
                % {"v": cells["opleidingstype"][:40], "choices": ", ".join(ProgrammeType.values)},
            )
        values["programme_type"] = raw_type or ProgrammeType.OTHER
        for column, name, top in (
            ("percentage_praktijk", "practice_percentage", 100),
            ("ec_praktijk", "practice_ec", 360),
        ):
            text = cells.get(column, "").strip()
            values[name] = None
            if text:
                try:
                    value = _decimal(text)
                except InvalidOperation:
                    error(column, _("'%(v)s' is geen getal.") % {"v": text[:40]})
                    continue
                if not 0 <= value <= top:
                    error(column, _("%(v)s ligt niet tussen 0 en %(top)s.") % {"v": text[:40], "top": top})
                else:
                    values[name] = value.quantize(Decimal("0.01") if top == 100 else Decimal("0.1"))
        for column, name in (
            ("benoemd_als_leraar", "appointed_as_teacher"),
            ("geschiktheidsverklaring", "suitability_statement"),
            ("extraneus", "external"),
        ):
            text = cells.get(column, "").strip().lower()
            if text in YES:
                values[name] = True
            elif text in NO:
                values[name] = False
            else:
                error(column, _("'%(v)s' is geen ja of nee.") % {"v": cells[column][:40]})
        mode = cells.get("variant", "").strip().lower()
        if mode and mode not in MODES:
            error("variant", _("'%(v)s' is geen variant; kies voltijd, deeltijd of duaal.") % {"v": mode[:40]})
        values["mode"] = MODES.get(mode, Mode.FULL_TIME)
        values["subject"] = cells.get("vak", "").strip()[:100]
        values["study_year"] = None
        study = cells.get("studiejaar", "").strip()
        if study:
            as_year = schoolyear.parse(study)
            if as_year and as_year != year:
                error(
                    "studiejaar",
                    _("deze rij hoort bij %(v)s, maar u importeert %(year)s.") % {"v": as_year, "year": year},
                )
            elif not as_year:
                if study.isdigit() and 1 <= int(study) <= 8:
                    values["study_year"] = int(study)
                else:
                    error(
                        "studiejaar", _("'%(v)s' is geen jaar van de opleiding (1 tot en met 8).") % {"v": study[:40]}
                    )
        school = None
        if cells.get("school", "").strip():
            brin = cells["school"].upper().replace(" ", "")
            school = schools.get(brin + "00" if len(brin) == 4 else brin)
            if school is None:
                error(
                    "school",
                    _("'%(v)s' is geen school van dit partnerschap (BRIN + vestiging, bijvoorbeeld 12AB00).")
                    % {"v": cells["school"][:40]},
                )
        values["school_id"] = school.pk if school else None
        cluster = cluster_of.get(school.pk) if school else None
        values["cluster_id"] = cluster.pk if cluster else None
        values["sector"] = school.sector if school else sector
        for column, name in (("startdatum", "start_date"), ("einddatum", "end_date")):
            text = cells.get(column, "").strip()
            values[name] = None
            if text:
                try:
                    values[name] = parse_date(text)
                except ValueError:
                    error(column, _("'%(v)s' is geen datum (dd-mm-jjjj).") % {"v": text[:40]})
        start, end = values["start_date"], values["end_date"]
        if start and start > last_day:
            error(
                "startdatum",
                _("%(v)s ligt na het einde van studiejaar %(year)s.") % {"v": start.strftime("%d-%m-%Y"), "year": year},
            )
        elif start and start > today + dt.timedelta(days=366):
            error("startdatum", _("%(v)s ligt meer dan een jaar in de toekomst.") % {"v": start.strftime("%d-%m-%Y")})
        if end and end < first_day:
            error(
                "einddatum",
                _("%(v)s ligt vóór het begin van studiejaar %(year)s.") % {"v": end.strftime("%d-%m-%Y"), "year": year},
            )
        if start and end and end < start:
            error("einddatum", _("de einddatum ligt vóór de startdatum."))
        if institute is not None and student_number:
            key = (institute.pk, student_number)
            if key in seen:
                error("studentnummer", _("dit studentnummer staat ook op rij %(row)s.") % {"row": seen[key]})
                result.errors.append(
                    RowError(
                        seen[key], "studentnummer", _("dit studentnummer staat ook op rij %(row)s.") % {"row": number}
                    )
                )
            seen.setdefault(key, number)
        if len(result.errors) > errors_before or institute is None:
            continue
        result.institutes.add(institute.pk)
        current = existing.get((institute.pk, student_number))
        if current is None:
            result.new.append(
                Student(
                    partnership=partnership,
                    school_year=year,
                    institute=institute,
                    student_number=student_number,
                    **values,
                )
            )
            continue
        delta = {
            name: [getattr(current, name), value] for name, value in values.items() if getattr(current, name) != value
        }
        if delta:
            result.changed.append((current, delta))
        else:
            result.unchanged += 1
    if replace and result.ok:
        result.removed = [s for key, s in existing.items() if key not in seen and s.institute_id in result.institutes]
    return result


@transaction.atomic
def apply(import_plan: StudentPlan, *, partnership: Partnership, actor: Any, filename: str = "") -> dict[str, int]:
    if not import_plan.ok:
        raise DomainError(_("Het bestand bevat fouten; er is niets geïmporteerd."))
    Student.objects.bulk_create(import_plan.new, batch_size=2000)
    # one UPDATE per batch and per set of changed columns: a corrected file usually changes one or two columns
    by_columns: dict[tuple[str, ...], list[Student]] = defaultdict(list)
    for student, delta in import_plan.changed:
        for name, (_old, new) in delta.items():
            setattr(student, name, new)
        student.version += 1
        by_columns[tuple(sorted(delta))].append(student)
    for columns, rows in by_columns.items():
        Student.objects.bulk_update(rows, [*columns, "version"], batch_size=1000)
    history.record_many(
        actor=actor,
        partnership=partnership,
        rows=[(student, "imported", delta) for student, delta in import_plan.changed],
    )
    removed = [s.pk for s in import_plan.removed]
    for start in range(0, len(removed), 2000):
        Student.objects.filter(pk__in=removed[start : start + 2000]).delete()
    summary = {
        "created": len(import_plan.new),
        "updated": len(import_plan.changed),
        "unchanged": import_plan.unchanged,
        "removed": len(removed),
    }
    history.record(
        actor=actor,
        obj=partnership,
        action="imported",
        changes={"studenten": filename or _("bestand"), "studiejaar": import_plan.school_year, **summary},
    )
    return summary


def template_workbook() -> bytes:
    """The XLSX template: the columns, two example rows and a sheet that explains each column."""
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Studenten"
    sheet.append(COLUMNS)
    sheet.append(
        [
            "240001",
            "nhlstenden",
            "hbo-bachelor",
            "50",
            "",
            "nee",
            "nee",
            "nee",
            "voltijd",
            "",
            "2",
            "12AB00",
            "01-09-2025",
            "31-07-2026",
        ]
    )
    sheet.append(
        [
            "240002",
            "nhlstenden",
            "hbo-bachelor",
            "30",
            "",
            "ja",
            "ja",
            "nee",
            "deeltijd",
            "",
            "1",
            "12AB00",
            "01-09-2025",
            "",
        ]
    )
    notes = workbook.create_sheet("Toelichting")
    notes.append(["kolom", "toelichting"])
    for column, text in [
        ("studentnummer", _("verplicht; het nummer bij de lerarenopleiding (geen naam, geen BSN)")),
        ("instituut", _("de code van de lerarenopleiding in het platform; mag leeg als het partnerschap er één heeft")),
        ("opleidingstype", ", ".join(ProgrammeType.values)),
        ("percentage_praktijk", _("deel van het curriculum in de praktijk, 0 tot en met 100")),
        ("ec_praktijk", _("studiepunten in de praktijk (voor de educatieve minor)")),
        ("benoemd_als_leraar, geschiktheidsverklaring, extraneus", _("ja of nee")),
        ("variant", _("voltijd, deeltijd of duaal")),
        ("vak", _("het vak (vo) of leeg (po)")),
        ("studiejaar", _("het jaar van de opleiding, 1 tot en met 4")),
        ("school", _("BRIN + vestigingsnummer, bijvoorbeeld 12AB00")),
        ("startdatum, einddatum", _("dd-mm-jjjj; op de peildatum moet de student ingeschreven zijn")),
    ]:
        notes.append([column, text])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- a big file in the background (core.jobs) ------------------------------------------------------------------

JOB_KIND = "students.import"
BACKGROUND_BYTES = 250_000  # above this (roughly 2,500 rows) the import runs as a background job


def run_import_job(job: Any, *, pending_id: int, allowed: list[int] | None) -> dict[str, Any]:
    """Import a previewed file (kept as a PendingImport) in the background, reporting progress."""
    from django.urls import reverse

    from samenopleiden.core.jobs import job_progress
    from samenopleiden.core.models import PendingImport

    pending = PendingImport.objects.select_related("partnership").filter(pk=pending_id, kind="students").first()
    if pending is None:
        raise DomainError(_("Het bestand is niet meer beschikbaar; upload het opnieuw."))
    partnership = pending.partnership
    job_progress(job, 0.1, _("Bestand controleren"))
    import_plan = plan(
        bytes(pending.content),
        pending.filename,
        partnership=partnership,
        school_year=pending.options["school_year"],
        allowed_institutes=set(allowed) if allowed is not None else None,
        replace=pending.options.get("replace", False),
    )
    job_progress(job, 0.6, _("Studenten opslaan"))
    counts = apply(import_plan, partnership=partnership, actor=pending.created_by, filename=pending.filename)
    pending.delete()
    return {
        "message": _(
            "Import klaar: %(created)s nieuw, %(updated)s gewijzigd, %(unchanged)s ongewijzigd, %(removed)s verwijderd."
        )
        % counts,
        "url": f"{reverse('students:students', args=[partnership.slug])}?jaar={import_plan.school_year}",
        "link_text": _("Naar de studentenlijst"),
    }
