"""The session part's reminder (two days before a planned session, to its facilitator or the programme leads) and
its dashboard card (the next session, for who may see it)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from samenopleiden.conversations import dashboard_session, reminders_session, session_content
from samenopleiden.conversations import services_session as services
from samenopleiden.conversations.models import Guide, Session
from samenopleiden.core.access import build_context

pytestmark = pytest.mark.django_db


@pytest.fixture
def growth(db):
    session_content.load()
    return Guide.objects.get(key="groeistrategie")


def plan(partnership, guide, lead, day, **extra):
    return services.session_create(
        partnership=partnership, guide=guide, title="Gesprek", date=day, actor=lead.user, **extra
    )


def test_reminder_two_days_before_to_the_facilitator(partnership, growth, programme_lead):
    today = dt.date(2030, 3, 1)
    lead = programme_lead.user
    lead.email = "leider@example.org"
    lead.save()
    session = plan(partnership, growth, programme_lead, today + dt.timedelta(days=2), facilitator=lead)
    services.participant_add(session=session, name="A", perspective="school", actor=lead)
    services.preparation_set(session=session, ticked={growth.checklist.first().pk}, actor=lead)
    [reminder] = reminders_session.due_reminders(today)
    assert reminder.recipients == ["leider@example.org"]
    assert "schoolbestuur of school: 1" in reminder.body and "1 van 11" in reminder.body
    assert reminder.key == f"conversations.session:{session.pk}:2030-03-03"
    assert reminders_session.due_reminders(today + dt.timedelta(days=1)) == []
    Session.objects.filter(pk=session.pk).update(status=Session.Status.DONE)
    assert reminders_session.due_reminders(today) == []


def test_reminder_without_a_facilitator_account_goes_to_the_leads(partnership, growth, programme_lead):
    today = dt.date(2030, 3, 1)
    plan(partnership, growth, programme_lead, today + dt.timedelta(days=2), facilitator_name="Extern")
    [reminder] = reminders_session.due_reminders(today)
    assert reminder.recipients == [programme_lead.email]


def test_dashboard_card_shows_the_next_session(partnership, growth, programme_lead, reader, educator, outsider):
    today = timezone.localdate()
    lead_ctx = build_context(programme_lead.user)
    [nudge] = dashboard_session.cards(lead_ctx, partnership, today)
    assert nudge.number is None and "Geen gesprek gepland" in nudge.text
    assert dashboard_session.cards(build_context(reader.user), partnership, today) == []
    plan(partnership, growth, programme_lead, today + dt.timedelta(days=20), facilitator_name="A")
    soon = plan(partnership, growth, programme_lead, today + dt.timedelta(days=3), facilitator_name="A")
    [card] = dashboard_session.cards(build_context(reader.user), partnership, today)
    assert str(soon.pk) in card.url and card.tone == "ok"
    assert dashboard_session.cards(build_context(educator.user), partnership, today) == []
    assert dashboard_session.cards(build_context(outsider.user), partnership, today) == []
