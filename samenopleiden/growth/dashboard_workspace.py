"""Cards of the growth module's workspace part on a partnership's overview page (combined in dashboard.py): the
candidates joining the partnership, and how many have a step past its deadline."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from samenopleiden.core.dashboard import Card

from . import selectors_workspace as selectors


def cards(ctx, partnership, today: dt.date) -> list:
    if ctx.level(partnership) is None:
        return []
    counts = selectors.late_counts(partnership, today=today)
    if not counts["running"]:
        return []
    late = _("%(n)s met een stap te laat") % {"n": counts["late"]} if counts["late"] else _("alles op schema")
    return [
        Card(
            _("Toetreding"),
            counts["running"],
            _("nieuwe partners in behandeling, %(late)s") % {"late": late},
            reverse("growth:candidates", args=[partnership.slug]),
            _("Naar de toetreders"),
            "error" if counts["late"] else "ok",
        )
    ]
