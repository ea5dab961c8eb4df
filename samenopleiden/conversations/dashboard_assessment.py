"""Cards of the conversations module's assessment part on a partnership's overview page (combined in dashboard.py):
an open self-assessment round with its number of responses, for who reads the whole partnership."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from samenopleiden.core.dashboard import Card

from .models import AssessmentRound


def cards(ctx, partnership, today: dt.date) -> list:
    if not ctx.sees_all_of(partnership):
        return []
    rounds = (
        AssessmentRound.objects.filter(partnership=partnership, opened_on__lte=today, closed_on__isnull=True)
        .filter(Q(closes_on__isnull=True) | Q(closes_on__gte=today))
        .annotate(n=Count("responses"))
        .order_by("-opened_on", "-pk")[:1]
    )
    found = next(iter(rounds), None)
    if found is None:
        return []
    return [
        Card(
            _("Zelfevaluatie"),
            found.n,
            _("antwoorden in de open ronde “%(title)s”") % {"title": found.title},
            reverse("conversations:assessment_round_detail", args=[partnership.slug, found.pk]),
            _("Naar de uitkomsten"),
            "warning" if found.n < 3 else "",
        )
    ]
