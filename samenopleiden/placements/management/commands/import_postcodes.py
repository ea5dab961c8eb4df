from pathlib import Path

from django.core.management.base import BaseCommand

from samenopleiden.placements.services import postcodes
from samenopleiden.registry.management.importing import run_import


class Command(BaseCommand):
    help = (
        "Leest de middelpunten van postcodegebieden (4 cijfers) in, voor reisafstanden bij het plaatsen: een CSV of "
        "XLSX met een kolom postcode en kolommen voor breedte- en lengtegraad (WGS84). Veilig om te herhalen."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren; niets opslaan.")

    def handle(self, *args, file: Path, dry_run: bool, **options):
        file = Path(file)
        count = run_import(
            self,
            read=lambda: postcodes.plan(file.read_bytes(), file.name),
            apply=lambda plan: {"rows": postcodes.apply(plan)},
            dry_run=dry_run,
        )
        self.stdout.write(f"{count['rows']} postcodegebieden ingelezen.")
