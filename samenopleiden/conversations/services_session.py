"""Writes of the session part: a partnership's own guides (copied from a platform guide and adapted), sessions,
their participants, preparation, the facilitator's position, notes, decisions and actions (on the action list)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils.translation import gettext as _

from samenopleiden.actions import services as action_services
from samenopleiden.core import editing, history
from samenopleiden.core.errors import DomainError
from samenopleiden.registry.models import Partnership, Person

from . import selectors_session as selectors
from .models import (
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

MAX_NOTE = 20_000
MAX_TEXT = 2_000


# --- guides ---------------------------------------------------------------------------------------------------


@transaction.atomic
def guide_copy(*, guide: Guide, partnership: Partnership, actor: Any) -> Guide:
    """The partnership's own copy of a guide (themes, questions and checklist), to adapt."""
    if guide.partnership_id not in (None, partnership.pk):
        raise DomainError(_("Deze leidraad hoort niet bij dit partnerschap."))
    copy = Guide(
        partnership=partnership,
        title=(
            (_("%(title)s (kopie)") if guide.partnership_id else _("%(title)s (eigen versie)")) % {"title": guide.title}
        )[:200],
        purpose=guide.purpose,
        source=guide.source,
        copied_from=guide,
    )
    editing.create(copy, actor=actor)
    ChecklistItem.objects.bulk_create(
        ChecklistItem(guide=copy, partnership=partnership, position=i.position, text=i.text, data_key=i.data_key)
        for i in guide.checklist.all()
    )
    for theme in guide.themes.prefetch_related("questions"):
        new_theme = GuideTheme.objects.create(
            guide=copy,
            partnership=partnership,
            position=theme.position,
            title=theme.title,
            core_question=theme.core_question,
        )
        GuideQuestion.objects.bulk_create(
            GuideQuestion(
                theme=new_theme,
                partnership=partnership,
                position=q.position,
                text=q.text,
                sub_questions=q.sub_questions,
            )
            for q in theme.questions.all()
        )
    return copy


def _own(guide: Guide) -> None:
    if guide.partnership_id is None:
        raise DomainError(_("Een leidraad van het platform wijzigt u niet; maak er een eigen versie van."))


@transaction.atomic
def guide_update(*, guide: Guide, changes: dict[str, Any], expected_version: int | None, actor: Any) -> Guide:
    _own(guide)
    editing.apply_changes(guide, changes=changes, actor=actor, expected_version=expected_version)
    return guide


@transaction.atomic
def guide_delete(*, guide: Guide, actor: Any) -> None:
    _own(guide)
    if guide.sessions.exists():
        raise DomainError(_("Met deze leidraad zijn al gesprekken gevoerd; hij blijft bewaard."))
    history.record(actor=actor, obj=guide, action="deleted")
    guide.delete()


def _next_position(queryset) -> int:
    last = queryset.order_by("-position").values_list("position", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def guide_row_save(*, guide: Guide, row: Any, data: dict[str, Any], actor: Any) -> Any:
    """Add or change a theme, question or checklist item of an own guide (`row` a new or stored instance)."""
    _own(guide)
    is_new = row.pk is None
    for name, value in data.items():
        setattr(row, name, value)
    row.partnership = guide.partnership
    if is_new and not row.position:
        if isinstance(row, GuideQuestion):
            row.position = _next_position(row.theme.questions.all())
        elif isinstance(row, GuideTheme):
            row.position = _next_position(guide.themes.all())
        else:
            row.position = _next_position(guide.checklist.all())
    editing.full_clean(row)
    row.save()
    history.record(actor=actor, obj=row, action="created" if is_new else "changed", partnership=guide.partnership)
    return row


@transaction.atomic
def guide_row_delete(*, guide: Guide, row: Any, actor: Any) -> None:
    _own(guide)
    pk = row.pk
    try:
        with transaction.atomic():
            row.delete()
    except ProtectedError:
        raise DomainError(
            _("In een gesprek zijn bij deze vraag al aantekeningen, besluiten of acties vastgelegd; hij blijft staan.")
        ) from None
    row.pk = pk  # for the history entry of what was deleted
    history.record(actor=actor, obj=row, action="deleted", partnership=guide.partnership)


# --- sessions -------------------------------------------------------------------------------------------------


def _check_facilitator(partnership: Partnership, facilitator: Any, name: str) -> None:
    if facilitator is None and not name.strip():
        raise DomainError(_("Kies een gespreksleider of vul een naam in."), field="facilitator_name")


@transaction.atomic
def session_create(
    *,
    partnership: Partnership,
    guide: Guide,
    title: str,
    date: dt.date | None,
    facilitator: Any = None,
    facilitator_name: str = "",
    place: str = "",
    summary: str = "",
    actor: Any,
) -> Session:
    if guide.partnership_id not in (None, partnership.pk):
        raise DomainError(_("Deze leidraad hoort niet bij dit partnerschap."), field="guide")
    _check_facilitator(partnership, facilitator, facilitator_name)
    session = Session(
        partnership=partnership,
        guide=guide,
        title=title.strip() or guide.title,
        date=date,
        facilitator=facilitator,
        facilitator_name=facilitator_name.strip(),
        place=place.strip(),
        summary=summary.strip(),
    )
    editing.create(session, actor=actor)
    return session


@transaction.atomic
def session_update(*, session: Session, changes: dict[str, Any], expected_version: int | None, actor: Any) -> Session:
    _check_facilitator(
        session.partnership,
        changes.get("facilitator", session.facilitator),
        changes.get("facilitator_name", session.facilitator_name),
    )
    editing.apply_changes(session, changes=changes, actor=actor, expected_version=expected_version)
    return session


@transaction.atomic
def session_set_status(*, session: Session, status: str, actor: Any) -> Session:
    if status not in Session.Status.values:
        raise DomainError(_("Onbekende status."))
    if status != session.status:
        changes: dict[str, Any] = {"status": status}
        if status == Session.Status.RUNNING and session.current_question_id is None:
            first = selectors.questions(session.guide)[:1]
            changes["current_question"] = first[0] if first else None
        editing.apply_changes(session, changes=changes, actor=actor)
    return session


@transaction.atomic
def participant_add(
    *, session: Session, name: str = "", person: Person | None = None, perspective: str, level: str = "", actor: Any
) -> Participant:
    if person is not None and person.partnership_id != session.partnership_id:
        raise DomainError(_("Kies iemand van dit partnerschap."), field="person")
    if person is None and not name.strip():
        raise DomainError(_("Vul een naam in of kies iemand van het partnerschap."), field="name")
    participant = Participant(
        session=session,
        partnership=session.partnership,
        name=name.strip() or (person.full_name if person else ""),
        person=person,
        perspective=perspective,
        level=level,
    )
    editing.create(participant, actor=actor, partnership=session.partnership)
    return participant


@transaction.atomic
def participant_remove(*, participant: Participant, actor: Any) -> None:
    history.record(actor=actor, obj=participant, action="deleted", partnership=participant.partnership)
    participant.delete()


@transaction.atomic
def preparation_set(*, session: Session, ticked: set[int], actor: Any) -> int:
    """Tick exactly the steps in `ticked` (checklist items of the session's guide); return how many are ticked."""
    valid = set(session.guide.checklist.values_list("pk", flat=True))
    wanted = ticked & valid
    current = set(session.ticks.values_list("item_id", flat=True))
    session.ticks.filter(item_id__in=current - wanted).delete()
    PreparationTick.objects.bulk_create(
        PreparationTick(session=session, partnership=session.partnership, item_id=pk) for pk in wanted - current
    )
    if wanted != current:
        history.record(
            actor=actor,
            obj=session,
            action="changed",
            changes={"voorbereiding": [len(current), len(wanted)]},
        )
    return len(wanted)


# --- during the session ---------------------------------------------------------------------------------------


def _question_of(session: Session, question: GuideQuestion | None) -> None:
    if question is not None and question.theme.guide_id != session.guide_id:
        raise DomainError(_("Deze vraag hoort niet bij de leidraad van dit gesprek."))


@transaction.atomic
def session_move(*, session: Session, question: GuideQuestion, actor: Any) -> Session:
    """Set the facilitator's position (the shared screen follows it)."""
    _question_of(session, question)
    Session.objects.filter(pk=session.pk).update(current_question=question)
    session.current_question = question
    return session


@transaction.atomic
def note_save(*, session: Session, question: GuideQuestion, text: str, actor: Any) -> QuestionNote | None:
    _question_of(session, question)
    if len(text) > MAX_NOTE:
        raise DomainError(
            _("De aantekeningen zijn te lang (hoogstens %(max)s tekens).") % {"max": f"{MAX_NOTE:,}".replace(",", ".")},
            field="text",
        )
    note, _created = QuestionNote.objects.get_or_create(
        session=session, question=question, defaults={"partnership": session.partnership}
    )
    if note.text != text:
        history.record(actor=actor, obj=session, action="changed", changes={"aantekeningen": [question.pk, len(text)]})
        note.text = text
        note.save()
    return note


@transaction.atomic
def decision_add(*, session: Session, question: GuideQuestion | None, text: str, actor: Any) -> Decision:
    _question_of(session, question)
    text = text.strip()
    if not text:
        raise DomainError(_("Beschrijf het besluit."), field="text")
    if len(text) > MAX_TEXT:
        raise DomainError(_("Een besluit is hoogstens 2.000 tekens."), field="text")
    decision = Decision(session=session, partnership=session.partnership, question=question, text=text)
    editing.create(decision, actor=actor, partnership=session.partnership)
    return decision


@transaction.atomic
def decision_delete(*, decision: Decision, actor: Any) -> None:
    history.record(actor=actor, obj=decision, action="deleted", partnership=decision.partnership)
    decision.delete()


@transaction.atomic
def session_action_add(
    *,
    session: Session,
    question: GuideQuestion | None,
    title: str,
    owner: Person | None,
    deadline: dt.date | None,
    today: dt.date,
    actor: Any,
) -> SessionAction:
    """An action agreed in the session: it lands on the partnership's action list, with the session as source."""
    _question_of(session, question)
    if owner is None:
        raise DomainError(_("Een actie heeft een eigenaar: kies wie de actie oppakt."), field="owner")
    if deadline is not None and deadline < today:
        raise DomainError(_("De deadline van een nieuwe actie ligt niet in het verleden."), field="deadline")
    label = _("Gesprek: %(title)s") % {"title": session.title}
    if session.date:
        label += f" ({session.date:%d-%m-%Y})"
    action = action_services.action_create(
        partnership=session.partnership,
        title=title,
        owner=owner,
        deadline=deadline,
        description=question.text if question else "",
        source=f"conversations.session:{session.pk}",
        source_label=label,
        source_url=reverse("conversations:session_detail", args=[session.partnership.slug, session.pk]),
        actor=actor,
    )
    return SessionAction.objects.create(
        session=session, partnership=session.partnership, question=question, action=action
    )
