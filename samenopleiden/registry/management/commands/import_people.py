from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samenopleiden.registry.management.importing import run_import
from samenopleiden.registry.models import Partnership
from samenopleiden.registry.services.imports import people


class Command(BaseCommand):
    help = "Importeert mensen met hun rollen voor één partnerschap (CSV of XLSX). Veilig om te herhalen."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--partnership", required=True, help="De korte naam (slug) van het partnerschap.")
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren; niets opslaan.")

    def handle(self, *args, file: Path, partnership: str, dry_run: bool, **options):
        target = Partnership.objects.filter(slug=partnership).first()
        if target is None:
            raise CommandError(f"Er is geen partnerschap '{partnership}'.")
        counts = run_import(
            self,
            read=lambda: people.plan(file.read_bytes(), file.name, partnership=target),
            apply=lambda plan: people.apply(plan, partnership=target, actor=None),
            dry_run=dry_run,
        )
        self.stdout.write(
            f"{counts['created']} nieuw, {counts['updated']} gewijzigd, {counts['unchanged']} "
            f"ongewijzigd, {counts['roles']} nieuwe rollen."
        )
