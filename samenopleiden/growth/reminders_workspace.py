"""Reminders of the growth module's workspace part (combined in reminders.py): to the partnership's person who
follows a candidate up (its `owner`), a week before a step's deadline, and once when the deadline has passed."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from samenopleiden.core.reminders import Reminder

from .models import Candidate, CandidateStep

SOON = dt.timedelta(days=7)
LATE_WINDOW = dt.timedelta(days=60)  # older late steps were reminded of before, or are not worth a first e-mail


def due_reminders(today: dt.date) -> list:
    rows = (
        CandidateStep.objects.filter(
            done_on__isnull=True,
            deadline__lte=today + SOON,
            deadline__gte=today - LATE_WINDOW,
            candidate__status=Candidate.Status.ACTIVE,
        )
        .exclude(candidate__owner=None)
        .exclude(candidate__owner__email="")
        .select_related("candidate__owner", "partnership")
    )
    reminders = []
    for step in rows:
        candidate = step.candidate
        late = step.deadline < today
        link = settings.SITE_URL + reverse("growth:candidate_detail", args=[step.partnership.slug, candidate.pk])
        values = {
            "step": step.title,
            "name": candidate.name,
            "date": step.deadline.strftime("%d-%m-%Y"),
            "link": link,
        }
        if late:
            subject = _("Toetreding %(name)s: stap over de termijn") % values
            body = (
                _(
                    "De stap '%(step)s' van de toetreding van %(name)s moest uiterlijk %(date)s gedaan zijn en staat "
                    "nog open.\n\nVink de stap af of pas de termijn aan: %(link)s"
                )
                % values
            )
        else:
            subject = _("Toetreding %(name)s: stap uiterlijk %(date)s") % values
            body = (
                _("Uiterlijk %(date)s moet de stap '%(step)s' van de toetreding van %(name)s gedaan zijn.\n\n%(link)s")
                % values
            )
        reminders.append(
            Reminder(
                key=f"growth.step.{'late' if late else 'soon'}:{step.pk}:{step.deadline.isoformat()}",
                partnership_id=step.partnership_id,
                recipients=[candidate.owner.email],
                subject=subject,
                body=body,
            )
        )
    return reminders
