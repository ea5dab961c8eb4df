"""Lookups built once per run, and the filters that decide whether an offer suits a student at all.

The filters exist twice on purpose: `failure` (plain Python, one pair) is the definition and feeds the
explanations; `failure_matrix` (numpy, a block of students against the offers of their subject) is what makes
candidate generation fast for 20,000 students. A test checks that both agree on random rounds.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from . import geo
from .model import DAYS, Offer, Problem, School, Student

FILTERS: tuple[str, ...] = (
    "subject",
    "period",
    "days",
    "reserved_only",
    "not_accepted",
    "denomination",
    "concept",
    "distance",
    "forbidden",
)
"""The hard filters in the order explanations name them; code k in `failure_matrix` is FILTERS[k - 1]."""

OUTSIDE_RANK = 6
"""Rank counted for a student placed outside their wishes (or not placed) in the figures and the objective."""

_DAY_BITS = {day: 1 << i for i, day in enumerate(DAYS)}
_ALL_DAYS = sum(_DAY_BITS.values())


def norm(text: str | None) -> str:
    """Codes typed by people ("Engels ", "engels") compare without case and surrounding spaces."""
    return (text or "").strip().casefold()


def day_mask(days: frozenset[str] | None) -> int:
    return _ALL_DAYS if days is None else sum(_DAY_BITS.get(norm(day), 0) for day in days)


@dataclass(frozen=True)
class Candidate:
    """An offer that passes every filter for a student, with the wish rank it has for them (None: not a wish)."""

    offer: int
    rank: int | None
    km: float | None


class Index:
    """Everything the algorithms look up, by position: students and offers are numbered in input order."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.students: tuple[Student, ...] = problem.students
        self.offers: tuple[Offer, ...] = problem.offers
        self.student_pos = {s.id: i for i, s in enumerate(self.students)}
        self.offer_pos = {o.id: i for i, o in enumerate(self.offers)}
        self.schools = {s.id: s for s in problem.schools}
        self.clusters = {c.id: c for c in problem.clusters}
        self.partners = {p.id: p for p in problem.partners}
        self.quotas = {q.id: q for q in problem.quotas}
        self.school_offers: dict[str, list[int]] = {school_id: [] for school_id in self.schools}
        for i, offer in enumerate(self.offers):
            self.school_offers.setdefault(offer.school, []).append(i)
        self.cluster_schools: dict[str, list[str]] = {cluster_id: [] for cluster_id in self.clusters}
        for school in problem.schools:
            if school.cluster is not None:
                self.cluster_schools.setdefault(school.cluster, []).append(school.id)
        self.shortage = frozenset(norm(s) for s in problem.shortage_subjects)
        self.oversupplied = frozenset(norm(s) for s in problem.oversupplied_subjects)
        self.ranking_pos = {r.school: {sid: pos for pos, sid in enumerate(r.students)} for r in problem.school_rankings}
        self.only_ranked = frozenset(r.school for r in problem.school_rankings if r.only_ranked)
        self.locks = {lock.student: self.offer_pos[lock.offer] for lock in problem.locks}
        self.forbidden = {(self.student_pos[f.student], self.offer_pos[f.offer]) for f in problem.forbidden}
        self._candidates: dict[int, list[list[Candidate]]] = {}
        self._km: dict[tuple[int, int], float | None] = {}

    # Names and relations -------------------------------------------------------------------------------------

    def school_of(self, offer: int) -> School:
        return self.schools[self.offers[offer].school]

    def is_shortage(self, offer: int) -> bool:
        return self._offer_keys[offer].shortage

    def is_oversupplied(self, offer: int) -> bool:
        return self._offer_keys[offer].subject in self.oversupplied

    def categories(self, student: int) -> frozenset[str]:
        """The student's categories, normalised (as caps and reserved places compare them)."""
        return self._student_keys[student].categories

    def has_reserved_category(self, student: int, offer: int) -> bool:
        """Whether the student belongs to the group the offer reserves places for (and so may use them)."""
        reserved = self._offer_keys[offer].reserved
        return bool(reserved) and reserved in self._student_keys[student].categories

    def other_school_type(self, student: int, offer: int) -> bool:
        """Whether this offer's school is of another type than the student's school last year (both known)."""
        previous, current = self._student_keys[student].previous_type, self._offer_keys[offer].school_type
        return bool(previous and current) and previous != current

    def wish_name(self, wish: str) -> str:
        target = self.schools.get(wish) or self.clusters.get(wish)
        return target.name if target else wish

    def wish_schools(self, wish: str) -> list[str]:
        """A wish names a school, or a cluster meaning any of its schools."""
        return [wish] if wish in self.schools else list(self.cluster_schools.get(wish, ()))

    @cached_property
    def school_rank(self) -> list[dict[str, int]]:
        """Per student: school id -> the best rank of a wish that includes that school."""
        result = []
        for student in self.students:
            ranks: dict[str, int] = {}
            for rank, wish in enumerate(student.wishes, start=1):
                for school_id in self.wish_schools(wish):
                    ranks.setdefault(school_id, rank)
            result.append(ranks)
        return result

    def rank(self, student: int, offer: int) -> int | None:
        return self.school_rank[student].get(self.offers[offer].school)

    def outside_rank(self, student: int) -> int:
        return max(OUTSIDE_RANK, len(self.students[student].wishes) + 1)

    def km(self, student: int, offer: int) -> float | None:
        """Straight-line distance from the student's home to the offer's school (None when a point is unknown)."""
        key = (student, offer)
        if key not in self._km:
            s, school = self.students[student], self.school_of(offer)
            if s.lat is None or s.lon is None or school.lat is None or school.lon is None:
                self._km[key] = None
            else:
                self._km[key] = geo.km(s.lat, s.lon, school.lat, school.lon)
        return self._km[key]

    @cached_property
    def lottery(self) -> list[int]:
        """A fixed random number per student (from the round's seed) that breaks ties between unranked students."""
        seed = self.problem.seed
        return [
            int.from_bytes(hashlib.blake2b(f"{seed}:{s.id}".encode(), digest_size=8).digest(), "big")
            for s in self.students
        ]

    def priority(self, student: int, school_id: str) -> tuple[int, int, int, int]:
        """How a school orders applicants (lower first): its own ranking, then unranked students by lottery.

        Across the schools of a cluster or board the same key compares position in each school's own ranking,
        which is the choice rule for shared caps (README: "Stability").
        """
        pos = self.ranking_pos.get(school_id, {}).get(self.students[student].id)
        tier, position = (1, 0) if pos is None else (0, pos)
        return (tier, position, self.lottery[student], student)

    # The filters, one pair at a time -------------------------------------------------------------------------

    def failure(self, student: int, offer: int) -> str | None:
        """The first filter that rules this offer out for this student, or None when it suits them."""
        s, o = self._student_keys[student], self._offer_keys[offer]
        if o.subject != s.subject:
            return "subject"
        if s.period and o.period and s.period != o.period:
            return "period"
        if o.days & ~s.days:
            return "days"
        if o.reserved_only is not None and o.reserved_only not in s.categories:
            return "reserved_only"
        if o.school in self.only_ranked and self.students[student].id not in self.ranking_pos[o.school]:
            return "not_accepted"
        if s.denominations and o.denomination not in s.denominations:
            return "denomination"
        if s.concepts and o.concept not in s.concepts:
            return "concept"
        max_km = self.students[student].max_km
        if max_km is not None and (self.km(student, offer) or 0.0) > max_km:
            return "distance"
        if (student, offer) in self.forbidden:
            return "forbidden"
        return None

    @cached_property
    def _student_keys(self) -> list[_StudentKey]:
        return [
            _StudentKey(
                norm(s.subject),
                norm(s.period),
                day_mask(s.available_days),
                frozenset(norm(c) for c in s.categories),
                frozenset(norm(d) for d in s.denominations),
                frozenset(norm(c) for c in s.concepts),
                norm(s.previous_school_type),
            )
            for s in self.students
        ]

    @cached_property
    def _offer_keys(self) -> list[_OfferKey]:
        keys = []
        for o in self.offers:
            school = self.schools[o.school]
            reserved_only = norm(o.reserved_category) if 0 < o.places <= o.reserved_places else None
            keys.append(
                _OfferKey(
                    norm(o.subject),
                    norm(o.period),
                    day_mask(o.required_days),
                    norm(o.reserved_category) if o.reserved_places > 0 else "",
                    reserved_only,
                    o.school,
                    norm(school.denomination),
                    norm(school.concept),
                    norm(school.school_type),
                    norm(o.subject) in self.shortage,
                )
            )
        return keys

    # The same filters, vectorised ----------------------------------------------------------------------------

    @cached_property
    def _vectors(self) -> _Vectors:
        return _Vectors(self)

    def failure_matrix(self, students: np.ndarray, offers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per (student, offer) the 1-based index in FILTERS of the first failing filter (0 when it suits), and
        the distances in km (NaN where unknown)."""
        v = self._vectors
        rows, cols = students[:, None], offers[None, :]
        km = geo.km_many(v.s_lat[rows], v.s_lon[rows], v.o_lat[cols], v.o_lon[cols])
        reserved = v.o_reserved_only[cols]
        fails = [
            v.s_subject[rows] != v.o_subject[cols],
            (v.s_period[rows] >= 0) & (v.o_period[cols] >= 0) & (v.s_period[rows] != v.o_period[cols]),
            (v.o_days[cols] & ~v.s_days[rows]) != 0,
            (reserved >= 0) & ~v.s_category[rows, np.maximum(reserved, 0)],
            self._not_accepted(students, offers),
            ~v.s_denomination[rows, v.o_denomination[cols]],
            ~v.s_concept[rows, v.o_concept[cols]],
            np.nan_to_num(km, nan=0.0) > v.s_max_km[rows],
            self._forbidden_matrix(students, offers),
        ]
        codes = np.zeros(km.shape, dtype=np.int8)
        for code in range(len(fails), 0, -1):
            codes[fails[code - 1]] = code
        return codes, km

    def _not_accepted(self, students: np.ndarray, offers: np.ndarray) -> np.ndarray:
        v = self._vectors
        result = np.zeros((len(students), len(offers)), dtype=bool)
        for j in np.flatnonzero(v.o_only_ranked[offers]):
            result[:, j] = ~np.isin(students, v.accepted[self.offers[offers[j]].school])
        return result

    def _forbidden_matrix(self, students: np.ndarray, offers: np.ndarray) -> np.ndarray:
        result = np.zeros((len(students), len(offers)), dtype=bool)
        if self.forbidden:
            row = {s: i for i, s in enumerate(students.tolist())}
            col = {o: j for j, o in enumerate(offers.tolist())}
            for student, offer in self.forbidden:
                if student in row and offer in col:
                    result[row[student], col[offer]] = True
        return result

    def filter_counts(self, students: Iterable[int]) -> dict[int, np.ndarray]:
        """Per student how many offers each filter removes first (index k: FILTERS[k - 1]; index 0: suitable).

        Offers of another subject never reach the matrix: the subject filter comes first, so their count is known.
        """
        v = self._vectors
        wanted = np.array(sorted(set(students)), dtype=np.int64)
        result: dict[int, np.ndarray] = {}
        for subject in np.unique(v.s_subject[wanted]):
            group = v.by_subject.get(int(subject), _NONE)
            members = wanted[v.s_subject[wanted] == subject]
            for start in range(0, len(members), _BLOCK):
                block = members[start : start + _BLOCK]
                codes, _ = self.failure_matrix(block, group)
                for student, row in zip(block.tolist(), codes, strict=True):
                    counts = np.bincount(row, minlength=len(FILTERS) + 1)
                    counts[1] = len(self.offers) - len(group)
                    result[student] = counts
        return result

    def candidate_lists(self, outside: int) -> list[list[Candidate]]:
        """Per student the offers that suit them: every suitable offer at a wished school, plus up to `outside`
        of the nearest other suitable offers; in the student's order of preference (wish rank, then distance)."""
        if outside not in self._candidates:
            result: list[list[Candidate]] = [[] for _ in self.students]
            v = self._vectors
            for subject, group in v.by_subject.items():
                members = np.flatnonzero(v.s_subject == subject)
                for start in range(0, len(members), _BLOCK):
                    block = members[start : start + _BLOCK]
                    for student, found in zip(
                        block.tolist(), self._block_candidates(block, group, outside), strict=True
                    ):
                        result[student] = found
            self._candidates[outside] = result
        return self._candidates[outside]

    def _block_candidates(self, block: np.ndarray, group: np.ndarray, outside: int) -> list[list[Candidate]]:
        codes, km = self.failure_matrix(block, group)
        suitable = (codes == 0) & (self._vectors.o_places[group] > 0)[None, :]
        column = {o: j for j, o in enumerate(group.tolist())}
        wished: list[dict[int, int]] = []
        for i, student in enumerate(block.tolist()):
            row: dict[int, int] = {}
            for school_id, rank in self.school_rank[student].items():
                for offer in self.school_offers.get(school_id, ()):
                    j = column.get(offer)
                    if j is not None and suitable[i, j]:
                        row[j] = rank
                        suitable[i, j] = False
            wished.append(row)
        nearest = _nearest(suitable, km, outside)
        found = []
        for i, row in enumerate(wished):
            candidates = [Candidate(int(group[j]), rank, _km(km[i, j])) for j, rank in row.items()]
            candidates.extend(Candidate(int(group[j]), None, _km(km[i, j])) for j in nearest[i])
            candidates.sort(key=lambda c: (c.rank or math.inf, c.km or 0.0, c.offer))
            found.append(candidates)
        return found


_NONE = np.empty(0, dtype=np.int64)
_BLOCK = 2048
"""Students per block of the filter matrix (a block times the offers of one subject stays a few MB)."""


def _nearest(suitable: np.ndarray, km: np.ndarray, k: int) -> list[list[int]]:
    """Per row the columns of at most k nearest suitable offers (any k when distances are unknown)."""
    if k <= 0:
        return [[] for _ in range(len(suitable))]
    distance = np.where(suitable, np.nan_to_num(km, nan=0.0), np.inf)
    if distance.shape[1] > k:
        columns = np.argpartition(distance, k - 1, axis=1)[:, :k]
    else:
        columns = np.broadcast_to(np.arange(distance.shape[1]), distance.shape)
    keep = np.isfinite(np.take_along_axis(distance, columns, axis=1))
    return [row[ok].tolist() for row, ok in zip(columns, keep, strict=True)]


def _km(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


@dataclass(frozen=True)
class _StudentKey:
    """A student's attributes as the filters compare them (normalised once, used millions of times)."""

    subject: str
    period: str
    days: int
    categories: frozenset[str]
    denominations: frozenset[str]
    concepts: frozenset[str]
    previous_type: str


@dataclass(frozen=True)
class _OfferKey:
    subject: str
    period: str
    days: int
    reserved: str
    reserved_only: str | None
    school: str
    denomination: str
    concept: str
    school_type: str
    shortage: bool


class _Codes:
    """Small integer codes for normalised strings, so numpy can compare them."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}

    def __call__(self, text: str | None) -> int:
        return self.codes.setdefault(norm(text), len(self.codes))


class _Vectors:
    """The filter attributes as numpy arrays: one entry per offer (o_*) and per student (s_*)."""

    def __init__(self, index: Index) -> None:
        subjects, periods, categories, denominations, concepts = _Codes(), _Codes(), _Codes(), _Codes(), _Codes()
        schools = [index.schools[o.school] for o in index.offers]
        keys = index._offer_keys
        self.o_subject = np.array([subjects(k.subject) for k in keys], dtype=np.int64)
        self.o_period = np.array([periods(k.period) if k.period else -1 for k in keys], dtype=np.int64)
        self.o_days = np.array([k.days for k in keys], dtype=np.int64)
        self.o_places = np.array([o.places for o in index.offers], dtype=np.int64)
        self.o_reserved_only = np.array(
            [-1 if k.reserved_only is None else categories(k.reserved_only) for k in keys], dtype=np.int64
        )
        self.o_only_ranked = np.array([k.school in index.only_ranked for k in keys], dtype=bool)
        self.o_denomination = np.array([denominations(k.denomination) for k in keys], dtype=np.int64)
        self.o_concept = np.array([concepts(k.concept) for k in keys], dtype=np.int64)
        self.o_lat = np.array([math.nan if s.lat is None else s.lat for s in schools], dtype=float)
        self.o_lon = np.array([math.nan if s.lon is None else s.lon for s in schools], dtype=float)
        self.by_subject = {int(c): np.flatnonzero(self.o_subject == c) for c in np.unique(self.o_subject)}
        students = index._student_keys
        unknown = -2
        self.s_subject = np.array([subjects.codes.get(k.subject, unknown) for k in students], dtype=np.int64)
        self.s_period = np.array([periods(k.period) if k.period else -1 for k in students], dtype=np.int64)
        self.s_days = np.array([k.days for k in students], dtype=np.int64)
        self.s_category = _allowed([k.categories for k in students], categories, everything=False)
        self.s_denomination = _allowed([k.denominations for k in students], denominations, everything=True)
        self.s_concept = _allowed([k.concepts for k in students], concepts, everything=True)
        self.s_lat = np.array([math.nan if s.lat is None else s.lat for s in index.students], dtype=float)
        self.s_lon = np.array([math.nan if s.lon is None else s.lon for s in index.students], dtype=float)
        self.s_max_km = np.array([math.inf if s.max_km is None else s.max_km for s in index.students], dtype=float)
        self.accepted = {
            school: np.array([index.student_pos[s] for s in index.ranking_pos[school] if s in index.student_pos])
            for school in index.only_ranked
        }


def _allowed(wanted: list[frozenset[str]], table: _Codes, *, everything: bool) -> np.ndarray:
    """Student x code: whether the code is among the student's values (or, if `everything`, when they gave none)."""
    result = np.zeros((len(wanted), len(table.codes) + 1), dtype=bool)
    for i, values in enumerate(wanted):
        if not values and everything:
            result[i, :] = True
        for value in values:
            if value in table.codes:
                result[i, table.codes[value]] = True
    return result
