"""Reminders of the growth module (see core.reminders): one file per part, combined here."""

from __future__ import annotations

import datetime as dt

from . import reminders_projection, reminders_workspace


def due_reminders(today: dt.date) -> list:
    return reminders_workspace.due_reminders(today) + reminders_projection.due_reminders(today)
