"""The subsidy of the Regeling tegemoetkoming kosten opleidingsscholen, estimated, and its distribution over the
partners by the partnership's allocation key. Pure arithmetic on plain data: no Django.

The estimate for school year Y rests on the count of Y-1 (t-1):
- a recognised partnership gets a fixed amount plus an amount per counted student; when the count of Y-1 is below
  the regulation's minimum, nothing in Y (funding stops the year after the count fell below it);
- an aspirant partnership gets the aspirant's fixed amount;
- when the partnerships together asked for more than the national budget, every amount goes down by the same
  factor (budget / requested).

The distribution: first the central share (kept by the partnership), then the rest by the key's weights: per
counted student attributed to a partner, per cluster, and by fixed shares. Amounts are exact fractions until the
end; then every part is rounded down to whole cents and the cents left over go, one each, to the parts with the
largest remainder (ties: in the order shown), so that the parts always add up to the total exactly and the
rounding is said where it happened.

Sentences are templates marked with `_` (a no-op here); the Django layer shows them with `Reason.text(gettext)`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction

from .eligibility import Reason


def _(text: str) -> str:
    return text


CENT = Decimal("0.01")
HUNDRED = Fraction(100)

# What the estimate rests on
NO_RATES = "no_rates"  # the administrator has not entered the amounts for the year yet
NO_COUNT = "no_count"  # no students recorded for the year before: nothing to count
BELOW_MINIMUM = "below_minimum"  # counted fewer than the minimum in t-1: no funding this year
RECOGNISED = "recognised"
ASPIRANT = "aspirant"

# The parts of a distribution
CENTRAL, STUDENTS, CLUSTERS, FIXED = "central", "students", "clusters", "fixed"


# --- formatting (Dutch) ---------------------------------------------------------------------------------


def euro(amount: Decimal | Fraction | int) -> str:
    """12345.6 -> '€ 12.345,60' (Dutch: a point between thousands, a decimal comma)."""
    value = _cents(amount)
    sign = "-" if value < 0 else ""
    whole, cents = f"{abs(value):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}€ {'.'.join(groups)},{cents}"


def percent(value: Decimal | Fraction | int, places: int = 1) -> str:
    """35.4166 -> '35,4%'; whole numbers without decimals (70 -> '70%')."""
    exact = Fraction(value)
    if exact.denominator == 1:
        return f"{exact.numerator}%"
    quantum = Decimal(1).scaleb(-places)
    rounded = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(quantum, rounding=ROUND_HALF_UP)
    return f"{rounded}%".replace(".", ",")


def factor_text(value: Fraction) -> str:
    """The pro-rata factor with four decimals: '0,9643'."""
    rounded = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.0001"), ROUND_HALF_UP)
    return str(rounded).replace(".", ",")


def _cents(amount: Decimal | Fraction | int) -> Decimal:
    """Rounded to whole cents, half up (for the estimate; the distribution rounds by largest remainder)."""
    exact = Fraction(amount)
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(CENT, rounding=ROUND_HALF_UP)


# --- the estimate ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rates:
    """The regulation's amounts for one school year."""

    school_year: str
    fixed_amount: Decimal
    per_student_amount: Decimal
    minimum_students: int
    aspirant_fixed_amount: Decimal
    national_budget: Decimal | None = None
    national_requested: Decimal | None = None

    @property
    def factor(self) -> Fraction | None:
        """budget / requested when more was asked than the budget holds; otherwise None (no reduction)."""
        if self.national_budget and self.national_requested and self.national_requested > self.national_budget:
            return Fraction(self.national_budget) / Fraction(self.national_requested)
        return None


@dataclass(frozen=True)
class Estimate:
    school_year: str
    basis_year: str  # the year whose count the estimate rests on (t-1)
    state: str  # NO_RATES, NO_COUNT, BELOW_MINIMUM, RECOGNISED or ASPIRANT
    counted: int | None  # the count of t-1; None when no students were recorded for it
    amount: Decimal | None  # None: cannot be estimated (no rates, or no count)
    gross: Decimal | None = None  # before a pro-rata reduction
    factor: Fraction | None = None
    steps: tuple[Reason, ...] = ()
    warnings: tuple[Reason, ...] = ()

    @property
    def reduced(self) -> bool:
        return self.factor is not None


def estimate(
    *,
    school_year: str,
    basis_year: str,
    recognised: bool,
    rates: Rates | None,
    counted: int | None,
    current: int | None = None,
    next_year: str = "",
) -> Estimate:
    """The subsidy of `school_year` on the count of `basis_year` (`counted`). `current` is the count of
    `school_year` itself so far: below the minimum, the subsidy of `next_year` would stop."""
    warnings: list[Reason] = []
    if rates is None:
        reason = Reason(
            _(
                "De bedragen van de regeling voor %(year)s zijn nog niet bekend. De platformbeheerder vult ze in "
                "zodra ze zijn gepubliceerd; tot dan toont deze pagina alleen de telling."
            ),
            {"year": school_year},
        )
        return Estimate(school_year, basis_year, NO_RATES, counted, None, steps=(reason,))
    if recognised and current is not None and current < rates.minimum_students:
        warnings.append(
            Reason(
                _(
                    "Let op: in %(year)s tellen tot nu toe %(current)s studenten mee, minder dan het minimum van "
                    "%(minimum)s. Blijft dat zo op de peildatum, dan krijgt het partnerschap in %(next)s geen "
                    "subsidie."
                ),
                {
                    "year": school_year,
                    "current": str(current),
                    "minimum": str(rates.minimum_students),
                    "next": next_year,
                },
            )
        )
    if not recognised:
        steps = [
            Reason(
                _("Een aspirant-partnerschap krijgt een vast bedrag: %(amount)s."),
                {"amount": euro(rates.aspirant_fixed_amount)},
            )
        ]
        return _reduce(
            Estimate(school_year, basis_year, ASPIRANT, counted, None, warnings=tuple(warnings)),
            Fraction(rates.aspirant_fixed_amount),
            rates,
            steps,
        )
    if counted is None:
        reason = Reason(
            _(
                "Voor %(basis)s zijn geen studenten vastgelegd. De subsidie van %(year)s rust op de telling van "
                "%(basis)s; zonder die telling is er geen raming."
            ),
            {"basis": basis_year, "year": school_year},
        )
        return Estimate(school_year, basis_year, NO_COUNT, None, None, steps=(reason,), warnings=tuple(warnings))
    if counted < rates.minimum_students:
        reason = Reason(
            _(
                "In %(basis)s telden %(counted)s studenten mee, minder dan het minimum van %(minimum)s. Daarom is er "
                "in %(year)s geen subsidie: de bekostiging stopt het jaar na een telling onder het minimum."
            ),
            {
                "basis": basis_year,
                "counted": str(counted),
                "minimum": str(rates.minimum_students),
                "year": school_year,
            },
        )
        return Estimate(
            school_year,
            basis_year,
            BELOW_MINIMUM,
            counted,
            Decimal("0.00"),
            gross=Decimal("0.00"),
            steps=(reason,),
            warnings=tuple(warnings),
        )
    per_student = Fraction(rates.per_student_amount) * counted
    gross = Fraction(rates.fixed_amount) + per_student
    steps = [
        Reason(
            _("Vast bedrag voor een erkend partnerschap: %(amount)s."),
            {"amount": euro(rates.fixed_amount)},
        ),
        Reason(
            _("%(counted)s getelde studenten in %(basis)s × %(rate)s = %(amount)s."),
            {
                "counted": str(counted),
                "basis": basis_year,
                "rate": euro(rates.per_student_amount),
                "amount": euro(per_student),
            },
        ),
        Reason(_("Samen: %(amount)s."), {"amount": euro(gross)}),
    ]
    return _reduce(
        Estimate(school_year, basis_year, RECOGNISED, counted, None, warnings=tuple(warnings)), gross, rates, steps
    )


def _reduce(base: Estimate, gross: Fraction, rates: Rates, steps: list[Reason]) -> Estimate:
    """The amount after the pro-rata reduction, if the national budget was exceeded."""
    factor = rates.factor
    amount = gross * factor if factor is not None else gross
    if factor is not None:
        steps.append(
            Reason(
                _(
                    "Landelijk is %(requested)s aangevraagd, meer dan het budget van %(budget)s. Elk bedrag gaat "
                    "daarom naar verhouding omlaag: × %(factor)s (budget gedeeld door aangevraagd). Na verlaging: "
                    "%(amount)s."
                ),
                {
                    "requested": euro(rates.national_requested or 0),
                    "budget": euro(rates.national_budget or 0),
                    "factor": factor_text(factor),
                    "amount": euro(amount),
                },
            )
        )
    return Estimate(
        base.school_year,
        base.basis_year,
        base.state,
        base.counted,
        _cents(amount),
        gross=_cents(gross),
        factor=factor,
        steps=tuple(steps),
        warnings=base.warnings,
    )


# --- the distribution -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Key:
    """The allocation key, in percent: the central share first, then three weights that add up to 100."""

    central_share: Decimal = Decimal(0)
    weight_students: Decimal = Decimal(100)
    weight_clusters: Decimal = Decimal(0)
    weight_fixed: Decimal = Decimal(0)


@dataclass(frozen=True)
class Recipient:
    """A partner that can receive money: its counted students and clusters, and its fixed share (percent)."""

    id: int
    name: str
    students: int = 0
    clusters: int = 0
    fixed_share: Decimal = Decimal(0)


@dataclass(frozen=True)
class Part:
    kind: str  # CENTRAL, STUDENTS, CLUSTERS or FIXED
    amount: Decimal
    reason: Reason
    rounding: Decimal = Decimal(0)  # the cent added by rounding (0 or 0.01)


@dataclass(frozen=True)
class Share:
    recipient: Recipient
    parts: tuple[Part, ...]

    @property
    def amount(self) -> Decimal:
        return sum((p.amount for p in self.parts), Decimal("0.00"))


@dataclass(frozen=True)
class Distribution:
    total: Decimal
    key: Key
    central: tuple[Part, ...]
    shares: tuple[Share, ...]
    notes: tuple[Reason, ...] = ()

    @property
    def central_amount(self) -> Decimal:
        return sum((p.amount for p in self.central), Decimal("0.00"))

    @property
    def distributed(self) -> Decimal:
        return self.central_amount + sum((s.amount for s in self.shares), Decimal("0.00"))


@dataclass
class _Item:
    owner: int | None  # index into recipients; None: the central part
    kind: str
    exact: Fraction
    reason: Reason
    cents: int = 0
    extra: int = 0


TO_CENTRAL = {
    STUDENTS: _("%(weight)s naar geplaatste studenten van %(rest)s: niemand om het aan toe te rekenen, dus centraal"),
    CLUSTERS: _("%(weight)s naar opleidingsclusters van %(rest)s: niemand om het aan toe te rekenen, dus centraal"),
    FIXED: _("%(weight)s naar vaste aandelen van %(rest)s: niemand om het aan toe te rekenen, dus centraal"),
}


def distribute(total: Decimal, key: Key, recipients: list[Recipient], *, unassigned: int = 0) -> Distribution:
    """`total` (whole cents) over the central part and `recipients` by `key`. `unassigned`: counted students that
    could not be attributed to a partner (they are left out of the per-student division)."""
    if key.weight_students + key.weight_clusters + key.weight_fixed != 100 or not 0 <= key.central_share <= 100:
        raise ValueError("the weights of an allocation key add up to 100 and the central share lies in 0..100")
    if total < 0 or total != total.quantize(CENT):
        raise ValueError("the total is a non-negative amount in whole cents")
    whole = Fraction(total)
    central = whole * Fraction(key.central_share) / HUNDRED
    rest = whole - central
    items: list[_Item] = []
    notes: list[Reason] = []
    if key.central_share:
        items.append(
            _Item(
                None,
                CENTRAL,
                central,
                Reason(
                    _("%(share)s centraal deel van %(total)s"),
                    {"share": percent(key.central_share), "total": euro(total)},
                ),
            )
        )
    units = {
        STUDENTS: [Fraction(r.students) for r in recipients],
        CLUSTERS: [Fraction(r.clusters) for r in recipients],
        FIXED: [Fraction(r.fixed_share) for r in recipients],
    }
    weights = {STUDENTS: key.weight_students, CLUSTERS: key.weight_clusters, FIXED: key.weight_fixed}
    for kind, weight in weights.items():
        if not weight:
            continue
        pot = rest * Fraction(weight) / HUNDRED
        counts = units[kind]
        sum_units = sum(counts)
        if not sum_units:
            reason = Reason(TO_CENTRAL[kind], {"weight": percent(weight), "rest": euro(rest)})
            items.append(_Item(None, kind, pot, reason))
            notes.append(_empty_component_note(kind, weight))
            continue
        for index, n in enumerate(counts):
            if not n:
                continue
            portion = n / sum_units
            items.append(_Item(index, kind, pot * portion, _part_reason(kind, n, sum_units, portion, weight, rest)))
    if unassigned and key.weight_students:
        assigned = sum(r.students for r in recipients)
        notes.append(
            Reason(
                _(
                    "%(unassigned)s getelde studenten zijn niet aan een partner toe te rekenen: ze hebben geen school, "
                    "of hun school en haar bestuur zijn geen partner. Het deel naar geplaatste studenten is verdeeld "
                    "over de %(assigned)s studenten die wel aan een partner zijn toe te rekenen."
                ),
                {"unassigned": str(unassigned), "assigned": str(assigned)},
            )
        )
    notes += _round(items, total)
    central_parts = tuple(_part(i) for i in items if i.owner is None)
    shares = tuple(
        Share(recipient, tuple(_part(i) for i in items if i.owner == index))
        for index, recipient in enumerate(recipients)
    )
    return Distribution(total, key, central_parts, shares, tuple(notes))


def _part_reason(kind: str, n: Fraction, whole: Fraction, portion: Fraction, weight: Decimal, rest: Fraction) -> Reason:
    params = {
        "n": str(n.numerator) if n.denominator == 1 else percent(n),
        "of": str(whole.numerator) if whole.denominator == 1 else percent(whole),
        "portion": percent(portion * HUNDRED),
        "weight": percent(weight),
        "overall": percent(portion * Fraction(weight)),
        "rest": euro(rest),
    }
    if kind == STUDENTS:
        template = _(
            "%(n)s van %(of)s toegerekende studenten = %(portion)s × %(weight)s naar studenten = %(overall)s van "
            "%(rest)s"
        )
    elif kind == CLUSTERS:
        template = _("%(n)s van %(of)s clusters = %(portion)s × %(weight)s naar clusters = %(overall)s van %(rest)s")
    else:
        template = _("vast aandeel %(portion)s × %(weight)s naar vaste aandelen = %(overall)s van %(rest)s")
    return Reason(template, params)


def _empty_component_note(kind: str, weight: Decimal) -> Reason:
    templates = {
        STUDENTS: _(
            "Geen enkele getelde student is aan een partner toe te rekenen. Het deel naar geplaatste studenten "
            "(%(weight)s) gaat daarom naar het centrale deel."
        ),
        CLUSTERS: _(
            "Er zijn geen opleidingsclusters van partners. Het deel naar opleidingsclusters (%(weight)s) gaat daarom "
            "naar het centrale deel."
        ),
        FIXED: _(
            "Er zijn geen vaste aandelen vastgelegd. Het deel naar vaste aandelen (%(weight)s) gaat daarom naar het "
            "centrale deel."
        ),
    }
    return Reason(templates[kind], {"weight": percent(weight)})


def _round(items: list[_Item], total: Decimal) -> list[Reason]:
    """Largest remainder: every part rounded down to cents, the cents left over one each to the largest remainders."""
    total_cents = int((total / CENT).to_integral_value())
    remainders = []
    for position, item in enumerate(items):
        cents = item.exact * 100
        item.cents = math.floor(cents)
        remainders.append((cents - item.cents, -position, item))
    left = total_cents - sum(i.cents for i in items)
    if left <= 0 or not items:
        return []
    for _remainder, _position, item in sorted(remainders, key=lambda r: (r[0], r[1]), reverse=True)[:left]:
        item.extra = 1
    return [
        Reason(
            _(
                "Afronding: elk deel is naar beneden afgerond op hele centen; de %(cents)s overgebleven cent(en) "
                "gaan elk naar het deel met de grootste afrondingsrest (in de tabel gemarkeerd met +€ 0,01)."
            ),
            {"cents": str(left)},
        )
    ]


def _part(item: _Item) -> Part:
    amount = (Decimal(item.cents + item.extra) * CENT).quantize(CENT, rounding=ROUND_DOWN)
    return Part(item.kind, amount, item.reason, Decimal(item.extra) * CENT)
