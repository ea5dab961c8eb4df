"""Demo data of the growth module: the growth workspace, the variant matrix and onboarding of new partners.
`demo.py` combines the parts.

For the Groningen partnership: its region and catchment, a forecast of requested places, the regional tables it
sits at, its judgement of the variants it explores (more clusters within the current boards, new boards, working
with the mbo), and two candidates joining: a board well under way and a school with a late step. Idempotent:
natural keys and update_or_create; dates follow `today`.
"""

from __future__ import annotations

import datetime as dt

from samenopleiden.registry.models import Partnership, Role
from samenopleiden.students import schoolyear

from .models import Candidate, CandidateStep, GrowthProfile, GrowthVariant, PlacesForecast, RegionalTable, VariantScore
from .services import workspace as services
from .services.reference import load_reference_data

PROFILE = {
    "catchment": (
        "De stad Groningen en de dorpen eromheen, het Westerkwartier en de kop van Drenthe (Assen en omgeving). "
        "Studenten reizen vanaf de lesplaatsen Groningen (voltijd) en Assen (deeltijd); een cluster ligt binnen een "
        "half uur fietsen of reizen van elkaar."
    ),
    "education_region": (
        "De onderwijsregio's Groningen en Drenthe: de arbeidsmarktregio waarin de besturen hun leraren werven en "
        "waar de pabo's van NHL Stenden en de Hanze hun studenten vandaan halen."
    ),
    "regional_agenda": (
        "Het regionale actieplan tegen het lerarentekort richt zich op zij-instroom en op het vasthouden van "
        "starters. Het partnerschap wil zijn begeleiding van vierdejaars laten doorlopen in de begeleiding van "
        "startende leraren."
    ),
}

# (years ahead of the current school year, requested places, note)
FORECAST = [
    (0, 150, "Vraag van de pabo voor voltijd en deeltijd samen."),
    (1, 170, "Meer deeltijders uit Assen; vier besturen kunnen een cluster bijmaken."),
    (2, 190, ""),
    (4, 220, "Als alle voltijdstudenten via het partnerschap worden opgeleid."),
]

TABLES = [
    {
        "name": "Regionaal actieplan lerarentekort Groningen",
        "kind": "ral-rap",
        "position": "lid",
        "represented_by": "Programmaleider (bestuurskant)",
        "contact": "Secretariaat actieplan",
        "note": "Verdeelt middelen voor zij-instroom; het partnerschap levert de begeleiding.",
    },
    {
        "name": "Partnerschap Openbaar Opleiden Groningen",
        "kind": "partnerschap",
        "position": "toehoorder",
        "represented_by": "Programmaleiders",
        "contact": "Programmaleider OOG",
        "note": "Tweemaal per jaar afstemming over plaatsing, nu bijna een derde van de studenten een openbare "
        "school wil.",
    },
    {
        "name": "Overleg academische pabo",
        "kind": "netwerk",
        "position": "lid",
        "represented_by": "Instituutsopleider",
        "contact": "",
        "note": "Drie instellingen leiden samen de academische pabo-studenten op.",
    },
    {
        "name": "Onderwijsalliantie Noord-Drenthe",
        "kind": "alliantie",
        "position": "afwezig",
        "represented_by": "",
        "contact": "",
        "note": "Nog niet aan tafel; interessant voor groei in de kop van Drenthe.",
    },
]

SCORES = [
    (
        "capaciteit-huidige-partners",
        5,
        "Vier besturen hebben ruimte voor één extra cluster binnen de afspraken van het convenant: samen zo'n "
        "vijftig plaatsen erbij. De bestuurders beslissen zelf waar.",
    ),
    (
        "nieuwe-partners",
        4,
        "Werkt al jaren: de toetreding verloopt in vaste stappen. Wel letten op openbaar onderwijs, want de meeste "
        "partnerscholen zijn christelijk.",
    ),
    (
        "sectoroverstijgend",
        3,
        "Interprofessioneel opleiden met het mbo (onderwijsassistenten) is kansrijk, maar de studenten tellen niet "
        "allemaal mee voor de subsidie.",
    ),
    (
        "satellietscholen",
        2,
        "Past slecht bij ons uitgangspunt dat directeur en team volledig achter het concept staan.",
    ),
]


def load(*, today: dt.date) -> None:
    load_reference_data()
    partnership = Partnership.objects.filter(slug="groningen").first()
    if partnership is None:
        return
    GrowthProfile.objects.update_or_create(partnership=partnership, defaults=PROFILE)
    current = schoolyear.current(today)
    for ahead, places, note in FORECAST:
        PlacesForecast.objects.update_or_create(
            partnership=partnership,
            school_year=schoolyear.shift(current, ahead),
            defaults={"places": places, "note": note},
        )
    for row in TABLES:
        RegionalTable.objects.update_or_create(
            partnership=partnership, name=row["name"], defaults={k: v for k, v in row.items() if k != "name"}
        )
    variants = {v.code: v for v in GrowthVariant.objects.all()}
    for code, fit, reasoning in SCORES:
        if code in variants:
            VariantScore.objects.update_or_create(
                partnership=partnership, variant=variants[code], defaults={"fit": fit, "reasoning": reasoning}
            )
    _candidates(partnership, today)


def _candidates(partnership: Partnership, today: dt.date) -> None:
    lead = partnership.people.filter(roles__role=Role.PROGRAMME_LEAD).order_by("pk").first()
    start_year = schoolyear.following(schoolyear.current(today))
    start = schoolyear.start(start_year)
    # (name, kind, contact, days before today of the first contact, steps done, late step?)
    cases = [
        ("Stichting Ommelander Scholen", "bestuur", "M. Wierenga", 150, 3, False),
        ("Cbs De Vlonder", "school", "J. Dijkstra", 80, 1, True),
    ]
    for name, kind, contact, days_ago, done, late in cases:
        intake = min(today - dt.timedelta(days=days_ago), start)
        candidate = Candidate.objects.filter(partnership=partnership, name=name).first()
        values = {
            "kind": kind,
            "contact_name": contact,
            "contact_email": f"{contact.split()[-1].lower()}@voorbeeld.example.nl",
            "owner": lead,
            "start_year": start_year,
            "intake_date": intake,
            "note": "",
        }
        if candidate is None:
            candidate = services.candidate_create(partnership=partnership, values={"name": name, **values}, actor=None)
        else:
            Candidate.objects.filter(pk=candidate.pk).update(**values)
        steps = list(candidate.steps.order_by("order", "pk"))
        for index, step in enumerate(steps):
            deadline = step.deadline
            if deadline is None or deadline > start:
                deadline = start
            done_on = min(deadline, today) if index < done else None
            if late and index == done:
                deadline = min(today - dt.timedelta(days=5), start)
            CandidateStep.objects.filter(pk=step.pk).update(deadline=deadline, done_on=done_on)
