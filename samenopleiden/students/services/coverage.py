"""The 100% coverage monitor's data, the institutes' total student numbers and the coverage target. The arithmetic
lives in `students.coverage_engine`; this reads what it needs in a fixed number of queries and writes the totals
and the target.

Trained students are counted in the database: students of the institute enrolled on the count date of their school
year (the same rule as `counting`: started on or before it, not ended before it), each student number once per
institute, variant, sector and subject; for this partnership and for all partnerships on the platform together.
Only these aggregate numbers leave here: never a student, never another partnership's name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from samenopleiden.core import editing, history
from samenopleiden.core.errors import DomainError, StaleObjectError
from samenopleiden.registry.models import Institute, Partnership, Person

from .. import coverage_engine as engine
from .. import schoolyear
from ..models import CoverageTarget, FundingRate, InstituteEnrolment, Mode, Student

DIMENSIONS = (engine.MODE, engine.SECTOR, engine.SUBJECT)


# --- reading ----------------------------------------------------------------------------------------------


def who_changed(partnership: Partnership, user_ids: Iterable[int | None]) -> dict[int, str]:
    """How to name who last changed a number, as seen from `partnership`: a person of the partnership by name; a
    platform administrator as such; anyone else (of another partnership that shares the institute) without a name."""
    ids = {pk for pk in user_ids if pk}
    if not ids:
        return {}
    names = dict.fromkeys(ids, _("iemand van een ander partnerschap"))
    admins = get_user_model().objects.filter(pk__in=ids, is_superuser=True).values_list("pk", flat=True)
    names |= dict.fromkeys(admins, _("de platformbeheerder"))
    people: Any = Person.objects.filter(partnership=partnership, user_id__in=ids).order_by("-pk")
    names |= {person.user_id: f"{person.first_name} {person.last_name}" for person in people}
    return names


def count_dates(years: Iterable[str]) -> dict[str, dt.date]:
    """The count date of each school year (the administrator's rates, else 1 October), in one query."""
    years = list(years)
    known = dict(FundingRate.objects.filter(school_year__in=years).values_list("school_year", "count_date"))
    return {year: known.get(year) or schoolyear.default_count_date(year) for year in years}


def present(dates: dict[str, dt.date]) -> Q:
    """Students enrolled on the count date of their school year (as `counting.outcome` decides `present`)."""
    condition = Q(pk__in=[])
    for year, day in dates.items():
        condition |= (
            Q(school_year=year)
            & (Q(start_date__isnull=True) | Q(start_date__lte=day))
            & (Q(end_date__isnull=True) | Q(end_date__gte=day))
        )
    return condition


def trained(
    institute_ids: list[int] | None, dates: dict[str, dt.date], partnership: Partnership | None = None
) -> list[engine.Trained]:
    """Students trained in partnerships, per year, institute, variant, sector and subject: in `partnership` (here)
    and in all partnerships (everywhere). Two queries."""
    students = Student.objects.filter(present(dates))
    if institute_ids is not None:
        students = students.filter(institute_id__in=institute_ids)
    fields = ("school_year", "institute_id", "mode", "sector", "subject")

    def grouped(qs: Any) -> dict[tuple, int]:
        rows = qs.order_by().values(*fields).annotate(n=Count("student_number", distinct=True))
        return {tuple(row[f] for f in fields): row["n"] for row in rows}

    everywhere = grouped(students)
    here = grouped(students.filter(partnership=partnership)) if partnership is not None else {}
    return [engine.Trained(*key, here=here.get(key, 0), everywhere=n) for key, n in everywhere.items()]


@dataclass
class InstituteCoverage:
    """One institute in the national picture: students trained in any partnership, the total it entered."""

    institute_id: int
    by_mode: dict[str, engine.Stat] = field(default_factory=dict)
    by_partnership: dict[int, int] = field(default_factory=dict)  # partnership id -> students trained there

    @property
    def total(self) -> engine.Stat:
        """All variants together; `total` sums the variants the institute entered (None: it entered none)."""
        totals = [s.total for s in self.by_mode.values() if s.total is not None]
        return engine.Stat(
            everywhere=sum(s.everywhere for s in self.by_mode.values()), total=sum(totals) if totals else None
        )


def national(school_year: str) -> dict[int, InstituteCoverage]:
    """The coverage of every institute on the platform in one school year, for the whole country at once (a
    regional dashboard, the benchmark): four queries, however many partnerships and institutes there are."""
    dates = count_dates([school_year])
    students = Student.objects.filter(present(dates)).order_by()
    result: dict[int, InstituteCoverage] = {}

    def of(institute_id: int) -> InstituteCoverage:
        return result.setdefault(institute_id, InstituteCoverage(institute_id))

    per_mode = students.values("institute_id", "mode").annotate(n=Count("student_number", distinct=True))
    for row in per_mode:
        of(row["institute_id"]).by_mode[row["mode"]] = engine.Stat(everywhere=row["n"])
    per_partnership = students.values("institute_id", "partnership_id").annotate(n=Count("pk"))
    for row in per_partnership:
        of(row["institute_id"]).by_partnership[row["partnership_id"]] = row["n"]
    entered = (
        InstituteEnrolment.objects.filter(school_year=school_year)
        .order_by()
        .values("institute_id", "mode")
        .annotate(total=Sum("total"))
    )
    for row in entered:
        coverage = of(row["institute_id"])
        before = coverage.by_mode.get(row["mode"], engine.Stat())
        coverage.by_mode[row["mode"]] = engine.Stat(everywhere=before.everywhere, total=row["total"])
    return result


@dataclass
class InstituteBlock:
    institute: Institute
    total: engine.Line
    breakdowns: dict[str, list[engine.Line]]
    gaps: dict[str, list[Any]]
    entered: list[InstituteEnrolment]  # the totals of the chosen year
    last_change: InstituteEnrolment | None = None
    last_changed_by: str = ""
    may_enter: bool = False


@dataclass
class TargetInfo:
    target: CoverageTarget | None
    owner: str  # "partnership", "region" or ""
    region_name: str = ""

    @property
    def engine(self) -> engine.Target | None:
        if self.target is None:
            return None
        return engine.Target(self.target.target_year, self.target.target_share)


@dataclass
class Coverage:
    partnership: Partnership
    school_year: str
    current_year: str
    years: list[str]  # the years shown in the trend, oldest first, up to the chosen year
    target: TargetInfo
    institutes: list[InstituteBlock]


def target_for(partnership: Partnership) -> TargetInfo:
    """The partnership's own target, else the target of one of its regions (the first by name)."""
    own = CoverageTarget.objects.filter(partnership=partnership).first()
    if own is not None:
        return TargetInfo(own, "partnership")
    region = (
        CoverageTarget.objects.filter(region__partnerships=partnership)
        .select_related("region")
        .order_by("region__name")
        .first()
    )
    if region is not None:
        return TargetInfo(region, "region", region.region.name)
    return TargetInfo(None, "")


def institutes_of(partnership: Partnership) -> list[Institute]:
    """The partnership's institutes: those that take part, and those whose students it trains."""
    return list(
        Institute.objects.filter(Q(memberships__partnership=partnership) | Q(students__partnership=partnership))
        .distinct()
        .order_by("name")
    )


def coverage_for(
    partnership: Partnership,
    school_year: str,
    *,
    today: dt.date,
    may_enter: Collection[int] | None = (),
) -> Coverage:
    """Everything the monitor shows, for every institute of the partnership. `may_enter`: the institutes whose
    totals the user may enter (None: all)."""
    institutes = institutes_of(partnership)
    ids = [i.pk for i in institutes]
    years = _years(ids, school_year)
    dates = count_dates(years)
    rows = trained(ids, dates, partnership)
    enrolments = list(
        InstituteEnrolment.objects.filter(institute_id__in=ids, school_year__in=years).order_by(
            "programme", "mode", "sector", "subject"
        )
    )
    entered = [
        engine.Enrolled(e.school_year, e.institute_id, e.programme, e.mode, e.sector, e.subject, e.total)
        for e in enrolments
    ]
    target = target_for(partnership)
    current = schoolyear.current(today)
    names = who_changed(partnership, {e.updated_by_id for e in enrolments if e.school_year == school_year})
    blocks = []
    for institute in institutes:

        def breakdown(dimension: str, institute_id: int = institute.pk) -> list[engine.Line]:
            return engine.lines(
                rows,
                entered,
                institute_id=institute_id,
                years=years,
                dimension=dimension,
                target=target.engine,
                current_year=current,
            )

        breakdowns = {dimension: breakdown(dimension) for dimension in DIMENSIONS}
        own = [e for e in enrolments if e.institute_id == institute.pk and e.school_year == school_year]
        last = max(own, key=lambda e: e.updated_at, default=None)
        total = breakdown(engine.TOTAL)
        blocks.append(
            InstituteBlock(
                institute=institute,
                total=total[0] if total else engine.Line("", ""),
                breakdowns=breakdowns,
                gaps={d: engine.gaps(lines, school_year, d) for d, lines in breakdowns.items()},
                entered=own,
                last_change=last,
                last_changed_by=names.get(last.updated_by_id, "") if last else "",
                may_enter=may_enter is None or institute.pk in may_enter,
            )
        )
    return Coverage(partnership, school_year, current, years, target, blocks)


def _years(institute_ids: list[int], school_year: str) -> list[str]:
    """From the first year with students or totals of these institutes to the chosen year (at most ten)."""
    first = min(
        [
            *Student.objects.filter(institute_id__in=institute_ids, school_year__lte=school_year)
            .order_by("school_year")
            .values_list("school_year", flat=True)[:1],
            *InstituteEnrolment.objects.filter(institute_id__in=institute_ids, school_year__lte=school_year)
            .order_by("school_year")
            .values_list("school_year", flat=True)[:1],
            school_year,
        ]
    )
    return schoolyear.span(max(first, schoolyear.shift(school_year, -9)), school_year)


# --- the institutes' totals --------------------------------------------------------------------------------


@dataclass(frozen=True)
class EnrolmentRow:
    """One line of the entry form: an existing total (pk, version) or a new one; total None removes it."""

    programme: str
    mode: str
    sector: str
    subject: str
    total: int | None
    pk: int | None = None
    version: int | None = None


@transaction.atomic
def enrolments_save(
    *, institute: Institute, school_year: str, rows: list[EnrolmentRow], partnership: Partnership, actor: Any
) -> dict[str, int]:
    """Save an institute's totals of one school year as entered, all or nothing: changed rows keep the optimistic
    lock, emptied rows are removed, blank new rows are skipped. Returns how many were added, changed, removed."""
    existing = {
        e.pk: e
        for e in InstituteEnrolment.objects.select_for_update().filter(institute=institute, school_year=school_year)
    }
    try:
        with transaction.atomic():
            return _apply_rows(existing, institute, school_year, rows, partnership, actor)
    except IntegrityError:
        raise StaleObjectError(
            _(
                "De aantallen zijn niet opgeslagen: een regel botst met een andere regel van deze opleiding, misschien "
                "net door iemand anders ingevoerd. Laad de pagina opnieuw en probeer het nog eens."
            )
        ) from None


def _apply_rows(
    existing: dict[int, InstituteEnrolment],
    institute: Institute,
    school_year: str,
    rows: list[EnrolmentRow],
    partnership: Partnership,
    actor: Any,
) -> dict[str, int]:
    seen: set[tuple[str, str, str, str]] = set()
    counts = {"created": 0, "changed": 0, "removed": 0}
    for row in rows:
        if row.pk is not None and row.pk not in existing:
            raise DomainError(
                _("Een van de regels hoort niet bij deze opleiding of dit studiejaar. Laad de pagina opnieuw.")
            )
        if row.total is None:
            if row.pk is not None:
                _remove(existing[row.pk], row.version, partnership, actor)
                counts["removed"] += 1
            continue
        programme = row.programme.strip()
        if not programme:
            raise DomainError(_("Vul bij elk aantal de naam van de opleiding in."))
        if row.total < 0:
            raise DomainError(_("Een aantal studenten kan niet negatief zijn."))
        key = (programme.casefold(), row.mode, row.sector, engine.normal(engine.SUBJECT, row.subject))
        if key in seen:
            raise DomainError(
                _(
                    "%(programme)s (%(mode)s%(subject)s) staat twee keer in de lijst. Tel de aantallen samen in één "
                    "regel."
                )
                % {
                    "programme": programme,
                    "mode": Mode(row.mode).label if row.mode in Mode.values else row.mode,
                    "subject": f", {row.subject.strip()}" if row.subject.strip() else "",
                }
            )
        seen.add(key)
        values = {
            "programme": programme,
            "mode": row.mode,
            "sector": row.sector,
            "subject": row.subject.strip(),
            "total": row.total,
        }
        if row.pk is None:
            enrolment = InstituteEnrolment(
                institute=institute, school_year=school_year, updated_by=_user(actor), **values
            )
            editing.create(enrolment, actor=actor, partnership=partnership)
            counts["created"] += 1
        else:
            enrolment = existing[row.pk]
            if any(getattr(enrolment, name) != value for name, value in values.items()):
                editing.apply_changes(
                    enrolment,
                    changes={**values, "updated_by": _user(actor)},
                    actor=actor,
                    partnership=partnership,
                    expected_version=row.version,
                    validate_unique=False,
                )
                counts["changed"] += 1
    return counts


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _remove(enrolment: InstituteEnrolment, version: int | None, partnership: Partnership, actor: Any) -> None:
    if version is not None and enrolment.version != version:
        raise StaleObjectError(
            _("Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw en breng uw wijziging opnieuw aan.")
        )
    history.record(
        actor=actor,
        obj=enrolment,
        action="deleted",
        partnership=partnership,
        changes=history.snapshot(enrolment, ["programme", "mode", "sector", "subject", "total", "school_year"]),
    )
    enrolment.delete()


def previous_rows(institute: Institute, school_year: str) -> list[EnrolmentRow]:
    """Last year's lines without their numbers: a start for a year that has none yet."""
    earlier = InstituteEnrolment.objects.filter(institute=institute, school_year=schoolyear.previous(school_year))
    return [
        EnrolmentRow(e.programme, e.mode, e.sector, e.subject, None)
        for e in earlier.order_by("programme", "mode", "sector", "subject")
    ]


# --- the target --------------------------------------------------------------------------------------------


@transaction.atomic
def coverage_target_save(
    *,
    partnership: Partnership,
    target_year: str,
    target_share: int,
    expected_version: int | None,
    today: dt.date,
    actor: Any,
) -> CoverageTarget:
    """Set the partnership's target. A target year before this school year is refused, unless it is the year
    already set (a passed target stays visible until a new one is chosen)."""
    year = schoolyear.parse(target_year)
    if year is None:
        raise DomainError(_("Een doeljaar schrijft u als studiejaar, bijvoorbeeld 2030-2031."))
    stored = CoverageTarget.objects.select_for_update().filter(partnership=partnership).first()
    current = schoolyear.current(today)
    if year < current and (stored is None or stored.target_year != year):
        raise DomainError(
            _("Kies een doeljaar vanaf %(current)s: een doel dat al voorbij is, helpt niet meer bij het plannen.")
            % {"current": current}
        )
    values = {"target_year": year, "target_share": target_share}
    if stored is None:
        if expected_version is not None:
            raise _stale()
        target = CoverageTarget(partnership=partnership, **values)
        try:
            with transaction.atomic():
                editing.create(target, actor=actor, partnership=partnership)
        except IntegrityError:
            raise _stale() from None
        return target
    if expected_version is None:
        raise _stale()
    editing.apply_changes(
        stored, changes=values, actor=actor, partnership=partnership, expected_version=expected_version
    )
    return stored


@transaction.atomic
def coverage_target_remove(*, partnership: Partnership, expected_version: int | None, actor: Any) -> None:
    """Remove the partnership's own target; the region's target (if any) applies again."""
    stored = CoverageTarget.objects.select_for_update().filter(partnership=partnership).first()
    if stored is None:
        return
    if expected_version != stored.version:
        raise _stale()
    history.record(actor=actor, obj=stored, action="deleted", partnership=partnership, changes=history.snapshot(stored))
    stored.delete()


def _stale() -> StaleObjectError:
    return StaleObjectError(
        _("Iemand anders heeft het doel intussen gewijzigd. Laad de pagina opnieuw en breng uw wijziging opnieuw aan.")
    )
