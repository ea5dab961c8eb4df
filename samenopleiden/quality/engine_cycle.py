"""Rules of the quality cycle in plain Python (no Django): a goal's status from its measurements, the survey's
results that never show a group smaller than five, and a partner school's certification state.

Sentences are marked with the no-op `_` so that makemessages finds them; the Django layer shows them with gettext.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal


def _(text: str) -> str:
    return text


MIN_GROUP = 5  # the survey never shows the answers of fewer students than this
REMIND_DAYS = 90  # re-certification is due soon within this many days of the end of validity

# --- goals ------------------------------------------------------------------------------------------------------

GOAL_STATUS_LABELS = {
    "geen_meting": _("nog niet gemeten"),
    "op_koers": _("op koers"),
    "achter": _("achter op schema"),
    "behaald": _("behaald"),
    "niet_behaald": _("niet behaald"),
}
GOAL_STATUS_TONES = {"geen_meting": "", "op_koers": "ok", "achter": "warning", "behaald": "ok", "niet_behaald": "error"}


@dataclass(frozen=True)
class Point:
    day: dt.date
    value: Decimal


def goal_status(
    *,
    points: Sequence[Point],
    target: Decimal,
    deadline: dt.date,
    today: dt.date,
    baseline: Decimal | None = None,
    higher_is_better: bool = True,
) -> str:
    """`behaald` when the latest measurement reaches the target; `niet_behaald` when the deadline has passed without
    that; otherwise `op_koers` when the latest measurement is at least where a straight line from the start (the
    baseline, or the first measurement, on the day of the first measurement) to the target on the deadline would be
    on that day, and `achter` when it is not. Without measurements: `geen_meting`."""
    if not points:
        return "geen_meting"
    ordered = sorted(points, key=lambda p: p.day)
    first, latest = ordered[0], ordered[-1]
    sign = Decimal(1) if higher_is_better else Decimal(-1)
    if (latest.value - target) * sign >= 0:
        return "behaald"
    if today > deadline:
        return "niet_behaald"
    start = baseline if baseline is not None else first.value
    span = (deadline - first.day).days
    elapsed = (latest.day - first.day).days
    fraction = Decimal(min(max(elapsed, 0), span)) / Decimal(span) if span > 0 else Decimal(1)
    expected = start + (target - start) * fraction
    return "op_koers" if (latest.value - expected) * sign >= 0 else "achter"


# --- the student survey ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    id: int
    kind: str  # "schaal", "keuze" or "open"
    text: str
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Response:
    id: int
    cluster_id: int
    school_id: int | None
    answers: dict[int, int | str]  # question id -> score (scale), option (choice) or text (open)


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    n: int
    shown: bool  # False: fewer than MIN_GROUP answered this question
    mean: Decimal | None = None
    distribution: tuple[tuple[str, int], ...] = ()
    texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    n: int
    questions: tuple[QuestionResult, ...]


@dataclass(frozen=True)
class SchoolResult:
    school_id: int
    group: Group


@dataclass(frozen=True)
class ClusterResult:
    cluster_id: int
    shown: bool
    group: Group | None
    schools: tuple[SchoolResult, ...] = ()
    schools_hidden: bool = False  # some answers of this cluster belong to schools that are too small to show


@dataclass(frozen=True)
class Results:
    overall: Group | None
    clusters: tuple[ClusterResult, ...]
    hidden_clusters: int  # clusters with answers, but fewer than MIN_GROUP: left out of the overall figures
    min_group: int = MIN_GROUP
    notes: list[str] = field(default_factory=list)


def summarise(questions: Sequence[Question], responses: Sequence[Response], *, min_group: int = MIN_GROUP) -> Group:
    rows = []
    for q in questions:
        given = [r.answers[q.id] for r in responses if q.id in r.answers and r.answers[q.id] not in ("", None)]
        n = len(given)
        if n < min_group:
            rows.append(QuestionResult(question=q, n=n, shown=False))
            continue
        if q.kind == "schaal":
            scores = [int(v) for v in given]
            counts = Counter(scores)
            mean = (Decimal(sum(scores)) / Decimal(n)).quantize(Decimal("0.1"))
            dist = tuple((str(s), counts.get(s, 0)) for s in range(1, 6))
            rows.append(QuestionResult(question=q, n=n, shown=True, mean=mean, distribution=dist))
        elif q.kind == "keuze":
            counts = Counter(str(v) for v in given)
            labels = list(q.options) + sorted(set(counts) - set(q.options))
            rows.append(
                QuestionResult(question=q, n=n, shown=True, distribution=tuple((o, counts.get(o, 0)) for o in labels))
            )
        else:
            rows.append(QuestionResult(question=q, n=n, shown=True, texts=tuple(sorted(str(v) for v in given))))
    return Group(n=len(responses), questions=tuple(rows))


def shown_schools(counts: dict[int | None, int], *, min_group: int = MIN_GROUP) -> set[int]:
    """The schools of one cluster whose answers may be shown: each has at least `min_group` answers, and what is
    left of the cluster (the other schools and the answers without a school) is none or at least `min_group` too,
    so that no small group can be worked out as the cluster minus the shown schools."""
    total = sum(counts.values())
    shown = {school for school, n in counts.items() if school is not None and n >= min_group}
    while shown:
        rest = total - sum(counts[s] for s in shown)
        if rest == 0 or rest >= min_group:
            break
        shown.discard(min(shown, key=lambda s: (counts[s], s)))
    return shown


def results(
    questions: Sequence[Question],
    responses: Iterable[Response],
    *,
    cluster_ids: Sequence[int],
    min_group: int = MIN_GROUP,
) -> Results:
    """Results per cluster (in the order of `cluster_ids`) and per school within a cluster, and overall over the
    clusters that are shown. A cluster with fewer than `min_group` answers is not shown and does not count in the
    overall figures (so it cannot be worked out from them)."""
    by_cluster: dict[int, list[Response]] = {c: [] for c in cluster_ids}
    for r in responses:
        if r.cluster_id in by_cluster:
            by_cluster[r.cluster_id].append(r)
    clusters, shown_responses, hidden = [], [], 0
    for cluster_id in cluster_ids:
        rows = by_cluster[cluster_id]
        if len(rows) < min_group:
            hidden += 1 if rows else 0
            clusters.append(ClusterResult(cluster_id=cluster_id, shown=False, group=None))
            continue
        shown_responses += rows
        counts = Counter(r.school_id for r in rows)
        schools = shown_schools(dict(counts), min_group=min_group)
        school_results = tuple(
            SchoolResult(
                school_id=s,
                group=summarise(questions, [r for r in rows if r.school_id == s], min_group=min_group),
            )
            for s in sorted(schools)
        )
        clusters.append(
            ClusterResult(
                cluster_id=cluster_id,
                shown=True,
                group=summarise(questions, rows, min_group=min_group),
                schools=school_results,
                schools_hidden=any(s is not None and s not in schools for s in counts),
            )
        )
    overall = summarise(questions, shown_responses, min_group=min_group) if shown_responses else None
    return Results(overall=overall, clusters=tuple(clusters), hidden_clusters=hidden, min_group=min_group)


# --- partner-school certification ---------------------------------------------------------------------------

CERT_STATE_LABELS = {
    "geen": _("nog niet beoordeeld"),
    "loopt": _("beoordeling loopt"),
    "geldig": _("gecertificeerd"),
    "verloopt": _("hercertificering nodig binnenkort"),
    "verlopen": _("certificering verlopen"),
    "niet": _("niet gecertificeerd"),
}
CERT_STATE_TONES = {
    "geen": "",
    "loopt": "",
    "geldig": "ok",
    "verloopt": "warning",
    "verlopen": "error",
    "niet": "error",
}


def certification_state(outcome: str | None, valid_until: dt.date | None, today: dt.date) -> str:
    """The state of a school from its latest assessment (`outcome` None: never assessed)."""
    if outcome is None:
        return "geen"
    if outcome == "loopt":
        return "loopt"
    if outcome == "niet":
        return "niet"
    if valid_until is None or valid_until < today:
        return "verlopen"
    if (valid_until - today).days <= REMIND_DAYS:
        return "verloopt"
    return "geldig"
