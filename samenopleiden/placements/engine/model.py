"""The engine's input and settings: plain frozen dataclasses, so the Django layer can map rows onto them and the
tests and the benchmark can build them without a database.

Identifiers are strings chosen by the caller (database keys, BRIN codes, student numbers); the engine only
compares them. Collections are tuples and frozensets so a Problem cannot change once built; the constructors
also accept lists and sets and convert them, which keeps call sites short.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Literal

DAYS: tuple[str, ...] = ("ma", "di", "wo", "do", "vr")
"""School days as the offices write them (maandag .. vrijdag); required and available days use these codes."""


class Mode(StrEnum):
    """How a round is matched (see README: "Modes")."""

    ASSIGN = "assign"
    MARKET = "market"
    MIX = "mix"


def _freeze(instance: object) -> None:
    """Turn lists and sets given to a constructor into tuples and frozensets, as the annotations promise."""
    for f in fields(instance):  # type: ignore[arg-type]
        value = getattr(instance, f.name)
        if isinstance(value, (list, tuple)) and "tuple" in str(f.type):
            object.__setattr__(instance, f.name, tuple(value))
        elif isinstance(value, (list, tuple, set)) and "frozenset" in str(f.type):
            object.__setattr__(instance, f.name, frozenset(value))


@dataclass(frozen=True)
class Partner:
    """A school board in the partnership, with its share of the allocation key (verdeelsleutel).

    `share` may be a fraction or a percentage: shares are normalised over all partners. `floor` and `ceiling`
    are the band in places for this round: the ceiling is never exceeded; the floor is a target the objective
    rewards (weight `floor`), because a hard floor can be impossible when too few students want that board.
    """

    id: str
    name: str
    share: float = 0.0
    floor: int | None = None
    ceiling: int | None = None


@dataclass(frozen=True)
class Cluster:
    """An opleidingscluster: two to four schools of one board with a joint cap on places."""

    id: str
    name: str
    partner: str
    capacity: int | None = None
    shortage_reserved: int = 0
    """Places of the cluster that only students of a shortage subject may take (caps all other subjects)."""


@dataclass(frozen=True)
class School:
    id: str
    name: str
    partner: str
    cluster: str | None = None
    capacity: int | None = None
    shortage_reserved: int = 0
    denomination: str = ""
    concept: str = ""
    school_type: str = ""
    """Kind of school (e.g. "vmbo", "havo/vwo", "sbo"); students get a bonus for a type other than last year's."""
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Offer:
    """Places of one section (subject, or sector for primary) at one school in one period.

    `reserved_places` of the `places` are only for students of `reserved_category` (e.g. "deeltijd"); one
    reserved category per offer, so two reserved categories at one section are two offers.
    """

    id: str
    school: str
    subject: str
    places: int
    period: str | None = None
    required_days: frozenset[str] = frozenset()
    reserved_places: int = 0
    reserved_category: str | None = None
    under_pressure: bool = False

    def __post_init__(self) -> None:
        _freeze(self)


@dataclass(frozen=True)
class Quota:
    """At most `max_places` students in `subjects` within a school, cluster or partner (`scope` is its id)."""

    id: str
    scope: str
    subjects: frozenset[str]
    max_places: int
    name: str = ""

    def __post_init__(self) -> None:
        _freeze(self)


@dataclass(frozen=True)
class Student:
    """A student teacher looking for a place this round (pseudonymised: `id` is the institute's number).

    `wishes` are school or cluster ids, best first. Empty `denominations`/`concepts` mean "any";
    `available_days` None means every school day (full-time).
    """

    id: str
    subject: str
    name: str = ""
    period: str | None = None
    wishes: tuple[str, ...] = ()
    available_days: frozenset[str] | None = None
    denominations: frozenset[str] = frozenset()
    concepts: frozenset[str] = frozenset()
    max_km: float | None = None
    lat: float | None = None
    lon: float | None = None
    categories: frozenset[str] = frozenset()
    previous_school_type: str = ""

    def __post_init__(self) -> None:
        _freeze(self)
        if isinstance(self.available_days, (list, tuple, set)):
            object.__setattr__(self, "available_days", frozenset(self.available_days))

    @property
    def label(self) -> str:
        """How messages name the student: "Anna (S12)", or just the number when no name is known."""
        return f"{self.name} ({self.id})" if self.name else self.id


@dataclass(frozen=True)
class SchoolRanking:
    """A school's order of students after the speed dates; with `only_ranked` it accepts no one else."""

    school: str
    students: tuple[str, ...]
    only_ranked: bool = False

    def __post_init__(self) -> None:
        _freeze(self)


@dataclass(frozen=True)
class Lock:
    """Set by hand: this student gets this offer, whatever the optimum says."""

    student: str
    offer: str


@dataclass(frozen=True)
class Forbid:
    """Set by hand: never this offer for this student (used to move a student on a second run)."""

    student: str
    offer: str


@dataclass(frozen=True)
class Problem:
    """One matching round: everything the engine needs and nothing from the database."""

    students: tuple[Student, ...]
    offers: tuple[Offer, ...]
    schools: tuple[School, ...]
    partners: tuple[Partner, ...]
    clusters: tuple[Cluster, ...] = ()
    shortage_subjects: frozenset[str] = frozenset()
    oversupplied_subjects: frozenset[str] = frozenset()
    quotas: tuple[Quota, ...] = ()
    school_rankings: tuple[SchoolRanking, ...] = ()
    locks: tuple[Lock, ...] = ()
    forbidden: tuple[Forbid, ...] = ()
    name: str = ""
    school_year: str = ""
    period: str = ""
    max_schools_per_cluster: int = 4
    seed: int = 0
    """Seeds the lottery that breaks ties between students a school did not rank (market mode)."""

    def __post_init__(self) -> None:
        _freeze(self)


@dataclass(frozen=True)
class Weights:
    """Points of the objective (maximised); see README "Objective". Integers keep flow and CP-SAT exact.

    A placed student is worth `place` (+ `shortage` for a shortage subject) minus `rank` per step below the
    first wish, `km` per kilometre and `pressure` in a section under pressure, plus `variety` for a school type
    other than last year's; each partner adds `floor` per place up to its floor. With the defaults one extra
    placed student (at least 830 points) outweighs any chain of up to four reassignments (at most 180 each), so
    the optimum is lexicographic in spirit: first as many placed as possible, then shortage subjects,
    preferences, the allocation key, travel (README: "Objective and weights").
    """

    place: int = 1000
    shortage: int = 100
    rank: int = 20
    km: float = 1.0
    floor: int = 100
    variety: int = 10
    pressure: int = 30

    @classmethod
    def from_mapping(cls, values: dict[str, float]) -> Weights:
        """Defaults overridden by `values`; unknown names raise KeyError so a typo does not pass silently."""
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - names)
        if unknown:
            raise KeyError(", ".join(unknown))
        return cls(**{k: (float(v) if k == "km" else int(v)) for k, v in values.items()})  # type: ignore[arg-type]


@dataclass(frozen=True)
class SolveOptions:
    """Technical settings of a run; the defaults suit rounds up to tens of thousands of students."""

    solver: Literal["auto", "flow", "cpsat"] = "auto"
    """"auto": min-cost flow when the caps nest (always exact), CP-SAT otherwise. "cpsat" forces CP-SAT."""
    time_limit_s: float = 20.0
    workers: int = 2
    outside_wishes: bool = True
    """Assign mode (and the second phase of mix) may place a student outside their wishes, nearest first."""
    outside_candidates: int = 8
    """How many of the nearest suitable offers outside the wishes the optimiser considers per student."""
    cpsat_max_edges: int = 10_000
    """Crossing caps: above this many student-offer pairs (about 1,000 students) CP-SAT is not tried, because in
    the time limit it no longer improves on the split; see README "Solvers"."""
