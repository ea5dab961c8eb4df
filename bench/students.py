"""Benchmark: the student import and the national count.

1. Import: a CSV export of 50,000 students for one partnership (10 institutes, 500 schools), read, checked row by
   row and written (the same code as the upload page and `import_students`); then the same file again (nothing
   changes), and a corrected file (one in ten rows changed). Bar: the first import under 30 s.
2. The national count: 200 partnerships with 50,000 students of one school year, counted on the count date per
   partnership, category and institute in one pass, and the 100% coverage of every institute when the module
   provides it. Bar: under 2 s.

    .venv/bin/python bench/students.py                      # a fresh SQLite database in a temporary directory
    .venv/bin/python bench/students.py --database-url postgres://postgres@127.0.0.1:5432/samen_bench
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

IMPORT_BAR_S, COUNT_BAR_S = 30.0, 2.0
ROWS, PARTNERSHIPS, SCHOOLS, INSTITUTES, YEAR = 50_000, 200, 2_000, 60, "2025-2026"
LETTERS = "ABCDEFGHJKLMNPRSTVWXYZ"
TYPES = ["hbo-bachelor"] * 6 + ["wo-master-60", "wo-master-120", "hbo-eenjarig", "wo-educatieve-minor", "overig"]


def setup(database_url: str | None) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if database_url and "registry_partnership" in connection.introspection.table_names():
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)


def brin(i: int) -> str:
    return f"{i % 90 + 10:02d}{LETTERS[i // 90 % 22]}{LETTERS[i // 1980 % 22]}"


def generate_registry() -> list:
    from django.db import transaction

    from samenopleiden.registry import models as m

    with transaction.atomic():
        institutes = m.Institute.objects.bulk_create(
            [m.Institute(code=f"inst{i}", name=f"Lerarenopleiding {i}", level="hbo") for i in range(INSTITUTES)]
        )
        board = m.SchoolBoard.objects.create(name="Stichting Bench")
        schools = m.School.objects.bulk_create(
            [m.School(brin=brin(i), name=f"School {i}", board=board) for i in range(SCHOOLS)]
        )
        partnerships = m.Partnership.objects.bulk_create(
            [
                m.Partnership(
                    name=f"Partnerschap {i}",
                    slug=f"p{i}",
                    sector_po=True,
                    status="erkend",
                    recognised_since="2018-01-01",
                )
                for i in range(PARTNERSHIPS)
            ]
        )
        memberships = []
        for i, p in enumerate(partnerships):
            memberships += [m.Membership(partnership=p, institute=institutes[(i + k) % INSTITUTES]) for k in range(10)]
            memberships += [m.Membership(partnership=p, school=schools[(i * 10 + k) % SCHOOLS]) for k in range(10)]
        first = partnerships[0]
        memberships += [m.Membership(partnership=first, school=s) for s in schools[10:500]]
        m.Membership.objects.bulk_create(memberships)
    return partnerships


def export_file(rows: int, *, seed: int, change_every: int = 0) -> bytes:
    rng = random.Random(seed)
    lines = [
        "studentnummer;instituut;opleidingstype;percentage_praktijk;benoemd_als_leraar;variant;vak;studiejaar;"
        "school;startdatum;einddatum"
    ]
    for i in range(rows):
        share = rng.choice([25, 30, 35, 40, 45, 50, 60])
        if change_every and i % change_every == 0:
            share = 99
        lines.append(
            f"{100000 + i};inst{i % 10};{rng.choice(TYPES)};{share};{rng.choice(['ja', 'nee', 'nee', 'nee'])};"
            f"{rng.choice(['voltijd', 'voltijd', 'deeltijd', 'duaal'])};Engels;{1 + i % 4};{brin(i % 500)}00;"
            "01-09-2025;31-07-2026"
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


def timed(label: str, func):
    start = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - start
    print(f"  {label:<58} {seconds:7.2f} s")
    return result, seconds


def bench_import(partnership) -> float:
    from samenopleiden.students.services import imports

    print(
        f"Import van {ROWS:,} studenten voor één partnerschap (CSV, {len(export_file(10, seed=1))} bytes per 10 rijen):"
    )
    data = export_file(ROWS, seed=1)

    def run(content: bytes) -> dict:
        plan = imports.plan(content, "export.csv", partnership=partnership, school_year=YEAR)
        assert plan.ok, plan.errors[:3]
        return imports.apply(plan, partnership=partnership, actor=None, filename="export.csv")

    counts, first = timed("eerste import (lezen, controleren, opslaan)", lambda: run(data))
    assert counts["created"] == ROWS, counts
    counts, _ = timed("dezelfde file nog eens (verandert niets)", lambda: run(data))
    assert counts["unchanged"] == ROWS, counts
    counts, _ = timed(
        "verbeterd bestand (1 op 10 rijen anders)", lambda: run(export_file(ROWS, seed=1, change_every=10))
    )
    print(f"    {counts['updated']:,} gewijzigd, {counts['unchanged']:,} ongewijzigd")
    return first


def spread_students(partnerships) -> None:
    """Move the imported students over all partnerships, so that the national count has 200 to count."""
    from django.db import connection

    from samenopleiden.students.models import Student

    ids = list(Student.objects.order_by("pk").values_list("pk", flat=True))
    with connection.cursor() as cursor:
        for index, partnership in enumerate(partnerships):
            chunk = ids[index::PARTNERSHIPS]
            placeholders = ",".join(["%s"] * len(chunk))
            cursor.execute(
                f"UPDATE students_student SET partnership_id = %s WHERE id IN ({placeholders})",  # noqa: S608
                [partnership.pk, *chunk],
            )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def bench_national_count() -> float:
    from samenopleiden.students import counting
    from samenopleiden.students.models import Student

    print(
        f"Landelijke telling: {Student.objects.filter(school_year=YEAR).count():,} studenten in {PARTNERSHIPS} "
        "partnerschappen:"
    )
    counting._decide.cache_clear()

    def national():
        result = counting.count(Student.objects.all(), YEAR)
        return result, result.by_partnership(), result.by_category(), result.by_institute()

    (result, per_partnership, per_category, _per_institute), seconds = timed(
        "telling per partnerschap, categorie en instituut", national
    )
    print(f"    {result.total:,} tellen mee, in {len(per_partnership)} partnerschappen; per categorie: {per_category}")
    coverage = _coverage_function()
    if coverage is not None:
        _, coverage_seconds = timed("dekking (100% samen opleiden) van alle instituten", lambda: coverage(YEAR))
        seconds += coverage_seconds
    return seconds


def _coverage_function():
    try:
        from samenopleiden.students.services import coverage
    except ImportError:
        return None
    return getattr(coverage, "national", None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", help="PostgreSQL to use (it is emptied first); default: a new SQLite file")
    args = parser.parse_args()
    setup(args.database_url)
    from django.db import connection

    print(f"Database: {connection.vendor}")
    partnerships = generate_registry()
    import_seconds = bench_import(partnerships[0])
    spread_students(partnerships)
    count_seconds = bench_national_count()
    ok = import_seconds < IMPORT_BAR_S and count_seconds < COUNT_BAR_S
    print(
        f"\nImport {import_seconds:.1f} s (grens {IMPORT_BAR_S:.0f} s), landelijke telling {count_seconds:.2f} s "
        f"(grens {COUNT_BAR_S:.0f} s): {'gehaald' if ok else 'NIET gehaald'}."
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
