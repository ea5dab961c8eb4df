"""Cards of the quality module on a partnership's overview page: one file per part, combined here."""

from __future__ import annotations

import datetime as dt

from . import dashboard_cycle, dashboard_document


def cards(ctx, partnership, today: dt.date) -> list:
    return dashboard_document.cards(ctx, partnership, today) + dashboard_cycle.cards(ctx, partnership, today)
