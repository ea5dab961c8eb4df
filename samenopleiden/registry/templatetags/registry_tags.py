"""Template helpers of the registry. `{% load registry_tags %}`."""

from __future__ import annotations

from typing import Any

from django import template

from samenopleiden.registry.models import Partnership, Role
from samenopleiden.registry.selectors.dashboard import role_labels

register = template.Library()


def _labels_of(partnership: Partnership) -> dict[str, str]:
    """The role labels of a partnership, read once and kept on the instance for the rest of the request."""
    labels = getattr(partnership, "_role_labels_cache", None)
    if labels is None:
        labels = role_labels(partnership)
        partnership._role_labels_cache = labels  # type: ignore[attr-defined]
    return labels


@register.filter
def role_label(role: str, source: Any = None) -> str:
    """The partnership's own name for a canonical role, else the canonical Dutch label.

    `source` is either the dict of `selectors.people.role_labels(partnership)` (built once by the view:
    `{{ assignment.role|role_label:labels }}`) or the partnership itself
    (`{{ assignment.role|role_label:partnership }}`: one query for the first row, none after).
    """
    if isinstance(source, Partnership):
        source = _labels_of(source)
    if isinstance(source, dict) and source.get(role):
        return source[role]
    try:
        return str(Role(role).label)
    except ValueError:
        return role or ""
