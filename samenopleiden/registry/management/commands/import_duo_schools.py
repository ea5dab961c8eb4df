from pathlib import Path

from django.core.management.base import BaseCommand

from samenopleiden.registry.management.importing import run_import
from samenopleiden.registry.services.imports import duo


class Command(BaseCommand):
    help = "Importeert DUO's open bestand met schoolvestigingen (CSV, puntkomma, Windows-1252). Veilig om te herhalen."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren; niets opslaan.")

    def handle(self, *args, file: Path, dry_run: bool, **options):
        counts = run_import(
            self,
            read=lambda: duo.plan(file.read_bytes(), file.name),
            apply=lambda plan: duo.apply(plan, actor=None),
            dry_run=dry_run,
        )
        self.stdout.write(
            f"{counts['created']} nieuw, {counts['updated']} gewijzigd, {counts['unchanged']} ongewijzigd."
        )
