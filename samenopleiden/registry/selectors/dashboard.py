"""Reads for the partnership dashboard. A fixed number of queries however large the partnership."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q

from samenopleiden.core.access import AccessContext, clusters_visible, people_visible
from samenopleiden.core.models import HistoryEntry
from samenopleiden.registry.models import Credential, Membership, Partnership, Role, RoleAssignment


def current_roles(on: dt.date) -> Q:
    return (Q(start_date__isnull=True) | Q(start_date__lte=on)) & (Q(end_date__isnull=True) | Q(end_date__gte=on))


def role_labels(partnership: Partnership) -> dict[str, str]:
    """Canonical role -> the name this partnership uses for it."""
    labels = {value: str(label) for value, label in Role.choices}
    labels.update(dict(partnership.role_names.values_list("role", "local_name")))
    return labels


def dashboard(ctx: AccessContext, partnership: Partnership, *, today: dt.date) -> dict[str, Any]:
    sees_all = ctx.sees_all_of(partnership)
    clusters = clusters_visible(ctx, partnership)
    people = people_visible(ctx, partnership)
    current = RoleAssignment.objects.filter(current_roles(today))
    so_roles = current.filter(cluster=OuterRef("pk"), role=Role.SCHOOL_TEACHER_EDUCATOR)
    clusters_without = clusters.annotate(has_so=Exists(so_roles)).filter(has_so=False).select_related("board")

    members = Membership.objects.filter(partnership=partnership, end_date__isnull=True)
    counts = members.aggregate(
        boards=Count("pk", filter=Q(board__isnull=False)),
        institutes=Count("pk", filter=Q(institute__isnull=False)),
        schools_partner=Count("pk", filter=Q(school__isnull=False, role=Membership.Role.PARTNER)),
        schools_aspirant=Count("pk", filter=Q(school__isnull=False, role=Membership.Role.ASPIRANT)),
        schools_satellite=Count("pk", filter=Q(school__isnull=False, role=Membership.Role.SATELLITE)),
    )
    labels = role_labels(partnership)
    own_people = {} if sees_all else {"person__in": people}  # readers and leads see everyone: no subquery
    per_role_rows = (
        current.filter(partnership=partnership, **own_people)
        .values("role")
        .annotate(n=Count("person", distinct=True))
        .order_by("role")
    )
    per_role = sorted(((labels.get(r["role"], r["role"]), r["n"]) for r in per_role_rows), key=lambda x: x[0])
    horizon = today + dt.timedelta(days=91)
    expiring = (
        Credential.objects.filter(partnership=partnership, expires_on__lte=horizon, **own_people)
        .select_related("person")
        .order_by("expires_on")[:50]
    )
    return {
        "counts": counts if sees_all else None,
        "cluster_count": clusters.count(),
        "people_count": people.count(),
        "per_role": per_role,
        "clusters_without_so": list(clusters_without),
        "expiring": list(expiring),
        "today": today,
        "horizon": horizon,
        "my_clusters": list(clusters.select_related("board").annotate(school_count=Count("schools")))
        if not sees_all
        else [],
    }


def recent_history(partnership: Partnership, limit: int = 10) -> list[HistoryEntry]:
    return list(HistoryEntry.objects.filter(partnership=partnership).select_related("actor")[:limit])
