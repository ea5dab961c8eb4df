"""Benchmark: the registry's main pages with the whole country loaded.

Generates 200 partnerships, 10,000 school locations, 2,000 boards, 60,000 people (with roles and credentials),
then times the main pages in-process with Django's test client and prints the median and the 95th percentile
per page. The bar: a 95th percentile under 150 ms.

    .venv/bin/python bench/registry.py                      # a fresh SQLite database in a temporary directory
    .venv/bin/python bench/registry.py --database-url postgres://postgres@127.0.0.1:5432/samen_bench
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BAR_MS = 150.0
PARTNERSHIPS, SCHOOLS, BOARDS, PEOPLE, INSTITUTES = 200, 10_000, 2_000, 60_000, 60
LETTERS = "ABCDEFGHJKLMNPRSTVWXYZ"


def setup(database_url: str | None) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    import django

    django.setup()
    from django.core.management import call_command

    if database_url and database_url.startswith("postgres"):
        call_command("flush", interactive=False, verbosity=0) if _tables_exist() else None
    call_command("migrate", verbosity=0)


def _tables_exist() -> bool:
    from django.db import connection

    return "registry_partnership" in connection.introspection.table_names()


def generate() -> None:
    from django.contrib.auth.models import User
    from django.db import transaction

    from samenopleiden.core.models import HistoryEntry
    from samenopleiden.registry import models as m

    today = dt.date.today()
    with transaction.atomic():
        regions = m.Region.objects.bulk_create(
            [m.Region(name=f"Regio {i}", slug=f"regio-{i}", kind="onderwijsregio") for i in range(25)]
        )
        institutes = m.Institute.objects.bulk_create(
            [
                m.Institute(code=f"inst{i}", name=f"Lerarenopleiding {i}", level="wo" if i % 4 == 0 else "hbo")
                for i in range(INSTITUTES)
            ]
        )
        boards = m.SchoolBoard.objects.bulk_create(
            [m.SchoolBoard(name=f"Stichting Onderwijs {i}", authority_code=f"{10000 + i}") for i in range(BOARDS)]
        )
        schools = m.School.objects.bulk_create(
            [
                m.School(
                    brin=f"{i % 90 + 10:02d}{LETTERS[i // 90 % 22]}{LETTERS[i // 1980 % 22]}",
                    branch_code="00",
                    name=f"School {i}",
                    board=boards[i % BOARDS],
                    sector="po" if i % 3 else "vo",
                    city=f"Plaats {i % 300}",
                    municipality=f"Gemeente {i % 340}",
                )
                for i in range(SCHOOLS)
            ],
            batch_size=2000,
        )
        partnerships = m.Partnership.objects.bulk_create(
            [
                m.Partnership(
                    name=f"Partnerschap {i}",
                    slug=f"p{i}",
                    sector_po=i % 3 != 0,
                    sector_vo=i % 3 == 0,
                    status="erkend" if i % 5 else "aspirant",
                    recognised_since=dt.date(2015, 1, 1),
                    aspirant_since=dt.date(2022, 1, 1),
                    last_peer_review=dt.date(2021, 1, 1),
                )
                for i in range(PARTNERSHIPS)
            ]
        )
        m.Partnership.regions.through.objects.bulk_create(
            [
                m.Partnership.regions.through(partnership_id=p.pk, region_id=regions[i % 25].pk)
                for i, p in enumerate(partnerships)
            ]
        )
        memberships, clusters, cluster_schools = [], [], []
        per = SCHOOLS // PARTNERSHIPS  # 50 schools, 10 boards, 2-3 institutes per partnership
        for i, p in enumerate(partnerships):
            own_boards = boards[i * 10 : (i + 1) * 10]
            memberships += [m.Membership(partnership=p, board=b) for b in own_boards]
            memberships += [m.Membership(partnership=p, institute=institutes[(i + k) % INSTITUTES]) for k in range(3)]
            memberships += [
                m.Membership(partnership=p, school=s, role="satellite" if j % 10 == 9 else "partner")
                for j, s in enumerate(schools[i * per : (i + 1) * per])
            ]
            for c in range(12):
                clusters.append(m.Cluster(partnership=p, board=own_boards[c % 10], name=f"Cluster {c}"))
        m.Membership.objects.bulk_create(memberships, batch_size=2000)
        m.Cluster.objects.bulk_create(clusters, batch_size=2000)
        through = m.Cluster.schools.through
        for cluster in m.Cluster.objects.all().only("pk", "partnership_id"):
            base = (cluster.partnership_id - partnerships[0].pk) * per
            offset = (cluster.pk % 12) * 4
            cluster_schools += [
                through(cluster_id=cluster.pk, school_id=schools[base + (offset + k) % per].pk) for k in range(4)
            ]
        through.objects.bulk_create(cluster_schools, batch_size=5000)
        cluster_ids = {}
        for pk, pid in m.Cluster.objects.values_list("pk", "partnership_id"):
            cluster_ids.setdefault(pid, []).append(pk)
        people = [
            m.Person(
                partnership=partnerships[i % PARTNERSHIPS],
                first_name=f"Voornaam{i}",
                last_name=f"Achternaam{i}",
                email=f"persoon{i}@example.org",
            )
            for i in range(PEOPLE)
        ]
        people = m.Person.objects.bulk_create(people, batch_size=5000)
        roles = [
            m.Role.WORKPLACE_SUPERVISOR,
            m.Role.SCHOOL_TEACHER_EDUCATOR,
            m.Role.INSTITUTE_TEACHER_EDUCATOR,
            m.Role.ASSESSOR,
            m.Role.STEERING_MEMBER,
        ]
        assignments, credentials = [], []
        for i, person in enumerate(people):
            pid = person.partnership_id
            role = roles[i % len(roles)]
            cluster = cluster_ids[pid][i % 12] if role != m.Role.STEERING_MEMBER else None
            assignments.append(m.RoleAssignment(person=person, partnership_id=pid, role=role, cluster_id=cluster))
            if i % 3 == 0:
                credentials.append(
                    m.Credential(
                        person=person,
                        partnership_id=pid,
                        kind="supervision",
                        expires_on=today + dt.timedelta(days=i % 400),
                    )
                )
        m.RoleAssignment.objects.bulk_create(assignments, batch_size=5000)
        m.Credential.objects.bulk_create(credentials, batch_size=5000)
        lead_user = User.objects.create_user("benchlead", password="x")
        lead = m.Person.objects.create(
            partnership=partnerships[0], first_name="Bench", last_name="Lead", user=lead_user
        )
        m.RoleAssignment.objects.create(person=lead, partnership=partnerships[0], role=m.Role.PROGRAMME_LEAD)
        HistoryEntry.objects.bulk_create(
            [
                HistoryEntry(
                    partnership=partnerships[0],
                    actor=lead_user,
                    object_type="person",
                    object_id=str(i),
                    object_repr=f"Persoon {i}",
                    action="changed",
                    changes={"email": ["a", "b"]},
                )
                for i in range(2000)
            ]
        )


def pages() -> list[tuple[str, str, bool]]:
    from django.urls import reverse

    from samenopleiden.registry.models import Body, Cluster, Partnership, Person

    p = Partnership.objects.order_by("pk").first()
    cluster = Cluster.objects.filter(partnership=p).first()
    person = Person.objects.filter(partnership=p, roles__cluster=cluster).first()
    del Body
    return [
        ("directory", reverse("registry:directory"), False),
        ("directory, filtered", reverse("registry:directory") + "?sector=po&region=regio-3&q=1", False),
        ("directory, municipality", reverse("registry:directory") + "?municipality=Gemeente+7", False),
        ("profile", reverse("registry:profile", args=[p.slug]), False),
        ("dashboard", reverse("registry:dashboard", args=[p.slug]), True),
        ("clusters", reverse("registry:clusters", args=[p.slug]), True),
        ("cluster", reverse("registry:cluster_detail", args=[p.slug, cluster.pk]), True),
        ("schools", reverse("registry:schools", args=[p.slug]), True),
        ("boards", reverse("registry:boards", args=[p.slug]), True),
        ("people", reverse("registry:people", args=[p.slug]), True),
        ("people, search", reverse("registry:people", args=[p.slug]) + "?q=Achternaam1", True),
        ("person", reverse("registry:person_detail", args=[p.slug, person.pk]), True),
        ("history", reverse("registry:history", args=[p.slug]), True),
    ]


def measure(rounds: int) -> bool:
    from django.contrib.auth.models import User
    from django.test import Client

    anonymous, lead = Client(HTTP_HOST="localhost"), Client(HTTP_HOST="localhost")
    lead.force_login(User.objects.get(username="benchlead"))
    ok = True
    print(f"\n{'page':<26}{'median ms':>10}{'p95 ms':>10}  bar {BAR_MS:.0f} ms")
    for name, url, signed_in in pages():
        client = lead if signed_in else anonymous
        for _ in range(3):
            assert client.get(url).status_code == 200, url
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
        passed = p95 < BAR_MS
        ok &= passed
        print(f"{name:<26}{statistics.median(times):>10.1f}{p95:>10.1f}  {'PASS' if passed else 'FAIL'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"))
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    setup(args.database_url)
    from django.db import connection

    start = time.perf_counter()
    generate()
    if connection.vendor == "postgresql":  # what autovacuum does in production after a large load
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"Database: {connection.vendor}. Generated {PARTNERSHIPS} partnerships, {SCHOOLS} schools, "
        f"{BOARDS} boards, {PEOPLE} people in {time.perf_counter() - start:.1f} s."
    )
    ok = measure(args.rounds)
    print("\nAll pages under the bar." if ok else "\nSome pages are over the bar.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
