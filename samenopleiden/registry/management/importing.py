"""What the import commands share: read and check the whole file, then apply it in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from samenopleiden.core.errors import DomainError


def run_import(command: BaseCommand, *, read: Callable[[], Any], apply: Callable[[Any], dict], dry_run: bool) -> dict:
    try:
        plan = read()
    except (OSError, DomainError) as exc:
        raise CommandError(getattr(exc, "message", str(exc))) from exc
    if not plan.ok:
        for error in plan.errors:
            command.stderr.write(str(error))
        raise CommandError(f"{len(plan.errors)} fout(en) gevonden; er is niets geïmporteerd.")
    with transaction.atomic():
        counts = apply(plan)
        if dry_run:
            transaction.set_rollback(True)
    if dry_run:
        command.stdout.write("Proef: er is niets opgeslagen.")
    return counts
