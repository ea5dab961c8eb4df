"""The one way a service changes an existing row: validate, save with the optimistic lock, record history."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from . import history
from .concurrency import save_versioned
from .errors import DomainError
from .models import VersionedModel


def validation_message(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return " ".join(str(m) for messages in exc.message_dict.values() for m in messages)
    return " ".join(str(m) for m in exc.messages)


def full_clean(obj: models.Model, **kwargs: Any) -> None:
    """`full_clean()` whose failure is a DomainError with the Dutch messages."""
    try:
        obj.full_clean(**kwargs)
    except ValidationError as exc:
        raise DomainError(validation_message(exc)) from exc


@transaction.atomic
def apply_changes(
    obj: models.Model,
    *,
    changes: dict[str, Any],
    actor: Any,
    partnership: Any = None,
    expected_version: int | None = None,
    validate_unique: bool = True,
) -> models.Model:
    # "before" comes from the database: a ModelForm may already have changed the instance in memory
    stored = type(obj)._default_manager.filter(pk=obj.pk).first()
    before = history.snapshot(stored, list(changes)) if stored else {}
    for name, value in changes.items():
        setattr(obj, name, value)
    full_clean(obj, validate_unique=validate_unique)
    if isinstance(obj, VersionedModel):
        save_versioned(obj, expected_version=expected_version)
    else:
        obj.save()
    delta = history.diff(before, history.snapshot(obj, list(changes)))
    if delta:
        history.record(actor=actor, obj=obj, action="changed", partnership=partnership, changes=delta)
    return obj


@transaction.atomic
def create(obj: models.Model, *, actor: Any, partnership: Any = None) -> models.Model:
    full_clean(obj)
    obj.save()
    history.record(actor=actor, obj=obj, action="created", partnership=partnership, changes=history.snapshot(obj))
    return obj
