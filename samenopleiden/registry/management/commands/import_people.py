from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from samenopleiden.core.errors import DomainError
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
        try:
            plan = people.plan(file.read_bytes(), file.name, partnership=target)
        except (OSError, DomainError) as exc:
            raise CommandError(getattr(exc, "message", str(exc))) from exc
        if not plan.ok:
            for error in plan.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(plan.errors)} fout(en) gevonden; er is niets geïmporteerd.")
        with transaction.atomic():
            counts = people.apply(plan, partnership=target, actor=None)
            if dry_run:
                transaction.set_rollback(True)
        prefix = "Proef (niets opgeslagen): " if dry_run else ""
        self.stdout.write(
            f"{prefix}{counts['created']} nieuw, {counts['updated']} gewijzigd, "
            f"{counts['unchanged']} ongewijzigd, {counts['roles']} nieuwe rollen."
        )
