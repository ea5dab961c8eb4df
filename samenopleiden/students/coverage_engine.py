"""The arithmetic of the 100% coverage monitor ("100% samen opleiden"): which share of an institute's student
teachers is trained in partnerships, broken down by variant, sector and subject, over the years, and whether the
pace of the last years reaches the target in the target year. Pure: plain data in, plain data out, no Django.

- numerator: students of the institute enrolled on the count date, in this partnership (`here`) and in all
  partnerships on the platform together (`everywhere`, each student once);
- denominator: the totals the institute entered (`Enrolled`), summed over whatever it entered per programme;
  a breakdown it did not give (say per subject) has no denominator, and `gaps` says so;
- projection: a straight line through the shares (all partnerships) of the years so far (least squares), drawn on
  to the target year. Simple on purpose, and said on the page.

Sentences are templates marked with `_` (a no-op here); the Django layer shows them with `Reason.text(gettext)`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from . import schoolyear
from .eligibility import Reason, number
from .funding import percent


def _(text: str) -> str:
    return text


TOTAL, MODE, SECTOR, SUBJECT = "total", "mode", "sector", "subject"
MODES = ("voltijd", "deeltijd", "duaal")

NO_TARGET, TOO_FEW, REACHED, ON_TRACK, BEHIND, PASSED_REACHED, PASSED_MISSED, PASSED_UNKNOWN = (
    "no_target",
    "too_few",
    "reached",
    "on_track",
    "behind",
    "passed_reached",
    "passed_missed",
    "passed_unknown",
)


@dataclass(frozen=True)
class Trained:
    """Students of one institute in one school year with these attributes, enrolled on the count date."""

    year: str
    institute_id: int
    mode: str
    sector: str
    subject: str
    here: int = 0  # in this partnership
    everywhere: int = 0  # in all partnerships together


@dataclass(frozen=True)
class Enrolled:
    """A total the institute entered: all its students of one programme and variant (sector, subject)."""

    year: str
    institute_id: int
    programme: str
    mode: str
    sector: str
    subject: str
    total: int


@dataclass(frozen=True)
class Stat:
    here: int = 0
    everywhere: int = 0
    total: int | None = None  # None: the institute gave no number for this

    @property
    def share_here(self) -> Decimal | None:
        return share(self.here, self.total)

    @property
    def share_everywhere(self) -> Decimal | None:
        return share(self.everywhere, self.total)

    @property
    def over(self) -> bool:
        """More students in partnerships than the institute says it has: the numbers need a look."""
        return self.total is not None and self.everywhere > self.total


def share(part: int, whole: int | None) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Target:
    year: str  # school year, e.g. "2024-2025"
    share: int = 100


@dataclass(frozen=True)
class Projection:
    state: str
    reason: Reason
    slope: Decimal | None = None  # percentage points per year
    projected: Decimal | None = None  # the share the line reaches in the target year
    pace: Reason | None = None  # when the goal comes at this pace, if it is not reached in time

    @property
    def ok(self) -> bool | None:
        """True: reached or on track; False: not; None: cannot say."""
        if self.state in (REACHED, ON_TRACK, PASSED_REACHED):
            return True
        if self.state in (BEHIND, PASSED_MISSED):
            return False
        return None


@dataclass(frozen=True)
class Line:
    """One row of a breakdown (a variant, a sector, a subject, or the institute's total) over the years."""

    value: str  # "" for the total, or for "not given"
    label: str
    stats: dict[str, Stat] = field(default_factory=dict)  # school year -> Stat
    projection: Projection | None = None

    def stat(self, year: str) -> Stat:
        return self.stats.get(year, Stat())


def normal(dimension: str, value: str) -> str:
    """How values of a dimension are compared: subjects regardless of case and spaces around them."""
    value = (value or "").strip()
    return value.casefold() if dimension == SUBJECT else value


def _raw(dimension: str, row: Trained | Enrolled) -> str:
    return "" if dimension == TOTAL else (getattr(row, dimension) or "").strip()


def lines(
    trained: Iterable[Trained],
    enrolled: Iterable[Enrolled],
    *,
    institute_id: int,
    years: list[str],
    dimension: str,
    target: Target | None = None,
    current_year: str = "",
) -> list[Line]:
    """The breakdown of one institute by `dimension` (TOTAL, MODE, SECTOR or SUBJECT) for every year in `years`,
    each line with its projection toward `target`."""
    wanted = set(years)
    here: dict[tuple[str, str], int] = defaultdict(int)
    everywhere: dict[tuple[str, str], int] = defaultdict(int)
    totals: dict[tuple[str, str], int] = defaultdict(int)
    labels: dict[str, str] = {}
    for row in trained:
        if row.institute_id == institute_id and row.year in wanted:
            key = (row.year, normal(dimension, _raw(dimension, row)))
            here[key] += row.here
            everywhere[key] += row.everywhere
            labels.setdefault(key[1], _raw(dimension, row))
    for row in enrolled:
        if row.institute_id == institute_id and row.year in wanted:
            key = (row.year, normal(dimension, _raw(dimension, row)))
            totals[key] += row.total
            labels[key[1]] = _raw(dimension, row)  # the institute's own spelling wins
    values = {value for _year, value in [*here, *everywhere, *totals]}
    if dimension == TOTAL:
        values = {""}
    result = []
    for value in sorted(values, key=lambda v: _order(dimension, v)):
        stats = {
            year: Stat(here.get((year, value), 0), everywhere.get((year, value), 0), totals.get((year, value)))
            for year in years
        }
        if not any(s.here or s.everywhere or s.total is not None for s in stats.values()):
            continue
        points = [(y, s.everywhere, s.total) for y, s in stats.items() if s.total]
        pointless = not value and dimension != TOTAL  # "not given": no course of its own to project
        projection = (
            project(points, target=target, current_year=current_year) if current_year and not pointless else None
        )
        result.append(Line(value, labels.get(value, ""), stats, projection))
    return result


def _order(dimension: str, value: str) -> tuple[int, str]:
    """Variants in their usual order; other values alphabetically, "not given" last."""
    if dimension == MODE:
        return (MODES.index(value) if value in MODES else len(MODES), value)
    return (0 if value else 1, value)


def gaps(breakdown: list[Line], year: str, dimension: str) -> list[Reason]:
    """What is missing from a breakdown in `year`: values with students in partnerships for which the institute gave
    no total, and the part of its total it did not break down."""
    result = []
    missing = [
        line.label for line in breakdown if line.value and line.stat(year).total is None and line.stat(year).everywhere
    ]
    if missing:
        result.append(
            Reason(
                _("De opleiding gaf geen totaal op voor %(values)s; daar ontbreekt het aandeel."),
                {"values": ", ".join(missing)},
            )
        )
    unsplit = next((line.stat(year).total for line in breakdown if not line.value and line.stat(year).total), None)
    if unsplit and dimension in UNSPLIT:
        result.append(Reason(UNSPLIT[dimension], {"total": str(unsplit)}))
    return result


UNSPLIT = {
    SECTOR: _("Voor %(total)s studenten gaf de opleiding geen sector op."),
    SUBJECT: _("Voor %(total)s studenten gaf de opleiding geen vak op."),
}


def project(points: list[tuple[str, int, int]], *, target: Target | None, current_year: str) -> Projection:
    """Whether the share (everywhere / total, per year in `points`) reaches `target`: reached, on track or behind by
    a straight line through the points; or, when the target year has passed, whether it was reached then."""
    if target is None:
        return Projection(NO_TARGET, Reason(_("Er is geen doeljaar vastgelegd.")))
    goal = Fraction(target.share)
    shares = sorted((schoolyear.first_year(y), Fraction(n * 100, total)) for y, n, total in points if total)
    params = {"target": percent(target.share), "target_year": target.year}
    slope = _slope(shares)
    pace = _pace(shares, slope, goal)
    if schoolyear.first_year(target.year) < schoolyear.first_year(current_year):
        then = dict(shares).get(schoolyear.first_year(target.year))
        if then is None:
            reason = Reason(_("Het doeljaar %(target_year)s is voorbij; voor dat jaar zijn er geen aantallen."), params)
            return Projection(PASSED_UNKNOWN, reason, _decimal(slope), pace=pace)
        params["then"] = percent(then)
        if then >= goal:
            reason = Reason(
                _(
                    "Het doeljaar %(target_year)s is voorbij: het aandeel was toen %(then)s, het doel van %(target)s "
                    "is gehaald."
                ),
                params,
            )
            return Projection(PASSED_REACHED, reason, _decimal(slope))
        reason = Reason(
            _(
                "Het doeljaar %(target_year)s is voorbij: het aandeel was toen %(then)s, het doel van %(target)s is "
                "niet gehaald."
            ),
            params,
        )
        return Projection(PASSED_MISSED, reason, _decimal(slope), pace=pace)
    if shares and shares[-1][1] >= goal:
        params |= {"now": percent(shares[-1][1]), "year": _year(shares[-1][0])}
        return Projection(REACHED, Reason(_("Het doel van %(target)s is gehaald: %(now)s in %(year)s."), params))
    if slope is None:
        reason = Reason(
            _("Te weinig jaren met aantallen om te zeggen of het doel van %(target)s wordt gehaald."), params
        )
        return Projection(TOO_FEW, reason)
    last_year, last = shares[-1]
    projected = min(max(last + slope * (schoolyear.first_year(target.year) - last_year), Fraction(0)), HUNDRED)
    params |= {"slope": _points(slope), "projected": percent(projected)}
    if projected >= goal:
        reason = Reason(
            _(
                "In het tempo van de afgelopen jaren (%(slope)s procentpunt per jaar) is het aandeel in "
                "%(target_year)s ongeveer %(projected)s: het doel van %(target)s wordt gehaald."
            ),
            params,
        )
        return Projection(ON_TRACK, reason, _decimal(slope), _decimal(projected))
    reason = Reason(
        _(
            "In het tempo van de afgelopen jaren (%(slope)s procentpunt per jaar) is het aandeel in %(target_year)s "
            "ongeveer %(projected)s: het doel van %(target)s wordt niet gehaald."
        ),
        params,
    )
    return Projection(BEHIND, reason, _decimal(slope), _decimal(projected), pace=pace)


HUNDRED = Fraction(100)


def _slope(shares: list[tuple[int, Fraction]]) -> Fraction | None:
    """Least squares: the change in percentage points per year; None with fewer than two years."""
    if len(shares) < 2:
        return None
    n = len(shares)
    mean_x = Fraction(sum(x for x, _y in shares), n)
    mean_y = sum((y for _x, y in shares), Fraction(0)) / n
    spread = sum((x - mean_x) ** 2 for x, _y in shares)
    return sum(((x - mean_x) * (y - mean_y) for x, y in shares), Fraction(0)) / spread


def _pace(shares: list[tuple[int, Fraction]], slope: Fraction | None, goal: Fraction) -> Reason | None:
    """When the goal comes at the pace of the last years, if it is not there yet."""
    if slope is None or not shares or shares[-1][1] >= goal:
        return None
    last_year, last = shares[-1]
    if slope <= 0:
        return Reason(_("In dit tempo groeit het aandeel niet naar het doel toe."))
    return Reason(
        _("In dit tempo komt het doel in %(year)s."), {"year": _year(last_year + math.ceil((goal - last) / slope))}
    )


def _year(first: int) -> str:
    return f"{first}-{first + 1}"


def _points(slope: Fraction) -> str:
    """+2,1 or -0,5: the change in percentage points, with its sign."""
    value = _decimal(slope) or Decimal(0)
    return f"{'+' if value > 0 else ''}{number(value)}"


def _decimal(value: Fraction | None) -> Decimal | None:
    if value is None:
        return None
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.1"), ROUND_HALF_UP)
