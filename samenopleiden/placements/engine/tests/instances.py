"""Rounds for the tests: a readable builder for table-driven cases, a hypothesis strategy for random small
rounds, and brute force over every assignment of a tiny round (the reference the solvers must match)."""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Iterator

from hypothesis import strategies as st

from samenopleiden.placements.engine import (
    Cluster,
    Forbid,
    Lock,
    Offer,
    Partner,
    Problem,
    Quota,
    School,
    SchoolRanking,
    SolveOptions,
    Student,
    Weights,
    validate,
)
from samenopleiden.placements.engine.capacity import family
from samenopleiden.placements.engine.evaluate import blocking_pairs
from samenopleiden.placements.engine.explain import set_counts
from samenopleiden.placements.engine.index import Index
from samenopleiden.placements.engine.scoring import score

GRONINGEN = (53.22, 6.57)
ALL_OFFERS = SolveOptions(outside_candidates=1000)
"""Options under which the optimiser sees every suitable offer, as brute force does."""


def school(id: str, name: str | None = None, *, partner: str = "B1", **kw: object) -> School:
    kw.setdefault("lat", GRONINGEN[0])
    kw.setdefault("lon", GRONINGEN[1])
    return School(id, name or f"School {id}", partner, **kw)  # type: ignore[arg-type]


def student(id: str, subject: str = "po", *wishes: str, **kw: object) -> Student:
    kw.setdefault("lat", GRONINGEN[0])
    kw.setdefault("lon", GRONINGEN[1])
    return Student(id, subject, wishes=wishes, **kw)  # type: ignore[arg-type]


def round_of(students: list[Student], offers: list[Offer], schools: list[School], **kw: object) -> Problem:
    """A round with one board B1 unless partners are given."""
    kw.setdefault("partners", [Partner("B1", "Stichting Een", share=1)])
    return Problem(students=students, offers=offers, schools=schools, **kw)  # type: ignore[arg-type]


SUBJECTS = ("wiskunde", "engels")


@st.composite
def rounds(draw: st.DrawFn, *, max_students: int = 6, strict_wishes: bool = False, laminar: bool = False) -> Problem:
    """Small random rounds that pass validation.

    strict_wishes: wishes name schools only and a school has at most one offer per subject, so a student's
    stated preferences over offers are strict (needed where the theory assumes strict preferences).
    laminar: no quotas, so the caps always nest.
    """
    n_partners = draw(st.integers(1, 2))
    partners = [
        Partner(
            f"B{p}",
            f"Bestuur {p}",
            share=draw(st.integers(1, 3)),
            floor=draw(st.none() | st.integers(0, 3)),
            ceiling=draw(st.none() | st.integers(3, 6)),
        )
        for p in range(n_partners)
    ]
    clusters = [
        Cluster(f"C{p}", f"Cluster {p}", f"B{p}", capacity=draw(st.none() | st.integers(1, 5)))
        for p in range(n_partners)
        if draw(st.booleans())
    ]
    cluster_of = {c.partner: c.id for c in clusters}
    schools, offers = [], []
    for i in range(draw(st.integers(2, 4))):
        partner = f"B{draw(st.integers(0, n_partners - 1))}"
        sid = f"K{i}"
        subjects = draw(st.lists(st.sampled_from(SUBJECTS), min_size=1, max_size=3, unique=strict_wishes))
        for j, subject in enumerate(subjects):
            places = draw(st.integers(0, 2))
            reserved = draw(st.integers(0, places)) if draw(st.booleans()) else 0
            offers.append(
                Offer(
                    f"{sid}-{j}",
                    sid,
                    subject,
                    places,
                    period=draw(st.sampled_from([None, None, None, "P1"])),
                    required_days=draw(st.sampled_from([(), (), ("di",), ("wo",)])),
                    reserved_places=reserved,
                    reserved_category="deeltijd" if reserved else None,
                    under_pressure=draw(st.booleans()),
                )
            )
        schools.append(
            School(
                sid,
                f"School {i}",
                partner,
                cluster=cluster_of.get(partner) if draw(st.booleans()) else None,
                capacity=draw(st.none() | st.integers(1, 3)),
                shortage_reserved=draw(st.integers(0, 1)),
                denomination=draw(st.sampled_from(["openbaar", "christelijk"])),
                school_type=draw(st.sampled_from(["", "regulier", "sbo"])),
                lat=GRONINGEN[0] + draw(st.floats(-0.05, 0.05)),
                lon=GRONINGEN[1] + draw(st.floats(-0.05, 0.05)),
            )
        )
    targets = [s.id for s in schools] + ([] if strict_wishes else [c.id for c in clusters])
    students = [
        Student(
            f"S{i}",
            draw(st.sampled_from(SUBJECTS)),
            name=f"Student {i}",
            period=draw(st.sampled_from([None, None, "P1", "P2"])),
            wishes=tuple(draw(st.lists(st.sampled_from(targets), max_size=3, unique=True))),
            available_days=draw(st.sampled_from([None, None, frozenset({"ma", "wo", "do"})])),
            denominations=draw(st.sampled_from([frozenset(), frozenset(), frozenset({"openbaar"})])),
            max_km=draw(st.none() | st.floats(2.0, 12.0)),
            lat=GRONINGEN[0] + draw(st.floats(-0.05, 0.05)),
            lon=GRONINGEN[1] + draw(st.floats(-0.05, 0.05)),
            categories=draw(st.sampled_from([frozenset(), frozenset(), frozenset({"deeltijd"})])),
            previous_school_type=draw(st.sampled_from(["", "regulier"])),
        )
        for i in range(draw(st.integers(1, max_students)))
    ]
    scopes = [s.id for s in schools] + [c.id for c in clusters] * 4 + [p.id for p in partners]
    quotas = (
        []
        if laminar
        else [
            Quota(f"Q{i}", draw(st.sampled_from(scopes)), frozenset({"engels"}), draw(st.integers(0, 2)), name="engels")
            for i in range(draw(st.integers(0, 2)))
        ]
    )
    rankings = [
        SchoolRanking(s.id, tuple(draw(st.permutations([x.id for x in students]))), only_ranked=draw(st.booleans()))
        for s in schools
        if draw(st.booleans())
    ]
    problem = Problem(
        students=students,
        offers=offers,
        schools=schools,
        partners=partners,
        clusters=clusters,
        shortage_subjects=frozenset({"wiskunde"}),
        oversupplied_subjects=frozenset({"engels"}),
        quotas=quotas,
        school_rankings=rankings,
        seed=draw(st.integers(0, 3)),
    )
    problem = _valid_reserve(problem)
    index = Index(problem)
    suitable = [o.id for i, o in enumerate(offers) if o.places and index.failure(0, i) is None]
    locks = [Lock(students[0].id, draw(st.sampled_from(suitable)))] if suitable and draw(st.booleans()) else []
    forbidden = [Forbid(students[-1].id, draw(st.sampled_from(offers)).id)] if draw(st.booleans()) else []
    with_extras = dataclasses.replace(problem, locks=locks, forbidden=forbidden)
    return with_extras if not validate(with_extras) else problem


def _valid_reserve(problem: Problem) -> Problem:
    """Drop the places reserved for shortage subjects where a school has fewer places than it reserves."""
    if not validate(problem):
        return problem
    schools = [dataclasses.replace(s, shortage_reserved=0) for s in problem.schools]
    return dataclasses.replace(problem, schools=schools)


def _options(problem: Problem, wishes_only: bool) -> list[list[int | None]]:
    index = Index(problem)
    options: list[list[int | None]] = []
    for s in range(len(index.students)):
        locked = index.locks.get(index.students[s].id)
        if locked is not None:
            options.append([locked])
            continue
        suitable = [
            o
            for o in range(len(index.offers))
            if index.offers[o].places > 0
            and index.failure(s, o) is None
            and (not wishes_only or index.rank(s, o) is not None)
        ]
        options.append([None, *suitable])
    return options


def search_space(problem: Problem, *, wishes_only: bool = False) -> int:
    """How many assignments brute force would enumerate (tests skip rounds where that is too slow)."""
    return math.prod(len(o) for o in _options(problem, wishes_only))


def assignments(problem: Problem, *, wishes_only: bool = False) -> Iterator[list[int | None]]:
    """Every assignment that respects every cap, filter and lock (offer positions, None = not placed)."""
    index = Index(problem)
    fam = family(index)
    for placement in itertools.product(*_options(problem, wishes_only)):
        counts = set_counts(index, fam, placement)
        if all(counts[k] <= cap_set.cap for k, cap_set in enumerate(fam.sets)):
            yield list(placement)


def best_score(problem: Problem, weights: Weights) -> int:
    index = Index(problem)
    return max(score(index, weights, placement) for placement in assignments(problem))


def stable_assignments(problem: Problem) -> list[list[int | None]]:
    index = Index(problem)
    fam = family(index)
    return [
        p
        for p in assignments(problem, wishes_only=True)
        if not blocking_pairs(index, fam, p, set_counts(index, fam, p))
    ]
