"""Benchmark: exporting a large core document to DOCX and PDF.

A partnership with 8 boards, 24 clusters, 96 schools, 300 people with roles and credentials and 6 governance
bodies; a core document of 40 sections with 30,000 words of Markdown (headings, lists, bold, a table now and then)
and every live data block (profile, capacity, categories, organisation, roles, credentials) placed in the text.
Times the whole export (reading the document, filling the live data, building the blocks, rendering) for DOCX and
for PDF (two passes for the table of contents). Bar: each under 5 seconds.

    .venv/bin/python bench/quality.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BAR_S = 5.0
SECTIONS, WORDS = 40, 30_000
BLOCKS = ["profiel", "capaciteit", "categorieen", "organisatie", "rollen", "bekwaamheden"]
VOCABULARY = (
    "student leraar school opleiding begeleiding werkplek cluster bestuur schoolopleider instituutsopleider "
    "mentor visie beroepsbeeld programma leergemeenschap onderzoek feedback beoordeling kwaliteit praktijk samen "
    "opleiden ontwikkeling team partnerschap afspraken rol verantwoordelijkheid facilitering uren scholing"
).split()


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


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(VOCABULARY) for _ in range(n)]
    if n > 4:
        words[2] = f"**{words[2]}**"
    return " ".join(words).capitalize() + "."


def section_text(rng: random.Random, words: int, block: str) -> str:
    parts, used = [], 0
    while used < words:
        kind = rng.random()
        if kind < 0.1:
            parts.append(f"## {sentence(rng, 4)[:-1]}")
            used += 4
        elif kind < 0.25:
            items = [f"- {sentence(rng, 8)}" for _ in range(4)]
            parts.append("\n".join(items))
            used += 32
        elif kind < 0.28:
            parts.append(
                "| Wie | Wat | Wanneer |\n|---|---|---|\n| mentor | lesbezoek | wekelijks |\n| so | gesprek | maand |"
            )
            used += 12
        else:
            n = rng.randint(40, 90)
            parts.append(" ".join(sentence(rng, 10) for _ in range(n // 10)))
            used += n // 10 * 10
    parts.insert(len(parts) // 2, f"[[gegevens:{block}]]")
    return "\n\n".join(parts)


def build_partnership():
    from samenopleiden.quality import services_document as services
    from samenopleiden.quality.models import CoreSection, Safeguard
    from samenopleiden.registry import models as m

    today = dt.date.today()
    p = m.Partnership.objects.create(
        name="Partnerschap Benchmark",
        slug="bench",
        sector_po=True,
        status="erkend",
        recognised_since=dt.date(2020, 1, 1),
    )
    people = 0
    for b in range(8):
        board = m.SchoolBoard.objects.create(name=f"Bestuur {b}")
        m.Membership.objects.create(partnership=p, board=board)
        for c in range(3):
            cluster = m.Cluster.objects.create(partnership=p, board=board, name=f"Cluster {b}-{c}")
            for s in range(4):
                i = b * 12 + c * 4 + s
                school = m.School.objects.create(brin=f"{i:02d}ZZ", name=f"School {i}", board=board)
                m.Membership.objects.create(partnership=p, school=school)
                cluster.schools.add(school)
                for w in range(3):
                    person = m.Person.objects.create(partnership=p, first_name="W", last_name=f"{i}-{w}", school=school)
                    m.RoleAssignment.objects.create(
                        person=person, partnership=p, role="workplace_supervisor", cluster=cluster
                    )
                    if w:
                        m.Credential.objects.create(person=person, partnership=p, kind="supervision")
                    people += 1
            so = m.Person.objects.create(partnership=p, first_name="S", last_name=f"{b}-{c}")
            m.RoleAssignment.objects.create(person=so, partnership=p, role="school_teacher_educator", cluster=cluster)
            m.Credential.objects.create(person=so, partnership=p, kind="brlo", expires_on=today + dt.timedelta(days=99))
    for k, kind in enumerate(["stuurgroep", "bestuurdersnetwerk", "regiegroep", "werkgroep", "werkgroep", "werkgroep"]):
        body = m.Body.objects.create(partnership=p, kind=kind, name=f"Gremium {k}", description="Besluit en bespreekt.")
        for person in m.Person.objects.filter(partnership=p)[k * 5 : k * 5 + 5]:
            m.BodySeat.objects.create(body=body, person=person)
    for role, hours in [("workplace_supervisor", 40), ("school_teacher_educator", 20)]:
        services.norm_save(partnership=p, role=role, hours_per_student=hours, actor=None)
    document = services.document_start(partnership=p, title="Kerndocument Benchmark", actor=None)
    document.summary = sentence(random.Random(1), 120)
    document.save()
    existing = list(document.sections.all())
    safeguards = list(Safeguard.objects.order_by("number"))
    for i in range(SECTIONS - len(existing)):
        services.section_create(
            document=document, safeguard=safeguards[i % 4], title=f"Extra sectie {i + 1}", actor=None
        )
    rng = random.Random(7)
    per_section = WORDS // SECTIONS
    for i, section in enumerate(CoreSection.objects.filter(document=document)):
        services.section_save(
            section=section,
            changes={"body": section_text(rng, per_section, BLOCKS[i % len(BLOCKS)])},
            expected_version=None,
            actor=None,
        )
    return p, people


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"))
    args = parser.parse_args()
    setup(args.database_url)
    from samenopleiden.core.markdown import word_count
    from samenopleiden.quality import document_report
    from samenopleiden.quality.models import CoreSection

    start = time.perf_counter()
    partnership, people = build_partnership()
    sections = list(CoreSection.objects.filter(partnership=partnership))
    words = sum(word_count(s.body) for s in sections)
    print(f"set-up: {len(sections)} sections, {words:,} words, {people} mentors, {time.perf_counter() - start:.1f} s")
    ok = True
    for fmt in ("docx", "pdf"):
        start = time.perf_counter()
        content = document_report.to_bytes(partnership, fmt)
        took = time.perf_counter() - start
        verdict = "ok" if took < BAR_S else "TOO SLOW"
        ok &= took < BAR_S
        print(f"export {fmt:4}: {took:5.2f} s  {len(content) / 1024:8.0f} KiB  (bar {BAR_S:.0f} s: {verdict})")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
