"""Cards of the growth module on a partnership's overview page: one file per part, combined here."""

from __future__ import annotations

import datetime as dt

from . import dashboard_projection, dashboard_workspace


def cards(ctx, partnership, today: dt.date) -> list:
    return dashboard_workspace.cards(ctx, partnership, today) + dashboard_projection.cards(ctx, partnership, today)
