"""Reminder e-mails, one mechanism for every module.

A module gives `samenopleiden/<app>/reminders.py` with `due_reminders(today) -> list[Reminder]`: what ought to
be sent today (a certification that expires in two months, an action past its deadline). `send_due()` sends each
reminder once: its `key` names the occasion, and a sent key is kept (`SentReminder`), so running the command
every day, or twice a day, never sends the same reminder twice. Run it daily from cron:
`manage.py send_reminders`.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from .models import SentReminder
from .modules import hooks

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reminder:
    key: str  # unique per occasion, e.g. "actions.late:12:2026-11-01"
    partnership_id: int | None
    recipients: list[str] = field(default_factory=list)
    subject: str = ""
    body: str = ""


def collect(today: dt.date, *, partnership_id: int | None = None) -> list[Reminder]:
    """Everything the modules say is due today (sent or not), optionally for one partnership."""
    providers = [module for module in hooks("reminders") if hasattr(module, "due_reminders")]
    found = [r for module in providers for r in module.due_reminders(today)]
    if partnership_id is not None:
        found = [r for r in found if r.partnership_id == partnership_id]
    return found


def send_due(today: dt.date, *, dry_run: bool = False) -> tuple[list[Reminder], list[Reminder]]:
    """(sent, skipped): each due reminder with recipients that was not sent before is sent now."""
    already = set(SentReminder.objects.values_list("key", flat=True))
    sent, skipped = [], []
    for reminder in collect(today):
        if reminder.key in already or not reminder.recipients:
            skipped.append(reminder)
            continue
        if not dry_run:
            try:
                with transaction.atomic():
                    SentReminder.objects.create(key=reminder.key, partnership_id=reminder.partnership_id)
                    send_mail(reminder.subject, reminder.body, settings.DEFAULT_FROM_EMAIL, reminder.recipients)
            except IntegrityError:  # another run sent it a moment ago
                skipped.append(reminder)
                continue
        already.add(reminder.key)
        sent.append(reminder)
    return sent, skipped
