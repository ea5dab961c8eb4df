"""Every sentence the engine shows a person, in Dutch, in one place.

The engine imports nothing from Django, yet the platform translates its texts with gettext. So each template is
wrapped in the module-level no-op `_` below: Django's `makemessages` extracts `_("...")` from Python files, and
the Django layer renders a `Reason` with `reason.text(gettext)` to get the translation. A `Reason` is data
(a code and its parameters), so results can be stored as JSON and rendered later in another language.
Placeholders are `str.format` names; translations must keep them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field


def _(text: str) -> str:
    """Marks a template for extraction by makemessages; translation happens when the text is rendered."""
    return text


TEMPLATES: dict[str, str] = {
    # Outcome of one student (the start of the explanation).
    "placed_wish": _("Geplaatst op je {rank}e wens ({school})"),
    "placed_market": _("Geplaatst op je {rank}e wens ({school}) in de marktronde"),
    "placed_outside": _("Geplaatst buiten je wensen op {school}"),
    "placed_after_market": _("Na de marktronde geplaatst buiten je wensen op {school}"),
    "placed_locked": _("Vastgezet door het stagebureau op {school}"),
    "unplaced_no_options": _("Niet geplaatst: geen enkele plaats voldoet aan al je voorwaarden"),
    "unplaced_full": _("Niet geplaatst: alle {count} aanbiedingen die bij je passen waren vol"),
    "unplaced_full_one": _("Niet geplaatst: de enige aanbieding die bij je past was vol"),
    "unplaced_market": _("Niet geplaatst in de marktronde"),
    "unplaced_no_wishes": _("Niet geplaatst: in de marktronde kom je alleen op scholen die je zelf opgeeft"),
    # Why not a higher wish: the wish itself does not fit the student.
    "wish_no_places": _("je {rank}e wens ({name}) biedt in deze ronde geen plaatsen aan"),
    "wish_no_subject": _("je {rank}e wens ({name}) heeft geen plaats voor {subject}"),
    "wish_period": _("je {rank}e wens ({name}) heeft in periode {period} geen plaats voor {subject}"),
    "wish_days": _("je {rank}e wens ({name}) vraagt je op {days}, en dan kun je niet"),
    "wish_reserved_only": _("de plaatsen op je {rank}e wens ({name}) zijn gereserveerd voor {category}"),
    "wish_not_accepted": _("je {rank}e wens ({name}) heeft je na de kennismaking niet geaccepteerd"),
    "wish_denomination": _("je {rank}e wens ({name}) is {denomination}, en je zocht {wanted}"),
    "wish_concept": _("je {rank}e wens ({name}) werkt met {concept}, en je zocht {wanted}"),
    "wish_distance": _("je {rank}e wens ({name}) ligt op {km} km, verder dan je maximum van {max_km} km"),
    "wish_forbidden": _("je {rank}e wens ({name}) is voor jou uitgesloten door het stagebureau"),
    # Why not a higher wish: it fitted, but a cap was reached.
    "wish_full": _("je {rank}e wens ({name}) was vol"),
    "wish_reserved_full": _("de vrije plaatsen op je {rank}e wens ({name}) zijn gereserveerd voor {category}"),
    "wish_school_full": _("je {rank}e wens ({name}) was als hele school vol (maximum {cap})"),
    "wish_cluster_full": _(
        "je {rank}e wens ({name}) hoort bij cluster {cluster}, en dat cluster was vol (maximum {cap})"
    ),
    "wish_partner_ceiling": _(
        "je {rank}e wens ({name}) hoort bij {partner}, dat het plafond van de verdeelsleutel bereikte (maximum {cap})"
    ),
    "wish_shortage_reserved": _("de vrije plaatsen bij je {rank}e wens ({name}) zijn gereserveerd voor tekortvakken"),
    "wish_quota_full": _("je {rank}e wens ({name}) had het maximum voor {subjects} bereikt (maximum {cap})"),
    # Why not a higher wish, market mode: others came first by the schools' own ranking.
    "wish_lost_ranking": _("je {rank}e wens ({name}) was vol met studenten die de school hoger rangschikte"),
    "wish_lost_lottery": _("je {rank}e wens ({name}) was vol; de school rangschikte niet, dus besliste de loting"),
    "wish_lost_cluster": _(
        "je {rank}e wens ({name}) hoort bij {scope}, dat vol zat met studenten die hun eigen school hoger rangschikte"
    ),
    # Why not a higher wish that still had room: the weighing of the objective.
    "wish_weighed_km": _("je {rank}e wens ({name}) had nog plaats, maar je school ligt {km} km dichterbij"),
    "wish_weighed_floor": _(
        "je {rank}e wens ({name}) had nog plaats, maar {partner} kwam volgens de verdeelsleutel nog plaatsen tekort"
    ),
    "wish_weighed_pressure": _("je {rank}e wens ({name}) had nog plaats, maar die sectie staat onder druk"),
    "wish_weighed_variety": _("je {rank}e wens ({name}) had nog plaats, maar is hetzelfde soort school als vorig jaar"),
    "wish_weighed": _("je {rank}e wens ({name}) had nog plaats, maar de totale afweging viel anders uit"),
    # An unplaced student without any suitable place: which filter removed how many places.
    "count_subject": _("{count} aanbiedingen zijn voor een ander vak dan {subject}"),
    "count_subject_one": _("1 aanbieding is voor een ander vak dan {subject}"),
    "count_period": _("{count} aanbiedingen zijn in een andere periode dan {period}"),
    "count_period_one": _("1 aanbieding is in een andere periode dan {period}"),
    "count_days": _("{count} aanbiedingen vragen je op een dag waarop je niet kunt"),
    "count_days_one": _("1 aanbieding vraagt je op een dag waarop je niet kunt"),
    "count_reserved_only": _("{count} aanbiedingen zijn gereserveerd voor een andere groep studenten"),
    "count_reserved_only_one": _("1 aanbieding is gereserveerd voor een andere groep studenten"),
    "count_not_accepted": _("{count} aanbiedingen zijn op scholen die je niet accepteerden"),
    "count_not_accepted_one": _("1 aanbieding is op een school die je niet accepteerde"),
    "count_denomination": _("{count} aanbiedingen zijn op scholen die niet {wanted} zijn"),
    "count_denomination_one": _("1 aanbieding is op een school die niet {wanted} is"),
    "count_concept": _("{count} aanbiedingen zijn op scholen zonder {wanted}"),
    "count_concept_one": _("1 aanbieding is op een school zonder {wanted}"),
    "count_distance": _("{count} aanbiedingen liggen verder dan {max_km} km"),
    "count_distance_one": _("1 aanbieding ligt verder dan {max_km} km"),
    "count_forbidden": _("{count} aanbiedingen zijn voor jou uitgesloten"),
    "count_forbidden_one": _("1 aanbieding is voor jou uitgesloten"),
    "count_no_offers": _("er is in deze ronde geen aanbod"),
    # Input errors: the round is refused as a whole.
    "no_offers": _("Deze ronde heeft geen aanbod: voeg eerst opleidingsplaatsen toe."),
    "no_students": _("Deze ronde heeft geen studenten."),
    "duplicate_id": _("De code '{id}' komt meer dan één keer voor bij {kind}."),
    "negative_places": _("Aanbod {offer} ({school}, {subject}) heeft {places} plaatsen; dat moet 0 of meer zijn."),
    "negative_capacity": _("{name} heeft een capaciteit van {capacity}; dat moet 0 of meer zijn."),
    "reserved_too_many": _("Aanbod {offer} reserveert {reserved} plaatsen, maar heeft er {places}."),
    "reserved_without_category": _("Aanbod {offer} reserveert plaatsen zonder te zeggen voor welke groep."),
    "unknown_offer_school": _("Aanbod {offer} hoort bij school '{school}', die niet in deze ronde zit."),
    "unknown_partner": _("{name} hoort bij bestuur '{partner}', dat niet in deze ronde zit."),
    "unknown_cluster": _("School {school} hoort bij cluster '{cluster}', dat niet in deze ronde zit."),
    "cluster_mixed_boards": _("Cluster {cluster} bevat scholen van een ander bestuur ({schools})."),
    "cluster_too_big": _("Cluster {cluster} heeft {count} scholen; het maximum is {maximum}."),
    "unknown_wish": _("De wens '{wish}' van {student} is geen school of cluster in deze ronde."),
    "unknown_ranking_school": _("Er is een rangschikking van school '{school}', die niet in deze ronde zit."),
    "unknown_ranking_student": _("School {school} rangschikt student '{student}', die niet in deze ronde zit."),
    "duplicate_ranking": _("School {school} heeft meer dan één rangschikking."),
    "unknown_day": _("{who} noemt de dag '{day}'; gebruik ma, di, wo, do of vr."),
    "bad_coordinates": _("{who} heeft ongeldige coördinaten ({lat}, {lon})."),
    "student_without_coordinates": _("{student} heeft een maximale reisafstand, maar geen coördinaten."),
    "school_without_coordinates": _(
        "School {school} heeft geen coördinaten, terwijl studenten een maximale reisafstand opgeven."
    ),
    "negative_max_km": _("{student} heeft een negatieve maximale reisafstand ({max_km} km)."),
    "negative_share": _("Bestuur {partner} heeft een negatief aandeel in de verdeelsleutel ({share})."),
    "floor_above_ceiling": _("Bestuur {partner} heeft een ondergrens ({floor}) boven het plafond ({ceiling})."),
    "subject_both_lists": _("'{subject}' staat zowel bij de tekortvakken als bij de overschotvakken."),
    "unknown_quota_scope": _("Quotum {quota} geldt voor '{scope}', dat geen school, cluster of bestuur hier is."),
    "shortage_reserved_too_many": _(
        "{name} reserveert {reserved} plaatsen voor tekortvakken, maar heeft er maar {capacity}."
    ),
    "unknown_lock_student": _("Een vastzetting of uitsluiting noemt student '{student}', die niet in deze ronde zit."),
    "unknown_lock_offer": _("Een vastzetting of uitsluiting van {student} noemt aanbod '{offer}', dat hier niet is."),
    "double_lock": _("{student} is meer dan eens vastgezet ({offers}); een student krijgt één plaats."),
    "lock_forbidden": _("{student} is vastgezet op aanbod {offer} en daar tegelijk van uitgesloten."),
    "lock_unsuitable": _("De vastzetting van {student} op {school} (aanbod {offer}) past niet: {reason}."),
    "locks_over_capacity_one": _("De vastgezette plaatsingen van {students} passen niet: {place} heeft 1 plaats."),
    "locks_over_capacity": _("De vastgezette plaatsingen van {students} passen niet: {place} heeft {cap} plaatsen."),
    "market_needs_nesting": _(
        "De marktronde werkt alleen met geneste capaciteiten (aanbod binnen school binnen cluster binnen bestuur), "
        "maar {first} en {second} overlappen gedeeltelijk."
    ),
    # Short phrases used inside other messages.
    "unsuitable_subject": _("het aanbod is voor {subject}"),
    "unsuitable_period": _("het aanbod is in periode {period}"),
    "unsuitable_days": _("het aanbod vraagt {days}"),
    "unsuitable_reserved_only": _("de plaatsen zijn gereserveerd voor {category}"),
    "unsuitable_not_accepted": _("de school heeft de student niet geaccepteerd"),
    "unsuitable_denomination": _("de school is {denomination}"),
    "unsuitable_concept": _("de school werkt met {concept}"),
    "unsuitable_distance": _("de school ligt op {km} km, verder dan {max_km} km"),
    "place_offer": _("{school} ({subject})"),
    "place_general": _("het niet-gereserveerde deel van {school} ({subject})"),
    "place_school": _("{school}"),
    "place_cluster": _("cluster {cluster}"),
    "place_partner": _("{partner} (plafond van de verdeelsleutel)"),
    "place_quota": _("quotum {quota}"),
    "kind_students": _("de studenten"),
    "kind_offers": _("het aanbod"),
    "kind_schools": _("de scholen"),
    "kind_clusters": _("de clusters"),
    "kind_partners": _("de besturen"),
    "kind_quotas": _("de quota"),
    "shortage_quota_name": _("tekortvakken bij {scope}"),
    "and": _("en"),
    "or": _("of"),
    "unknown_name": _("(onbekend)"),
    # Progress of a run, for the progress bar of the background task.
    "progress_validate": _("Invoer controleren"),
    "progress_candidates": _("Passende plaatsen per student zoeken"),
    "progress_market": _("Marktronde: studenten kiezen, scholen rangschikken"),
    "progress_optimise": _("Optimaliseren"),
    "progress_explain": _("Uitleg per student opstellen"),
    "progress_figures": _("Kengetallen berekenen"),
    "progress_done": _("Klaar"),
    # Command line.
    "cli_file_missing": _("Het bestand {path} bestaat niet."),
    "cli_not_json": _("{path} is geen geldige JSON (regel {line}, kolom {column})."),
    "cli_read_failed": _("Kan {path} niet lezen: {error}."),
    "cli_bad_weights": _("De gewichten in {path} kloppen niet: {names}."),
    "cli_rejected": _("De invoer is afgekeurd; er is geen resultaat geschreven:"),
    "cli_written": _("{placed} van {total} studenten geplaatst; resultaat geschreven naar {path}."),
    "cli_write_failed": _("Kan {path} niet schrijven: {error}."),
    "cli_usage_error": _("Fout in de opdracht: {error}"),
    # Reading JSON.
    "json_missing": _("{where}: het veld '{field}' ontbreekt."),
    "json_wrong_type": _("{where}: het veld '{field}' heeft een verkeerde waarde ({value})."),
    "json_not_object": _("{where}: hier hoort een object met velden."),
    "json_unknown": _("{where}: onbekend veld '{field}'."),
    "json_format": _("Onbekend bestandsformaat '{found}'; verwacht '{expected}'."),
}

DAY_NAMES: dict[str, str] = {
    "ma": _("maandag"),
    "di": _("dinsdag"),
    "wo": _("woensdag"),
    "do": _("donderdag"),
    "vr": _("vrijdag"),
}

Translate = Callable[[str], str]


def _identity(text: str) -> str:
    return text


OR_LISTS = frozenset({"wanted"})
"""List parameters that name alternatives ("openbaar of algemeen bijzonder"); other lists are joined with "en"."""


def _display(key: str, value: object, translate: Translate) -> str:
    """Numbers as a Dutch reader writes them (12,5 km) and lists as a sentence, in the reader's language."""
    if isinstance(value, Reason):
        return value.text(translate)
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    if isinstance(value, (list, tuple)):
        names = [translate(DAY_NAMES[item]) if key == "days" and item in DAY_NAMES else str(item) for item in value]
        return join(names, "or" if key in OR_LISTS else "and", translate)
    return str(value)


@dataclass(frozen=True)
class Reason:
    """One explanation or error as data: `code` names a template above, `params` fill it."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def template(self) -> str:
        return TEMPLATES[self.code]

    def text(self, translate: Translate | None = None) -> str:
        translate = translate or _identity
        return translate(self.template).format(
            **{key: _display(key, value, translate) for key, value in self.params.items()}
        )

    def to_dict(self, with_text: bool = True) -> dict[str, object]:
        """JSON-ready; a Reason inside the parameters (a place name, a short phrase) becomes a nested dict."""
        params = {k: v.to_dict(with_text=False) if isinstance(v, Reason) else v for k, v in self.params.items()}
        return {"code": self.code, "params": params, **({"text": self.text()} if with_text else {})}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Reason:
        params = data.get("params") or {}
        if not isinstance(params, Mapping):
            raise TypeError(f"params of {data.get('code')} is not an object")
        return cls(
            str(data["code"]),
            {k: cls.from_dict(v) if isinstance(v, Mapping) and "code" in v else v for k, v in params.items()},
        )


@dataclass(frozen=True)
class Explanation:
    """Why a student ended where they did: the outcome, then one reason per better wish (or per filter)."""

    outcome: Reason
    why_not: tuple[Reason, ...] = ()

    def text(self, translate: Translate | None = None) -> str:
        head = self.outcome.text(translate)
        if not self.why_not:
            return head + "."
        return head + ": " + "; ".join(reason.text(translate) for reason in self.why_not) + "."


def counted(code: str, count: int, **params: object) -> Reason:
    """The singular template (code + "_one") when the count is 1 and there is one: "1 aanbieding is"."""
    if count == 1 and f"{code}_one" in TEMPLATES:
        return Reason(f"{code}_one", params)
    return Reason(code, {"count": count, **params})


def text(code: str, translate: Translate | None = None, **params: object) -> str:
    """Render a template directly, for messages that are not kept as data (progress, command line)."""
    return Reason(code, params).text(translate)


def join(items: Iterable[str], word: str = "and", translate: Translate | None = None) -> str:
    """ "A, B en C" (or "A of B"): how a sentence lists names."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {(translate or _identity)(TEMPLATES[word])} " + items[-1]
