"""Reminders of the conversations module (see core.reminders): one file per part, combined here."""

from __future__ import annotations

import datetime as dt

from . import reminders_session, reminders_assessment


def due_reminders(today: dt.date) -> list:
    return reminders_session.due_reminders(today) + reminders_assessment.due_reminders(today)
