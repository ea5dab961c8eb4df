"""Rows of the quality module (the framework and the core document) for the cross-cutting walk tests; `walk.py`
combines the parts."""

from __future__ import annotations

import datetime as dt

from samenopleiden.quality.models import (
    CoreDocument,
    CoreSection,
    DocumentApproval,
    FacilitationNorm,
    FeedbackRound,
    Safeguard,
    SectionComment,
    SectionVersion,
)
from samenopleiden.quality.services_document import framework_load


def populate(partnership, *, next_id, lead, educator) -> None:
    framework_load()
    safeguard = Safeguard.objects.order_by("number").first()
    FacilitationNorm.objects.create(
        id=next_id(),
        partnership=partnership,
        role="school_teacher_educator",
        hours_per_student=17,
        note="Geheime faciliteringsafspraak",
    )
    document = CoreDocument.objects.create(
        id=next_id(),
        partnership=partnership,
        title="Geheim kerndocument",
        goal="Geheim projectdoel",
        project_lead=lead,
    )
    section = CoreSection.objects.create(
        id=next_id(),
        partnership=partnership,
        document=document,
        safeguard=safeguard,
        title="Geheime sectie",
        body="Geheime tekst van de sectie\n\n[[gegevens:profiel]]",
        writer=educator,
        status="in_bewerking",
    )
    CoreSection.objects.create(
        id=next_id(),
        partnership=partnership,
        document=document,
        safeguard=safeguard,
        title="Geheime vastgestelde sectie",
        body="Geheime vastgestelde tekst",
        status="vastgesteld",
    )
    SectionVersion.objects.create(
        id=next_id(),
        partnership=partnership,
        section=section,
        number=1,
        title="Geheime sectie",
        body="Geheime eerste versie",
    )
    feedback = FeedbackRound.objects.create(
        id=next_id(),
        partnership=partnership,
        document=document,
        title="Geheime feedbackronde",
        deadline=dt.date(2030, 1, 1),
    )
    feedback.sections.set([section])
    feedback.reviewers.set([educator])
    comment = SectionComment.objects.create(
        id=next_id(),
        partnership=partnership,
        section=section,
        author=lead.user,
        author_name="Geheime auteur",
        body="Geheime opmerking",
    )
    SectionComment.objects.create(
        id=next_id(),
        partnership=partnership,
        section=section,
        parent=comment,
        author_name="Geheime auteur",
        body="Geheime reactie",
    )
    DocumentApproval.objects.create(
        id=next_id(),
        partnership=partnership,
        document=document,
        approved_by="Geheim bestuurlijk overleg",
        approved_on=dt.date(2029, 6, 1),
        version_label="1.0",
    )


def secrets(partnership) -> list[str]:
    return (
        list(CoreDocument.objects.filter(partnership=partnership).values_list("title", flat=True))
        + list(CoreSection.objects.filter(partnership=partnership).values_list("title", flat=True))
        + list(SectionComment.objects.filter(partnership=partnership).values_list("body", flat=True))
        + list(FeedbackRound.objects.filter(partnership=partnership).values_list("title", flat=True))
        + list(DocumentApproval.objects.filter(partnership=partnership).values_list("approved_by", flat=True))
        + list(FacilitationNorm.objects.filter(partnership=partnership).values_list("note", flat=True))
    )
