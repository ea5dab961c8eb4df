"""Benchmark: the growth projection for the whole country. 200 generated partnerships (seeded: 3-12 boards with
1-4 clusters each and an agreement's maximum, 1-3 institutes with two variants, subsidy rates, 30% of students
wanting a public school), each with a scenario that combines every lever (extra clusters, two joining boards with a
ramp-up, satellite schools, an inflow forecast per institute and variant, cross-sector places, a wage index),
projected over 15 years. The engine is pure Python (no database), so this is the projection itself: validation,
the year-by-year numbers, the subsidy on the t-1 count (students.funding) and the pre-financing gap.

    .venv/bin/python bench/growth.py               # 200 partnerships × 15 years, best of 5 runs
    .venv/bin/python bench/growth.py --partnerships 2000 --years 30
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from samenopleiden.growth import projection_engine as engine  # noqa: E402

BUDGET_SECONDS = 2.0


def generate(n: int, years: int, seed: int = 7) -> list[tuple[engine.Start, engine.Levers]]:
    rng = random.Random(seed)
    cases = []
    for p in range(n):
        boards = []
        for b in range(rng.randint(3, 12)):
            clusters = rng.randint(1, 4)
            boards.append(
                engine.Board(
                    key=f"{p}-{b}",
                    name=f"Bestuur {p}-{b}",
                    clusters=clusters,
                    max_clusters=clusters + rng.randint(0, 2),
                    free_schools=rng.randint(0, 6),
                    public=rng.random() < 0.3,
                )
            )
        inflow = []
        for i in range(rng.randint(1, 3)):
            for mode, size in (("voltijd", (80, 600)), ("deeltijd", (20, 200))):
                total = rng.randint(*size)
                inflow.append(engine.Inflow(f"inst-{p}-{i}", mode, total, rng.randint(0, total)))
        start = engine.Start(
            first_year=2026,
            places_per_cluster=rng.choice([10, 12, 14]),
            boards=tuple(boards),
            inflow=tuple(inflow),
            partners=len(boards) + 2,
            counted_last_year=rng.randint(30, 400),
            fixed_amount=Decimal(100000),
            per_student_amount=Decimal(955),
            public_places=rng.randint(0, 60),
        )
        room = [b for b in boards if b.max_clusters and b.max_clusters > b.clusters]
        levers = engine.Levers(
            horizon=years,
            extra_clusters=tuple(
                engine.ExtraClusters(b.key, (b.max_clusters or 0) - b.clusters, rng.randint(1, 3)) for b in room
            ),
            joining=(
                engine.Joining("Nieuw bestuur A", rng.randint(1, 4), 1, rng.randint(1, 3), public=True),
                engine.Joining("Nieuw bestuur B", rng.randint(1, 4), rng.randint(2, 5), 2),
            ),
            satellites=(engine.Satellites(rng.randint(0, 6), 2, 2),),
            inflow=tuple(engine.InflowChange(i.institute, i.mode, Decimal(rng.randint(-30, 50)) / 10) for i in inflow),
            cross_sector_places=rng.choice([0, 12, 24]),
            cross_sector_year=2,
            wage_index=Decimal(rng.randint(20, 60)) / 10,
        )
        cases.append((start, levers))
    return cases


def run(cases: list[tuple[engine.Start, engine.Levers]]) -> list[engine.Projection]:
    return [engine.project(start, levers) for start, levers in cases]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partnerships", type=int, default=200)
    parser.add_argument("--years", type=int, default=15)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cases = generate(args.partnerships, args.years)
    times = []
    for _ in range(args.runs):
        began = time.perf_counter()
        projections = run(cases)
        times.append(time.perf_counter() - began)
    best, median = min(times), statistics.median(times)
    years = sum(len(p.years) for p in projections)
    reached = sum(1 for p in projections if p.full_coverage_year)
    print(f"growth projection: {args.partnerships} partnerships × {args.years} years = {years} projected years")
    print(f"  best {best:.3f} s, median {median:.3f} s over {args.runs} runs ({best / years * 1e6:.0f} µs a year)")
    print(f"  reach 100% coverage within the horizon: {reached} of {len(projections)}")
    print(f"  peak pre-financing gap, median: € {statistics.median(p.peak_gap for p in projections):,.0f}")
    ok = best < BUDGET_SECONDS
    print(f"  budget {BUDGET_SECONDS:.1f} s: {'ok' if ok else 'TOO SLOW'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
