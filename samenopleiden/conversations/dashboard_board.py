"""Cards of the conversations module's board part on a partnership's overview page (combined in dashboard.py):
a running session's live board with its number of post-its, for who reads the whole partnership."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from samenopleiden.core.dashboard import Card

from .models import Board, Session


def cards(ctx, partnership, today: dt.date) -> list:
    if not ctx.sees_all_of(partnership):
        return []
    found = (
        Board.objects.filter(partnership=partnership, session__status=Session.Status.RUNNING)
        .select_related("session")
        .annotate(n=Count("postits"))
        .order_by("-session__date", "-pk")
        .first()
    )
    if found is None:
        return []
    return [
        Card(
            _("Live bord"),
            found.n,
            _("post-its in het lopende gesprek “%(title)s”") % {"title": found.session.title},
            reverse("conversations:board", args=[partnership.slug, found.session_id]),
            _("Naar het bord"),
            "",
        )
    ]
