"""The session part's demo: Groningen's held growth conversation and planned equal-collaboration conversation,
twice without change; the preparation figures come from the other modules' demo data; the report builds."""

from __future__ import annotations

import datetime as dt

import pytest

from samenopleiden.actions.models import Action
from samenopleiden.conversations import demo_session, session_report
from samenopleiden.conversations import selectors_session as selectors
from samenopleiden.conversations.models import Decision, Participant, QuestionNote, Session, SessionAction
from samenopleiden.core import documents
from samenopleiden.registry.models import Partnership
from samenopleiden.registry.services.demo import load_demo
from samenopleiden.students import schoolyear

pytestmark = pytest.mark.django_db


def snapshot() -> tuple:
    return (
        sorted(Session.objects.values_list("title", "status", "date")),
        Participant.objects.count(),
        QuestionNote.objects.count(),
        Decision.objects.count(),
        SessionAction.objects.count(),
        sorted(Action.objects.filter(source__startswith="conversations.session").values_list("title", "status")),
    )


def test_the_demo_loads_twice_without_change_and_fills_the_pages():
    load_demo()
    first = snapshot()
    demo_session.load(today=dt.date.today())
    assert snapshot() == first
    groningen = Partnership.objects.get(slug="groningen")
    held = Session.objects.get(partnership=groningen, title=demo_session.HELD)
    planned = Session.objects.get(partnership=groningen, title=demo_session.PLANNED)
    assert held.status == Session.Status.DONE and planned.status == Session.Status.PLANNED
    view = selectors.session_view(held)
    assert len(view.decisions) == 2 and len(view.actions) == 3 and len(view.participants_by_perspective) >= 3
    assert {a.action.status for a in view.actions} == {"open", "bezig", "afgerond"}
    assert planned.participants.filter(person__isnull=False).exists()
    [earlier] = selectors.earlier_sessions(held)
    assert earlier.title == demo_session.EARLIER and earlier.decisions.count() == 2
    figures = selectors.figures(groningen, schoolyear.current(held.date), with_students=True)
    assert figures["partners"] and figures["places_per_cluster"]
    assert documents.to_pdf(session_report.document(view)).startswith(b"%PDF")


def test_without_groningen_only_the_guides_load(db):
    demo_session.load(today=dt.date.today())
    assert not Session.objects.exists()
