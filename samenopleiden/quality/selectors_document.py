"""Reads of the document part: the document page, completeness per safeguard, and the live data blocks.

A live data block is a line of its own in a section's text, such as `[[gegevens:profiel]]`. It is filled from the
platform when the page is shown and when the document is exported, so it never goes stale. Blocks hold totals
only; the block with student counts is left out for who may not read the partnership's student totals.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from samenopleiden.registry.models import Body, Credential, Partnership, Role, RoleAssignment

from .models import CoreDocument, CoreSection, Element, MinimumItem, Safeguard, SectionComment

MARKER = re.compile(r"^\s*\[\[gegevens:([a-z-]+)\]\]\s*$")

BLOCK_KEYS = ("profiel", "capaciteit", "categorieen", "organisatie", "rollen", "bekwaamheden")


def block_names() -> dict[str, str]:
    return {
        "profiel": _("Profiel van het partnerschap"),
        "capaciteit": _("Capaciteit: opleidingsplaatsen per cluster"),
        "categorieen": _("Categorieën studenten op de peildatum"),
        "organisatie": _("Organisatie: gremia en hun leden"),
        "rollen": _("Rollen en facilitering per student"),
        "bekwaamheden": _("Bekwaamheden: scholing van begeleiders en opleiders"),
    }


CATEGORY_TEXTS = {
    "a": gettext_noop("hbo-lerarenopleiding, ten minste 40 procent in de praktijk"),
    "b": gettext_noop("eenjarig hbo-programma, ten minste 50 procent in de praktijk"),
    "c": gettext_noop("wo-master van 60 EC, ten minste 40 procent in de praktijk"),
    "d": gettext_noop("wo-master van 120 EC, ten minste 25 procent in de praktijk"),
    "e": gettext_noop("wo-lerarenopleiding po van 180 EC, ten minste 40 procent in de praktijk"),
    "f": gettext_noop("wo-bachelor met educatieve minor, ten minste 15 EC in de praktijk"),
    "g": gettext_noop("zij-instromer met geschiktheidsverklaring, benoemd als leraar"),
    "h": gettext_noop("benoemd als leraar en tegelijk in opleiding"),
}


@dataclass
class LiveBlock:
    key: str
    title: str
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    note: str = ""


def split_body(text: str) -> list[tuple[str, str]]:
    """The text in pieces: ("md", markdown) and ("block", key) for each marker line."""
    pieces: list[tuple[str, str]] = []
    lines: list[str] = []
    for line in (text or "").splitlines():
        match = MARKER.match(line)
        if match:
            if lines:
                pieces.append(("md", "\n".join(lines)))
                lines = []
            pieces.append(("block", match.group(1)))
        else:
            lines.append(line)
    if lines:
        pieces.append(("md", "\n".join(lines)))
    return pieces


def block_keys_in(text: str) -> set[str]:
    return {key for kind, key in split_body(text) if kind == "block"}


def _year(today: dt.date) -> str:
    from samenopleiden.students import schoolyear

    return schoolyear.current(today)


def _profile(partnership: Partnership, today: dt.date) -> LiveBlock:
    from samenopleiden.registry.models import Membership

    members = Membership.objects.filter(partnership=partnership).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today)
    )
    counts = members.aggregate(
        boards=Count("pk", filter=Q(board__isnull=False)),
        schools=Count("pk", filter=Q(school__isnull=False, role="partner")),
        satellites=Count("pk", filter=Q(school__isnull=False, role="satellite")),
        aspirants=Count("pk", filter=Q(school__isnull=False, role="aspirant")),
        institutes=Count("pk", filter=Q(institute__isnull=False)),
    )
    institutes = ", ".join(
        members.filter(institute__isnull=False).order_by("institute__name").values_list("institute__name", flat=True)
    )
    due = partnership.next_peer_review_due
    rows = [
        [_("Naam"), partnership.name],
        [_("Sector"), ", ".join(partnership.sectors).upper() or "–"],
        [_("Status"), partnership.get_status_display()],
        [_("Laatste peer review"), f"{partnership.last_peer_review:%d-%m-%Y}" if partnership.last_peer_review else "–"],
        [_("Volgende peer review uiterlijk"), f"{due:%d-%m-%Y}" if due else "–"],
        [_("Besturen"), str(counts["boards"])],
        [_("Partnerscholen"), str(counts["schools"])],
        [_("Aspirant-partnerscholen"), str(counts["aspirants"])],
        [_("Satellietscholen"), str(counts["satellites"])],
        [_("Lerarenopleidingen"), institutes or "–"],
        [_("Clusters"), str(partnership.clusters.count())],
    ]
    if partnership.website:
        rows.append([_("Website"), partnership.website])
    return LiveBlock("profiel", "", [_("Gegeven"), _("Waarde")], rows)


def _capacity(partnership: Partnership, today: dt.date) -> LiveBlock:
    from samenopleiden.placements.models import CapacityOffer

    year = _year(today)
    offered: dict[int, int] = {
        row["school_id"]: row["total"]
        for row in CapacityOffer.objects.filter(partnership=partnership, school_year=year)
        .values("school_id")
        .annotate(total=Sum("places"))
    }
    rows = []
    total_target = total_offered = 0
    clusters = partnership.clusters.prefetch_related("schools").order_by("name")
    in_cluster: set[int] = set()
    for cluster in clusters:
        school_ids = [s.pk for s in cluster.schools.all()]
        in_cluster |= set(school_ids)
        places = sum(offered.get(pk, 0) for pk in school_ids)
        total_target += cluster.target_places
        total_offered += places
        rows.append([cluster.name, str(len(school_ids)), str(cluster.target_places), str(places)])
    outside = sum(v for k, v in offered.items() if k not in in_cluster)
    if outside:
        total_offered += outside
        rows.append([_("Scholen buiten een cluster"), "", "", str(outside)])
    rows.append([_("Totaal"), "", str(total_target), str(total_offered)])
    return LiveBlock(
        "capaciteit",
        "",
        [_("Cluster"), _("Scholen"), _("Beoogde plaatsen"), _("Aangeboden %(year)s") % {"year": year}],
        rows,
    )


def _categories(partnership: Partnership, today: dt.date) -> LiveBlock:
    from samenopleiden.students.selectors import category_counts

    year = _year(today)
    counts = category_counts(partnership, year)
    rows = [[letter, _(CATEGORY_TEXTS[letter]), str(counts.get(letter, 0))] for letter in CATEGORY_TEXTS]
    rows.append(["–", _("telt niet mee voor de regeling"), str(counts.get("", 0))])
    return LiveBlock(
        "categorieen",
        "",
        [_("Categorie"), _("Omschrijving"), _("Studenten")],
        rows,
        _("Studenten op de peildatum van %(year)s, zoals het platform ze telt.") % {"year": year},
    )


def _organisation(partnership: Partnership, today: dt.date) -> LiveBlock:
    bodies = Body.objects.filter(partnership=partnership).prefetch_related("seats__person").order_by("kind", "name")
    rows = []
    for body in bodies:
        seats = list(body.seats.all())
        chair = ", ".join(str(s.person) for s in seats if s.seat_role == "chair") or "–"
        rows.append([body.name, body.get_kind_display(), chair, str(len(seats)), body.description])
    lead_names = ", ".join(
        sorted(
            {
                str(r.person)
                for r in RoleAssignment.objects.filter(partnership=partnership, role=Role.PROGRAMME_LEAD)
                .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
                .select_related("person")
            }
        )
    )
    note = _("Programmaleiding: %(names)s.") % {"names": lead_names} if lead_names else ""
    return LiveBlock("organisatie", "", [_("Gremium"), _("Soort"), _("Voorzitter"), _("Leden"), _("Taak")], rows, note)


def _people_per_role(partnership: Partnership, today: dt.date) -> dict[str, set[int]]:
    people: dict[str, set[int]] = defaultdict(set)
    for role, person_id in (
        RoleAssignment.objects.filter(partnership=partnership)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .filter(Q(start_date__isnull=True) | Q(start_date__lte=today))
        .values_list("role", "person_id")
    ):
        people[role].add(person_id)
    return people


def _roles(partnership: Partnership, today: dt.date) -> LiveBlock:
    local = dict(partnership.role_names.values_list("role", "local_name"))
    norms = {n.role: n for n in partnership.facilitation_norms.all()}
    people = _people_per_role(partnership, today)
    rows = []
    for value, label in Role.choices:
        if value in (Role.PLACEMENT_OFFICE,):
            continue
        if not people.get(value) and value not in norms:
            continue
        norm = norms.get(value)
        rows.append(
            [
                str(label),
                local.get(value, ""),
                str(len(people.get(value, ()))),
                f"{norm.hours_per_student.normalize():f}".replace(".", ",") if norm else "–",
                norm.note if norm else "",
            ]
        )
    return LiveBlock(
        "rollen",
        "",
        [_("Rol"), _("Eigen benaming"), _("Mensen"), _("Uren per student per jaar"), _("Toelichting")],
        rows,
    )


# which credential shows that people in a role are trained for it
CREDENTIAL_FOR_ROLE = [
    (Role.WORKPLACE_SUPERVISOR, Credential.Kind.SUPERVISION),
    (Role.SCHOOL_TEACHER_EDUCATOR, Credential.Kind.BRLO),
    (Role.INSTITUTE_TEACHER_EDUCATOR, Credential.Kind.BRLO),
    (Role.ASSESSOR, Credential.Kind.ASSESSOR),
]


def _credentials(partnership: Partnership, today: dt.date) -> LiveBlock:
    people = _people_per_role(partnership, today)
    valid: dict[str, set[int]] = defaultdict(set)
    for kind, person_id in (
        Credential.objects.filter(partnership=partnership)
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))
        .values_list("kind", "person_id")
    ):
        valid[kind].add(person_id)
    kinds = dict(Credential.Kind.choices)
    roles = dict(Role.choices)
    rows = []
    for role, kind in CREDENTIAL_FOR_ROLE:
        everyone = people.get(role, set())
        if not everyone:
            continue
        trained = len(everyone & valid[kind])
        share = round(100 * trained / len(everyone))
        rows.append([str(roles[role]), str(kinds[kind]), f"{trained} / {len(everyone)}", f"{share}%"])
    return LiveBlock(
        "bekwaamheden",
        "",
        [_("Rol"), _("Bekwaamheid"), _("Met geldige bekwaamheid"), _("Aandeel")],
        rows,
        _("Geteld op %(day)s; verlopen bekwaamheden tellen niet mee.") % {"day": f"{today:%d-%m-%Y}"},
    )


BUILDERS = {
    "profiel": _profile,
    "capaciteit": _capacity,
    "categorieen": _categories,
    "organisatie": _organisation,
    "rollen": _roles,
    "bekwaamheden": _credentials,
}


def live_block(partnership: Partnership, key: str, *, today: dt.date, with_students: bool = True) -> LiveBlock:
    """The block for `key`, filled now. An unknown key or one the reader may not see gives a block with a note."""
    names = block_names()
    if key not in BUILDERS:
        return LiveBlock(
            key, _("Onbekend gegevensblok"), note=_("‘%(key)s’ is geen gegevensblok van het platform.") % {"key": key}
        )
    if key == "categorieen" and not with_students:
        return LiveBlock(
            key,
            names[key],
            note=_("Studentenaantallen zijn zichtbaar voor de programmaleider, de stuurgroep en de stagebureaus."),
        )
    block = BUILDERS[key](partnership, today)
    block.title = names[key]
    if not block.rows and not block.note:
        block.note = _("Het platform heeft hiervoor nog geen gegevens.")
    return block


def live_blocks(partnership: Partnership, keys: set[str], *, today: dt.date, with_students: bool) -> dict[str, Any]:
    """Every block named in `keys`, each built once."""
    return {key: live_block(partnership, key, today=today, with_students=with_students) for key in keys}


# --- the document page --------------------------------------------------------------------------------------------


def document_of(partnership: Partnership) -> CoreDocument | None:
    return (
        CoreDocument.objects.filter(partnership=partnership)
        .select_related("project_lead")
        .prefetch_related("writing_group")
        .first()
    )


def sections_of(document: CoreDocument) -> list[CoreSection]:
    open_comments = Count("comments", filter=Q(comments__resolved=False, comments__parent__isnull=True))
    return list(
        document.sections.select_related("safeguard", "element", "writer")
        .annotate(open_comments=open_comments)
        .order_by("safeguard__number", "element__order", "order", "pk")
    )


@dataclass
class SafeguardRow:
    safeguard: Safeguard
    sections: list = field(default_factory=list)
    empty: list = field(default_factory=list)
    open_questions: list = field(default_factory=list)  # (section, question)
    questions_total: int = 0
    words: int = 0
    adopted: int = 0

    @property
    def questions_addressed(self) -> int:
        return self.questions_total - len(self.open_questions)


def by_safeguard(sections: list[CoreSection]) -> list[SafeguardRow]:
    from samenopleiden.core.markdown import word_count

    rows = {s.pk: SafeguardRow(s) for s in Safeguard.objects.order_by("number")}
    for section in sections:
        row = rows.setdefault(section.safeguard_id, SafeguardRow(section.safeguard))
        section.words = word_count(section.body)
        row.sections.append(section)
        row.words += section.words
        if not (section.body or "").strip():
            row.empty.append(section)
        if section.status == CoreSection.Status.ADOPTED:
            row.adopted += 1
        questions = section.questions
        row.questions_total += len(questions)
        done = set(section.addressed or [])
        row.open_questions += [(section, q) for q in questions if q not in done]
    return list(rows.values())


def completeness(document: CoreDocument) -> dict[str, Any]:
    sections = sections_of(document)
    rows = by_safeguard(sections)
    minimum = list(MinimumItem.objects.order_by("order"))
    met = set(document.minimum_met or [])
    total_q = sum(r.questions_total for r in rows)
    open_q = sum(len(r.open_questions) for r in rows)
    return {
        "rows": rows,
        "sections": sections,
        "minimum": [(item, item.code in met) for item in minimum],
        "minimum_open": sum(1 for item in minimum if item.code not in met),
        "empty": sum(len(r.empty) for r in rows),
        "questions_total": total_q,
        "questions_open": open_q,
        "words": sum(r.words for r in rows),
        "adopted": sum(r.adopted for r in rows),
        "count": len(sections),
    }


def status_counts(document: CoreDocument) -> dict[str, int]:
    counts = dict(document.sections.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return {value: counts.get(value, 0) for value in CoreSection.Status.values}


def comments_of(section: CoreSection) -> list[SectionComment]:
    """Threads: top-level comments with their replies."""
    return list(
        section.comments.filter(parent__isnull=True).prefetch_related(
            Prefetch("replies", queryset=SectionComment.objects.order_by("created_at", "pk"))
        )
    )


def elements_by_safeguard() -> list[tuple[Safeguard, list[Element]]]:
    safeguards = list(Safeguard.objects.order_by("number").prefetch_related("elements"))
    return [(s, list(s.elements.all())) for s in safeguards]
