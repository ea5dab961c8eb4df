"""Reminders for the action list: to the owner a week before the deadline, and once when it has passed."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from samenopleiden.core.reminders import Reminder

from .models import Action
from .selectors import OPEN


def due_reminders(today: dt.date) -> list[Reminder]:
    soon = today + dt.timedelta(days=7)
    rows = (
        Action.objects.filter(status__in=OPEN, deadline__lte=soon, deadline__gte=today - dt.timedelta(days=30))
        .exclude(owner=None)
        .exclude(owner__email="")
        .select_related("owner", "partnership")
    )
    reminders = []
    for action in rows:
        late = action.deadline < today
        link = settings.SITE_URL + reverse("actions:action_detail", args=[action.partnership.slug, action.pk])
        values = {"title": action.title, "date": action.deadline.strftime("%d-%m-%Y"), "link": link}
        if late:
            subject = _("Actie over de deadline: %(title)s") % values
            body = (
                _(
                    "De deadline van de actie '%(title)s' was %(date)s en de actie staat nog open.\n\n"
                    "Meld de voortgang of sluit de actie af: %(link)s"
                )
                % values
            )
        else:
            subject = _("Actie met deadline %(date)s: %(title)s") % values
            body = (
                _("Over een week, op %(date)s, is de deadline van de actie '%(title)s'.\n\nDe actie: %(link)s") % values
            )
        reminders.append(
            Reminder(
                key=f"actions.{'late' if late else 'soon'}:{action.pk}:{action.deadline.isoformat()}",
                partnership_id=action.partnership_id,
                recipients=[action.owner.email],
                subject=subject,
                body=body,
            )
        )
    return reminders
