"""Writes to the action list. Other modules create actions here (a conversation's decision, a peer review's
recommendation); the list is where they are followed up."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopleiden.core import editing
from samenopleiden.core.errors import DomainError
from samenopleiden.registry.models import Partnership, Person

from .models import Action

# What the owner of an action may change; the programme lead may change everything.
OWNER_FIELDS = ("status", "progress_note")


def _check_owner(owner: Person | None, partnership: Partnership) -> None:
    if owner is not None and owner.partnership_id != partnership.pk:
        raise DomainError(_("De eigenaar van een actie moet iemand van dit partnerschap zijn."), field="owner")


def _done_on(status: str, current: dt.date | None) -> dt.date | None:
    if status == Action.Status.DONE:
        return current or timezone.localdate()
    return None


@transaction.atomic
def action_create(
    *,
    partnership: Partnership,
    title: str,
    owner: Person | None = None,
    deadline: dt.date | None = None,
    description: str = "",
    source: str = "",
    source_label: str = "",
    source_url: str = "",
    actor: Any,
) -> Action:
    _check_owner(owner, partnership)
    if not title.strip():
        raise DomainError(_("Geef de actie een omschrijving."), field="title")
    action = Action(
        partnership=partnership,
        title=title.strip()[:200],
        owner=owner,
        deadline=deadline,
        description=description,
        source=source[:100],
        source_label=source_label[:200],
        source_url=source_url[:300],
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    editing.create(action, actor=actor)
    return action


@transaction.atomic
def action_update(*, action: Action, changes: dict[str, Any], expected_version: int | None, actor: Any) -> Action:
    if "owner" in changes:
        _check_owner(changes["owner"], action.partnership)
    if "status" in changes:
        changes = {**changes, "done_on": _done_on(changes["status"], action.done_on)}
    editing.apply_changes(action, changes=changes, actor=actor, expected_version=expected_version)
    return action


def action_update_by_owner(
    *, action: Action, changes: dict[str, Any], expected_version: int | None, actor: Any
) -> Action:
    """The owner reports progress: only the status and the progress note."""
    refused = set(changes) - set(OWNER_FIELDS)
    if refused:
        raise DomainError(_("Als eigenaar wijzigt u alleen de status en de voortgang van een actie."))
    return action_update(action=action, changes=changes, expected_version=expected_version, actor=actor)
