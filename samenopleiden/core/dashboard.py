"""Cards on a partnership's overview page, one or more per module, each for who may see it.

A module gives `samenopleiden/<app>/dashboard.py` with `cards(ctx, partnership, today) -> list[Card]`; it checks
access itself (core.access) and returns nothing for who may not see it. Each card costs a query or two.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .modules import hooks


@dataclass(frozen=True)
class Card:
    title: str
    number: int | str | None
    text: str
    url: str = ""
    link_text: str = ""
    tone: str = ""  # "", "ok", "warning" or "error": a badge that draws the eye


def cards(ctx: Any, partnership: Any, today: dt.date) -> list[Card]:
    found: list[Card] = []
    for module in hooks("dashboard"):
        if hasattr(module, "cards"):
            found += module.cards(ctx, partnership, today)
    return found
