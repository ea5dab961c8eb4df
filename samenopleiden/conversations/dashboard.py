"""Cards of the conversations module on a partnership's overview page: one file per part, combined here."""

from __future__ import annotations

import datetime as dt

from . import dashboard_session, dashboard_assessment


def cards(ctx, partnership, today: dt.date) -> list:
    return dashboard_session.cards(ctx, partnership, today) + dashboard_assessment.cards(ctx, partnership, today)
