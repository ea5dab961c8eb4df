"""Reads for the people pages. Lists take a fixed number of queries, however many rows they show."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from samenopleiden.registry.models import Body, BodySeat, Person, RoleAssignment
from samenopleiden.registry.selectors.dashboard import current_roles, role_labels

__all__ = [
    "add_months",
    "body_rows",
    "credential_status",
    "people_rows",
    "person_detail",
    "role_labels",
    "with_clusters",
]


def people_rows(
    people: QuerySet[Person], *, q: str = "", role: str = "", cluster_id: int | str | None = None, today: dt.date
) -> QuerySet[Person]:
    """`people` (already limited to what the user may see) searched by name or e-mail and filtered on a
    current role and/or cluster (the same role assignment), with their current roles prefetched."""
    for term in q.split()[:5]:
        people = people.filter(Q(first_name__icontains=term) | Q(last_name__icontains=term) | Q(email__icontains=term))
    if role or cluster_id:
        holds = RoleAssignment.objects.filter(current_roles(today), person=OuterRef("pk"))
        if role:
            holds = holds.filter(role=role)
        if cluster_id:
            holds = holds.filter(cluster_id=cluster_id)
        people = people.filter(Exists(holds))
    current = RoleAssignment.objects.filter(current_roles(today)).select_related("cluster").order_by("role", "pk")
    return (
        people.select_related("school", "institute")
        .prefetch_related(Prefetch("roles", queryset=current, to_attr="current_roles"))
        .order_by("last_name", "first_name", "pk")
    )


def with_clusters(rows: Iterable[Person]) -> list[Person]:
    """Give each row (from people_rows) `cluster_names`: the clusters of its current roles, no queries."""
    result = []
    for person in rows:
        names = {r.cluster.name for r in getattr(person, "current_roles", []) if r.cluster_id}
        person.cluster_names = sorted(names)  # type: ignore[attr-defined]
        result.append(person)
    return result


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def credential_status(expires_on: dt.date | None, *, today: dt.date) -> str:
    """ "expired", "expiring" (within three months) or "" (valid, or no expiry date)."""
    if expires_on is None:
        return ""
    if expires_on < today:
        return "expired"
    if expires_on <= add_months(today, 3):
        return "expiring"
    return ""


def person_detail(person: Person, *, today: dt.date) -> dict[str, Any]:
    roles = list(person.roles.select_related("cluster").order_by("end_date", "role", "pk"))
    for r in roles:
        r.current = r.is_current(today)  # type: ignore[attr-defined]
        r.endable = r.end_date is None or r.end_date > today  # type: ignore[attr-defined]
    credentials = list(person.credentials.order_by("kind", "expires_on", "pk"))
    for c in credentials:
        c.status = credential_status(c.expires_on, today=today)  # type: ignore[attr-defined]
    return {
        "roles": roles,
        "credentials": credentials,
        "seats": list(person.seats.select_related("body").order_by("body__name")),
    }


def body_rows(partnership: Any) -> QuerySet[Body]:
    seats = BodySeat.objects.select_related("person").order_by("seat_role", "person__last_name", "pk")
    return partnership.bodies.prefetch_related(Prefetch("seats", queryset=seats)).order_by("kind", "name")


def body_seats(body: Body) -> QuerySet[BodySeat]:
    return body.seats.select_related("person").order_by("seat_role", "person__last_name", "pk")
