"""Reads of the projection part: scenarios with their key figures, the data for the charts, and the growth
potential per board with where the free schools are. Each read takes a fixed number of queries (the starting
numbers are computed once per page by `services.projection.start_for`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenopleiden.registry.models import Cluster, Partnership, School

from . import projection_engine as engine
from .models import Scenario
from .services import projection as services


@dataclass
class ScenarioRow:
    scenario: Scenario
    projection: engine.Projection | None
    problems: list[str] = field(default_factory=list)


def scenario_rows(partnership: Partnership, start: engine.Start) -> list[ScenarioRow]:
    """Every scenario with its projection (one query)."""
    rows = []
    for scenario in Scenario.objects.filter(partnership=partnership).order_by("name", "pk"):
        projection, problems = services.projection_of(scenario, start)
        rows.append(ScenarioRow(scenario, projection, problems))
    return rows


def chart(rows: list[ScenarioRow], metric: str, label: str) -> dict[str, Any]:
    """Chart.js data of one figure for one or more scenarios: a line per scenario over the school years."""
    years: list[str] = []
    for row in rows:
        if row.projection and len(row.projection.years) > len(years):
            years = [y.school_year for y in row.projection.years]
    datasets = []
    for row in rows:
        if row.projection is None:
            continue
        values = [_number(getattr(y, metric)) for y in row.projection.years]
        datasets.append({"label": row.scenario.name, "data": values + [None] * (len(years) - len(values))})
    return {"labels": years, "datasets": datasets, "axis": label}


def _number(value: Any) -> float | int | None:
    if value is None:
        return None
    return float(value) if not isinstance(value, int) else value


CHARTS = (
    ("students", gettext_lazy("Verwachte studenten")),
    ("coverage", gettext_lazy("Dekking (%)")),
    ("places", gettext_lazy("Opleidingsplaatsen")),
    ("gap", gettext_lazy("Voor te financieren, cumulatief (€)")),
)


def charts(rows: list[ScenarioRow]) -> list[dict[str, Any]]:
    return [
        {
            "id": f"chart-{metric}",
            "data_id": f"chart-{metric}-data",
            "title": str(title),
            "data": chart(rows, metric, str(title)),
        }
        for metric, title in CHARTS
    ]


# --- growth potential per board ----------------------------------------------------------------------------


@dataclass
class Place:
    """A group of free schools close together: same municipality (or town, or postcode area)."""

    area: str
    schools: list[School]


@dataclass
class BoardPotential:
    potential: engine.Potential
    places: list[Place]
    clustered_areas: list[str]

    @property
    def suggestion(self) -> Place | None:
        return self.places[0] if self.places else None


@dataclass
class PotentialSummary:
    rows: list[BoardPotential]
    boards_with_room: int
    clusters: int
    places: int
    students: int


def _area(school: School) -> str:
    return school.municipality or school.city or (school.postcode[:4] if school.postcode else "") or _("onbekend")


def potential(partnership: Partnership, start: engine.Start) -> PotentialSummary:
    """Per board: the room for clusters within the agreement and where the free schools are (two queries)."""
    board_ids = [int(b.key) for b in start.boards]
    clustered = Cluster.objects.filter(partnership=partnership).values("schools")
    free = School.objects.filter(board_id__in=board_ids).exclude(pk__in=clustered).order_by("municipality", "name")
    by_board: dict[int, dict[str, list[School]]] = defaultdict(lambda: defaultdict(list))
    for school in free:
        by_board[school.board_id][_area(school)].append(school)
    areas: dict[int, set[str]] = defaultdict(set)
    for cluster in Cluster.objects.filter(partnership=partnership, board_id__in=board_ids).prefetch_related("schools"):
        for school in cluster.schools.all():
            areas[cluster.board_id].add(_area(school))
    rows = []
    limit = max(start.max_schools_per_cluster, 1)
    for item in engine.potential(start):
        board_id = int(item.board.key)
        groups = sorted(by_board[board_id].items(), key=lambda kv: (-len(kv[1]), kv[0]))
        places = [Place(area, schools[:limit]) for area, schools in groups]
        rows.append(BoardPotential(item, places, sorted(areas[board_id])))
    clusters = sum(r.potential.room for r in rows)
    places_total = sum(r.potential.places for r in rows)
    unmet = max(start.demand - start.trained, 0) if start.inflow else places_total
    return PotentialSummary(
        rows=rows,
        boards_with_room=sum(1 for r in rows if r.potential.room),
        clusters=clusters,
        places=places_total,
        students=min(places_total, unmet),
    )


# --- the table, the spreadsheet and the document ------------------------------------------------------------

COLUMNS = (
    ("school_year", gettext_lazy("Schooljaar")),
    ("clusters", gettext_lazy("Clusters")),
    ("places", gettext_lazy("Plaatsen")),
    ("cross_sector_places", gettext_lazy("Plaatsen mbo")),
    ("demand", gettext_lazy("Studenten van de opleidingen")),
    ("students", gettext_lazy("Verwachte studenten")),
    ("coverage", gettext_lazy("Dekking (%)")),
    ("school_educators", gettext_lazy("Schoolopleiders nodig")),
    ("institute_educators", gettext_lazy("Instituutsopleiders nodig")),
    ("hours", gettext_lazy("Faciliteringsuren")),
    ("costs", gettext_lazy("Kosten (€)")),
    ("counted_basis", gettext_lazy("Geteld in t-1")),
    ("subsidy", gettext_lazy("Subsidie (€)")),
    ("balance", gettext_lazy("Saldo (€)")),
    ("gap", gettext_lazy("Voor te financieren, cumulatief (€)")),
    ("lag", gettext_lazy("Waarvan door de t-1-vertraging dit jaar (€)")),
    ("partners", gettext_lazy("Partners")),
    ("per_partner", gettext_lazy("Subsidie per partner (€)")),
    ("public_places", gettext_lazy("Plaatsen op openbare scholen")),
    ("public_demand", gettext_lazy("Studenten die een openbare school willen")),
)


def header() -> list[str]:
    return [str(label) for _name, label in COLUMNS]


def table_rows(projection: engine.Projection) -> list[list[Any]]:
    return [[getattr(y, name) for name, _label in COLUMNS] for y in projection.years]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    return float(value) if hasattr(value, "quantize") else value


def sheets(rows: list[ScenarioRow]) -> list[tuple[str, list[str], list[list[Any]]]]:
    """One sheet per scenario, and the levers of each."""
    result = []
    for row in rows:
        if row.projection is None:
            continue
        title = row.scenario.name[:28] or str(row.scenario.pk)
        result.append((title, header(), [[_cell(v) for v in r] for r in table_rows(row.projection)]))
    return result


def summary(row: ScenarioRow) -> list[str]:
    """The key figures of a scenario in sentences."""
    p = row.projection
    if p is None:
        return row.problems
    last = p.last
    lines = [
        _("In %(year)s: %(clusters)s clusters, %(places)s plaatsen, %(students)s verwachte studenten.")
        % {"year": last.school_year, "clusters": last.clusters, "places": last.places, "students": last.students},
        _("Dekking 100%% in %(year)s.") % {"year": p.full_coverage_year}
        if p.full_coverage_year
        else (_("Binnen de horizon geen 100%% dekking.") % {}),
        _("Hoogste voorfinanciering: %(amount)s.") % {"amount": funding_euro(p.peak_gap)},
    ]
    return lines + [services.text(n) for n in p.notes]


def funding_euro(value: Any) -> str:
    from samenopleiden.students import funding

    return funding.euro(value)


def document(partnership: Partnership, rows: list[ScenarioRow], *, today: Any) -> Any:
    from samenopleiden.core import documents

    title = _("Groeiscenario's") if len(rows) > 1 else _("Groeiscenario: %(name)s") % {"name": rows[0].scenario.name}
    doc = documents.Document(title=title, meta=[partnership.name, today.strftime("%d-%m-%Y")])
    short = ("school_year", "clusters", "places", "students", "coverage", "costs", "subsidy", "gap", "per_partner")
    labels = dict(COLUMNS)
    for row in rows:
        doc.add(documents.Heading(row.scenario.name, 1))
        if row.scenario.description:
            doc.add(documents.Paragraph.plain(row.scenario.description))
        for line in summary(row):
            doc.add(documents.Paragraph.plain(line))
        if row.projection is not None:
            doc.add(
                documents.table(
                    [str(labels[n]) for n in short],
                    [[_text(getattr(y, n)) for n in short] for y in row.projection.years],
                    caption=str(_("Projectie per schooljaar")),
                )
            )
    return doc


def _text(value: Any) -> str:
    if value is None:
        return "–"
    return str(value).replace(".", ",") if hasattr(value, "quantize") else str(value)
