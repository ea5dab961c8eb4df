"""The demo of the document part (Groningen) and the reminders."""

from __future__ import annotations

import datetime as dt

import pytest

from samenopleiden.quality import demo_document, reminders_document
from samenopleiden.quality import services_document as services
from samenopleiden.quality.models import CoreSection, DocumentApproval, FeedbackRound, SectionComment, SectionVersion
from samenopleiden.registry.models import Partnership

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 7)


@pytest.fixture
def demo(db):
    from samenopleiden.registry.services.demo import load_demo

    load_demo(today=TODAY)


def counts():
    return (
        CoreSection.objects.count(),
        SectionVersion.objects.count(),
        FeedbackRound.objects.count(),
        SectionComment.objects.count(),
        DocumentApproval.objects.count(),
    )


def test_demo_has_a_document_in_progress_and_is_idempotent(demo):
    groningen = Partnership.objects.get(slug="groningen")
    statuses = set(CoreSection.objects.filter(partnership=groningen).values_list("status", flat=True))
    assert statuses == set(CoreSection.Status.values)
    assert SectionComment.objects.filter(partnership=groningen, resolved=True).exists()
    assert DocumentApproval.objects.filter(partnership=groningen).exists()
    before = counts()
    demo_document.load(today=TODAY)
    assert counts() == before


def test_reviewers_get_a_reminder_three_days_before_the_round_closes(partnership, programme_lead, reader):
    document = services.document_start(partnership=partnership, title="K", actor=None)
    section = document.sections.first()
    services.round_create(
        document=document,
        title="Ronde",
        deadline=TODAY + dt.timedelta(days=3),
        sections=[section],
        reviewers=[reader, programme_lead],
        actor=None,
        today=TODAY,
    )
    services.comment_add(section=section, body="Al gedaan", actor=programme_lead.user)
    due = [r for r in reminders_document.due_reminders(TODAY) if r.key.startswith("quality.feedback")]
    assert [r.recipients for r in due] == [[reader.email]]
    assert not [r for r in reminders_document.due_reminders(TODAY - dt.timedelta(days=1)) if "feedback" in r.key]
