"""Reads for the organisation lists. Each list takes a fixed number of queries, whatever its length."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from samenopleiden.registry.models import Cluster, Membership, Partnership, Role, RoleAssignment
from samenopleiden.registry.selectors.dashboard import current_roles


def board_rows(partnership: Partnership) -> QuerySet[Membership]:
    return (
        partnership.memberships.filter(board__isnull=False)
        .select_related("board")
        .annotate(
            school_count=Count(
                "board__schools",
                filter=Q(board__schools__memberships__partnership=partnership),
                distinct=True,
            ),
            cluster_count=Count("board__clusters", filter=Q(board__clusters__partnership=partnership), distinct=True),
        )
        .order_by("end_date", "board__name")
    )


def school_rows(partnership: Partnership, *, q: str = "", role: str = "", board_id: str | None = None) -> QuerySet:
    rows = partnership.memberships.filter(school__isnull=False).select_related("school", "school__board")
    if q:
        rows = rows.filter(Q(school__name__icontains=q) | Q(school__brin__iexact=q[:4]) | Q(school__city__icontains=q))
    if role:
        rows = rows.filter(role=role)
    if board_id:
        rows = rows.filter(school__board_id=board_id)
    return rows.prefetch_related(
        Prefetch("school__clusters", queryset=Cluster.objects.filter(partnership=partnership).only("name"))
    ).order_by("end_date", "school__name")


def institute_rows(partnership: Partnership) -> QuerySet[Membership]:
    return (
        partnership.memberships.filter(institute__isnull=False)
        .select_related("institute")
        .prefetch_related("institute__programmes")
        .order_by("end_date", "institute__name")
    )


def cluster_rows(clusters: QuerySet[Cluster], *, today: dt.date) -> list[dict[str, Any]]:
    educators = RoleAssignment.objects.filter(
        current_roles(today), role__in=[Role.SCHOOL_TEACHER_EDUCATOR, Role.INSTITUTE_TEACHER_EDUCATOR]
    ).select_related("person")
    rows = []
    for cluster in (
        clusters.select_related("board", "partnership")
        .annotate(school_count=Count("schools", distinct=True))
        .prefetch_related(Prefetch("role_assignments", queryset=educators, to_attr="educators"))
        .order_by("name")
    ):
        so = [r.person for r in cluster.educators if r.role == Role.SCHOOL_TEACHER_EDUCATOR]
        io = [r.person for r in cluster.educators if r.role == Role.INSTITUTE_TEACHER_EDUCATOR]
        rows.append(
            {
                "cluster": cluster,
                "school_teacher_educators": so,
                "institute_teacher_educators": io,
                "maximum": cluster.partnership.max_schools_per_cluster,
            }
        )
    return rows


def cluster_people(cluster: Cluster, *, today: dt.date) -> QuerySet[RoleAssignment]:
    return (
        cluster.role_assignments.filter(current_roles(today))
        .select_related("person", "person__school")
        .order_by("role", "person__last_name")
    )
