"""Reminders of the conversations module's session part (combined in reminders.py): two days before a planned
session, one e-mail to its facilitator (or, without an account, to the partnership's programme leads) with the
date, the participants per perspective and how much of the preparation is done. Actions agreed in a session are
reminded by the actions module."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from samenopleiden.core.reminders import Reminder
from samenopleiden.registry.models import Role

from .models import Perspective, Session

DAYS_BEFORE = 2


def due_reminders(today: dt.date) -> list:
    day = today + dt.timedelta(days=DAYS_BEFORE)
    sessions = (
        Session.objects.filter(date=day, status=Session.Status.PLANNED)
        .select_related("partnership", "facilitator", "guide")
        .annotate(steps=Count("guide__checklist", distinct=True), ticked=Count("ticks", distinct=True))
    )
    found = []
    for session in sessions:
        if session.facilitator_id and session.facilitator.email:
            recipients = [session.facilitator.email]
        else:
            recipients = sorted(
                set(
                    session.partnership.people.filter(roles__role=Role.PROGRAMME_LEAD)
                    .exclude(email="")
                    .values_list("email", flat=True)
                )
            )
        counts = dict(
            session.participants.values_list("perspective").annotate(n=Count("pk")).values_list("perspective", "n")
        )
        lines = [f"- {label}: {counts.get(value, 0)}" for value, label in Perspective.choices]
        url = reverse("conversations:session_prepare", args=[session.partnership.slug, session.pk])
        body = "\n".join(
            [
                _("Over twee dagen, op %(day)s, is het gesprek “%(title)s” (%(guide)s).")
                % {"day": session.date.strftime("%d-%m-%Y"), "title": session.title, "guide": session.guide.title},
                "",
                _("Deelnemers per perspectief:"),
                *lines,
                "",
                _("Voorbereiding: %(ticked)s van %(steps)s stappen afgevinkt.")
                % {"ticked": session.ticked, "steps": session.steps},
                _("Voorbereiden: %(url)s") % {"url": url},
            ]
        )
        found.append(
            Reminder(
                key=f"conversations.session:{session.pk}:{session.date.isoformat()}",
                partnership_id=session.partnership_id,
                recipients=recipients,
                subject=_("Gesprek over twee dagen: %(title)s") % {"title": session.title},
                body=body,
            )
        )
    return found
