"""Walk-test rows of the conversations module: the self-assessment and the library of good practices."""

from __future__ import annotations

import datetime as dt

from samenopleiden.conversations import assessment_content
from samenopleiden.conversations.models import (
    AssessmentResponse,
    AssessmentRound,
    Barrier,
    BarrierAnswer,
    Dilemma,
    DilemmaAnswer,
    GoodPractice,
    Statement,
    StatementAnswer,
)


def populate(partnership, *, next_id, lead, educator) -> None:
    assessment_content.load()
    statement = Statement.objects.order_by("pk").first()
    for title in ("Geheime zelfevaluatie", "Geheime eerdere ronde"):
        round_ = AssessmentRound.objects.create(
            id=next_id(), partnership=partnership, title=title, opened_on=dt.date.today() - dt.timedelta(days=3)
        )
        for perspective in ("school", "school", "school", "instituut"):
            response = AssessmentResponse.objects.create(
                id=next_id(), partnership=partnership, round=round_, perspective=perspective
            )
            StatementAnswer.objects.create(
                id=next_id(),
                partnership=partnership,
                response=response,
                statement=statement,
                score=4,
                comment="Geheime toelichting",
            )
            BarrierAnswer.objects.create(
                id=next_id(), partnership=partnership, response=response, barrier=Barrier.objects.first()
            )
            DilemmaAnswer.objects.create(
                id=next_id(), partnership=partnership, response=response, dilemma=Dilemma.objects.first(), strength=3
            )
    GoodPractice.objects.create(
        id=next_id(),
        partnership=partnership,
        dilemma=Dilemma.objects.first(),
        title="Geheim voorstel",
        what_we_did="Geheime aanpak",
        contact="Geheim contact",
        proposed_by=lead.user,
    )


def secrets(partnership) -> list[str]:
    return [
        *AssessmentRound.objects.filter(partnership=partnership).values_list("title", flat=True),
        *AssessmentRound.objects.filter(partnership=partnership).values_list("token", flat=True),
        "Geheime toelichting",
        "Geheim voorstel",
    ]


def plausible_fields(partnership) -> dict:
    return {
        "opened_on": "2024-01-01",
        "closes_on": "2030-01-01",
        "what_we_did": "Overgenomen",
        "contact": "Inbreker",
        "dilemma": Dilemma.objects.values_list("pk", flat=True).first(),
        "decision": "approve",
        "action": "close",
        "perspective": "school",
    }
