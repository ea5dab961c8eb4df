"""Reads of the self-assessment: the platform content, a round's answers as the engine's input, the results with
their labels, and the trend over a partnership's rounds. A fixed number of queries per round."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet

from . import assessment_engine as engine
from .models import (
    AssessmentResponse,
    AssessmentRound,
    Barrier,
    BarrierAnswer,
    Dilemma,
    DilemmaAnswer,
    FactorGroup,
    StatementAnswer,
)

TREND_ROUNDS = 5


@dataclass
class Content:
    groups: list[FactorGroup]
    statements: dict[int, list[Any]]  # group pk -> statements
    barriers: list[Barrier]
    dilemmas: list[Dilemma]

    @property
    def all_statements(self) -> list[Any]:
        return [s for g in self.groups for s in self.statements[g.pk]]

    def statement_pairs(self) -> list[tuple[str, str]]:
        return [(s.key, g.key) for g in self.groups for s in self.statements[g.pk]]


def content() -> Content:
    groups = list(FactorGroup.objects.filter(active=True).prefetch_related("statements"))
    statements = {g.pk: [s for s in g.statements.all() if s.active] for g in groups}
    groups = [g for g in groups if statements[g.pk]]
    return Content(
        groups=groups,
        statements=statements,
        barriers=list(Barrier.objects.filter(active=True)),
        dilemmas=list(Dilemma.objects.all()),
    )


def rounds_with_counts(qs: QuerySet[AssessmentRound]) -> QuerySet[AssessmentRound]:
    return qs.annotate(response_count=Count("responses")).select_related("session")


def answers(round: AssessmentRound) -> list[engine.Answer]:
    """Every response of the round as the engine's `Answer` (four queries)."""
    responses = {r.pk: r.perspective for r in AssessmentResponse.objects.filter(round=round).only("pk", "perspective")}
    scores: dict[int, dict[str, int | None]] = defaultdict(dict)
    for rid, key, score in StatementAnswer.objects.filter(response__round=round).values_list(
        "response_id", "statement__key", "score"
    ):
        scores[rid][key] = score
    barriers: dict[int, set[str]] = defaultdict(set)
    for rid, key in BarrierAnswer.objects.filter(response__round=round).values_list("response_id", "barrier__key"):
        barriers[rid].add(key)
    dilemmas: dict[int, dict[str, int]] = defaultdict(dict)
    for rid, key, strength in DilemmaAnswer.objects.filter(response__round=round).values_list(
        "response_id", "dilemma__key", "strength"
    ):
        dilemmas[rid][key] = strength
    return [
        engine.Answer(perspective, scores[rid], frozenset(barriers[rid]), dilemmas[rid])
        for rid, perspective in responses.items()
    ]


def analyse(round: AssessmentRound, c: Content) -> engine.Report:
    return engine.analyse(
        answers(round),
        statements=c.statement_pairs(),
        barriers=[b.key for b in c.barriers],
        dilemmas=[d.key for d in c.dilemmas],
    )


def comments(round: AssessmentRound, perspectives: list[str]) -> dict[str, list[str]]:
    """The comments per statement key, in alphabetical order, without who or which perspective gave them; only
    from the perspectives that are shown (`perspectives`)."""
    found: dict[str, list[str]] = defaultdict(list)
    rows = (
        StatementAnswer.objects.filter(response__round=round, response__perspective__in=perspectives)
        .exclude(comment="")
        .order_by("statement_id", "comment")
        .values_list("statement__key", "comment")
    )
    for key, comment in rows:
        found[key].append(comment)
    return dict(found)


@dataclass
class Results:
    round: AssessmentRound
    content: Content
    report: engine.Report
    comments: dict[str, list[str]] = field(default_factory=dict)
    earlier: list[AssessmentRound] = field(default_factory=list)  # rounds in the trend, oldest first (incl. this)
    trend: list[engine.TrendRow] = field(default_factory=list)


def results(round: AssessmentRound) -> Results:
    c = content()
    report = analyse(round, c)
    rounds = list(
        AssessmentRound.objects.filter(partnership_id=round.partnership_id, opened_on__lte=round.opened_on)
        .exclude(pk=round.pk)
        .order_by("-opened_on", "-pk")[: TREND_ROUNDS - 1]
    )[::-1]
    reports = [analyse(r, c) for r in rounds] + [report]
    trend = engine.trend(reports, [g.key for g in c.groups]) if rounds else []
    return Results(
        round=round,
        content=c,
        report=report,
        comments=comments(round, report.shown_perspectives) if report.enough else {},
        earlier=[*rounds, round],
        trend=trend,
    )
