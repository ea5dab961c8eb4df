"""Reminders of the quality module's document part (combined in reminders.py): three days before a feedback round
closes, to each reviewer who has not yet commented on its sections; and to the project lead a month before the
planned date when sections are still empty."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from samenopleiden.core.reminders import Reminder


def due_reminders(today: dt.date) -> list:
    from .models import CoreDocument, CoreSection, FeedbackRound, SectionComment

    reminders: list[Reminder] = []
    soon = today + dt.timedelta(days=3)
    rounds = (
        FeedbackRound.objects.filter(deadline__gte=today, deadline__lte=soon)
        .select_related("partnership", "document")
        .prefetch_related("reviewers", "sections")
    )
    for feedback in rounds:
        section_ids = [s.pk for s in feedback.sections.all()]
        commented = set(SectionComment.objects.filter(section_id__in=section_ids).values_list("author_id", flat=True))
        link = settings.SITE_URL + reverse("quality:document", args=[feedback.partnership.slug]) + "#feedback"
        titles = ", ".join(s.title for s in feedback.sections.all())
        for person in feedback.reviewers.all():
            if not person.email or (person.user_id and person.user_id in commented):
                continue
            values = {
                "title": feedback.title,
                "date": f"{feedback.deadline:%d-%m-%Y}",
                "sections": titles,
                "link": link,
                "document": feedback.document.title,
            }
            reminders.append(
                Reminder(
                    key=f"quality.feedback:{feedback.pk}:{person.pk}:{feedback.deadline.isoformat()}",
                    partnership_id=feedback.partnership_id,
                    recipients=[person.email],
                    subject=_("Uw feedback op het kerndocument, uiterlijk %(date)s") % values,
                    body=_(
                        "U bent gevraagd te reageren op %(document)s (%(title)s): %(sections)s.\n\n"
                        "De ronde sluit op %(date)s. Plaats uw opmerkingen via %(link)s"
                    )
                    % values,
                )
            )
    month = today + dt.timedelta(days=30)
    documents = CoreDocument.objects.filter(target_date=month).select_related("project_lead", "partnership")
    for document in documents:
        lead = document.project_lead
        if lead is None or not lead.email:
            continue
        empty = document.sections.filter(status=CoreSection.Status.EMPTY).count()
        if not empty:
            continue
        link = settings.SITE_URL + reverse("quality:completeness", args=[document.partnership.slug])
        values = {"title": document.title, "n": empty, "date": f"{document.target_date:%d-%m-%Y}", "link": link}
        reminders.append(
            Reminder(
                key=f"quality.document-empty:{document.pk}:{document.target_date.isoformat()}",
                partnership_id=document.partnership_id,
                recipients=[lead.email],
                subject=_("Kerndocument: nog %(n)s lege secties, een maand voor %(date)s") % values,
                body=_(
                    "%(title)s moet op %(date)s klaar zijn; %(n)s secties zijn nog leeg.\n\nDe volledigheid: %(link)s"
                )
                % values,
            )
        )
    return reminders
