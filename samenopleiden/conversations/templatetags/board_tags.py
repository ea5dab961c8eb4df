"""Small template helpers of the live board."""

from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag
def dots(n: int) -> str:
    """A row of dots for a vote count (at most 40 drawn)."""
    return "●" * min(int(n or 0), 40)


@register.simple_tag
def own_count(own: dict, option_id: int) -> int:
    return (own or {}).get(option_id, 0)
