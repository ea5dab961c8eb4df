"""The growth projection: from today's numbers and a scenario's levers, year by year over a horizon. Pure Python:
no Django, plain dataclasses in and out, so it is fast to test, to benchmark and to run from the command line.

A year of the projection:
- clusters: today's per board, plus extra clusters of current boards (within the agreement's maximum per board),
  plus the clusters of joining boards, built up over their ramp-up years;
- places: clusters × places per cluster, plus satellite schools × their places; cross-sector places (mbo) are
  counted apart: they need guidance but do not count for the subsidy or the coverage;
- demand: every student of the partnership's institutes in each variant (the institute's total), growing by the
  inflow forecast per institute and variant; expected students: the demand, at most the places;
- coverage: expected students / demand, and the first year it reaches 100%;
- one schoolopleider and one instituutsopleider per cluster; facilitation hours per role (per student for the
  mentors, per cluster for the educators); costs = hours × hour rate, the rates rising by the wage index each year;
- subsidy: the students module's rule (`students.funding.estimate`): fixed amount + amount per student counted in
  the year before (t-1), nothing when that count was below the minimum (60); the amounts stay fixed unless the
  scenario gives them an index;
- balance = subsidy − costs; the pre-financing gap is the cumulative shortfall (what the partners pay in advance);
- funds per partner: the subsidy divided over the partners, who become more as boards join (dilution);
- public schools: places at public schools against the share of students who want one (e.g. 30%).

Dutch sentences are templates marked with `_` (a no-op here); the Django layer translates them.
"""

from __future__ import annotations

import math
from dataclasses import MISSING, asdict, dataclass, field, fields, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from samenopleiden.students import funding


def _(text: str) -> str:
    return text


FORMAT = "samenopleiden.growth.scenario"
VERSION = 1
MAX_HORIZON = 30
MAX_WAGE_INDEX = Decimal(25)  # percent per year
MAX_INFLOW_CHANGE = Decimal(50)  # percent per year, up or down
MAX_PLACES_PER_CLUSTER = 50
MAX_COUNT = 100_000
MAX_RATE = Decimal(1000)  # euro per hour
MAX_HOURS = Decimal(10_000)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def year_label(first: int) -> str:
    return f"{first}-{first + 1}"


# --- today's numbers -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Board:
    """A board of the partnership today. `key` is stable in a scenario file (the board's id on the platform)."""

    key: str
    name: str
    clusters: int = 0
    max_clusters: int | None = None  # the agreement's maximum of clusters for this board; None: none recorded
    free_schools: int = 0  # schools of the board in the partnership that are in no cluster yet
    public: bool = False  # the board's schools are public (openbaar)


@dataclass(frozen=True)
class Inflow:
    """Students of one institute in one variant (voltijd, deeltijd, duaal): all of them, and how many are trained
    in the partnership today."""

    institute: str
    mode: str
    total: int
    trained: int = 0


@dataclass(frozen=True)
class Start:
    first_year: int  # the first school year of the projection: 2026 is 2026-2027
    places_per_cluster: int = 12
    max_schools_per_cluster: int = 4
    boards: tuple[Board, ...] = ()
    inflow: tuple[Inflow, ...] = ()
    partners: int = 0  # boards, schools on their own and institutes that share in the funds
    satellite_schools: int = 0
    counted_last_year: int | None = None  # students counted in the year before the first (t-1)
    recognised: bool = True
    fixed_amount: Decimal | None = None  # None: the regulation's amounts are not known
    per_student_amount: Decimal = Decimal(0)
    minimum_students: int = 60
    public_places: int = 0  # places at public schools today

    @property
    def clusters(self) -> int:
        return sum(b.clusters for b in self.boards)

    @property
    def trained(self) -> int:
        return sum(i.trained for i in self.inflow)

    @property
    def demand(self) -> int:
        return sum(i.total for i in self.inflow)


# --- the levers of a scenario ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExtraClusters:
    """More clusters for a current board, from year `year` (0 is the first year of the projection)."""

    board: str
    clusters: int = 1
    year: int = 1
    public: bool | None = None  # None: like the board's schools


@dataclass(frozen=True)
class Joining:
    """A board (or group of schools) that joins with `clusters` clusters, built up over `ramp_years` years from
    year `year`."""

    name: str
    clusters: int = 1
    year: int = 1
    ramp_years: int = 1
    public: bool = False


@dataclass(frozen=True)
class Satellites:
    """Satellite schools in a shell around the core: places without a seat (and without a share in the funds)."""

    schools: int = 0
    places_per_school: int = 2
    year: int = 1
    public: bool = False


@dataclass(frozen=True)
class InflowChange:
    """The forecast for one institute and variant: the change of its number of students per year, in percent."""

    institute: str
    mode: str
    percent_per_year: Decimal = Decimal(0)


@dataclass(frozen=True)
class Levers:
    horizon: int = 10
    places_per_cluster: int | None = None  # None: today's number
    extra_clusters: tuple[ExtraClusters, ...] = ()
    joining: tuple[Joining, ...] = ()
    satellites: tuple[Satellites, ...] = ()
    inflow: tuple[InflowChange, ...] = ()
    cross_sector_places: int = 0
    cross_sector_year: int = 1
    counted_percent: Decimal = Decimal(100)  # share of the students that count for the subsidy
    mentor_hours_per_student: Decimal = Decimal(40)
    school_educator_hours_per_cluster: Decimal = Decimal(160)
    institute_educator_hours_per_cluster: Decimal = Decimal(120)
    school_hour_rate: Decimal = Decimal(60)
    institute_hour_rate: Decimal = Decimal(70)
    wage_index: Decimal = Decimal(3)  # percent per year
    subsidy_index: Decimal = Decimal(0)  # percent per year: the regulation's amounts stay fixed by default
    public_wish_percent: Decimal = Decimal(30)


# --- validation ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    field: str
    template: str
    params: dict[str, str] = field(default_factory=dict)


def validate(start: Start, levers: Levers) -> list[Problem]:
    """Everything wrong with the levers, in Dutch templates. An empty list: the scenario can be projected."""
    problems: list[Problem] = []

    def check(condition: bool, where: str, template: str, **params: Any) -> None:
        if not condition:
            problems.append(Problem(where, template, {k: str(v) for k, v in params.items()}))

    h = levers.horizon
    check(
        1 <= h <= MAX_HORIZON,
        "horizon",
        _("De horizon is 1 tot en met %(max)s jaar."),
        max=MAX_HORIZON,
    )
    last = max(h, 1) - 1

    def in_horizon(year: int) -> bool:
        return 0 <= year <= last

    ppc = levers.places_per_cluster
    if ppc is not None:
        check(ppc >= 0, "places_per_cluster", _("Het aantal plaatsen per cluster kan niet negatief zijn."))
        check(
            ppc <= MAX_PLACES_PER_CLUSTER,
            "places_per_cluster",
            _("Hooguit %(max)s plaatsen per cluster."),
            max=MAX_PLACES_PER_CLUSTER,
        )
    boards = {b.key: b for b in start.boards}
    extra_per_board: dict[str, int] = {}
    for row in levers.extra_clusters:
        board = boards.get(row.board)
        if board is None:
            check(False, "extra_clusters", _("Onbekend bestuur in het scenario: %(board)s."), board=row.board)
            continue
        check(
            row.clusters >= 0,
            "extra_clusters",
            _("Het aantal extra clusters van %(board)s kan niet negatief zijn."),
            board=board.name,
        )
        check(
            in_horizon(row.year),
            "extra_clusters",
            _("De extra clusters van %(board)s beginnen in jaar %(year)s, buiten de horizon van %(horizon)s jaar."),
            board=board.name,
            year=row.year + 1,
            horizon=h,
        )
        extra_per_board[row.board] = extra_per_board.get(row.board, 0) + max(row.clusters, 0)
    for key, extra in extra_per_board.items():
        board = boards[key]
        if board.max_clusters is not None:
            check(
                board.clusters + extra <= board.max_clusters,
                "extra_clusters",
                _(
                    "%(board)s mag volgens het convenant hooguit %(max)s clusters hebben; het heeft er %(now)s, "
                    "dus er kunnen hooguit %(room)s bij."
                ),
                board=board.name,
                max=board.max_clusters,
                now=board.clusters,
                room=max(board.max_clusters - board.clusters, 0),
            )
    for row in levers.joining:
        name = row.name or "?"
        check(bool(row.name.strip()), "joining", _("Geef elke nieuwe partner een naam."))
        check(row.clusters >= 0, "joining", _("Het aantal clusters van %(name)s kan niet negatief zijn."), name=name)
        check(row.ramp_years >= 1, "joining", _("De opbouw van %(name)s duurt minstens één jaar."), name=name)
        check(
            in_horizon(row.year),
            "joining",
            _("%(name)s sluit aan in jaar %(year)s, buiten de horizon van %(horizon)s jaar."),
            name=name,
            year=row.year + 1,
            horizon=h,
        )
        if in_horizon(row.year) and row.ramp_years >= 1:
            check(
                row.year + row.ramp_years - 1 <= last,
                "joining",
                _(
                    "De opbouw van %(name)s loopt tot jaar %(end)s, voorbij de horizon van %(horizon)s jaar. Kort de "
                    "opbouw in of kies een langere horizon."
                ),
                name=name,
                end=row.year + row.ramp_years,
                horizon=h,
            )
    for row in levers.satellites:
        check(
            row.schools >= 0 and row.places_per_school >= 0,
            "satellites",
            _("Het aantal satellietscholen en hun plaatsen kunnen niet negatief zijn."),
        )
        check(
            in_horizon(row.year),
            "satellites",
            _("De satellietscholen beginnen in jaar %(year)s, buiten de horizon van %(horizon)s jaar."),
            year=row.year + 1,
            horizon=h,
        )
    known = {(i.institute, i.mode) for i in start.inflow}
    for row in levers.inflow:
        check(
            (row.institute, row.mode) in known,
            "inflow",
            _("Onbekende lerarenopleiding of variant in de prognose: %(institute)s, %(mode)s."),
            institute=row.institute,
            mode=row.mode,
        )
        check(
            -MAX_INFLOW_CHANGE <= row.percent_per_year <= MAX_INFLOW_CHANGE,
            "inflow",
            _("De verandering van de instroom ligt tussen -%(max)s%% en %(max)s%% per jaar."),
            max=MAX_INFLOW_CHANGE,
        )
    check(
        0 <= levers.cross_sector_places <= MAX_COUNT,
        "cross_sector_places",
        _("Het aantal sectoroverstijgende plaatsen kan niet negatief zijn."),
    )
    if levers.cross_sector_places:
        check(
            in_horizon(levers.cross_sector_year),
            "cross_sector_year",
            _("De sectoroverstijgende plaatsen beginnen in jaar %(year)s, buiten de horizon van %(horizon)s jaar."),
            year=levers.cross_sector_year + 1,
            horizon=h,
        )
    check(
        0 <= levers.wage_index <= MAX_WAGE_INDEX,
        "wage_index",
        _("De loonindex ligt tussen 0%% en %(max)s%% per jaar; %(value)s%% is niet aannemelijk."),
        max=MAX_WAGE_INDEX,
        value=levers.wage_index,
    )
    check(
        0 <= levers.subsidy_index <= MAX_WAGE_INDEX,
        "subsidy_index",
        _("De index van de subsidie ligt tussen 0%% en %(max)s%% per jaar."),
        max=MAX_WAGE_INDEX,
    )
    for name in ("counted_percent", "public_wish_percent"):
        check(0 <= getattr(levers, name) <= HUNDRED, name, _("Een percentage ligt tussen 0 en 100."))
    for name in ("school_hour_rate", "institute_hour_rate"):
        check(
            0 <= getattr(levers, name) <= MAX_RATE,
            name,
            _("Een uurtarief ligt tussen € 0 en € %(max)s."),
            max=MAX_RATE,
        )
    for name in (
        "mentor_hours_per_student",
        "school_educator_hours_per_cluster",
        "institute_educator_hours_per_cluster",
    ):
        check(
            0 <= getattr(levers, name) <= MAX_HOURS,
            name,
            _("Een aantal uren ligt tussen 0 en %(max)s."),
            max=MAX_HOURS,
        )
    return problems


# --- the projection --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Year:
    index: int  # 0 is the first year of the projection
    school_year: str
    clusters: int
    places: int
    cross_sector_places: int
    demand: int
    students: int
    coverage: Decimal | None  # percent, one decimal; None without demand
    school_educators: int
    institute_educators: int
    mentor_hours: Decimal
    school_educator_hours: Decimal
    institute_educator_hours: Decimal
    costs: Decimal
    counted_basis: int | None  # the count of t-1 the subsidy rests on
    subsidy_state: str  # funding.RECOGNISED, BELOW_MINIMUM, ASPIRANT, NO_RATES, NO_COUNT
    subsidy: Decimal
    balance: Decimal  # subsidy - costs
    gap: Decimal  # cumulative shortfall: what the partners have to pre-finance so far (0 or more)
    lag: Decimal  # of this year's shortfall, what the t-1 lag leaves unpaid: the growth since last year's count
    partners: int
    per_partner: Decimal | None
    public_places: int
    public_demand: int

    @property
    def hours(self) -> Decimal:
        return self.mentor_hours + self.school_educator_hours + self.institute_educator_hours

    @property
    def public_short(self) -> int:
        return max(self.public_demand - self.public_places, 0)


@dataclass(frozen=True)
class Projection:
    years: tuple[Year, ...]
    full_coverage_year: str | None  # the first school year with 100% coverage; None: not within the horizon
    peak_gap: Decimal
    notes: tuple[Problem, ...] = ()

    @property
    def last(self) -> Year:
        return self.years[-1]


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT)


def _built(clusters: int, since: int, ramp: int) -> int:
    """Clusters of a ramp-up in place `since` years after it began (0: the first year)."""
    if since < 0 or clusters <= 0:
        return 0
    return min(clusters, math.ceil(clusters * (since + 1) / max(ramp, 1)))


def project(start: Start, levers: Levers) -> Projection:
    """The projection year by year. Raises ValueError when `validate` finds problems (callers validate first)."""
    problems = validate(start, levers)
    if problems:
        raise ValueError(problems[0].template % problems[0].params)
    ppc = start.places_per_cluster if levers.places_per_cluster is None else levers.places_per_cluster
    boards = {b.key: b for b in start.boards}
    growth = {(c.institute, c.mode): 1 + c.percent_per_year / HUNDRED for c in levers.inflow}
    wage = 1 + levers.wage_index / HUNDRED
    subsidy_factor = 1 + levers.subsidy_index / HUNDRED
    base_public_clusters = sum(b.clusters for b in start.boards if b.public)
    # today's public places that are not in a cluster of a public board (e.g. public schools of mixed boards)
    public_other = max(start.public_places - base_public_clusters * start.places_per_cluster, 0)
    counted_before = start.counted_last_year
    students_before: int | None = None
    cumulative = Decimal(0)
    peak = Decimal(0)
    full_year: str | None = None
    years = []
    notes: list[Problem] = []
    for t in range(levers.horizon):
        clusters = start.clusters
        public_clusters = base_public_clusters
        for row in levers.extra_clusters:
            if t >= row.year:
                clusters += row.clusters
                public = boards[row.board].public if row.public is None else row.public
                public_clusters += row.clusters if public else 0
        joined = 0
        for row in levers.joining:
            built = _built(row.clusters, t - row.year, row.ramp_years)
            clusters += built
            public_clusters += built if row.public else 0
            joined += 1 if t >= row.year else 0
        satellite_places = 0
        public_satellite = 0
        for row in levers.satellites:
            if t >= row.year:
                satellite_places += row.schools * row.places_per_school
                public_satellite += row.schools * row.places_per_school if row.public else 0
        places = clusters * ppc + satellite_places
        cross = levers.cross_sector_places if t >= levers.cross_sector_year else 0
        demand = 0
        for inflow in start.inflow:
            factor = growth.get((inflow.institute, inflow.mode), Decimal(1)) ** t
            demand += int((inflow.total * factor).to_integral_value())
        students = min(places, demand)
        coverage = (Decimal(students) * HUNDRED / demand).quantize(Decimal("0.1")) if demand else None
        if coverage is not None and coverage >= HUNDRED and full_year is None:
            full_year = year_label(start.first_year + t)
        index = wage**t
        mentor_hours = levers.mentor_hours_per_student * (students + cross)
        so_hours = levers.school_educator_hours_per_cluster * clusters
        io_hours = levers.institute_educator_hours_per_cluster * clusters
        costs = _money(
            ((mentor_hours + so_hours) * levers.school_hour_rate + io_hours * levers.institute_hour_rate) * index
        )
        basis = counted_before if t == 0 else _counted(students_before or 0, levers.counted_percent)
        rates = None
        if start.fixed_amount is not None:
            rates = funding.Rates(
                school_year=year_label(start.first_year + t),
                fixed_amount=_money(start.fixed_amount * subsidy_factor**t),
                per_student_amount=_money(start.per_student_amount * subsidy_factor**t),
                minimum_students=start.minimum_students,
                aspirant_fixed_amount=_money(start.fixed_amount * subsidy_factor**t),
            )
        estimate = funding.estimate(
            school_year=year_label(start.first_year + t),
            basis_year=year_label(start.first_year + t - 1),
            recognised=start.recognised,
            rates=rates,
            counted=basis,
        )
        subsidy = estimate.amount or Decimal("0.00")
        counted_now = _counted(students, levers.counted_percent)
        lag = Decimal(0)
        if rates is not None and estimate.state == funding.RECOGNISED and basis is not None:
            lag = max(counted_now - basis, 0) * rates.per_student_amount
        balance = subsidy - costs
        cumulative = max(cumulative - balance, Decimal(0))
        peak = max(peak, cumulative)
        partners = start.partners + joined
        public_places = public_clusters * ppc + public_other + public_satellite
        years.append(
            Year(
                index=t,
                school_year=year_label(start.first_year + t),
                clusters=clusters,
                places=places,
                cross_sector_places=cross,
                demand=demand,
                students=students,
                coverage=coverage,
                school_educators=clusters,
                institute_educators=clusters,
                mentor_hours=mentor_hours,
                school_educator_hours=so_hours,
                institute_educator_hours=io_hours,
                costs=costs,
                counted_basis=basis,
                subsidy_state=estimate.state,
                subsidy=subsidy,
                balance=_money(balance),
                gap=_money(cumulative),
                lag=_money(lag),
                partners=partners,
                per_partner=_money(subsidy / partners) if partners else None,
                public_places=public_places,
                public_demand=int((students * levers.public_wish_percent / HUNDRED).to_integral_value()),
            )
        )
        students_before = students
    if start.fixed_amount is None:
        notes.append(
            Problem(
                "",
                _(
                    "De bedragen van de regeling zijn nog niet bekend; de projectie rekent zonder subsidie. De "
                    "platformbeheerder vult de tarieven in."
                ),
            )
        )
    if any(y.subsidy_state == funding.BELOW_MINIMUM for y in years):
        notes.append(
            Problem(
                "",
                _("In sommige jaren telt het partnerschap minder dan %(minimum)s studenten: dan is er geen subsidie."),
                {"minimum": str(start.minimum_students)},
            )
        )
    return Projection(tuple(years), full_year, _money(peak), tuple(notes))


def _counted(students: int, percent: Decimal) -> int:
    return int((Decimal(students) * percent / HUNDRED).to_integral_value())


# --- growth potential per board --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Potential:
    board: Board
    room: int  # clusters the board can still add within the agreement
    reason: str  # template: why this room
    places_per_cluster: int = 12

    @property
    def places(self) -> int:
        return self.room * self.places_per_cluster


def potential(start: Start) -> list[Potential]:
    """Per board: how many clusters it can still add. With a maximum in the agreement: the room under it. Without:
    as many as its schools not yet in a cluster can fill (at most `max_schools_per_cluster` a cluster)."""
    rows = []
    for board in start.boards:
        if board.max_clusters is not None:
            room = max(board.max_clusters - board.clusters, 0)
            reason = _("ruimte onder het maximum van %(max)s clusters in het convenant")
        else:
            room = math.ceil(board.free_schools / max(start.max_schools_per_cluster, 1)) if board.free_schools else 0
            reason = _("scholen van het bestuur die nog in geen cluster zitten")
        rows.append(Potential(board, room, reason, start.places_per_cluster))
    return rows


# --- scenario files (JSON) -------------------------------------------------------------------------------------

_DECIMAL_FIELDS = {
    "counted_percent",
    "mentor_hours_per_student",
    "school_educator_hours_per_cluster",
    "institute_educator_hours_per_cluster",
    "school_hour_rate",
    "institute_hour_rate",
    "wage_index",
    "subsidy_index",
    "public_wish_percent",
    "percent_per_year",
    "fixed_amount",
    "per_student_amount",
}
_ROWS = {
    "extra_clusters": ExtraClusters,
    "joining": Joining,
    "satellites": Satellites,
    "inflow": InflowChange,
    "boards": Board,
}


class FormatError(ValueError):
    """A scenario file that cannot be read; `template` and `params` are the Dutch message."""

    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template % params if params else template)
        self.template = template
        self.params = {k: str(v) for k, v in params.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def levers_to_dict(levers: Levers) -> dict[str, Any]:
    return _plain(asdict(levers))


def start_to_dict(start: Start) -> dict[str, Any]:
    data = _plain(asdict(start))
    data["inflow"] = [_plain(asdict(i)) for i in start.inflow]
    return data


_INT_FIELDS = {
    "first_year",
    "places_per_cluster",
    "max_schools_per_cluster",
    "partners",
    "satellite_schools",
    "counted_last_year",
    "minimum_students",
    "public_places",
    "clusters",
    "max_clusters",
    "free_schools",
    "total",
    "trained",
    "year",
    "ramp_years",
    "schools",
    "places_per_school",
    "horizon",
    "cross_sector_places",
    "cross_sector_year",
}
_NULLABLE = {"places_per_cluster", "counted_last_year", "max_clusters", "fixed_amount", "public"}
_BOOL_FIELDS = {"public", "recognised"}


def _build(cls: type, data: Any, where: str) -> Any:
    if not isinstance(data, dict):
        raise FormatError(_("%(where)s moet een object zijn."), where=where)
    known = {f.name: f for f in fields(cls)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise FormatError(_("Onbekend veld in %(where)s: %(name)s."), where=where, name=unknown[0])
    values: dict[str, Any] = {}
    for name, raw in data.items():
        if raw is None and name in _NULLABLE:
            values[name] = None
        elif name in _ROWS or (cls is Start and name == "inflow"):
            row_cls = Inflow if (cls is Start and name == "inflow") else _ROWS[name]
            if not isinstance(raw, list):
                raise FormatError(_("%(where)s.%(name)s moet een lijst zijn."), where=where, name=name)
            values[name] = tuple(_build(row_cls, item, f"{where}.{name}") for item in raw)
        elif name in _DECIMAL_FIELDS:
            try:
                if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
                    raise InvalidOperation
                values[name] = Decimal(str(raw))
                if not values[name].is_finite():
                    raise InvalidOperation
            except InvalidOperation:
                raise FormatError(_("%(where)s.%(name)s moet een getal zijn."), where=where, name=name) from None
        elif name in _BOOL_FIELDS:
            if not isinstance(raw, bool):
                raise FormatError(_("%(where)s.%(name)s moet true of false zijn."), where=where, name=name)
            values[name] = raw
        elif name in _INT_FIELDS:
            if isinstance(raw, bool) or not isinstance(raw, int) or abs(raw) > 10**7:
                raise FormatError(_("%(where)s.%(name)s moet een geheel getal zijn."), where=where, name=name)
            values[name] = raw
        else:
            if not isinstance(raw, str):
                raise FormatError(_("%(where)s.%(name)s moet tekst zijn."), where=where, name=name)
            values[name] = raw[:300]
    missing = [
        f.name for f in fields(cls) if f.name not in values and f.default is MISSING and f.default_factory is MISSING
    ]
    if missing:
        raise FormatError(_("Veld ontbreekt in %(where)s: %(name)s."), where=where, name=missing[0])
    return cls(**values)


def levers_from_dict(data: Any) -> Levers:
    return _build(Levers, data, "levers")


def start_from_dict(data: Any) -> Start:
    return _build(Start, data, "start")


@dataclass(frozen=True)
class ScenarioFile:
    name: str
    description: str
    levers: Levers
    start: Start | None


def to_file(*, name: str, description: str, levers: Levers, start: Start) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "name": name,
        "description": description,
        "levers": levers_to_dict(levers),
        "start": start_to_dict(start),
    }


def from_file(data: Any) -> ScenarioFile:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FormatError(_("Dit is geen scenariobestand van het platform (het veld format ontbreekt of klopt niet)."))
    if data.get("version") != VERSION:
        raise FormatError(_("Onbekende versie van het scenariobestand: %(version)s."), version=data.get("version"))
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise FormatError(_("Het scenario in het bestand heeft geen naam."))
    description = data.get("description", "")
    if not isinstance(description, str):
        raise FormatError(_("De beschrijving moet tekst zijn."))
    levers = levers_from_dict(data.get("levers", {}))
    start = start_from_dict(data["start"]) if data.get("start") is not None else None
    return ScenarioFile(name.strip()[:200], description, levers, start)


def with_levers(levers: Levers, **changes: Any) -> Levers:
    return replace(levers, **changes)
