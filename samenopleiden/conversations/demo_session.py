"""Demo data of the conversations module's session part, for the Groningen po partnership: a held growth-strategy
conversation (participants per perspective, preparation ticked, notes, decisions and actions on the action list)
and a planned conversation on equal collaboration with an independent facilitator and its participants.

Idempotent: guides by key, sessions by title, notes per question, decisions by text, actions by title."""

from __future__ import annotations

import datetime as dt

from samenopleiden.actions import services as action_services
from samenopleiden.actions.models import Action
from samenopleiden.registry.models import Partnership, Role

from . import selectors_session as selectors
from . import session_content
from .models import Decision, Guide, Participant, PreparationTick, QuestionNote, Session, SessionAction

HELD = "Groeigesprek stuurgroep"
EARLIER = "Groeigesprek stuurgroep vorig jaar"
EARLIER_DECISIONS = [
    "We verkennen eerst of de huidige besturen kunnen groeien, voordat we nieuwe partners benaderen.",
    "De programmaleider brengt de gesprekstafels in de regio in kaart.",
]
PLANNED = "Gesprek gelijkwaardige samenwerking"

# (name, perspective, level) for the people without an account in the demo
HELD_PARTICIPANTS = [
    ("Bestuurder Stichting Quadraten", "school", "bestuur"),
    ("Directeur basisschool De Wilgen", "school", "management"),
    ("Opleidingsmanager pabo", "instituut", "management"),
    ("Instituutsopleider cluster Stad", "instituut", "uitvoering"),
    ("Student-vertegenwoordiger", "student", "uitvoering"),
]
PLANNED_PARTICIPANTS = [
    ("Bestuurder Stichting Quadraten", "school", "bestuur"),
    ("Bestuurder openbaar onderwijs", "school", "bestuur"),
    ("Directeur pabo", "instituut", "bestuur"),
    ("Teamleider lerarenopleiding", "instituut", "management"),
]

# (question position in the flattened guide, note)
NOTES = [
    (
        0,
        "We rekenen Groningen-stad en de ring eromheen tot onze regio; Noord-Drenthe hoort er voor de pabo bij.\n"
        "De onderwijsregio maakt de afbakening in het voorjaar definitief.",
    ),
    (17, "De vier besturen kunnen elk één cluster erbij maken: samen ongeveer vijftig studenten meer."),
    (14, "Alle partners onderschrijven de ambitie; de pabo wil vooral deeltijd en zij-instroom in het partnerschap."),
    (34, "Groei met de huidige partners heeft de voorkeur; de financiering op t-1 is het knelpunt."),
]
DECISIONS = [
    (17, "We groeien met één cluster per bestuur, verspreid over twee schooljaren."),
    (34, "We vragen de onderwijsregio om voorfinanciering van de groei in het eerste jaar."),
]
# (question position, title, days after the session, status)
ACTIONS = [
    (17, "Per bestuur een school aanwijzen voor het nieuwe cluster", 60, Action.Status.IN_PROGRESS),
    (34, "Voorstel voorfinanciering naar de onderwijsregio sturen", 30, Action.Status.DONE),
    (17, "Deeltijd en zij-instroom uitwerken met de pabo", 90, Action.Status.OPEN),
]


def _participants(session: Session, rows, persons) -> None:
    """Named participants, and people of the partnership as (person, perspective, level)."""
    for name, perspective, level in rows:
        Participant.objects.get_or_create(
            session=session,
            name=name,
            defaults={"partnership": session.partnership, "perspective": perspective, "level": level},
        )
    for person, perspective, level in persons:
        if person is not None:
            Participant.objects.get_or_create(
                session=session,
                person=person,
                defaults={
                    "partnership": session.partnership,
                    "name": person.full_name,
                    "perspective": perspective,
                    "level": level,
                },
            )


def load(*, today: dt.date) -> None:
    session_content.load()
    partnership = Partnership.objects.filter(slug="groningen").first()
    if partnership is None:
        return
    growth = Guide.objects.get(partnership=None, key="groeistrategie")
    equal = Guide.objects.get(partnership=None, key="gelijkwaardige-samenwerking")
    lead_person = partnership.people.filter(roles__role=Role.PROGRAMME_LEAD, user__isnull=False).order_by("pk").first()
    lead = lead_person.user if lead_person else None
    people = list(partnership.people.order_by("pk")[:6])

    earlier, _created = Session.objects.get_or_create(
        partnership=partnership,
        title=EARLIER,
        defaults={
            "guide": growth,
            "date": today - dt.timedelta(days=400),
            "facilitator_name": "Programmaleider",
            "status": Session.Status.DONE,
        },
    )
    _participants(earlier, HELD_PARTICIPANTS[:3], [])
    for text in EARLIER_DECISIONS:
        Decision.objects.get_or_create(session=earlier, text=text, defaults={"partnership": partnership})

    held, _created = Session.objects.get_or_create(
        partnership=partnership,
        title=HELD,
        defaults={
            "guide": growth,
            "date": today - dt.timedelta(days=40),
            "facilitator": lead,
            "facilitator_name": "" if lead else "Programmaleider",
            "status": Session.Status.DONE,
            "place": "Pabo, Groningen",
            "summary": "Een goed gesprek over groei: iedereen wil groeien, maar in een tempo dat de kwaliteit "
            "van de begeleiding niet onder druk zet.",
        },
    )
    _participants(held, HELD_PARTICIPANTS, [(lead_person, "anders", "management")])
    for item in growth.checklist.all():
        PreparationTick.objects.get_or_create(session=held, item=item, defaults={"partnership": partnership})
    questions = selectors.questions(growth)
    for position, text in NOTES:
        QuestionNote.objects.update_or_create(
            session=held, question=questions[position], defaults={"partnership": partnership, "text": text}
        )
    for position, text in DECISIONS:
        Decision.objects.get_or_create(
            session=held, text=text, defaults={"partnership": partnership, "question": questions[position]}
        )
    owners = [p for p in people if p is not None] or [None]
    for i, (position, title, days, status) in enumerate(ACTIONS):
        if SessionAction.objects.filter(session=held, action__title=title).exists():
            continue
        action = action_services.action_create(
            partnership=partnership,
            title=title,
            owner=owners[i % len(owners)],
            deadline=held.date + dt.timedelta(days=days),
            description=questions[position].text,
            source=f"conversations.session:{held.pk}",
            source_label=f"Gesprek: {held.title} ({held.date:%d-%m-%Y})",
            source_url=f"/beheer/{partnership.slug}/gesprekken/sessies/{held.pk}/",
            actor=lead,
        )
        if status != Action.Status.OPEN:
            action_services.action_update(action=action, changes={"status": status}, expected_version=None, actor=lead)
        SessionAction.objects.create(session=held, partnership=partnership, question=questions[position], action=action)
    Session.objects.filter(pk=held.pk, current_question=None).update(current_question=questions[-1])

    planned, _created = Session.objects.get_or_create(
        partnership=partnership,
        title=PLANNED,
        defaults={
            "guide": equal,
            "date": today + dt.timedelta(days=14),
            "facilitator_name": "Onafhankelijk gespreksleider (extern)",
            "place": "Gemeentehuis, Groningen",
        },
    )
    educator = partnership.people.filter(roles__role=Role.SCHOOL_TEACHER_EDUCATOR).order_by("email").first()
    _participants(planned, PLANNED_PARTICIPANTS, [(educator, "school", "uitvoering")])
