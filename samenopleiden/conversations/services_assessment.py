"""Writes of the self-assessment and the library of good practices."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopleiden.core import editing, history
from samenopleiden.core.errors import DomainError

from .models import (
    COMMENT_MAX,
    AssessmentResponse,
    AssessmentRound,
    BarrierAnswer,
    DilemmaAnswer,
    GoodPractice,
    Level,
    Perspective,
    Session,
    StatementAnswer,
)
from .models.assessment import new_round_token


def _check_round(partnership: Any, opened_on: dt.date | None, closes_on: dt.date | None, session: Any) -> None:
    if session is not None and session.partnership_id != partnership.pk:
        raise DomainError(_("Kies een gesprek van dit partnerschap."), field="session")
    if opened_on and closes_on and closes_on < opened_on:
        raise DomainError(_("De ronde kan niet sluiten voordat ze opent."), field="closes_on")


@transaction.atomic
def round_create(
    *,
    partnership: Any,
    title: str,
    opened_on: dt.date,
    closes_on: dt.date | None = None,
    session: Session | None = None,
    actor: Any,
) -> AssessmentRound:
    if not title.strip():
        raise DomainError(_("Geef de ronde een titel."), field="title")
    _check_round(partnership, opened_on, closes_on, session)
    found = AssessmentRound(
        partnership=partnership,
        title=title.strip()[:200],
        opened_on=opened_on,
        closes_on=closes_on,
        session=session,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    editing.create(found, actor=actor)
    return found


@transaction.atomic
def round_update(
    *, round: AssessmentRound, changes: dict[str, Any], expected_version: int | None, actor: Any
) -> AssessmentRound:
    merged = {
        "opened_on": round.opened_on,
        "closes_on": round.closes_on,
        "session": round.session,
        **changes,
    }
    _check_round(round.partnership, merged["opened_on"], merged["closes_on"], merged["session"])
    editing.apply_changes(round, changes=changes, actor=actor, expected_version=expected_version)
    return round


@transaction.atomic
def round_close(*, round: AssessmentRound, today: dt.date, actor: Any) -> AssessmentRound:
    if round.closed_on is not None:
        raise DomainError(_("Deze ronde is al gesloten."))
    return round_update(round=round, changes={"closed_on": today}, expected_version=None, actor=actor)


@transaction.atomic
def round_reopen(*, round: AssessmentRound, today: dt.date, actor: Any) -> AssessmentRound:
    changes: dict[str, Any] = {"closed_on": None}
    if round.closes_on is not None and round.closes_on < today:
        changes["closes_on"] = None
    return round_update(round=round, changes=changes, expected_version=None, actor=actor)


@transaction.atomic
def round_new_link(*, round: AssessmentRound, actor: Any) -> AssessmentRound:
    """A new secret link: the old one stops working (answers given with it stay)."""
    round.token = new_round_token()
    round.save(update_fields=["token", "updated_at"])
    history.record(actor=actor, obj=round, action="changed", changes={"link": ["…", str(_("nieuwe link"))]})
    return round


@transaction.atomic
def response_save(
    *,
    round: AssessmentRound,
    key: str | None,
    perspective: str,
    level: str,
    scores: dict[int, int | None],
    comments: dict[int, str],
    barriers: set[int],
    dilemmas: dict[int, int],
    today: dt.date,
) -> AssessmentResponse:
    """Store a respondent's answers under `key` (made for their browser and kept in its session): a new response
    the first time, afterwards the same one, whose answers are replaced. The round is locked while saving, so two
    tabs sending at the same moment still give one response. Refused when the round is not open."""
    locked = AssessmentRound.objects.select_for_update().get(pk=round.pk)
    if not locked.is_open_on(today):
        raise DomainError(_("Deze ronde is gesloten: er kunnen geen antwoorden meer worden gegeven."))
    if perspective not in Perspective.values:
        raise DomainError(_("Kies uw perspectief."), field="perspective")
    if level and level not in Level.values:
        raise DomainError(_("Kies een niveau uit de lijst."), field="level")
    if any(s is not None and not 1 <= s <= 5 for s in scores.values()):
        raise DomainError(_("Een score is een getal van 1 tot en met 5."))
    if any(s not in DilemmaAnswer.Strength.values for s in dilemmas.values()):
        raise DomainError(_("Kies bij elk dilemma hoe sterk het speelt."))
    if any(len(c) > COMMENT_MAX for c in comments.values()):
        raise DomainError(_("Een toelichting is ten hoogste %(max)s tekens.") % {"max": COMMENT_MAX})
    response = AssessmentResponse.objects.filter(round=locked, key=key).first() if key else None
    if response is None:
        extra = {"key": key} if key else {}
        response = AssessmentResponse.objects.create(
            partnership=locked.partnership, round=locked, perspective=perspective, level=level, **extra
        )
    else:
        response.perspective, response.level = perspective, level
        response.save(update_fields=["perspective", "level", "updated_at"])
        response.statement_answers.all().delete()
        response.barrier_answers.all().delete()
        response.dilemma_answers.all().delete()
    p = locked.partnership
    StatementAnswer.objects.bulk_create(
        StatementAnswer(
            partnership=p, response=response, statement_id=sid, score=score, comment=comments.get(sid, "").strip()
        )
        for sid, score in scores.items()
    )
    BarrierAnswer.objects.bulk_create(BarrierAnswer(partnership=p, response=response, barrier_id=b) for b in barriers)
    DilemmaAnswer.objects.bulk_create(
        DilemmaAnswer(partnership=p, response=response, dilemma_id=d, strength=s) for d, s in dilemmas.items()
    )
    return response


# --- good practices ----------------------------------------------------------------------------------------------


@transaction.atomic
def practice_propose(
    *, partnership: Any, dilemma: Any, title: str, what_we_did: str, contact: str, actor: Any
) -> GoodPractice:
    if not title.strip() or not what_we_did.strip():
        raise DomainError(_("Geef een titel en beschrijf wat u deed."))
    practice = GoodPractice(
        partnership=partnership,
        dilemma=dilemma,
        title=title.strip()[:200],
        what_we_did=what_we_did.strip(),
        contact=contact.strip()[:200],
        proposed_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    editing.create(practice, actor=actor)
    return practice


@transaction.atomic
def practice_review(*, practice: GoodPractice, approve: bool, note: str = "", actor: Any) -> GoodPractice:
    status = GoodPractice.Status.APPROVED if approve else GoodPractice.Status.REJECTED
    if not approve and not note.strip():
        raise DomainError(_("Leg kort uit waarom het voorbeeld niet wordt opgenomen."), field="review_note")
    editing.apply_changes(
        practice,
        changes={
            "status": status,
            "review_note": note.strip(),
            "reviewed_by": actor if getattr(actor, "is_authenticated", False) else None,
            "reviewed_at": timezone.now(),
        },
        actor=actor,
    )
    return practice
