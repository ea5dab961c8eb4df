"""Cards of the conversations module's session part on a partnership's overview page (combined in dashboard.py):
the next planned session (for who may see it), or a nudge to plan one for the lead."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from samenopleiden.core import access
from samenopleiden.core.dashboard import Card

from .models import Session


def cards(ctx, partnership, today: dt.date) -> list:
    if ctx.level(partnership) is None:
        return []
    upcoming = (
        access.sessions_visible(ctx, partnership)
        .filter(status__in=[Session.Status.PLANNED, Session.Status.RUNNING], date__gte=today)
        .select_related("guide")
        .order_by("date", "pk")
        .first()
    )
    if upcoming is not None:
        days = (upcoming.date - today).days
        return [
            Card(
                title=_("Volgend gesprek"),
                number=upcoming.date.strftime("%d-%m"),
                text=_("%(title)s (%(guide)s), over %(days)s dagen")
                % {"title": upcoming.title, "guide": upcoming.guide.title, "days": days}
                if days
                else _("%(title)s (%(guide)s), vandaag") % {"title": upcoming.title, "guide": upcoming.guide.title},
                url=reverse("conversations:session_detail", args=[partnership.slug, upcoming.pk]),
                link_text=_("Naar het gesprek"),
                tone="ok" if days <= 7 else "",
            )
        ]
    if ctx.can(access.Perm.CHANGE, partnership):
        return [
            Card(
                title=_("Volgend gesprek"),
                number=None,
                text=_("Geen gesprek gepland. Voer het gesprek over groei en samenwerking geregeld."),
                url=reverse("conversations:session_add", args=[partnership.slug]),
                link_text=_("Gesprek plannen"),
            )
        ]
    return []
