"""Cards of the quality module's cycle part on a partnership's overview page (combined in dashboard.py): the goals
behind schedule, the next peer review, partner schools due for re-certification (readers and the lead), and the
annual plans of the current school year (everyone of the partnership: educators see their own clusters)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from samenopleiden.core import access
from samenopleiden.core.dashboard import Card
from samenopleiden.students import schoolyear

from . import selectors_cycle as selectors


def cards(ctx, partnership, today: dt.date) -> list:
    if ctx.level(partnership) is None:
        return []
    found = []
    if ctx.sees_all_of(partnership):
        counts = selectors.goal_counts(partnership, today)
        total = sum(counts.values())
        if total:
            behind = counts.get("achter", 0) + counts.get("niet_behaald", 0)
            found.append(
                Card(
                    _("Kwaliteitsdoelen"),
                    total,
                    _("doelen, waarvan %(behind)s achter of niet behaald en %(done)s behaald")
                    % {"behind": behind, "done": counts.get("behaald", 0)},
                    reverse("quality:goals", args=[partnership.slug]),
                    _("Naar de doelen"),
                    "warning" if behind else "ok",
                )
            )
        due = partnership.next_peer_review_due
        if due:
            days = (due - today).days
            found.append(
                Card(
                    _("Volgende peer review"),
                    due.strftime("%d-%m-%Y"),
                    _("uiterste datum, over %(n)s dagen") % {"n": days}
                    if days >= 0
                    else _("de uiterste datum is voorbij"),
                    reverse("quality:peer_reviews", args=[partnership.slug]),
                    _("Naar peer review"),
                    "error" if days < 0 else ("warning" if days < 365 else ""),
                )
            )
        states = selectors.state_counts(partnership, today)
        soon = states.get("verloopt", 0) + states.get("verlopen", 0)
        if sum(states.values()):
            found.append(
                Card(
                    _("Certificering partnerscholen"),
                    states.get("geldig", 0) + states.get("verloopt", 0),
                    _("scholen gecertificeerd; %(soon)s verlopen of bijna verlopen") % {"soon": soon},
                    reverse("quality:certification", args=[partnership.slug]),
                    _("Naar de certificering"),
                    "warning" if soon else "ok",
                )
            )
    year = schoolyear.current(today)
    clusters = access.clusters_visible(ctx, partnership)
    n_clusters = clusters.count()
    if n_clusters:
        plans = access.annual_plans_visible(ctx, partnership).filter(school_year=year, cluster__in=clusters).count()
        found.append(
            Card(
                _("Jaarplannen %(year)s") % {"year": year},
                f"{plans}/{n_clusters}",
                _("clusters met een jaarplan"),
                reverse("quality:plans", args=[partnership.slug]),
                _("Naar de jaarplannen"),
                "ok" if plans == n_clusters else "warning",
            )
        )
    return found
