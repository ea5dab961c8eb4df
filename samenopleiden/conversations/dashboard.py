"""Cards of the conversations module on a partnership's overview page: one file per part, combined here."""

from __future__ import annotations

import datetime as dt

from . import dashboard_assessment, dashboard_board, dashboard_session


def cards(ctx, partnership, today: dt.date) -> list:
    return [
        card
        for part in (dashboard_session, dashboard_board, dashboard_assessment)
        for card in part.cards(ctx, partnership, today)
    ]
