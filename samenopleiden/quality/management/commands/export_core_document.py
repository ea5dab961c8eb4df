"""Exports a partnership's core document to DOCX or PDF, with its live data filled in now."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samenopleiden.core.errors import DomainError
from samenopleiden.quality import document_report
from samenopleiden.registry.models import Partnership


class Command(BaseCommand):
    help = "Exporteert het kerndocument van een partnerschap naar DOCX of PDF."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--partnership", required=True, help="slug van het partnerschap")
        parser.add_argument("--format", choices=["docx", "pdf"], default="pdf")
        parser.add_argument("--out", required=True, help="het bestand om te schrijven")

    def handle(self, *args, **options) -> None:
        partnership = Partnership.objects.filter(slug=options["partnership"]).first()
        if partnership is None:
            raise CommandError(f"Geen partnerschap met slug '{options['partnership']}'.")
        try:
            content = document_report.to_bytes(partnership, options["format"])
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        out = Path(options["out"])
        try:
            out.write_bytes(content)
        except OSError as exc:
            raise CommandError(f"Kan {out} niet schrijven: {exc}") from exc
        self.stdout.write(f"{out}: {len(content)} bytes")
