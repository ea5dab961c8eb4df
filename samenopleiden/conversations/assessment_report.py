"""The results of a self-assessment round as one view model, rendered three ways: the results page, the XLSX
export (core.exports) and the PDF/DOCX report (core.documents). Labels and the engine's sentences are translated
here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from samenopleiden.core import documents as doc

from . import assessment_engine as engine
from .models import DilemmaAnswer, Perspective

HIDDEN = "–"


def fmt(value: float | None) -> str:
    return HIDDEN if value is None else number_format(value, 1)


def cell_text(cell: engine.Cell) -> str:
    return fmt(cell.mean) if cell.shown else HIDDEN


def cell_value(cell: engine.Cell) -> float | None:
    """For spreadsheets: the mean as a number (two decimals), or None when hidden."""
    return round(cell.mean, 2) if cell.shown and cell.mean is not None else None


@dataclass
class Line:
    text: str
    cells: list[str]
    overall: str
    not_applicable: int = 0
    comments: list[str] = field(default_factory=list)
    blind_spot: bool = False
    values: list[float | None] = field(default_factory=list)  # the cells as numbers, for spreadsheets
    overall_value: float | None = None


@dataclass
class GroupView:
    title: str
    line: Line
    statements: list[Line]


@dataclass
class DilemmaView:
    title: str
    description: str
    cells: list[str]
    overall: str
    spread: list[tuple[str, int]]
    values: list[float | None] = field(default_factory=list)
    overall_value: float | None = None


@dataclass
class ReportView:
    round: Any
    perspectives: list[tuple[str, str, int, bool]]  # code, label, respondents, shown
    total: int
    enough: bool
    notes: list[str]
    groups: list[GroupView]
    blind_spots: list[str]
    barriers: list[tuple[str, int]]
    dilemmas: list[DilemmaView]
    trend_rounds: list[str]
    trend: list[tuple[str, list[str], str, str]]  # group title, values, change, direction
    trend_values: list[tuple[str, list[float | None], float | None]] = field(default_factory=list)

    @property
    def perspective_labels(self) -> list[str]:
        return [label for _code, label, _n, _shown in self.perspectives]


def build(results: Any) -> ReportView:
    report: engine.Report = results.report
    content = results.content
    codes = list(engine.PERSPECTIVES)
    labels = dict(Perspective.choices)
    perspectives = [(p, str(labels[p]), report.respondents[p], p in report.shown_perspectives) for p in codes]
    notes = []
    if not report.enough:
        notes.append(_(engine.TOO_FEW_ROUND))
    for p in report.hidden_perspectives:
        notes.append(_(engine.TOO_FEW_PERSPECTIVE) % {"perspective": labels[p], "n": report.respondents[p]})
    spots = {(s.kind, s.key) for s in report.blind_spots}

    def line(text: str, row: engine.Row, kind: str, key: str) -> Line:
        return Line(
            text=text,
            cells=[cell_text(row.cells[p]) for p in codes],
            overall=cell_text(row.overall),
            not_applicable=row.not_applicable,
            comments=results.comments.get(key, []) if kind == "statement" else [],
            blind_spot=(kind, key) in spots,
            values=[cell_value(row.cells[p]) for p in codes],
            overall_value=cell_value(row.overall),
        )

    groups = [
        GroupView(
            title=g.title,
            line=line(g.title, report.groups[g.key], "group", g.key),
            statements=[line(s.text, report.statements[s.key], "statement", s.key) for s in content.statements[g.pk]],
        )
        for g in content.groups
    ]
    texts = {("group", g.key): g.title for g in content.groups}
    texts |= {("statement", s.key): s.text for s in content.all_statements}
    sentences = {"group": _(engine.BLIND_SPOT_GROUP), "statement": _(engine.BLIND_SPOT_STATEMENT)}
    blind_spots = [
        sentences[s.kind] % {"text": texts[(s.kind, s.key)], "school": fmt(s.school), "institute": fmt(s.institute)}
        for s in report.blind_spots
    ]
    barriers = sorted(((b.text, report.barriers.get(b.key, 0)) for b in content.barriers), key=lambda pair: -pair[1])
    strengths = dict(DilemmaAnswer.Strength.choices)
    dilemmas = [
        DilemmaView(
            title=d.title,
            description=d.description,
            cells=[cell_text(report.dilemmas[d.key].cells[p]) for p in codes],
            overall=cell_text(report.dilemmas[d.key].overall),
            spread=[(str(strengths[s]), report.dilemmas[d.key].spread[s]) for s in engine.STRENGTHS],
            values=[cell_value(report.dilemmas[d.key].cells[p]) for p in codes],
            overall_value=cell_value(report.dilemmas[d.key].overall),
        )
        for d in content.dilemmas
    ]
    titles = {g.key: g.title for g in content.groups}
    trend = [
        (
            titles[row.group],
            [fmt(v) for v in row.values],
            "" if row.change is None else ("+" if row.change > 0 else "") + number_format(row.change, 1),
            _(row.direction) if row.direction else "",
        )
        for row in results.trend
    ]
    return ReportView(
        round=results.round,
        perspectives=perspectives,
        total=report.total,
        enough=report.enough,
        notes=notes,
        groups=groups,
        blind_spots=blind_spots,
        barriers=barriers,
        dilemmas=dilemmas,
        trend_rounds=[r.title for r in results.earlier] if results.trend else [],
        trend=trend,
        trend_values=[
            (titles[row.group], [None if v is None else round(v, 2) for v in row.values], row.change)
            for row in results.trend
        ],
    )


# --- XLSX ----------------------------------------------------------------------------------------------------------


def sheets(view: ReportView) -> list[Any]:
    """Numbers stay numbers (empty when hidden); texts pass core.exports' safe_cell."""
    yes = _("ja")
    header = [_("Groep"), _("Stelling"), *view.perspective_labels, _("Gemiddeld"), _("n.v.t."), _("Blinde vlek")]
    rows: list[list[Any]] = []
    for g in view.groups:
        line = g.line
        rows.append(
            [
                g.title,
                _("(hele groep)"),
                *line.values,
                line.overall_value,
                line.not_applicable,
                yes if line.blind_spot else "",
            ]
        )
        for s in g.statements:
            rows.append([g.title, s.text, *s.values, s.overall_value, s.not_applicable, yes if s.blind_spot else ""])
    spread_labels = [label for label, _n in view.dilemmas[0].spread] if view.dilemmas else []
    result = [
        (_("Succesfactoren"), header, rows),
        (
            _("Antwoorden"),
            [_("Perspectief"), _("Antwoorden"), _("Getoond")],
            [[label, n, yes if shown else _("nee (minder dan drie)")] for _c, label, n, shown in view.perspectives],
        ),
        (_("Belemmeringen"), [_("Belemmering"), _("Aangevinkt")], [[text, n] for text, n in view.barriers]),
        (
            _("Dilemma's"),
            [_("Dilemma"), *view.perspective_labels, _("Gemiddeld (1-4)"), *spread_labels],
            [[d.title, *d.values, d.overall_value, *[n for _l, n in d.spread]] for d in view.dilemmas],
        ),
        (_("Blinde vlekken"), [_("Mogelijke blinde vlek")], [[s] for s in view.blind_spots]),
    ]
    if view.trend_values:
        result.append(
            (
                _("Trend"),
                [_("Groep"), *view.trend_rounds, _("Verschil")],
                [[title, *values, change] for title, values, change in view.trend_values],
            )
        )
    if not view.enough:  # nothing but the counts until the round has three answers
        result = [result[1]]
    return result


# --- PDF and DOCX ----------------------------------------------------------------------------------------------------


def document(view: ReportView) -> doc.Document:
    r = view.round
    meta = [r.partnership.name, _("Geopend op %(day)s") % {"day": r.opened_on.strftime("%d-%m-%Y")}]
    meta.append(_("%(n)s antwoorden") % {"n": view.total})
    d = doc.Document(title=_("Zelfevaluatie gelijkwaardige samenwerking"), subtitle=r.title, meta=meta)
    d.add(
        doc.Paragraph.plain(
            _(
                "Gemiddelde scores van 1 (helemaal niet) tot 5 (helemaal wel) per perspectief. Een perspectief met "
                "minder dan drie antwoorden wordt niet getoond."
            )
        )
    )
    for note in view.notes:
        d.add(doc.Paragraph.plain(note, "quote"))
    d.add(doc.Heading(_("Wie deden mee")))
    d.add(doc.table([_("Perspectief"), _("Antwoorden")], [[label, n] for _c, label, n, _s in view.perspectives]))
    if not view.enough:
        return d
    d.add(doc.Heading(_("Succesfactoren")))
    header = [_("Stelling"), *view.perspective_labels, _("Gemiddeld")]
    for g in view.groups:
        d.add(doc.Heading(g.title, 2))
        rows = [[_("Hele groep"), *g.line.cells, g.line.overall]]
        rows += [[("! " if s.blind_spot else "") + s.text, *s.cells, s.overall] for s in g.statements]
        d.add(doc.table(header, rows))
    d.add(doc.Heading(_("Mogelijke blinde vlekken")))
    if view.blind_spots:
        d.add(doc.ListBlock(tuple((0, (doc.Run(s),)) for s in view.blind_spots)))
    else:
        d.add(doc.Paragraph.plain(_("Scholen en opleidingen verschillen nergens meer dan een punt.")))
    d.add(doc.Heading(_("Belemmeringen")))
    d.add(doc.table([_("Belemmering"), _("Aangevinkt")], view.barriers))
    d.add(doc.Heading(_("Dilemma's")))
    d.add(
        doc.table(
            [_("Dilemma"), *view.perspective_labels, _("Gemiddeld (1-4)")],
            [[x.title, *x.cells, x.overall] for x in view.dilemmas],
        )
    )
    if view.trend:
        d.add(doc.Heading(_("Vergelijking met eerdere rondes")))
        d.add(
            doc.table(
                [_("Groep"), *view.trend_rounds, _("Verschil")],
                [[title, *values, change] for title, values, change, _d in view.trend],
            )
        )
    return d
