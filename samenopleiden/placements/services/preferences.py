"""Students' preferences for a placement: ranked wishes (schools or clusters), the days they can be at school, a
denomination or concept, a postcode and the farthest they will travel. Entered per student or imported from a
file (CSV or XLSX), like every import: checked whole first, all or nothing, the same file twice changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from samenopleiden.core import editing, history
from samenopleiden.core.errors import DomainError
from samenopleiden.core.imports import RowError, formula_errors, read_table
from samenopleiden.registry.models import Cluster, Institute, Partnership, School
from samenopleiden.students.models import Student

from ..models import DAY_CODES, Period, Preference, Wish
from .capacity import schools_of

MAX_WISHES = 10
COLUMNS = [
    "studentnummer",
    "instituut",
    *[f"wens{i}" for i in range(1, 6)],
    "beschikbare_dagen",
    "denominatie",
    "concept",
    "postcode",
    "max_km",
    "schooltype_vorig_jaar",
]
VALUE_FIELDS = ("available_days", "denominations", "concepts", "postcode", "max_km", "previous_school_type")


def header_name(name: str) -> str:
    plain = re.sub(r"[\s-]+", "_", name.strip().lower())
    return {"dagen": "beschikbare_dagen", "km": "max_km", "maximale_afstand": "max_km"}.get(plain, plain)


def parse_days(text: str) -> tuple[str, list[str]]:
    """'di, do' / 'di do' / 'dinsdag;donderdag' -> ('di,do', []); unknown days are returned as the second part."""
    found, wrong = [], []
    for part in re.split(r"[\s,;/]+", text.strip().lower()):
        if not part:
            continue
        code = part[:2]
        if code in DAY_CODES and (len(part) == 2 or part.startswith(code)):
            if code not in found:
                found.append(code)
        else:
            wrong.append(part)
    return ",".join(sorted(found, key=DAY_CODES.index)), wrong


class Targets:
    """What a wish may name: a school of the partnership by BRIN (+ vestiging), or one of its clusters by name."""

    def __init__(self, partnership: Partnership) -> None:
        self.schools = {s.brin_code: s for s in schools_of(partnership)}
        self.by_brin: dict[str, list[School]] = {}
        for school in self.schools.values():
            self.by_brin.setdefault(school.brin, []).append(school)
        self.clusters = {c.name.lower(): c for c in partnership.clusters.all()}

    def find(self, text: str) -> School | Cluster | None:
        code = text.upper().replace(" ", "")
        if len(code) == 6 and code in self.schools:
            return self.schools[code]
        if len(code) == 4 and len(self.by_brin.get(code, [])) == 1:
            return self.by_brin[code][0]
        return self.clusters.get(text.strip().lower())


@dataclass
class PreferenceRow:
    student: Student
    values: dict[str, Any]
    wishes: list[School | Cluster]


@dataclass
class PreferencePlan:
    school_year: str
    period: str
    errors: list[RowError] = field(default_factory=list)
    rows: list[PreferenceRow] = field(default_factory=list)
    new: int = 0
    changed: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def summary(self) -> list[tuple[int, str]]:
        return [(self.new, _("nieuw")), (self.changed, _("gewijzigd")), (self.unchanged, _("ongewijzigd"))]


def _current(preferences: list[Preference]) -> dict[int, tuple[dict[str, Any], list[tuple[int | None, int | None]]]]:
    return {
        p.student_id: (
            {name: getattr(p, name) for name in VALUE_FIELDS},
            [(w.school_id, w.cluster_id) for w in sorted(p.wishes.all(), key=lambda w: w.rank)],
        )
        for p in preferences
    }


def plan(
    data: bytes,
    filename: str,
    *,
    partnership: Partnership,
    school_year: str,
    period: str,
    allowed_institutes: set[int] | None = None,
) -> PreferencePlan:
    if period not in Period.values:
        raise DomainError(_("Kies een periode."))
    table = read_table(data, filename)
    table.header = [header_name(h) for h in table.header]
    table.rows = [(n, {header_name(k): v for k, v in cells.items()}) for n, cells in table.rows]
    if "studentnummer" not in table.header:
        raise DomainError(_("De kopregel mist de kolom studentnummer. Gebruik het sjabloon."))
    result = PreferencePlan(school_year, period, errors=formula_errors(table))
    wish_columns = sorted((h for h in table.header if re.fullmatch(r"wens\d+", h)), key=lambda h: int(h[4:]))
    unknown = [h for h in table.header if h and h not in COLUMNS and h not in wish_columns]
    if unknown:
        result.errors.append(RowError(1, "", _("onbekende kolom(men): %(unknown)s.") % {"unknown": ", ".join(unknown)}))
    students = Student.objects.filter(partnership=partnership, school_year=school_year).select_related("institute")
    if allowed_institutes is not None:
        students = students.filter(institute_id__in=allowed_institutes)
    by_number: dict[str, list[Student]] = {}
    for student in students:
        by_number.setdefault(student.student_number, []).append(student)
    institutes = {i.code.lower(): i.pk for i in Institute.objects.filter(memberships__partnership=partnership)}
    targets = Targets(partnership)
    existing = _current(list(Preference.objects.filter(student__in=students, period=period).prefetch_related("wishes")))
    seen: dict[int, int] = {}
    for number, cells in table.rows:
        before = len(result.errors)

        def error(column: str, message: str, number: int = number) -> None:
            result.errors.append(RowError(number, column, message))

        student_number = cells.get("studentnummer", "").strip()
        candidates = by_number.get(student_number, [])
        code = cells.get("instituut", "").strip().lower()
        if code:
            candidates = [s for s in candidates if s.institute_id == institutes.get(code)]
        if not student_number:
            error("studentnummer", _("het studentnummer ontbreekt."))
        elif not candidates:
            error(
                "studentnummer",
                _("student %(n)s staat niet in %(year)s in dit partnerschap (importeer eerst de studenten).")
                % {"n": student_number[:30], "year": school_year},
            )
        elif len(candidates) > 1:
            error(
                "instituut",
                _("studentnummer %(n)s komt bij meer opleidingen voor: vul het instituut in.")
                % {"n": student_number[:30]},
            )
        wishes: list[School | Cluster] = []
        for column in wish_columns[:MAX_WISHES]:
            text = cells.get(column, "").strip()
            if not text:
                continue
            target = targets.find(text)
            if target is None:
                error(
                    column,
                    _("'%(v)s' is geen school (BRIN + vestiging) of cluster van dit partnerschap.") % {"v": text[:40]},
                )
            elif target in wishes:
                error(column, _("'%(v)s' staat twee keer in de wensen.") % {"v": text[:40]})
            else:
                wishes.append(target)
        days, wrong = parse_days(cells.get("beschikbare_dagen", ""))
        if wrong:
            error(
                "beschikbare_dagen",
                _("onbekende dag(en): %(v)s; gebruik ma, di, wo, do en vr.") % {"v": ", ".join(wrong)[:60]},
            )
        postcode = cells.get("postcode", "").strip().upper().replace(" ", "")[:4]
        if postcode and not re.fullmatch(r"[1-9][0-9]{3}", postcode):
            error("postcode", _("'%(v)s' is geen postcode.") % {"v": cells["postcode"][:20]})
        max_km = None
        if cells.get("max_km", "").strip():
            text = cells["max_km"].strip().replace(",", ".")
            try:
                max_km = round(float(text))
            except ValueError:
                error("max_km", _("'%(v)s' is geen aantal kilometers.") % {"v": text[:20]})
            else:
                if not 1 <= max_km <= 300:
                    error("max_km", _("%(v)s km ligt niet tussen 1 en 300.") % {"v": text[:20]})
        if len(result.errors) > before:
            continue
        student = candidates[0]
        if student.pk in seen:
            error("studentnummer", _("deze student staat ook op rij %(row)s.") % {"row": seen[student.pk]})
            continue
        seen[student.pk] = number
        values = {
            "available_days": days,
            "denominations": cells.get("denominatie", "").strip()[:200],
            "concepts": cells.get("concept", "").strip()[:200],
            "postcode": postcode,
            "max_km": max_km,
            "previous_school_type": cells.get("schooltype_vorig_jaar", "").strip()[:40],
        }
        keys = [(w.pk, None) if isinstance(w, School) else (None, w.pk) for w in wishes]
        current = existing.get(student.pk)
        if current is None:
            result.new += 1
        elif current == (values, keys):
            result.unchanged += 1
            continue
        else:
            result.changed += 1
        result.rows.append(PreferenceRow(student, values, wishes))
    return result


@transaction.atomic
def apply(import_plan: PreferencePlan, *, partnership: Partnership, actor: Any) -> dict[str, int]:
    if not import_plan.ok:
        raise DomainError(_("Het bestand bevat fouten; er is niets geïmporteerd."))
    for row in import_plan.rows:
        preference_save(
            partnership=partnership,
            student=row.student,
            period=import_plan.period,
            values=row.values,
            wishes=row.wishes,
            actor=actor,
            expected_version=None,
        )
    return {"created": import_plan.new, "updated": import_plan.changed, "unchanged": import_plan.unchanged}


@transaction.atomic
def preference_save(
    *,
    partnership: Partnership,
    student: Student,
    period: str,
    values: dict[str, Any],
    wishes: list[School | Cluster],
    actor: Any,
    expected_version: int | None,
) -> Preference:
    """Store one student's preference for a period: its values and its wishes in order (replacing the old)."""
    preference = Preference.objects.filter(student=student, period=period).first()
    if preference is None:
        preference = Preference(partnership=partnership, student=student, period=period, **values)
        editing.create(preference, actor=actor, partnership=partnership)
    else:
        editing.apply_changes(
            preference, changes=values, actor=actor, partnership=partnership, expected_version=expected_version
        )
    old = [str(w.school or w.cluster) for w in preference.wishes.select_related("school", "cluster")]
    preference.wishes.all().delete()
    Wish.objects.bulk_create(
        [
            Wish(
                partnership=partnership,
                preference=preference,
                rank=rank,
                school=target if isinstance(target, School) else None,
                cluster=target if isinstance(target, Cluster) else None,
            )
            for rank, target in enumerate(wishes, start=1)
        ]
    )
    new = [str(w) for w in wishes]
    if old != new:
        history.record(
            actor=actor, obj=preference, action="changed", partnership=partnership, changes={"wensen": [old, new]}
        )
    return preference


def template_workbook() -> bytes:
    from samenopleiden.core.exports import xlsx_bytes

    return xlsx_bytes(
        [
            (
                "Voorkeuren",
                COLUMNS,
                [
                    [
                        "240001",
                        "nhlstenden",
                        "12AB00",
                        "Cluster Stad 1",
                        "",
                        "",
                        "",
                        "",
                        "openbaar",
                        "",
                        "9712",
                        "15",
                        "",
                    ],
                    ["240002", "nhlstenden", "34CD00", "", "", "", "", "di,do", "", "Dalton", "9401", "25", "sbo"],
                ],
            ),
            (
                "Toelichting",
                ["kolom", "toelichting"],
                [
                    [
                        "studentnummer",
                        _("verplicht; de student moet al in het platform staan (importeer eerst studenten)"),
                    ],
                    [
                        "wens1 .. wens10",
                        _("scholen (BRIN + vestiging, bijvoorbeeld 12AB00) of clusters (naam), beste eerst"),
                    ],
                    ["beschikbare_dagen", _("leeg = elke dag; anders bijvoorbeeld di,do")],
                    ["denominatie, concept", _("leeg = maakt niet uit; bijvoorbeeld openbaar, Dalton")],
                    ["postcode, max_km", _("vier cijfers van de postcode en de maximale reisafstand in km")],
                    ["schooltype_vorig_jaar", _("bijvoorbeeld sbo of vmbo: een ander type krijgt voorrang")],
                ],
            ),
        ]
    )
