"""Reminders of the growth module's projection part (combined in reminders.py)."""

from __future__ import annotations

import datetime as dt


def due_reminders(today: dt.date) -> list:
    return []
