"""What a run returns: per student an assignment with its explanation, the figures, and how it was solved."""

from __future__ import annotations

from dataclasses import dataclass

from .messages import Explanation
from .model import Mode, Weights


@dataclass(frozen=True)
class PartnerFigures:
    partner: str
    name: str
    placed: int
    share: float
    """This board's share of all placed students."""
    key_share: float
    """Its share in the allocation key, normalised over the boards of the round."""
    floor: int | None
    ceiling: int | None

    @property
    def below_floor(self) -> bool:
        return self.floor is not None and self.placed < self.floor


@dataclass(frozen=True)
class Figures:
    """Computed by evaluate.py from the assignment alone, never taken from a solver."""

    students: int
    placed: int
    first_choice: int
    outside_wishes: int
    mean_rank: float | None
    """Mean wish rank of the students placed on a wish."""
    mean_rank_6: float
    """Mean over all students, counting a student not placed (or placed outside their wishes) as rank 6."""
    shortage_placed: int
    shortage_places: int
    oversupplied_placed: int
    mean_km: float | None
    max_km: float | None
    partners: tuple[PartnerFigures, ...]
    swap_pairs: tuple[tuple[str, str], ...]
    """Pairs of placed students who would both get a better wish by swapping places (and may: filters, caps)."""
    blocking_pairs: tuple[tuple[str, str], ...] | None
    """(student, offer) pairs that block stability (README: "Stability"); None when no school ranked anyone."""
    score: int
    """The objective of this assignment under the run's weights."""
    violations: tuple[str, ...]
    """Broken hard constraints; always empty for the engine's own results."""

    @property
    def share_placed(self) -> float:
        return self.placed / self.students if self.students else 0.0

    @property
    def share_first_choice(self) -> float:
        return self.first_choice / self.students if self.students else 0.0

    @property
    def partners_below_floor(self) -> int:
        return sum(p.below_floor for p in self.partners)


@dataclass(frozen=True)
class Assignment:
    student: str
    offer: str | None
    school: str | None
    cluster: str | None
    partner: str | None
    rank: int | None
    """The wish this place fulfils (1 = first wish); None when unplaced or outside the wishes."""
    km: float | None
    locked: bool
    phase: str
    """"lock", "optimise", "market", "after_market" (mix), or "none" when unplaced."""
    explanation: Explanation

    @property
    def placed(self) -> bool:
        return self.offer is not None


@dataclass(frozen=True)
class SolverInfo:
    """How the result was found; technical, for logs and the README's figures, not for students."""

    method: str
    """"flow", "cpsat", "flow_split" (crossing caps split per offer), "deferred_acceptance", or "mix"."""
    status: str
    objective: int | None
    """The objective the solver reported (the figures recompute it independently as `score`)."""
    bound: float | None
    """An upper bound on the objective: equal to it when the solver proved optimality."""
    seconds: float
    laminar: bool
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    mode: Mode
    weights: Weights
    assignments: tuple[Assignment, ...]
    figures: Figures
    solver: SolverInfo
    round_name: str = ""

    def placements(self) -> dict[str, str | None]:
        """Student id -> offer id (None when unplaced): what evaluate, compare and relocking take."""
        return {a.student: a.offer for a in self.assignments}

    def assignment(self, student_id: str) -> Assignment:
        return next(a for a in self.assignments if a.student == student_id)
