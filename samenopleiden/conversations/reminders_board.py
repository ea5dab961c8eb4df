"""Reminders of the conversations module's board part (combined in reminders.py)."""

from __future__ import annotations

import datetime as dt


def due_reminders(today: dt.date) -> list:
    return []
