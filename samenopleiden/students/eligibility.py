"""Which category (a–h) of the Regeling tegemoetkoming kosten opleidingsscholen a student counts in, or why the
student does not count. A pure function of the facts the institute supplies; no Django.

The eight categories (seed 004, section 3.1):

- a: an hbo teacher-education programme, at least 40% of the curriculum in practice;
- b: the one-year hbo programme of art. 5.2a part b WSF 2000, at least 50% in practice;
- c: a university master of 60 EC leading to the teaching profession, at least 40% in practice;
- d: a university master of 120 EC that also prepares for teaching in pre-university or primary education, at
  least 25% in practice;
- e: a university teacher-education programme of 180 EC for primary education, at least 40% in practice;
- f: a university bachelor with an educational minor, at least 15 EC of the curriculum in practice;
- g: someone appointed as teacher on the basis of a suitability statement (geschiktheidsverklaring) who follows
  higher education other than as extraneus, or the statutory training for side-entrants;
- h: someone appointed as teacher who at the same time follows a programme of a–e or the minor of f.

Two choices are made here and said in every explanation they affect:
- h refers to the programmes of a–f, not to their minimum share of practice: a teacher's own job is the
  practice, which is why h exists beside a–f.
- A student who fits more than one category counts once, in the first category of the regulation that fits
  (a before h). The others are reported with it.

Sentences are templates marked with `_` (a no-op here, so that makemessages finds them); the Django layer shows
them with `Reason.text(gettext)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal


def _(text: str) -> str:
    return text


# The programme types of the import (the `opleidingstype` column) and their names in explanations.
HBO_BACHELOR = "hbo-bachelor"
HBO_ONE_YEAR = "hbo-eenjarig"
WO_MASTER_60 = "wo-master-60"
WO_MASTER_120 = "wo-master-120"
WO_BACHELOR_180_PO = "wo-bachelor-180-po"
WO_EDUCATIONAL_MINOR = "wo-educatieve-minor"
OTHER = "overig"

PROGRAMME_NAMES = {
    HBO_BACHELOR: _("hbo-bachelor"),
    HBO_ONE_YEAR: _("eenjarig hbo-programma (art. 5.2a onder b WSF 2000)"),
    WO_MASTER_60: _("wo-master van 60 EC"),
    WO_MASTER_120: _("wo-master van 120 EC"),
    WO_BACHELOR_180_PO: _("wo-lerarenopleiding po van 180 EC"),
    WO_EDUCATIONAL_MINOR: _("wo-bachelor met educatieve minor"),
    OTHER: _("overige opleiding"),
}
PROGRAMME_TYPES = tuple(PROGRAMME_NAMES)
CATEGORIES = ("a", "b", "c", "d", "e", "f", "g", "h")


@dataclass(frozen=True)
class Facts:
    programme_type: str
    practice_percentage: Decimal | None = None
    practice_ec: Decimal | None = None
    appointed_as_teacher: bool = False
    suitability_statement: bool = False
    external: bool = False


@dataclass(frozen=True)
class Reason:
    template: str
    params: dict[str, str] = field(default_factory=dict)

    def text(self, gettext: Callable[[str], str] = lambda s: s) -> str:
        params = {k: (gettext(v) if k == "programme" else v) for k, v in self.params.items()}
        return gettext(self.template) % params


@dataclass(frozen=True)
class Practice:
    """A category of a–f: one programme type and its minimum practice (a percentage, or for f credits)."""

    category: str
    programme_type: str
    minimum: Decimal
    in_ec: bool = False


PRACTICE_RULES = (
    Practice("a", HBO_BACHELOR, Decimal(40)),
    Practice("b", HBO_ONE_YEAR, Decimal(50)),
    Practice("c", WO_MASTER_60, Decimal(40)),
    Practice("d", WO_MASTER_120, Decimal(25)),
    Practice("e", WO_BACHELOR_180_PO, Decimal(40)),
    Practice("f", WO_EDUCATIONAL_MINOR, Decimal(15), in_ec=True),
)
RULE_FOR_PROGRAMME = {rule.programme_type: rule for rule in PRACTICE_RULES}


@dataclass(frozen=True)
class Decision:
    category: str | None  # "a".."h", or None: the student does not count
    reason: Reason  # why this category, or why none
    also: tuple[str, ...] = ()  # other categories that fit as well
    choice: Reason | None = None  # why `category` was chosen over `also`
    notes: tuple[Reason, ...] = ()  # why the other routes (g, h) do not apply, when they come close

    @property
    def counts(self) -> bool:
        return self.category is not None


def number(value: Decimal) -> str:
    """35 -> '35', 37.5 -> '37,5' (Dutch decimal comma, no trailing zeros)."""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def _practice(rule: Practice, facts: Facts) -> tuple[bool, Reason]:
    params = {"programme": PROGRAMME_NAMES[rule.programme_type], "category": rule.category}
    params["minimum"] = number(rule.minimum)
    value = facts.practice_ec if rule.in_ec else facts.practice_percentage
    if value is None:
        if rule.in_ec:
            return False, Reason(
                _(
                    "%(programme)s zonder opgave van de EC in de praktijk; categorie %(category)s vraagt minimaal "
                    "%(minimum)s EC in de praktijk. Vul het aantal EC in."
                ),
                params,
            )
        return False, Reason(
            _(
                "%(programme)s zonder percentage praktijk; categorie %(category)s vraagt minimaal %(minimum)s%% van "
                "het curriculum in de praktijk. Vul het percentage in."
            ),
            params,
        )
    params["value"] = number(value)
    if rule.in_ec:
        if value >= rule.minimum:
            return True, Reason(
                _("Categorie %(category)s: %(programme)s met %(value)s EC in de praktijk (minimaal %(minimum)s EC)."),
                params,
            )
        return False, Reason(
            _("%(programme)s met %(value)s EC in de praktijk; categorie %(category)s vraagt minimaal %(minimum)s EC."),
            params,
        )
    if value >= rule.minimum:
        return True, Reason(
            _(
                "Categorie %(category)s: %(programme)s met %(value)s%% van het curriculum in de praktijk (minimaal "
                "%(minimum)s%%)."
            ),
            params,
        )
    return False, Reason(
        _("%(programme)s met %(value)s%% praktijk; categorie %(category)s vraagt minimaal %(minimum)s%%."),
        params,
    )


def _side_entry(facts: Facts) -> tuple[bool, Reason | None]:
    """Category g. The Reason explains a near miss (a statement without appointment, an extraneus); None when
    the student has nothing to do with g."""
    if not facts.suitability_statement:
        return False, None
    if not facts.appointed_as_teacher:
        return False, Reason(
            _("Wel een geschiktheidsverklaring, maar niet benoemd als leraar; categorie g vraagt allebei.")
        )
    if facts.external:
        return False, Reason(_("Extraneus: categorie g telt alleen wie het onderwijs volgt, niet een extraneus."))
    return True, Reason(
        _(
            "Categorie g: benoemd als leraar op grond van een geschiktheidsverklaring en volgt de opleiding niet als "
            "extraneus."
        )
    )


def _appointed(facts: Facts) -> tuple[bool, Reason | None]:
    """Category h."""
    if not facts.appointed_as_teacher:
        return False, None
    if facts.programme_type not in RULE_FOR_PROGRAMME:
        return False, Reason(
            _(
                "Benoemd als leraar, maar categorie h vraagt daarnaast een lerarenopleiding van a tot en met e of een "
                "educatieve minor (f); dit is een %(programme)s."
            ),
            {"programme": PROGRAMME_NAMES.get(facts.programme_type, PROGRAMME_NAMES[OTHER])},
        )
    return True, Reason(
        _(
            "Categorie h: benoemd als leraar en volgt tegelijk een %(programme)s (voor h geldt het minimum aan "
            "praktijk van die opleiding niet: het werk als leraar is de praktijk)."
        ),
        {"programme": PROGRAMME_NAMES[facts.programme_type]},
    )


def decide(facts: Facts) -> Decision:
    """The category the student counts in, or why not, with the other categories that fit."""
    fits: list[tuple[str, Reason]] = []
    misses: list[Reason] = []
    rule = RULE_FOR_PROGRAMME.get(facts.programme_type)
    if rule is not None:
        ok, reason = _practice(rule, facts)
        (fits.append((rule.category, reason)) if ok else misses.append(reason))
    for category, check in (("g", _side_entry), ("h", _appointed)):
        ok, reason = check(facts)
        if ok and reason is not None:
            fits.append((category, reason))
        elif reason is not None:
            misses.append(reason)
    if not fits:
        if not misses:
            misses.append(
                Reason(
                    _(
                        "%(programme)s, niet benoemd als leraar en zonder geschiktheidsverklaring: valt onder geen van "
                        "de categorieën a tot en met h."
                    ),
                    {"programme": PROGRAMME_NAMES.get(facts.programme_type, PROGRAMME_NAMES[OTHER])},
                )
            )
        return Decision(None, misses[0], notes=tuple(misses[1:]))
    fits.sort(key=lambda pair: CATEGORIES.index(pair[0]))
    chosen, reason = fits[0]
    also = tuple(category for category, _reason in fits[1:])
    choice = None
    if also:
        choice = Reason(
            _(
                "Past ook in categorie %(others)s. Een student telt één keer mee, in de eerste passende categorie van "
                "de regeling: %(chosen)s."
            ),
            {"others": ", ".join(also), "chosen": chosen},
        )
    return Decision(chosen, reason, also, choice, tuple(misses))
