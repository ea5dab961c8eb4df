"""Reads of the action list."""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from samenopleiden.registry.models import Partnership

from .models import Action

OPEN = (Action.Status.OPEN, Action.Status.IN_PROGRESS)


def actions_for(partnership: Partnership, *, source_prefix: str | None = None) -> QuerySet[Action]:
    qs = Action.objects.filter(partnership=partnership)
    if source_prefix:
        qs = qs.filter(source__startswith=source_prefix)
    return qs.select_related("owner", "partnership").order_by(
        Case(When(status__in=OPEN, then=Value(0)), default=Value(1), output_field=IntegerField()),
        "deadline",
        "pk",
    )


def filtered(qs: QuerySet[Action], *, state: str, owner_id: int | None, today: dt.date) -> QuerySet[Action]:
    """`state`: open (open or in progress), late (open and past its deadline), done, all."""
    if state == "open":
        qs = qs.filter(status__in=OPEN)
    elif state == "late":
        qs = qs.filter(status__in=OPEN, deadline__lt=today)
    elif state == "done":
        qs = qs.filter(Q(status=Action.Status.DONE) | Q(status=Action.Status.DROPPED))
    if owner_id:
        qs = qs.filter(owner_id=owner_id)
    return qs


def counts(qs: QuerySet[Action], *, today: dt.date) -> dict[str, int]:
    return {
        "open": qs.filter(status__in=OPEN).count(),
        "late": qs.filter(status__in=OPEN, deadline__lt=today).count(),
    }
