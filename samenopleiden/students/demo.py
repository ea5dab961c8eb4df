"""Demo students: three school years for the Groningen primary partnership (seed 003: mostly full-time students of
NHL Stenden's pabo, a smaller part-time group, a few of the academic pabo; about 60% of the full-time and 20% of
the part-time students of the institute are trained in the partnership) and for the six secondary partnerships
(seed 002: many students of English and history, few in shortage subjects). Student numbers are fictional.

Idempotent: students are matched on (partnership, school year, institute, student number); the numbers the demo
made before but not now are removed, so the demo converges.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_DOWN, Decimal

from django.db import transaction

from samenopleiden.registry.models import Cluster, Institute, Partnership, Region, School

from . import schoolyear
from .models import (
    AllocationKey,
    AllocationShare,
    CoverageTarget,
    FundingRate,
    InstituteEnrolment,
    Mode,
    ProgrammeType,
    Student,
)

VO_SUBJECTS = [
    # subject, weight: English and history are oversupplied, the sciences and languages are shortage subjects
    ("Engels", 9),
    ("geschiedenis", 8),
    ("Nederlands", 6),
    ("aardrijkskunde", 4),
    ("lichamelijke opvoeding", 5),
    ("wiskunde", 3),
    ("Duits", 2),
    ("Frans", 1),
    ("natuurkunde", 1),
    ("scheikunde", 1),
    ("informatica", 1),
    ("biologie", 3),
    ("economie", 3),
]
WO_INSTITUTES = {"uva", "vu", "ru", "iclon", "tud", "tilburg-uni", "tue", "maastricht-uni"}


def load(*, today: dt.date) -> None:
    years = [schoolyear.shift(schoolyear.current(today), k) for k in (-2, -1, 0)]
    with transaction.atomic():
        groningen = Partnership.objects.filter(slug="groningen").first()
        if groningen is not None:
            _groningen(groningen, years)
        secondary = list(Partnership.objects.filter(sector_vo=True, slug__in=_secondary_slugs()))
        for partnership in secondary:
            _secondary(partnership, years)
        _funding_rates(today)
        _allocation_keys(groningen, secondary)
        _secondary_enrolments(secondary, years)
        _coverage_targets(groningen, secondary)
        if groningen is not None:
            _enrolments_entered_by_the_placement_office(groningen, years)


def _secondary_slugs() -> list[str]:
    from samenopleiden.registry.demo_data import SECONDARY

    return [case["slug"] for case in SECONDARY]


def _places(partnership: Partnership) -> list[tuple[School, Cluster | None]]:
    """Every school of the partnership's clusters, with its cluster; then member schools without a cluster."""
    places: list[tuple[School, Cluster | None]] = []
    for cluster in partnership.clusters.order_by("name").prefetch_related("schools"):
        places += [(school, cluster) for school in sorted(cluster.schools.all(), key=lambda s: s.brin)]
    seen = {school.pk for school, _cluster in places}
    for school in School.objects.filter(memberships__partnership=partnership).order_by("brin"):
        if school.pk not in seen:
            places.append((school, None))
    return places


def _save(partnership: Partnership, year: str, rows: list[dict]) -> None:
    keep = set()
    for row in rows:
        institute = row.pop("institute")
        number = row.pop("student_number")
        keep.add((institute.pk, number))
        Student.objects.update_or_create(
            partnership=partnership, school_year=year, institute=institute, student_number=number, defaults=row
        )
    for student in Student.objects.filter(partnership=partnership, school_year=year):
        if (student.institute_id, student.student_number) not in keep:
            student.delete()


def _groningen(partnership: Partnership, years: list[str]) -> None:
    nhl = Institute.objects.get(code="nhlstenden")
    places = _places(partnership)
    sizes = {years[0]: (80, 10, 6), years[1]: (88, 14, 7), years[2]: (96, 18, 8)}  # full-time, part-time, wo
    totals = {years[0]: (150, 95), years[1]: (154, 92), years[2]: (160, 90)}  # the pabo's students (seed: 60%, 20%)
    for year in years:
        rng = random.Random(f"groningen-{year}")  # noqa: S311 (demo data)
        full, part, wo = sizes[year]
        first = schoolyear.first_year(year)
        start = schoolyear.start(year) + dt.timedelta(days=31)
        rows = []
        for i in range(full + part + wo):
            school, cluster = places[i % len(places)]
            row = {
                "institute": nhl,
                "student_number": f"{first % 100:02d}{4100 + i:04d}",
                "sector": "po",
                "subject": "",
                "school": school,
                "cluster": cluster,
                "start_date": start,
                "end_date": schoolyear.end(year),
                "appointed_as_teacher": False,
                "suitability_statement": False,
                "external": False,
                "practice_ec": None,
            }
            if i < full:
                study_year = 1 + i % 4
                share = rng.choice([30, 35, 38]) if study_year == 1 and i % 3 == 0 else rng.choice([40, 45, 50, 55, 60])
                row |= {"programme_type": ProgrammeType.HBO_BACHELOR, "mode": Mode.FULL_TIME, "study_year": study_year}
                row["practice_percentage"] = Decimal(share)
                if i % 29 == 5:  # a late start: not yet enrolled on 1 October
                    row["start_date"] = dt.date(first + 1, 2, 1)
            elif i < full + part:
                k = i - full
                row |= {"programme_type": ProgrammeType.HBO_BACHELOR, "mode": Mode.PART_TIME, "study_year": 2 + k % 3}
                row["practice_percentage"] = Decimal(rng.choice([25, 30, 45, 50]))
                row["appointed_as_teacher"] = k % 3 != 2  # most part-timers already work as a teacher (h)
                row["suitability_statement"] = k % 4 == 0 or k == part - 1  # side-entrants (g)
                row["external"] = k == part - 1  # an extraneus: not in g
                row["appointed_as_teacher"] = row["appointed_as_teacher"] or k == part - 1
            else:
                row |= {"programme_type": ProgrammeType.WO_BACHELOR_180_PO, "mode": Mode.FULL_TIME}
                row |= {"study_year": 1 + i % 3, "practice_percentage": Decimal(rng.choice([40, 42, 45, 50]))}
                row["subject"] = "academische pabo"
            rows.append(row)
        _save(partnership, year, rows)
        for mode, total in zip((Mode.FULL_TIME, Mode.PART_TIME), totals[year], strict=True):
            _enrolment(nhl, year, "Opleiding leraar basisonderwijs (pabo)", mode, "po", total)
        _enrolment(nhl, year, "Academische pabo", Mode.FULL_TIME, "po", wo + 4)


def _secondary(partnership: Partnership, years: list[str]) -> None:
    institutes = list(Institute.objects.filter(memberships__partnership=partnership).order_by("code"))
    places = _places(partnership)
    if not institutes or not places:
        return
    subjects = [name for name, weight in VO_SUBJECTS for _ in range(weight)]
    for index, year in enumerate(years):
        rng = random.Random(f"{partnership.slug}-{year}")  # noqa: S311 (demo data)
        count = 7 * len(places) + 4 * index
        first = schoolyear.first_year(year)
        rows = []
        for i in range(count):
            institute = institutes[i % len(institutes)]
            school, cluster = places[i % len(places)]
            wo = institute.code in WO_INSTITUTES
            programme = (
                rng.choice([ProgrammeType.WO_MASTER_60, ProgrammeType.WO_MASTER_120])
                if wo
                else (ProgrammeType.HBO_BACHELOR)
            )
            part_time = not wo and i % 5 == 0
            minimum = {"wo-master-60": 40, "wo-master-120": 25}.get(programme, 40)
            share = minimum + rng.choice([-10, 0, 5, 10, 15, 20]) if i % 9 else minimum - 5
            rows.append(
                {
                    "institute": institute,
                    "student_number": f"{institute.code[:3].upper()}{first % 100:02d}{5000 + i:04d}",
                    "programme_type": programme,
                    "practice_percentage": Decimal(max(share, 5)),
                    "practice_ec": None,
                    "mode": Mode.PART_TIME if part_time else Mode.FULL_TIME,
                    "appointed_as_teacher": part_time and i % 10 == 0,
                    "suitability_statement": part_time and i % 15 == 0,
                    "external": False,
                    "sector": "vo",
                    "subject": rng.choice(subjects),
                    "study_year": 1 if wo else 1 + i % 4,
                    "school": school,
                    "cluster": cluster,
                    "start_date": schoolyear.start(year) + dt.timedelta(days=31),
                    "end_date": schoolyear.end(year),
                }
            )
        _save(partnership, year, rows)


def _enrolment(
    institute: Institute, year: str, programme: str, mode: str, sector: str, total: int, *, subject: str = ""
) -> None:
    InstituteEnrolment.objects.update_or_create(
        institute=institute,
        school_year=year,
        programme=programme,
        mode=mode,
        sector=sector,
        subject=subject,
        defaults={"total": total},
    )


# --- subsidy and coverage ------------------------------------------------------------------------------------
# Example amounts: the regulation's 2021/22 amounts (loaded by a migration) indexed by 3% a year. They are labelled
# as examples; a platform administrator enters the real amounts in /platformbeheer/.

EXAMPLE_NOTE = "Voorbeeldbedragen voor de demo: de bedragen van 2021/22, geïndexeerd met 3% per jaar."


def _funding_rates(today: dt.date) -> None:
    """Rates for every school year from 2022-2023 up to this one; next year's are not known yet (the page says
    so). This year the partnerships asked for more than the budget, so the amounts go down pro rata."""
    current = schoolyear.current(today)
    for index, year in enumerate(schoolyear.span("2022-2023", current), start=1):
        growth = Decimal("1.03") ** index
        fixed = (Decimal(100000) * growth).quantize(Decimal(100))
        defaults = {
            "count_date": schoolyear.default_count_date(year),
            "fixed_amount": fixed,
            "per_student_amount": (Decimal(955) * growth).quantize(Decimal(1)),
            "minimum_students": 60,
            "aspirant_fixed_amount": (Decimal(40000) * growth).quantize(Decimal(100)),
            "national_budget": None,
            "national_requested": None,
            "note": EXAMPLE_NOTE,
        }
        if year == current:
            defaults |= {"national_budget": Decimal(112_000_000), "national_requested": Decimal(116_500_000)}
        FundingRate.objects.update_or_create(school_year=year, defaults=defaults)


def _allocation_keys(groningen: Partnership | None, secondary: list[Partnership]) -> None:
    """Groningen: 10% central (programme lead, joint meetings), then 70% per placed student and 30% per cluster.
    IJssel-Veluwe: a mix with fixed shares for the boards and the institute."""
    if groningen is not None:
        AllocationKey.objects.update_or_create(
            partnership=groningen,
            defaults={
                "central_share": Decimal(10),
                "weight_students": Decimal(70),
                "weight_clusters": Decimal(30),
                "weight_fixed": Decimal(0),
                "note": "Besluit stuurgroep: 10% voor programmaleiding en gezamenlijke bijeenkomsten; de rest naar "
                "rato van geplaatste studenten (70%) en opleidingsclusters (30%).",
            },
        )
    for partnership in secondary:
        if partnership.slug != "ijssel-veluwe":
            continue
        key, _created = AllocationKey.objects.update_or_create(
            partnership=partnership,
            defaults={
                "central_share": Decimal(5),
                "weight_students": Decimal(60),
                "weight_clusters": Decimal(0),
                "weight_fixed": Decimal(40),
                "note": "Vaste aandelen: elk bestuur en de lerarenopleiding een gelijk deel.",
            },
        )
        members = list(partnership.memberships.exclude(school__isnull=False).order_by("pk"))
        base = (Decimal(100) / len(members)).quantize(Decimal("0.01"), rounding=ROUND_DOWN) if members else 0
        for index, membership in enumerate(members):
            share = base + (Decimal(100) - base * len(members) if index == 0 else 0)
            AllocationShare.objects.update_or_create(
                key=key, membership=membership, defaults={"partnership": partnership, "share": share}
            )
        AllocationShare.objects.filter(key=key).exclude(membership__in=members).delete()


def _secondary_enrolments(secondary: list[Partnership], years: list[str]) -> None:
    """Totals for the secondary partnerships' institutes. The hbo institutes enter them per subject (their
    programmes are per subject) and variant; the universities per variant only, so the subject breakdown shows both
    a complete picture and a missing one. The share trained in partnerships grows a little each year."""
    from .services.coverage import count_dates, trained

    institutes = sorted(
        {i.pk: i for p in secondary for i in Institute.objects.filter(memberships__partnership=p)}.values(),
        key=lambda i: i.code,
    )
    rows = trained([i.pk for i in institutes], count_dates(years))
    for institute in institutes:
        rng = random.Random(f"totals-{institute.code}")  # noqa: S311 (demo data)
        start = Decimal(rng.choice([35, 40, 45, 50, 55])) / 100
        wo = institute.code in WO_INSTITUTES
        keep = set()
        for index, year in enumerate(years):
            rate = start + Decimal("0.05") * index
            lines: dict[tuple[str, str], int] = {}
            for row in rows:
                if row.institute_id == institute.pk and row.year == year:
                    key = (row.mode, "" if wo else row.subject)
                    lines[key] = lines.get(key, 0) + row.everywhere
            for (mode, subject), n in sorted(lines.items()):
                total = int((Decimal(n) / rate).to_integral_value()) + rng.randint(0, 3)
                name = f"Leraar {subject} (tweedegraads)" if subject else "Eerstegraads lerarenopleiding (master)"
                _enrolment(institute, year, name, mode, "vo", total, subject=subject)
                keep.add((year, name, mode, subject))
        for enrolment in InstituteEnrolment.objects.filter(institute=institute, school_year__in=years):
            if (enrolment.school_year, enrolment.programme, enrolment.mode, enrolment.subject) not in keep:
                enrolment.delete()


def _coverage_targets(groningen: Partnership | None, secondary: list[Partnership]) -> None:
    """Groningen aimed at 2025 (seed 003): that target year has passed, and the monitor says so. Onderwijsregio
    Groningen aims at 2029-2030 and Regio Zuidwest at 2030-2031: partnerships there without their own target
    follow the region's."""
    if groningen is not None:
        CoverageTarget.objects.update_or_create(
            partnership=groningen, defaults={"target_year": "2024-2025", "target_share": 100}
        )
    for slug, year in (("onderwijsregio-groningen", "2029-2030"), ("regio-zuidwest", "2030-2031")):
        region = Region.objects.filter(slug=slug).first()
        if region is not None:
            CoverageTarget.objects.update_or_create(region=region, defaults={"target_year": year, "target_share": 100})


def _enrolments_entered_by_the_placement_office(groningen: Partnership, years: list[str]) -> None:
    """NHL Stenden's placement office entered the pabo's totals (so the monitor shows who changed them last)."""
    office = groningen.people.filter(roles__role="placement_office").exclude(user=None).order_by("email").first()
    if office is not None:
        InstituteEnrolment.objects.filter(institute__code="nhlstenden", school_year__in=years).update(
            updated_by=office.user
        )
