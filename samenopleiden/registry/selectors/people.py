from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch, Q, QuerySet

from samenopleiden.registry.models import Person, RoleAssignment
from samenopleiden.registry.selectors.dashboard import current_roles


def people_rows(
    people: QuerySet[Person], *, q: str = "", role: str = "", cluster_id: str | None = None, today: dt.date
) -> QuerySet[Person]:
    if q:
        people = people.filter(Q(first_name__icontains=q) | Q(last_name__icontains=q) | Q(email__icontains=q))
    if role:
        people = people.filter(roles__role=role).distinct()
    if cluster_id:
        people = people.filter(roles__cluster_id=cluster_id).distinct()
    current = RoleAssignment.objects.filter(current_roles(today)).select_related("cluster")
    return (
        people.select_related("school", "institute")
        .prefetch_related(Prefetch("roles", queryset=current, to_attr="current_roles"))
        .order_by("last_name", "first_name", "pk")
    )


def person_detail(person: Person) -> dict:
    return {
        "roles": person.roles.select_related("cluster").order_by("end_date", "role"),
        "credentials": person.credentials.order_by("expires_on"),
        "seats": person.seats.select_related("body"),
    }
