"""Benchmark: the placement engine against what placement offices do by hand, on generated rounds.

Instances (seeded): (a) 2,000 students and 400 schools; (b) 20,000 students and 3,000 schools. Fifteen subjects
(five shortage, two oversupplied), boards with clusters of 2-4 nearby schools and nested caps (section within
school within cluster), top-5 wishes (some students get their five nearest schools as wishes instead), 30% of
students accepting only public schools, 20% part-time with fixed days (most cannot come on Tuesday, the
learning-community day most sections require), speed-date rankings by every school of the students who wished
it. Side constraints: allocation-key floors (and loose ceilings) per board, and one place per school reserved for
shortage subjects (a cap on the other subjects).

Every method is scored by the same evaluator (samenopleiden.placements.engine.evaluate), never by what a solver
reports. Methods: first-come greedy (the office by hand), greedy with shortage subjects first, deferred
acceptance (market mode), and the engine (assign mode). For the engine also: the gap to the LP relaxation
(GLOP, built from the raw caps) and max-flow upper bounds on placed and first-choice students.

    .venv/bin/python bench/placements.py            # both sizes, 3 and 2 seeds (a few minutes)
    .venv/bin/python bench/placements.py --quick    # the small instance, one seed
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from samenopleiden.placements.engine import (  # noqa: E402
    Cluster,
    Mode,
    Offer,
    Partner,
    Problem,
    School,
    SchoolRanking,
    Student,
    Weights,
    evaluate,
    flow_bounds,
    greedy,
    lp_bound,
    solve,
)

SHORTAGE = ("wiskunde", "natuurkunde", "scheikunde", "informatica", "duits")
OVERSUPPLIED = ("engels", "geschiedenis")
NEUTRAL = (
    "nederlands",
    "aardrijkskunde",
    "biologie",
    "economie",
    "lichamelijke opvoeding",
    "kunst",
    "maatschappijleer",
    "frans",
)
SUBJECTS = SHORTAGE + OVERSUPPLIED + NEUTRAL
STUDENT_SHARE = np.array([3, 2, 2, 2, 2] + [16, 13] + [9, 5, 9, 8, 11, 7, 6, 5], dtype=float)
OFFER_SHARE = np.array([9, 6, 6, 5, 6] + [8, 7] + [9, 6, 8, 8, 7, 6, 5, 4], dtype=float)
DENOMINATIONS = ("openbaar", "protestants-christelijk", "rooms-katholiek", "algemeen bijzonder")
DENOMINATION_SHARE = (0.35, 0.25, 0.2, 0.2)
TYPES = ("vmbo", "havo/vwo", "brede scholengemeenschap")
WEIGHTS = Weights()
BAR_GAP, BAR_SECONDS = 0.005, 30.0


def generate(students: int, schools: int, seed: int) -> Problem:
    """A round shaped like a Dutch region: cities, boards, clusters, sections, and students near cities."""
    rng = np.random.default_rng(seed)
    n_cities = max(8, schools // 50)
    cities = np.column_stack([rng.uniform(51.3, 53.4, n_cities), rng.uniform(4.2, 7.0, n_cities)])
    city_of_school = rng.integers(0, n_cities, schools)
    spots = cities[city_of_school] + rng.normal(0, [0.07, 0.1], (schools, 2))
    partners, clusters, school_rows = _boards(rng, city_of_school, spots)
    offers = _offers(rng, school_rows, students / schools * 1.15)
    school_rows = _school_caps(rng, school_rows, offers)
    clusters = _cluster_caps(clusters, school_rows, offers)
    people = _students(rng, students, cities, school_rows, offers, clusters)
    partners = _allocation_band(partners, school_rows, offers, students)
    return Problem(
        students=tuple(people),
        offers=tuple(offers),
        schools=tuple(school_rows),
        partners=tuple(partners),
        clusters=tuple(clusters),
        shortage_subjects=frozenset(SHORTAGE),
        oversupplied_subjects=frozenset(OVERSUPPLIED),
        school_rankings=tuple(_rankings(rng, people, school_rows, clusters)),
        name=f"bench {students}/{schools} seed {seed}",
        seed=seed,
    )


def _boards(rng: np.random.Generator, city_of_school: np.ndarray, spots: np.ndarray):
    """Boards own 3-15 schools in one city and share one denomination; their nearby schools form clusters of
    2-4 (about one school in five stays outside a cluster)."""
    partners, clusters, rows = [], [], []
    for city in np.unique(city_of_school):
        members = list(np.flatnonzero(city_of_school == city))
        rng.shuffle(members)
        while members:
            size = int(rng.integers(3, 16))
            board, members = members[:size], members[size:]
            pid = f"B{len(partners)}"
            denomination = DENOMINATIONS[rng.choice(len(DENOMINATIONS), p=DENOMINATION_SHARE)]
            partners.append(Partner(pid, f"Stichting {len(partners)}"))
            board.sort(key=lambda s: (spots[s][0], spots[s][1]))
            i = 0
            while i < len(board):
                size = int(rng.integers(2, 5))
                group, i = board[i : i + size], i + size
                cluster = None
                if len(group) >= 2 and rng.random() < 0.8:
                    cluster = f"C{len(clusters)}"
                    clusters.append(Cluster(cluster, f"Cluster {len(clusters)}", pid))
                for s in group:
                    rows.append(
                        School(
                            f"K{s}",
                            f"School {s}",
                            pid,
                            cluster=cluster,
                            denomination=denomination,
                            school_type=TYPES[int(rng.integers(0, len(TYPES)))],
                            lat=float(spots[s][0]),
                            lon=float(spots[s][1]),
                        )
                    )
    return partners, clusters, rows


def _offers(rng: np.random.Generator, schools: list[School], places_per_school: float) -> list[Offer]:
    """Sections: 2-6 subjects per school; most need the student on Tuesday; some keep a place for part-timers;
    a fifth of the shortage sections are under pressure."""
    offers = []
    for school in schools:
        k = int(rng.integers(2, 7))
        subjects = rng.choice(len(SUBJECTS), size=k, replace=False, p=OFFER_SHARE / OFFER_SHARE.sum())
        places = np.maximum(1, rng.poisson(places_per_school / k, size=k))
        for subject, n in zip(subjects, places, strict=True):
            name = SUBJECTS[subject]
            days = ("di",) if rng.random() < 0.65 else (() if rng.random() < 0.5 else ("wo",))
            reserved = 1 if n >= 2 and rng.random() < 0.15 else 0
            offers.append(
                Offer(
                    f"{school.id}-{name[:4]}",
                    school.id,
                    name,
                    int(n),
                    required_days=frozenset(days),
                    reserved_places=reserved,
                    reserved_category="deeltijd" if reserved else None,
                    under_pressure=name in SHORTAGE and rng.random() < 0.2,
                )
            )
    return offers


def _school_caps(rng: np.random.Generator, schools: list[School], offers: list[Offer]) -> list[School]:
    """Six in ten schools cap their sections together at ~80%; a capped school with a shortage section keeps
    one of its places for shortage subjects."""
    total: dict[str, int] = {}
    shortage: dict[str, bool] = {}
    for o in offers:
        total[o.school] = total.get(o.school, 0) + o.places
        shortage[o.school] = shortage.get(o.school, False) or o.subject in SHORTAGE
    result = []
    for s in schools:
        if rng.random() < 0.6 and total[s.id] >= 3:
            cap = max(2, round(0.8 * total[s.id]))
            s = dataclasses.replace(s, capacity=cap, shortage_reserved=1 if shortage[s.id] else 0)
        result.append(s)
    return result


def _cluster_caps(clusters: list[Cluster], schools: list[School], offers: list[Offer]) -> list[Cluster]:
    """A cluster takes about 85% of what its schools could take (the Groningen clusters: ~12 places for 4)."""
    places: dict[str, int] = {}
    for o in offers:
        places[o.school] = places.get(o.school, 0) + o.places
    room: dict[str, int] = {}
    for s in schools:
        if s.cluster:
            room[s.cluster] = room.get(s.cluster, 0) + min(places.get(s.id, 0), s.capacity or 10**6)
    return [dataclasses.replace(c, capacity=max(2, round(0.85 * room.get(c.id, 0)))) for c in clusters]


def _students(rng, n, cities, schools, offers, clusters) -> list[Student]:
    """Students live near cities; each wishes five schools that offer their subject within their travel
    distance (nearer and more popular schools more often); 15% get their five nearest schools instead."""
    position = np.array([[s.lat, s.lon] for s in schools])
    popularity = rng.lognormal(0, 0.6, len(schools))
    public = np.array([s.denomination == "openbaar" for s in schools])
    school_pos = {s.id: i for i, s in enumerate(schools)}
    teaches: dict[str, list[int]] = {subject: [] for subject in SUBJECTS}
    for o in offers:
        teaches[o.subject].append(school_pos[o.school])
    teaches_arr = {k: np.array(sorted(set(v)), dtype=np.int64) for k, v in teaches.items()}
    cluster_of = [s.cluster for s in schools]
    homes = cities[rng.integers(0, len(cities), n)] + rng.normal(0, [0.1, 0.14], (n, 2))
    subjects = rng.choice(len(SUBJECTS), size=n, p=STUDENT_SHARE / STUDENT_SHARE.sum())
    people = []
    for i in range(n):
        subject = SUBJECTS[subjects[i]]
        part_time = rng.random() < 0.2
        only_public = rng.random() < 0.3
        max_km = float(rng.uniform(10, 30) if part_time else rng.uniform(15, 40))
        options = teaches_arr[subject]
        if only_public:
            options = options[public[options]]
        km = _km(homes[i], position[options])
        near = options[km <= max_km]
        near_km = km[km <= max_km]
        if rng.random() < 0.15:
            chosen = near[np.argsort(near_km)[:5]]
        elif len(near):
            weight = popularity[near] * np.exp(-near_km / 10)
            chosen = rng.choice(near, size=min(5, len(near)), replace=False, p=weight / weight.sum())
        else:
            chosen = near
        wishes = []
        for s in chosen:
            target = cluster_of[s] if cluster_of[s] and rng.random() < 0.1 else schools[s].id
            if target not in wishes:
                wishes.append(target)
        days = None
        if part_time:
            pool = ["ma", "wo", "do", "vr"] if rng.random() < 0.7 else ["ma", "di", "wo", "do", "vr"]
            days = frozenset(rng.choice(pool, size=2, replace=False).tolist())
        people.append(
            Student(
                f"S{i}",
                subject,
                wishes=tuple(wishes),
                available_days=days,
                denominations=frozenset({"openbaar"}) if only_public else frozenset(),
                max_km=round(max_km, 1),
                lat=float(homes[i][0]),
                lon=float(homes[i][1]),
                categories=frozenset({"deeltijd"}) if part_time else frozenset(),
                previous_school_type=TYPES[int(rng.integers(0, len(TYPES)))] if rng.random() < 0.6 else "",
            )
        )
    return people


def _km(home: np.ndarray, spots: np.ndarray) -> np.ndarray:
    lat = np.radians(home[0])
    dy = (spots[:, 0] - home[0]) * 111.2
    dx = (spots[:, 1] - home[1]) * 111.2 * np.cos(lat)
    return np.hypot(dx, dy)


def _rankings(rng, people: list[Student], schools: list[School], clusters: list[Cluster]) -> list[SchoolRanking]:
    """After the speed dates every school ranks the students who wished it (itself or its cluster):
    shortage-subject students first more often, otherwise its own impression."""
    members: dict[str, list[str]] = {}
    for s in schools:
        if s.cluster:
            members.setdefault(s.cluster, []).append(s.id)
    applicants: dict[str, list[str]] = {s.id: [] for s in schools}
    for person in people:
        for wish in person.wishes:
            for school_id in members.get(wish, [wish]):
                applicants[school_id].append(person.id)
    subject = {p.id: p.subject for p in people}
    rankings = []
    for school_id, ids in applicants.items():
        if ids:
            score = rng.random(len(ids)) + np.array([0.5 * (subject[i] in SHORTAGE) for i in ids])
            rankings.append(SchoolRanking(school_id, tuple(ids[j] for j in np.argsort(-score))))
    return rankings


def _allocation_band(partners, schools, offers, students: int) -> list[Partner]:
    """Allocation key by places offered; floor at 80% and ceiling at 150% of the key share of what can be placed."""
    places: dict[str, int] = {}
    board = {s.id: s.partner for s in schools}
    for o in offers:
        places[board[o.school]] = places.get(board[o.school], 0) + o.places
    total = sum(places.values())
    expected = 0.8 * min(students, total)
    result = []
    for p in partners:
        share = places.get(p.id, 0) / total
        result.append(
            dataclasses.replace(
                p, share=round(share, 5), floor=int(0.8 * share * expected), ceiling=int(1.5 * share * students) + 1
            )
        )
    return result


# Methods ------------------------------------------------------------------------------------------------------


def _timed(run: Callable[[], dict[str, str | None]]) -> tuple[dict[str, str | None], float]:
    start = time.perf_counter()
    placements = run()
    return placements, time.perf_counter() - start


METHODS: dict[str, Callable[[Problem], dict[str, str | None]]] = {
    "greedy (first come)": lambda p: greedy(p),
    "greedy (shortage first)": lambda p: greedy(p, shortage_first=True),
    "deferred acceptance": lambda p: solve(p, mode=Mode.MARKET, weights=WEIGHTS).placements(),
    "engine (assign)": lambda p: solve(p, mode=Mode.ASSIGN, weights=WEIGHTS).placements(),
}


def _crossing_variant(problem: Problem) -> dict[str, float]:
    """The same round with every cluster also reserving two places for shortage subjects: that cap cuts across
    the schools' own caps, so the engine takes its non-nesting path (split, then CP-SAT if small enough)."""
    variant = dataclasses.replace(
        problem, clusters=tuple(dataclasses.replace(c, shortage_reserved=2) for c in problem.clusters)
    )
    start = time.perf_counter()
    result = solve(variant, weights=WEIGHTS)
    seconds = time.perf_counter() - start
    f = evaluate(variant, result.placements(), WEIGHTS)
    assert not f.violations and not result.solver.laminar
    lp = lp_bound(variant, WEIGHTS)
    return {"placed": f.share_placed, "rank6": f.mean_rank_6, "gap": (lp - f.score) / lp, "seconds": seconds}


def measure(problem: Problem, *, bounds: bool, crossing: bool) -> dict[str, dict[str, float]]:
    rows: dict[str, dict[str, float]] = {}
    for name, method in METHODS.items():
        placements, seconds = _timed(lambda m=method: m(problem))
        f = evaluate(problem, placements, WEIGHTS, blocking=True, swaps_respect_schools=False)
        assert not f.violations, (name, f.violations[:3])
        rows[name] = {
            "placed": f.share_placed,
            "first": f.share_first_choice,
            "rank6": f.mean_rank_6,
            "shortage": f.shortage_placed,
            "below_floor": f.partners_below_floor,
            "blocking": len(f.blocking_pairs or ()),
            "swaps": len(f.swap_pairs),
            "seconds": seconds,
            "score": f.score,
            "placed_n": f.placed,
            "first_n": f.first_choice,
        }
    engine = rows["engine (assign)"]
    if crossing:
        rows["crossing"] = _crossing_variant(problem)
    if bounds:
        start = time.perf_counter()
        lp = lp_bound(problem, WEIGHTS)
        fb = flow_bounds(problem)
        engine |= {
            "lp": lp,
            "gap": (lp - engine["score"]) / lp,
            "max_placed": fb.max_placed,
            "max_first": fb.max_first_choice,
            "bound_seconds": time.perf_counter() - start,
        }
    return rows


COLUMNS = (
    ("placed", "placed", "{:8.1%}"),
    ("first", "1st choice", "{:10.1%}"),
    ("rank6", "mean rank (unplaced=6)", "{:22.3f}"),
    ("shortage", "shortage placed", "{:15.1f}"),
    ("below_floor", "boards < floor", "{:14.1f}"),
    ("blocking", "blocking pairs", "{:14.1f}"),
    ("swaps", "swap pairs", "{:10.1f}"),
    ("seconds", "runtime s", "{:9.2f}"),
)


def report(title: str, runs: list[dict[str, dict[str, float]]], students: int) -> list[str]:
    """Print the averaged table and return the bars that failed."""
    print(f"\n=== {title}: mean over {len(runs)} seed(s) ===")
    print(f"{'method':26}" + " ".join(f"{label:>{len(fmt.format(0))}}" for _, label, fmt in COLUMNS))
    mean = {m: {k: statistics.fmean(r[m][k] for r in runs) for k in runs[0][m]} for m in runs[0]}
    for method, row in mean.items():
        if method in METHODS:
            print(f"{method:26}" + " ".join(fmt.format(row[key]) for key, _, fmt in COLUMNS))
    engine = mean["engine (assign)"]
    failed = []
    if "lp" in engine:
        print(
            f"engine vs bounds: objective {engine['score']:,.1f}, LP relaxation {engine['lp']:,.1f}, "
            f"gap {engine['gap']:.4%}; placed {engine['placed_n']:,.1f} of at most {engine['max_placed']:,.1f} "
            f"(max-flow); first choice {engine['first_n']:,.1f} of at most {engine['max_first']:,.1f}; "
            f"bounds took {engine['bound_seconds']:.1f} s"
        )
        failed += [f"{title}: gap {engine['gap']:.4%} >= 0.5%"] * any(
            r["engine (assign)"]["gap"] >= BAR_GAP for r in runs
        )
    if "crossing" in mean:
        c = mean["crossing"]
        print(
            f"variant with crossing caps (clusters also reserve 2 places for shortage subjects): engine placed "
            f"{c['placed']:.1%}, mean rank (unplaced=6) {c['rank6']:.3f}, gap to LP {c['gap']:.4%}, "
            f"{c['seconds']:.2f} s"
        )
    for r in runs:
        e = r["engine (assign)"]
        for other in ("greedy (first come)", "greedy (shortage first)", "deferred acceptance"):
            if e["placed_n"] < r[other]["placed_n"] or e["rank6"] >= r[other]["rank6"]:
                failed.append(f"{title}: engine not ahead of {other} (placed, mean rank)")
        if r["deferred acceptance"]["blocking"]:
            failed.append(f"{title}: deferred acceptance has blocking pairs")
        if students >= 20_000 and e["seconds"] >= BAR_SECONDS:
            failed.append(f"{title}: engine took {e['seconds']:.1f} s >= {BAR_SECONDS:.0f} s")
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small instance, one seed")
    parser.add_argument("--no-bounds", action="store_true", help="skip the LP and max-flow bounds (faster)")
    args = parser.parse_args()
    plan = [(2_000, 400, [1] if args.quick else [1, 2, 3])]
    if not args.quick:
        plan.append((20_000, 3_000, [1, 2]))
    print("weights:", ", ".join(f"{k}={v}" for k, v in dataclasses.asdict(WEIGHTS).items()))
    failed = []
    for students, schools, seeds in plan:
        runs = []
        for seed in seeds:
            start = time.perf_counter()
            problem = generate(students, schools, seed)
            places = sum(o.places for o in problem.offers)
            print(
                f"instance {students:,} students / {schools:,} schools, seed {seed}: {len(problem.offers):,} sections, "
                f"{places:,} places, {len(problem.clusters):,} clusters, {len(problem.partners):,} boards "
                f"(generated in {time.perf_counter() - start:.1f} s)",
                flush=True,
            )
            runs.append(measure(problem, bounds=not args.no_bounds, crossing=students < 20_000 and not args.no_bounds))
        failed += report(f"{students:,} students, {schools:,} schools", runs, students)
    print("\nBARS: " + ("all met" if not failed else "NOT MET:\n  " + "\n  ".join(failed)))
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
