"""The live board's demo (idempotent, a filled board), its blocks in the session report and its dashboard card."""

from __future__ import annotations

import datetime as dt

import pytest

from samenopleiden.conversations import board_report, dashboard_board, demo_board
from samenopleiden.conversations.models import Board, PlacematAnswer, PostIt, Session, Vote
from samenopleiden.core import access, documents
from samenopleiden.core.documents import Document, Heading, ListBlock, Table

pytestmark = pytest.mark.django_db


def test_the_demo_fills_a_board_once(partnership):
    today = dt.date(2026, 12, 7)
    demo_board.load(today=today)
    demo_board.load(today=today)
    session = Session.objects.get(partnership=partnership, title=demo_board.TITLE)
    assert session.code == demo_board.CODE and session.status == Session.Status.RUNNING
    board = Board.objects.get(session=session)
    assert PostIt.objects.filter(board=board).count() == len(demo_board.POSTITS)
    assert PostIt.objects.filter(board=board, group__isnull=False).count() == 10
    assert Vote.objects.filter(board=board).count() == 27
    assert board.voting == "gesloten" and board.placemat_open
    assert board.options.filter(chosen=True).count() == 2
    assert PlacematAnswer.objects.filter(table__board=board).exclude(text="").count() == 12


def test_report_blocks_carry_postits_votes_and_placemats(partnership):
    demo_board.load(today=dt.date(2026, 12, 7))
    session = Session.objects.get(partnership=partnership, title=demo_board.TITLE)
    blocks = board_report.report_blocks(session)
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert headings[0] == "Live bord"
    assert "Eigen definitie" in headings and "Stemmen op de dilemma's" in headings
    assert sum(h.startswith("Placemat") for h in headings) == 2
    listed = " ".join(run.text for b in blocks if isinstance(b, ListBlock) for _lvl, runs in b.items for run in runs)
    assert "Over de verdeling van het geld" in listed
    votes = next(b for b in blocks if isinstance(b, Table))
    assert votes.rows[0][1] == "9" and votes.rows[0][2] == "ja"
    pdf = documents.to_pdf(Document(title="Verslag", blocks=blocks))
    assert pdf.startswith(b"%PDF")


def test_no_board_no_blocks(partnership):
    from samenopleiden.conversations.models import Guide

    session = Session.objects.create(partnership=partnership, guide=Guide.objects.create(title="G"), title="Leeg")
    assert board_report.report_blocks(session) == []


def test_the_card_for_readers_not_for_educators(partnership, reader, educator):
    demo_board.load(today=dt.date(2026, 12, 7))
    cards = dashboard_board.cards(access.build_context(reader.user), partnership, dt.date(2026, 12, 7))
    assert len(cards) == 1 and cards[0].number == len(demo_board.POSTITS)
    assert dashboard_board.cards(access.build_context(educator.user), partnership, dt.date(2026, 12, 7)) == []
