"""Reminders of the quality module (see core.reminders): one file per part, combined here."""

from __future__ import annotations

import datetime as dt

from . import reminders_cycle, reminders_document


def due_reminders(today: dt.date) -> list:
    return reminders_document.due_reminders(today) + reminders_cycle.due_reminders(today)
