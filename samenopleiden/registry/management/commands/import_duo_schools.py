from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from samenopleiden.core.errors import DomainError
from samenopleiden.registry.services.imports import duo


class Command(BaseCommand):
    help = "Importeert DUO's open bestand met schoolvestigingen (CSV, puntkomma, Windows-1252). Veilig om te herhalen."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren; niets opslaan.")

    def handle(self, *args, file: Path, dry_run: bool, **options):
        try:
            plan = duo.plan(file.read_bytes(), file.name)
        except (OSError, DomainError) as exc:
            raise CommandError(getattr(exc, "message", str(exc))) from exc
        if not plan.ok:
            for error in plan.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(plan.errors)} fout(en) gevonden; er is niets geïmporteerd.")
        with transaction.atomic():
            counts = duo.apply(plan, actor=None)
            if dry_run:
                transaction.set_rollback(True)
        prefix = "Proef (niets opgeslagen): " if dry_run else ""
        self.stdout.write(
            f"{prefix}{counts['created']} nieuw, {counts['updated']} gewijzigd, {counts['unchanged']} ongewijzigd."
        )
