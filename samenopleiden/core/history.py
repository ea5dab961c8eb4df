"""Recording changes. Every service that writes calls record(); nothing else writes HistoryEntry."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import models

from .models import HistoryEntry


def plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime, Decimal)):
        return str(value)
    if isinstance(value, (list, tuple, set)):
        return [plain(v) for v in value]
    return value


def snapshot(obj: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """The editable field values of a row, as plain data, to diff before and after a change."""
    names = fields or [
        f.name for f in obj._meta.concrete_fields if f.editable and not f.primary_key and f.name != "version"
    ]
    return {name: plain(getattr(obj, name)) for name in names}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)}


def record(
    *,
    actor: Any,
    obj: models.Model,
    action: str,
    partnership: Any = None,
    changes: dict[str, Any] | None = None,
) -> HistoryEntry:
    if partnership is None:
        is_partnership = obj._meta.label == "registry.Partnership"
        partnership = obj if is_partnership else getattr(obj, "partnership", None)
    user = actor if getattr(actor, "is_authenticated", False) else None
    return HistoryEntry.objects.create(
        partnership=partnership,
        actor=user,
        object_type=obj._meta.model_name or "",
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        action=action,
        changes={k: plain(v) for k, v in (changes or {}).items()},
    )


def record_many(*, actor: Any, partnership: Any, rows: list[tuple[models.Model, str, dict[str, Any]]]) -> None:
    """Many changes at once (an import of thousands of rows): one insert per batch instead of one per row."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    HistoryEntry.objects.bulk_create(
        [
            HistoryEntry(
                partnership=partnership,
                actor=user,
                object_type=obj._meta.model_name or "",
                object_id=str(obj.pk),
                object_repr=str(obj)[:300],
                action=action,
                changes={k: plain(v) for k, v in changes.items()},
            )
            for obj, action, changes in rows
        ],
        batch_size=2000,
    )
