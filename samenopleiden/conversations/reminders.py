"""Reminders of the conversations module (see core.reminders): one file per part, combined here."""

from __future__ import annotations

import datetime as dt

from . import reminders_assessment, reminders_board, reminders_session


def due_reminders(today: dt.date) -> list:
    return [r for part in (reminders_session, reminders_board, reminders_assessment) for r in part.due_reminders(today)]
