"""Cards of the conversations module's board part on a partnership's overview page (combined in dashboard.py)."""

from __future__ import annotations

import datetime as dt


def cards(ctx, partnership, today: dt.date) -> list:
    return []
