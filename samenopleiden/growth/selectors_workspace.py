"""Reads of the workspace part: the preparation data (from the students, placements and registry modules, not
recomputed here), the variant matrix with the partnership's scores, and the status board of candidates. Each read
takes a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, Sum

from samenopleiden.placements import selectors as placement_selectors
from samenopleiden.placements.models import CapacityOffer, Period
from samenopleiden.registry.models import Partnership
from samenopleiden.registry.selectors import organisations
from samenopleiden.students import schoolyear
from samenopleiden.students import selectors as student_selectors

from . import onboarding
from .models import Candidate, CandidateStep, GrowthVariant, PlacesForecast, RegionalTable, VariantScore


def preparation(partnership: Partnership, school_year: str, *, with_students: bool) -> dict[str, Any]:
    """What the platform already knows for the conversation about growth: students per institute with how many
    are trained here (students module), places per cluster and school (placements module), and the partners."""
    students = student_selectors.institute_totals(partnership, school_year) if with_students else []
    trained = sum(row["trained"] for row in students)
    reported = [row["total"] for row in students if row["total"] is not None]
    blocks = placement_selectors.offer_blocks(partnership, school_year, Period.YEAR)
    boards = list(organisations.board_rows(partnership))
    schools = list(organisations.school_rows(partnership))
    institutes = list(organisations.institute_rows(partnership))
    return {
        "students": students,
        "trained_total": trained,
        "reported_total": sum(reported) if reported else None,
        "blocks": blocks,
        "places_total": sum(block.places for block in blocks),
        "effective_total": sum(block.effective for block in blocks),
        "boards": boards,
        "schools": schools,
        "institutes": institutes,
        "satellites": sum(1 for m in schools if m.role == "satellite"),
    }


@dataclass
class ForecastRow:
    forecast: PlacesForecast
    term: str
    offered: int | None  # places offered for that whole school year (placements module); None: nothing offered yet

    @property
    def gap(self) -> int | None:
        return None if self.offered is None else self.forecast.places - self.offered


def forecasts(partnership: Partnership, *, today: dt.date) -> list[ForecastRow]:
    """The forecast per school year next to the places schools offer for that year (two queries)."""
    current = schoolyear.first_year(schoolyear.current(today))
    rows = list(PlacesForecast.objects.filter(partnership=partnership).order_by("school_year"))
    offered = dict(
        CapacityOffer.objects.filter(
            partnership=partnership, period=Period.YEAR, school_year__in=[r.school_year for r in rows]
        )
        .values("school_year")
        .annotate(places=Sum("places"))
        .values_list("school_year", "places")
    )
    return [
        ForecastRow(row, onboarding.term(schoolyear.first_year(row.school_year), current), offered.get(row.school_year))
        for row in rows
    ]


def tables(partnership: Partnership) -> list[RegionalTable]:
    return list(RegionalTable.objects.filter(partnership=partnership).order_by("name", "pk"))


# --- the variant matrix --------------------------------------------------------------------------------------


@dataclass
class MatrixColumn:
    variant: GrowthVariant
    score: VariantScore | None
    cells: dict[str, list[str]] = field(default_factory=dict)


ROWS = ("summary", *GrowthVariant.DIMENSIONS, "advantages", "disadvantages", "questions")


def matrix(partnership: Partnership) -> list[MatrixColumn]:
    """Every active variant with its texts as lists and the partnership's score (two queries)."""
    scores = {s.variant_id: s for s in VariantScore.objects.filter(partnership=partnership)}
    columns = []
    for variant in GrowthVariant.objects.filter(is_active=True).order_by("order", "pk"):
        cells = {name: GrowthVariant.lines(getattr(variant, name)) for name in ROWS}
        columns.append(MatrixColumn(variant, scores.get(variant.pk), cells))
    return columns


# --- onboarding ----------------------------------------------------------------------------------------------


@dataclass
class StepRow:
    step: CandidateStep
    state: str


@dataclass
class CandidateRow:
    candidate: Candidate
    steps: list[StepRow]
    progress: onboarding.Progress

    @property
    def next_step(self) -> StepRow | None:
        return next((row for row in self.steps if row.state != onboarding.DONE), None)


def _rows(candidate: Candidate, steps: list[CandidateStep], today: dt.date) -> CandidateRow:
    rows = [StepRow(s, onboarding.state(deadline=s.deadline, done_on=s.done_on, today=today)) for s in steps]
    return CandidateRow(candidate, rows, onboarding.progress([r.state for r in rows]))


def candidate_board(partnership: Partnership, *, today: dt.date, status: str = "") -> list[CandidateRow]:
    """Candidates with their steps and states (two queries)."""
    qs = Candidate.objects.filter(partnership=partnership).select_related("owner")
    if status:
        qs = qs.filter(status=status)
    qs = qs.prefetch_related(Prefetch("steps", queryset=CandidateStep.objects.order_by("order", "deadline", "pk")))
    return [_rows(c, list(c.steps.all()), today) for c in qs.order_by("start_year", "name", "pk")]


def candidate_detail(candidate: Candidate, *, today: dt.date) -> CandidateRow:
    return _rows(candidate, list(candidate.steps.order_by("order", "deadline", "pk")), today)


def late_counts(partnership: Partnership, *, today: dt.date) -> dict[str, int]:
    """Running candidates, and how many of them have a step past its deadline (one query)."""
    late = Q(steps__done_on__isnull=True, steps__deadline__lt=today)
    row = Candidate.objects.filter(partnership=partnership, status=Candidate.Status.ACTIVE).aggregate(
        running=Count("pk", distinct=True), late=Count("pk", filter=late, distinct=True)
    )
    return {"running": row["running"] or 0, "late": row["late"] or 0}
