"""Walk-test rows of the conversations module's session part: an own guide (theme, question, checklist step), a
session with a participant, a tick, a note, a decision and an action from the session."""

from __future__ import annotations

import datetime as dt

from samenopleiden.actions.models import Action
from samenopleiden.conversations.models import (
    ChecklistItem,
    Decision,
    Guide,
    GuideQuestion,
    GuideTheme,
    Participant,
    PreparationTick,
    QuestionNote,
    Session,
    SessionAction,
)


def populate(partnership, *, next_id, lead, educator) -> None:
    guide = Guide.objects.create(id=next_id(), partnership=partnership, title="Geheime leidraad")
    theme = GuideTheme.objects.create(
        id=next_id(), guide=guide, partnership=partnership, position=1, title="Geheim thema", core_question="?"
    )
    question = GuideQuestion.objects.create(
        id=next_id(), theme=theme, partnership=partnership, position=1, text="Geheime vraag"
    )
    item = ChecklistItem.objects.create(
        id=next_id(), guide=guide, partnership=partnership, position=1, text="Geheime voorbereiding"
    )
    session = Session.objects.create(
        id=next_id(),
        partnership=partnership,
        guide=guide,
        title="Geheim gesprek",
        date=dt.date(2030, 3, 1),
        facilitator=lead.user,
        current_question=question,
    )
    Participant.objects.create(
        id=next_id(), session=session, partnership=partnership, name="Geheime deelnemer", perspective="school"
    )
    PreparationTick.objects.create(id=next_id(), session=session, partnership=partnership, item=item)
    QuestionNote.objects.create(
        id=next_id(), session=session, partnership=partnership, question=question, text="Geheime aantekening"
    )
    Decision.objects.create(
        id=next_id(), session=session, partnership=partnership, question=question, text="Geheim besluit"
    )
    action = Action.objects.create(id=next_id(), partnership=partnership, title="Geheime gespreksactie", owner=lead)
    SessionAction.objects.create(
        id=next_id(), session=session, partnership=partnership, question=question, action=action
    )


def secrets(partnership) -> list[str]:
    return (
        list(Guide.objects.filter(partnership=partnership).values_list("title", flat=True))
        + list(GuideQuestion.objects.filter(partnership=partnership).values_list("text", flat=True))
        + list(Session.objects.filter(partnership=partnership).values_list("title", flat=True))
        + list(Participant.objects.filter(partnership=partnership).values_list("name", flat=True))
        + list(QuestionNote.objects.filter(partnership=partnership).values_list("text", flat=True))
        + list(Decision.objects.filter(partnership=partnership).values_list("text", flat=True))
    )
