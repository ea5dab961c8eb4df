"""Writes of the live board: joining with the session code, post-its, groups, dot-voting and the placemat.

Every change to a board starts with `_bump(board)`: one UPDATE that raises the board's revision. It is the first
statement of the transaction on purpose: on PostgreSQL it locks the board's row, on SQLite it takes the write lock,
so changes to one board happen one after the other (a participant's second tab waits for the first) and a reader
never sees half a change. Rows changed in the transaction carry the new revision; screens ask for what changed
since the revision they saw (see selectors_board.changes_since), and waiting screens in this process are woken at
commit (`notify`).
"""

from __future__ import annotations

import threading
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopleiden.core import history
from samenopleiden.core.errors import DomainError

from .models import (
    ANSWER_MAX,
    PLACEMAT_QUESTIONS,
    POSTIT_MAX,
    Board,
    Colour,
    Dilemma,
    Level,
    Participant,
    Perspective,
    PlacematAnswer,
    PlacematTable,
    PostIt,
    PostItGroup,
    Session,
    Vote,
    VoteOption,
)

GROUP_NAME_MAX = 120
OPTION_TITLE_MAX = 200
NAME_MAX = 200

# --- waking waiting screens (in this process; other processes notice within a second, see selectors_board) -------

_changed = threading.Condition()


def notify() -> None:
    with _changed:
        _changed.notify_all()


def wait(timeout: float) -> None:
    with _changed:
        _changed.wait(timeout)


def _bump(board: Board) -> int:
    """Raise the board's revision (and lock it until the transaction ends); returns the new revision.

    Call it before anything else in the transaction: a transaction that reads first and writes later could, on
    SQLite, be refused the write lock at once ("database is locked") instead of waiting for it."""
    Board.objects.filter(pk=board.pk).update(revision=F("revision") + 1)
    board.revision = Board.objects.filter(pk=board.pk).values_list("revision", flat=True).get()
    transaction.on_commit(notify)
    return board.revision


def _layout(board: Board, revision: int) -> None:
    Board.objects.filter(pk=board.pk).update(layout_revision=revision)


def _votes(board: Board, revision: int) -> None:
    Board.objects.filter(pk=board.pk).update(votes_revision=revision)


def _fresh(board: Board) -> Board:
    """The board as it is now (call after _bump, inside the transaction)."""
    return Board.objects.get(pk=board.pk)


# --- the board ---------------------------------------------------------------------------------------------------


def board_for(session: Session) -> Board:
    """The session's board, made with the six dilemmas as vote options the first time it is asked for."""
    found = Board.objects.filter(session=session).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            board = Board.objects.create(session=session, partnership_id=session.partnership_id)
            VoteOption.objects.bulk_create(
                VoteOption(partnership_id=session.partnership_id, board=board, dilemma=d, title=d.title, position=i)
                for i, d in enumerate(Dilemma.objects.order_by("position", "pk"))
            )
            return board
    except IntegrityError:  # made at the same moment by another request
        return Board.objects.get(session=session)


def code_problem(session: Session | None, *, now: Any = None) -> str:
    """Why the code of `session` cannot be used now: "" when it can, "unknown", "expired" or "done"."""
    if session is None:
        return "unknown"
    if session.status == Session.Status.DONE:
        return "done"
    if session.code_valid_until is not None and session.code_valid_until < (now or timezone.now()):
        return "expired"
    return ""


def participant_join(*, session: Session, perspective: str, level: str = "", name: str = "") -> Participant:
    if code_problem(session):
        raise DomainError(_("Met deze code kunt u niet meer meedoen: het gesprek is afgelopen."))
    if perspective not in Perspective.values:
        raise DomainError(_("Kies vanuit welk perspectief u meedoet."), field="perspective")
    if level and level not in Level.values:
        raise DomainError(_("Kies een niveau uit de lijst."), field="level")
    if len(name) > NAME_MAX:
        raise DomainError(_("Een naam is ten hoogste %(max)s tekens.") % {"max": NAME_MAX}, field="name")
    board = board_for(session)  # before the transaction: it may make the board
    with transaction.atomic():
        _bump(board)
        return Participant.objects.create(
            session=session,
            partnership_id=session.partnership_id,
            perspective=perspective,
            level=level,
            name=name.strip(),
        )


def _check_open(board: Board) -> None:
    if code_problem(Session.objects.get(pk=board.session_id)):
        raise DomainError(_("Het gesprek is afgelopen: het bord kan niet meer worden veranderd."))


# --- post-its -----------------------------------------------------------------------------------------------------


@transaction.atomic
def postit_add(*, board: Board, participant: Participant | None, colour: str, text: str, actor: Any = None) -> PostIt:
    text = (text or "").strip()
    if colour not in Colour.values:
        raise DomainError(_("Kies een kleur: eigen definitie, gaat goed of kan beter."), field="colour")
    if not text:
        raise DomainError(_("Schrijf iets op de post-it."), field="text")
    if len(text) > POSTIT_MAX:
        raise DomainError(
            _(
                "Een post-it is ten hoogste %(max)s tekens; deze heeft er %(count)s. "
                "Maak hem korter of verdeel hem over twee post-its."
            )
            % {"max": POSTIT_MAX, "count": len(text)},
            field="text",
        )
    if participant is not None and participant.session_id != board.session_id:
        raise DomainError(_("U doet niet mee aan dit gesprek."))
    revision = _bump(board)
    _check_open(board)
    return PostIt.objects.create(
        partnership_id=board.partnership_id,
        board=board,
        participant=participant,
        colour=colour,
        text=text,
        revision=revision,
    )


@transaction.atomic
def group_add(*, board: Board, name: str, actor: Any) -> PostItGroup:
    name = (name or "").strip()
    if not name:
        raise DomainError(_("Geef de groep een naam."), field="name")
    if len(name) > GROUP_NAME_MAX:
        raise DomainError(_("Een groepsnaam is ten hoogste %(max)s tekens.") % {"max": GROUP_NAME_MAX}, field="name")
    revision = _bump(board)
    if board.groups.filter(name__iexact=name).exists():
        raise DomainError(_("Er is al een groep met deze naam."), field="name")
    position = (board.groups.aggregate(m=Max("position"))["m"] or 0) + 1
    group = PostItGroup.objects.create(
        partnership_id=board.partnership_id, board=board, name=name, position=position, revision=revision
    )
    _layout(board, revision)
    history.record(actor=actor, obj=group, action="created")
    return group


@transaction.atomic
def postit_move(*, postit: PostIt, group: PostItGroup | None, actor: Any) -> PostIt:
    """Put a post-it in a group (or back among the loose ones, with `group=None`)."""
    if group is not None and group.board_id != postit.board_id:
        raise DomainError(_("Kies een groep van dit bord."), field="group")
    revision = _bump(Board(pk=postit.board_id))
    PostIt.objects.filter(pk=postit.pk).update(group=group, revision=revision)
    postit.group, postit.revision = group, revision
    return postit


@transaction.atomic
def postit_delete(*, postit: PostIt, actor: Any) -> None:
    """The facilitator takes a post-it off the board (kept in the history with its text)."""
    board = Board(pk=postit.board_id)
    _layout(board, _bump(board))
    history.record(actor=actor, obj=postit, action="deleted", changes={"text": [postit.text, None]})
    postit.delete()


# --- dot-voting ---------------------------------------------------------------------------------------------------


@transaction.atomic
def option_add(*, board: Board, title: str, actor: Any) -> VoteOption:
    title = (title or "").strip()
    if not title:
        raise DomainError(_("Geef het dilemma een naam."), field="title")
    if len(title) > OPTION_TITLE_MAX:
        raise DomainError(_("Een dilemma is ten hoogste %(max)s tekens.") % {"max": OPTION_TITLE_MAX}, field="title")
    revision = _bump(board)
    if board.options.filter(title__iexact=title).exists():
        raise DomainError(_("Dit dilemma staat er al."), field="title")
    position = (board.options.aggregate(m=Max("position"))["m"] or 0) + 1
    option = VoteOption.objects.create(
        partnership_id=board.partnership_id, board=board, title=title, position=position, revision=revision
    )
    _layout(board, revision)
    history.record(actor=actor, obj=option, action="created")
    return option


@transaction.atomic
def voting_open(*, board: Board, votes_per_participant: int, actor: Any) -> Board:
    if not 1 <= votes_per_participant <= 20:
        raise DomainError(_("Geef elke deelnemer 1 tot en met 20 stippen."), field="votes_per_participant")
    _layout(board, _bump(board))
    current = _fresh(board)
    if current.voting == Board.Voting.OPEN:
        raise DomainError(_("Het stemmen is al open."))
    if votes_per_participant < current.votes_per_participant and current.votes.exists():
        raise DomainError(
            _("Er is al gestemd: het aantal stippen kan niet lager worden dan %(n)s.")
            % {"n": current.votes_per_participant},
            field="votes_per_participant",
        )
    Board.objects.filter(pk=board.pk).update(voting=Board.Voting.OPEN, votes_per_participant=votes_per_participant)
    history.record(
        actor=actor,
        obj=board.session,
        action="changed",
        changes={
            "stemmen": [current.voting, "open"],
            "stippen": [current.votes_per_participant, votes_per_participant],
        },
    )
    return _fresh(board)


def ranking(board: Board) -> list[tuple[VoteOption, int]]:
    """Options with their number of dots, most first (ties in the order of the list)."""
    from django.db.models import Count

    rows = board.options.annotate(dots=Count("votes")).order_by("-dots", "position", "pk")
    return [(o, o.dots) for o in rows]


def top_two(counts: list[tuple[Any, int]]) -> tuple[list[Any], list[Any]]:
    """(chosen, tied): the two with the most dots; when the second place is shared by more, none of those is chosen
    and they are returned as tied, for the facilitator to choose from. Options without dots are never chosen."""
    counted = [(o, n) for o, n in counts if n > 0]
    if len(counted) <= 2:
        return [o for o, _n in counted], []
    second = counted[1][1]
    above = [o for o, n in counted if n > second]
    at = [o for o, n in counted if n == second]
    if len(above) + len(at) <= 2:
        return above + at, []
    if len(above) == 2:
        return above, []
    return above, at


@transaction.atomic
def voting_close(*, board: Board, actor: Any) -> tuple[list[VoteOption], list[VoteOption]]:
    """Close the voting and choose the top two; on a tie for the last place the facilitator chooses (returned)."""
    revision = _bump(board)
    current = _fresh(board)
    if current.voting != Board.Voting.OPEN:
        raise DomainError(_("Het stemmen is niet open."))
    chosen, tied = top_two(ranking(current))
    Board.objects.filter(pk=board.pk).update(voting=Board.Voting.CLOSED, layout_revision=revision)
    current.options.update(chosen=False, revision=revision)
    VoteOption.objects.filter(pk__in=[o.pk for o in chosen]).update(chosen=True)
    history.record(
        actor=actor, obj=board.session, action="changed", changes={"gekozen": [None, [o.title for o in chosen]]}
    )
    return chosen, tied


@transaction.atomic
def option_choose(*, option: VoteOption, chosen: bool, actor: Any) -> VoteOption:
    revision = _bump(Board(pk=option.board_id))
    board = _fresh(Board(pk=option.board_id))
    if board.voting != Board.Voting.CLOSED:
        raise DomainError(_("Kies pas als het stemmen gesloten is."))
    VoteOption.objects.filter(pk=option.pk).update(chosen=chosen, revision=revision)
    _layout(board, revision)
    option.chosen = chosen
    history.record(actor=actor, obj=option, action="changed", changes={"gekozen": [not chosen, chosen]})
    return option


@transaction.atomic
def vote_add(*, board: Board, participant: Participant, option: VoteOption) -> Vote:
    """One more dot of `participant` on `option`. Refused beyond the allowance: the dot takes the lowest free slot
    1..allowance, and (participant, slot) is unique in the database, so two tabs at once cannot exceed it."""
    if participant.session_id != board.session_id or option.board_id != board.pk:
        raise DomainError(_("U doet niet mee aan dit gesprek."))
    revision = _bump(board)
    _check_open(board)
    current = _fresh(board)
    if current.voting != Board.Voting.OPEN:
        raise DomainError(_("Het stemmen is niet open."))
    used = set(Vote.objects.filter(participant=participant).values_list("slot", flat=True))
    free = [s for s in range(1, current.votes_per_participant + 1) if s not in used]
    if not free:
        raise DomainError(
            _("U hebt al uw %(n)s stippen gebruikt. Haal er eerst een weg als u anders wilt kiezen.")
            % {"n": current.votes_per_participant}
        )
    try:
        with transaction.atomic():
            vote = Vote.objects.create(
                partnership_id=board.partnership_id, board=board, participant=participant, option=option, slot=free[0]
            )
    except IntegrityError:
        raise DomainError(
            _("Deze stip is al geteld (vanuit een ander venster). Kijk hieronder hoeveel u er nog hebt.")
        ) from None
    VoteOption.objects.filter(pk=option.pk).update(revision=revision)
    _votes(board, revision)
    return vote


@transaction.atomic
def vote_remove(*, board: Board, participant: Participant, option: VoteOption) -> None:
    revision = _bump(board)
    current = _fresh(board)
    if current.voting != Board.Voting.OPEN:
        raise DomainError(_("Het stemmen is niet open."))
    vote = Vote.objects.filter(participant=participant, option=option).order_by("-slot").first()
    if vote is None:
        raise DomainError(_("U hebt hier geen stip staan."))
    vote.delete()
    VoteOption.objects.filter(pk=option.pk).update(revision=revision)
    _votes(board, revision)


# --- the placemat -------------------------------------------------------------------------------------------------


@transaction.atomic
def placemat_open(*, board: Board, actor: Any) -> list[PlacematTable]:
    """One table per chosen dilemma (kept when opened again), each with the six questions still empty."""
    revision = _bump(board)
    current = _fresh(board)
    chosen = list(current.options.filter(chosen=True))
    if not chosen:
        raise DomainError(_("Kies eerst een of twee dilemma's: sluit het stemmen of kies zelf."))
    tables = []
    for i, option in enumerate(chosen, start=1):
        table = PlacematTable.objects.filter(board=board, option=option).first()
        if table is None:
            table = PlacematTable.objects.create(
                partnership_id=board.partnership_id,
                board=board,
                option=option,
                name=_("Tafel %(n)s") % {"n": current.tables.count() + 1},
                position=i,
            )
            PlacematAnswer.objects.bulk_create(
                PlacematAnswer(partnership_id=board.partnership_id, table=table, question=q, revision=revision)
                for q in range(1, len(PLACEMAT_QUESTIONS) + 1)
            )
        tables.append(table)
    Board.objects.filter(pk=board.pk).update(placemat_open=True, layout_revision=revision)
    history.record(actor=actor, obj=board.session, action="changed", changes={"placemat": [False, True]})
    return tables


@transaction.atomic
def answer_save(*, table: PlacematTable, question: int, text: str, seen: int | None) -> PlacematAnswer:
    """Save a table's answer to one question. `seen` is the answer's revision the writer started from: if someone
    at the table saved in between, nothing is overwritten and the writer is told (their text stays in the form)."""
    text = (text or "").strip()
    if not 1 <= question <= len(PLACEMAT_QUESTIONS):
        raise DomainError(_("Deze vraag staat niet op de placemat."))
    if len(text) > ANSWER_MAX:
        raise DomainError(
            _("Een antwoord is ten hoogste %(max)s tekens; dit heeft er %(count)s.")
            % {"max": ANSWER_MAX, "count": len(text)}
        )
    board = Board(pk=table.board_id)
    revision = _bump(board)
    _check_open(_fresh(board))
    if not _fresh(board).placemat_open:
        raise DomainError(_("De placemat is nog niet open."))
    answer = PlacematAnswer.objects.get(table=table, question=question)
    if seen is not None and answer.revision != seen:
        raise DomainError(
            _(
                "Iemand aan uw tafel heeft dit antwoord intussen aangepast. Hun tekst staat erboven; uw tekst staat "
                "nog in het vak. Voeg ze samen en sla opnieuw op."
            )
        )
    answer.text, answer.revision = text, revision
    answer.save(update_fields=["text", "revision", "updated_at"])
    return answer
