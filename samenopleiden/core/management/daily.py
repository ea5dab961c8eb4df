"""The base of the commands cron runs once a day (`send_reminders`, `purge_students`): `--dry-run` to only show
what would happen, `--today` to act as on another date."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class DailyCommand(BaseCommand):
    dry_run_help = "Alleen tonen wat er zou gebeuren."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help=self.dry_run_help)
        parser.add_argument("--today", help="Doe alsof het deze datum is (JJJJ-MM-DD).")

    def handle(self, *args, dry_run: bool, today: str | None, **options):
        try:
            day = dt.date.fromisoformat(today) if today else timezone.localdate()
        except ValueError as exc:
            raise CommandError(f"'{today}' is geen datum (JJJJ-MM-DD).") from exc
        self.run(day, dry_run=dry_run)

    def run(self, day: dt.date, *, dry_run: bool) -> None:
        raise NotImplementedError
