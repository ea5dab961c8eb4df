"""Cards of the growth module's projection part on a partnership's overview page (combined in dashboard.py): the
scenarios, and how many boards still have room for a cluster within the agreement (two queries)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from samenopleiden.core import access
from samenopleiden.core.dashboard import Card
from samenopleiden.registry.models import Cluster

from .models import BoardClusterLimit, Scenario


def boards_with_room(partnership) -> int:
    limits = dict(BoardClusterLimit.objects.filter(partnership=partnership).values_list("board_id", "max_clusters"))
    if not limits:
        return 0
    clusters = dict(
        Cluster.objects.filter(partnership=partnership, board_id__in=list(limits))
        .values("board_id")
        .annotate(n=Count("pk"))
        .values_list("board_id", "n")
    )
    return sum(1 for board, most in limits.items() if most > clusters.get(board, 0))


def cards(ctx, partnership, today: dt.date) -> list:
    if not access.sees_student_totals(ctx, partnership):
        return []
    scenarios = Scenario.objects.filter(partnership=partnership).count()
    room = boards_with_room(partnership)
    if not scenarios and not room:
        return []
    text = _("groeiscenario's; %(n)s besturen hebben volgens het convenant nog ruimte voor een cluster") % {"n": room}
    return [
        Card(
            _("Groeiscenario's"),
            scenarios,
            text,
            reverse("growth:scenarios", args=[partnership.slug]),
            _("Naar de scenario's"),
            "ok" if room else "",
        )
    ]
