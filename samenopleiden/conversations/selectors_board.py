"""Reads of the live board: the whole board for a page, what changed since a revision, and waiting for a change."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Count

from . import services_board
from .models import PLACEMAT_QUESTIONS, Board, Colour, PlacematAnswer, PlacematTable, PostIt, Vote

LONG_POLL_SECONDS = 20.0
RECHECK_SECONDS = 0.5  # how often a waiting request looks at the database (changes made by another process)


def state(board_id: int) -> tuple[int, int, int, bool] | None:
    """(revision, layout revision, votes revision, placemat open) of the board, or None: one small query, in plain
    SQL because every waiting screen asks it several times a second."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT revision, layout_revision, votes_revision, placemat_open FROM "  # noqa: S608 - a fixed table name
            + Board._meta.db_table
            + " WHERE id = %s",
            [board_id],
        )
        row = cursor.fetchone()
    return tuple(row) if row else None  # type: ignore[return-value]


def revision(board_id: int) -> int | None:
    found = state(board_id)
    return found[0] if found else None


def wait_for_change(board_id: int, since: int, *, timeout: float | None = None) -> tuple[int, int, int, bool] | None:
    """The board's state as soon as its revision differs from `since`, or after `timeout` seconds (default
    LONG_POLL_SECONDS). One query when it has already changed; while waiting, changes in this process wake the
    request at once (services_board.notify), and every RECHECK_SECONDS it looks again (a change made by another
    server process)."""
    deadline = time.monotonic() + (LONG_POLL_SECONDS if timeout is None else timeout)
    current = state(board_id)
    while current is not None and current[0] == since:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        services_board.wait(min(RECHECK_SECONDS, left))
        current = state(board_id)
    return current


@dataclass
class Column:
    colour: str
    label: str
    loose: list[PostIt] = field(default_factory=list)


@dataclass
class GroupView:
    group: Any
    postits: list[PostIt] = field(default_factory=list)


@dataclass
class BoardView:
    board: Board
    columns: list[Column]
    groups: list[GroupView]
    options: list[tuple[Any, int]]
    tables: list[tuple[PlacematTable, list[tuple[int, str, PlacematAnswer]]]]
    postit_count: int
    participant_count: int


def _answers(tables: list[PlacematTable]) -> list[tuple[PlacematTable, list[tuple[int, str, PlacematAnswer]]]]:
    by_table: dict[int, dict[int, PlacematAnswer]] = {}
    for a in PlacematAnswer.objects.filter(table__in=tables):
        by_table.setdefault(a.table_id, {})[a.question] = a
    return [
        (
            t,
            [
                (q, str(PLACEMAT_QUESTIONS[q - 1]), by_table.get(t.pk, {}).get(q))
                for q in range(1, len(PLACEMAT_QUESTIONS) + 1)
            ],
        )
        for t in tables
    ]


def board_view_options(board: Board) -> list[tuple[Any, int]]:
    """The options to vote on with their number of dots (one query)."""
    return [(o, o.dots) for o in board.options.annotate(dots=Count("votes")).order_by("position", "pk")]


def board_view(board: Board) -> BoardView:
    """Everything on the board, in a fixed number of queries."""
    postits = list(board.postits.all())
    groups = [GroupView(g) for g in board.groups.all()]
    by_group = {g.group.pk: g for g in groups}
    columns = [Column(value, str(label)) for value, label in Colour.choices]
    by_colour = {c.colour: c for c in columns}
    for p in postits:
        if p.group_id in by_group:
            by_group[p.group_id].postits.append(p)
        else:
            by_colour[p.colour].loose.append(p)
    options = board_view_options(board)
    tables = list(board.tables.select_related("option"))
    return BoardView(
        board=board,
        columns=columns,
        groups=groups,
        options=options,
        tables=_answers(tables),
        postit_count=len(postits),
        participant_count=board.session.participants.count(),
    )


def own_votes(board: Board, participant: Any) -> dict[int, int]:
    rows = Vote.objects.filter(board=board, participant=participant).values("option_id").annotate(n=Count("pk"))
    return {r["option_id"]: r["n"] for r in rows}


def changes_since(board_id: int, since: int, *, placemat: bool = True) -> dict[str, Any]:
    """Post-its added or moved and placemat answers saved after revision `since` (one or two queries)."""
    return {
        "postits": list(PostIt.objects.filter(board_id=board_id, revision__gt=since)),
        "answers": list(PlacematAnswer.objects.filter(table__board_id=board_id, revision__gt=since))
        if placemat
        else [],
    }


def tally(board: Board, participant: Any = None) -> dict[str, Any]:
    """The dots per option (and the participant's own, and how many they have left) as plain data."""
    data: dict[str, Any] = {"dots": {str(o.pk): n for o, n in board_view_options(board)}}
    if participant is not None:
        own = own_votes(board, participant)
        data["own"] = {str(k): v for k, v in own.items()}
        data["left"] = board.votes_per_participant - sum(own.values())
    return data
