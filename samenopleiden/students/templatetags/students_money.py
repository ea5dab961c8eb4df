"""Amounts and percentages written the Dutch way in templates: `{{ amount|euro }}`, `{{ share|percent }}`."""

from __future__ import annotations

from typing import Any

from django import template

from .. import funding

register = template.Library()


@register.filter
def euro(value: Any) -> str:
    return "" if value is None or value == "" else funding.euro(value)


@register.filter
def percent(value: Any) -> str:
    return "" if value is None or value == "" else funding.percent(value)
