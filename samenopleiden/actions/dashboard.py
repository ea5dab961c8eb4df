from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from samenopleiden.core import access
from samenopleiden.core.dashboard import Card

from . import selectors


def cards(ctx, partnership, today: dt.date) -> list[Card]:
    counts = selectors.counts(access.actions_visible(ctx, partnership), today=today)
    if not counts["open"] and not ctx.sees_all_of(partnership):
        return []
    text = _("open acties") if ctx.sees_all_of(partnership) else _("open acties van u")
    late = _("%(n)s te laat") % {"n": counts["late"]} if counts["late"] else ""
    return [
        Card(
            _("Acties"),
            counts["open"],
            f"{text}{', ' + late if late else ''}",
            reverse("actions:overview", args=[partnership.slug]),
            _("Naar de actielijst"),
            "error" if counts["late"] else "",
        )
    ]
