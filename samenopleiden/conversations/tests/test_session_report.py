"""The session report: participants per perspective, decisions, actions with their status on the action list, the
notes per theme, and the board part's blocks; rendered as PDF and DOCX."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from samenopleiden.conversations import board_report, session_content, session_report
from samenopleiden.conversations import selectors_session as selectors
from samenopleiden.conversations import services_session as services
from samenopleiden.conversations.models import Guide
from samenopleiden.core import documents

pytestmark = pytest.mark.django_db


def texts(document) -> str:
    parts = []
    for block in document.blocks:
        if isinstance(block, documents.Table):
            parts += [" | ".join(row) for row in block.rows]
        elif isinstance(block, documents.ListBlock):
            parts += ["".join(r.text for r in runs) for _level, runs in block.items]
        elif hasattr(block, "text"):
            parts.append(block.text)
    return "\n".join(parts)


def test_report_has_everything_recorded(partnership, programme_lead, monkeypatch):
    session_content.load()
    guide = Guide.objects.get(key="verdiepende-sessie")
    lead = programme_lead.user
    session = services.session_create(
        partnership=partnership,
        guide=guide,
        title="Sessie",
        date=dt.date(2030, 1, 10),
        facilitator_name="Extern",
        actor=lead,
    )
    services.participant_add(session=session, name="Bestuurder", perspective="school", level="bestuur", actor=lead)
    services.participant_add(session=session, name="Student", perspective="student", actor=lead)
    question = selectors.questions(guide)[4]
    services.note_save(session=session, question=question, text="Regel een\nRegel twee", actor=lead)
    services.decision_add(session=session, question=question, text="Besluit X", actor=lead)
    services.decision_add(session=session, question=None, text="Algemeen besluit", actor=lead)
    today = timezone.localdate()
    services.session_action_add(
        session=session,
        question=question,
        title="Actie Y",
        owner=programme_lead,
        deadline=today,
        today=today,
        actor=lead,
    )
    monkeypatch.setattr(board_report, "report_blocks", lambda s: [documents.Paragraph.plain("Bordresultaat")])
    document = session_report.document(selectors.session_view(session))
    text = texts(document)
    for expected in (
        "schoolbestuur of school | Bestuurder | bestuur",
        "student | Student",
        "Besluit X",
        "Algemeen besluit",
        "Actie Y",
        "open",
        "Regel twee",
        question.text,
        "Bordresultaat",
        "Extern",
    ):
        assert expected in text or expected in " ".join(document.meta), expected
    assert documents.to_pdf(document).startswith(b"%PDF")
    assert documents.to_docx(document).startswith(b"PK")


def test_report_of_an_empty_session(partnership, programme_lead):
    session_content.load()
    guide = Guide.objects.get(key="regio-drie-niveaus")
    session = services.session_create(
        partnership=partnership, guide=guide, title="Leeg", date=None, facilitator_name="A", actor=programme_lead.user
    )
    text = texts(session_report.document(selectors.session_view(session)))
    assert "Er zijn geen deelnemers vastgelegd." in text and "Er zijn nog geen aantekeningen." in text
