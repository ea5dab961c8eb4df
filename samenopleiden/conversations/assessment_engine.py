"""The rules of the self-assessment's results, free of Django: means per perspective side by side, the minimum of
three answers, blind spots between schools and institutes, barrier counts, how strongly each dilemma is felt, and
the trend between rounds.

Anonymity: a perspective with fewer than `MIN_ANSWERS` respondents in a round is never shown on its own, and its
answers do not count in the overall mean either (otherwise the hidden figure could be worked out from the others).
A cell of a shown perspective with fewer than `MIN_ANSWERS` scores (the rest said "not applicable") is hidden too.
Barrier counts and the spread of the dilemmas are totals without perspective; they are shown once the round has
`MIN_ANSWERS` respondents in all.

The Django layer renders the sentences below with gettext (they are marked with the no-op `_` for makemessages).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field


def _(s: str) -> str:
    return s


MIN_ANSWERS = 3
BLIND_SPOT_GAP = 1.0
SCHOOL, INSTITUTE, STUDENT, OTHER = "school", "instituut", "student", "anders"
PERSPECTIVES = (SCHOOL, INSTITUTE, STUDENT, OTHER)
STRENGTHS = (1, 2, 3, 4)

BLIND_SPOT_STATEMENT = _(
    "Scholen (%(school)s) en opleidingen (%(institute)s) verschillen meer dan een punt over “%(text)s”: "
    "een mogelijke blinde vlek."
)
BLIND_SPOT_GROUP = _(
    "Over de groep “%(text)s” als geheel verschillen scholen (%(school)s) en opleidingen (%(institute)s) meer dan "
    "een punt: een mogelijke blinde vlek."
)
TOO_FEW_PERSPECTIVE = _(
    "Van %(perspective)s kwamen minder dan drie antwoorden (%(n)s): die worden niet apart getoond en tellen niet mee "
    "in het gemiddelde."
)
TOO_FEW_ROUND = _("Deze ronde heeft nog minder dan drie antwoorden: er zijn nog geen uitkomsten te tonen.")
TREND_UP = _("hoger dan de vorige ronde")
TREND_DOWN = _("lager dan de vorige ronde")
TREND_SAME = _("gelijk aan de vorige ronde")


@dataclass(frozen=True)
class Answer:
    """One respondent. `scores`: statement key -> 1..5, or None for "not applicable"; `dilemmas`: dilemma key ->
    1..4 (not felt .. felt strongly)."""

    perspective: str
    scores: Mapping[str, int | None] = field(default_factory=dict)
    barriers: frozenset[str] = frozenset()
    dilemmas: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Cell:
    mean: float | None  # None when hidden or without scores
    n: int  # the scores it is made of (not applicable excluded)
    shown: bool


@dataclass(frozen=True)
class Row:
    key: str
    cells: dict[str, Cell]  # per perspective
    overall: Cell
    not_applicable: int = 0


@dataclass(frozen=True)
class BlindSpot:
    kind: str  # "statement" or "group"
    key: str
    school: float
    institute: float

    @property
    def gap(self) -> float:
        return abs(self.school - self.institute)


@dataclass(frozen=True)
class DilemmaRow:
    key: str
    cells: dict[str, Cell]
    overall: Cell
    spread: dict[int, int]  # strength -> respondents (all perspectives)


@dataclass
class Report:
    respondents: dict[str, int]
    total: int
    enough: bool
    shown_perspectives: list[str]
    hidden_perspectives: list[str]  # with 1 or 2 respondents
    statements: dict[str, Row]
    groups: dict[str, Row]
    blind_spots: list[BlindSpot]
    barriers: dict[str, int]
    dilemmas: dict[str, DilemmaRow]


@dataclass(frozen=True)
class TrendRow:
    group: str
    values: list[float | None]  # one per round, oldest first
    change: float | None  # last minus the round before it (both known)

    @property
    def direction(self) -> str:
        if self.change is None:
            return ""
        if self.change > 0.05:
            return TREND_UP
        if self.change < -0.05:
            return TREND_DOWN
        return TREND_SAME


def _mean(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None


def _cell(values: Sequence[int], *, allowed: bool) -> Cell:
    shown = allowed and len(values) >= MIN_ANSWERS
    return Cell(_mean(values) if shown else None, len(values), shown)


def analyse(
    answers: Iterable[Answer],
    *,
    statements: Sequence[tuple[str, str]],
    barriers: Sequence[str],
    dilemmas: Sequence[str],
) -> Report:
    """The results of one round. `statements`: (statement key, group key) in the order to show them."""
    answers = list(answers)
    respondents = {p: sum(1 for a in answers if a.perspective == p) for p in PERSPECTIVES}
    shown = [p for p in PERSPECTIVES if respondents[p] >= MIN_ANSWERS]
    hidden = [p for p in PERSPECTIVES if 0 < respondents[p] < MIN_ANSWERS]
    total = len(answers)
    counted = [a for a in answers if a.perspective in shown]

    def scores(key_in, pool) -> list[int]:
        return [s for a in pool for k, s in a.scores.items() if key_in(k) and s is not None]

    def row(key: str, key_in) -> Row:
        cells = {
            p: _cell(scores(key_in, [a for a in answers if a.perspective == p]), allowed=p in shown)
            for p in PERSPECTIVES
        }
        na = sum(1 for a in answers for k, s in a.scores.items() if key_in(k) and s is None)
        return Row(key, cells, _cell(scores(key_in, counted), allowed=bool(shown)), na)

    statement_rows = {key: row(key, lambda k, key=key: k == key) for key, _group in statements}
    group_keys = list(dict.fromkeys(group for _key, group in statements))
    members = {g: {key for key, group in statements if group == g} for g in group_keys}
    group_rows = {g: row(g, lambda k, g=g: k in members[g]) for g in group_keys}

    spots = []
    for kind, rows in (("group", group_rows), ("statement", statement_rows)):
        for key, r in rows.items():
            school, institute = r.cells[SCHOOL], r.cells[INSTITUTE]
            if school.shown and institute.shown and abs(school.mean - institute.mean) > BLIND_SPOT_GAP:
                spots.append(BlindSpot(kind, key, school.mean, institute.mean))

    enough = total >= MIN_ANSWERS
    barrier_counts = {b: sum(1 for a in answers if b in a.barriers) if enough else 0 for b in barriers}
    dilemma_rows = {}
    for d in dilemmas:
        cells = {
            p: _cell([a.dilemmas[d] for a in answers if a.perspective == p and d in a.dilemmas], allowed=p in shown)
            for p in PERSPECTIVES
        }
        overall = _cell([a.dilemmas[d] for a in counted if d in a.dilemmas], allowed=bool(shown))
        spread = {s: sum(1 for a in answers if a.dilemmas.get(d) == s) if enough else 0 for s in STRENGTHS}
        dilemma_rows[d] = DilemmaRow(d, cells, overall, spread)
    return Report(
        respondents=respondents,
        total=total,
        enough=enough,
        shown_perspectives=shown,
        hidden_perspectives=hidden,
        statements=statement_rows,
        groups=group_rows,
        blind_spots=spots,
        barriers=barrier_counts,
        dilemmas=dilemma_rows,
    )


def trend(reports: Sequence[Report], groups: Sequence[str]) -> list[TrendRow]:
    """The overall mean per group across rounds (oldest first) and the change of the last round."""
    rows = []
    for g in groups:
        values = [r.groups[g].overall.mean if g in r.groups else None for r in reports]
        change = None
        if len(values) >= 2 and values[-1] is not None and values[-2] is not None:
            change = round(values[-1] - values[-2], 2)
        rows.append(TrendRow(g, values, change))
    return rows
