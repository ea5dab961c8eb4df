from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samenopleiden.registry.management.importing import run_import
from samenopleiden.registry.models import Partnership
from samenopleiden.students.services import imports


class Command(BaseCommand):
    help = (
        "Importeert de studenten van één studiejaar uit de export van een lerarenopleiding (CSV of XLSX). "
        "Veilig om te herhalen: hetzelfde bestand verandert niets, een verbeterd bestand werkt bij."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--partnership", required=True, help="De korte naam (slug) van het partnerschap.")
        parser.add_argument("--year", required=True, help="Het studiejaar, bijvoorbeeld 2025-2026.")
        parser.add_argument(
            "--replace", action="store_true", help="Het bestand is de volledige lijst: verwijder wie er niet in staat."
        )
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren; niets opslaan.")

    def handle(self, *args, file: Path, partnership: str, year: str, replace: bool, dry_run: bool, **options):
        target = Partnership.objects.filter(slug=partnership).first()
        if target is None:
            raise CommandError(f"Er is geen partnerschap '{partnership}'.")
        counts = run_import(
            self,
            read=lambda: imports.plan(
                file.read_bytes(), file.name, partnership=target, school_year=year, replace=replace
            ),
            apply=lambda plan: imports.apply(plan, partnership=target, actor=None, filename=file.name),
            dry_run=dry_run,
        )
        self.stdout.write(
            f"{counts['created']} nieuw, {counts['updated']} gewijzigd, {counts['unchanged']} ongewijzigd, "
            f"{counts['removed']} verwijderd."
        )
