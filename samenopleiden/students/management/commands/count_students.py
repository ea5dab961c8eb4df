import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from samenopleiden.core.exports import csv_text, record_export, xlsx_bytes
from samenopleiden.registry.models import Partnership
from samenopleiden.students import schoolyear
from samenopleiden.students.services.statements import count_rows


class Command(BaseCommand):
    help = (
        "De telling van een studiejaar op de peildatum: één regel per student met studentnummer, categorie "
        "(leeg als de student niet meetelt), reden en instituut. Bevat studentnummers: ga er zorgvuldig mee om."
    )

    def add_arguments(self, parser):
        parser.add_argument("--partnership", required=True, help="De korte naam (slug) van het partnerschap.")
        parser.add_argument("--year", required=True, help="Het studiejaar, bijvoorbeeld 2025-2026.")
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        parser.add_argument(
            "--out", type=Path, help="Schrijf naar dit bestand (anders naar het scherm; xlsx vraagt --out)."
        )

    def handle(self, *args, partnership: str, year: str, format: str, out: Path | None, **options):
        target = Partnership.objects.filter(slug=partnership).first()
        if target is None:
            raise CommandError(f"Er is geen partnerschap '{partnership}'.")
        if schoolyear.parse(year) != year:
            raise CommandError(f"'{year}' is geen studiejaar; schrijf het als 2025-2026.")
        if format == "xlsx" and out is None:
            raise CommandError("Een Excel-bestand gaat niet naar het scherm: geef --out BESTAND.xlsx.")
        out = Path(out) if out else None
        rows = count_rows(target, year)
        header = [_("studentnummer"), _("categorie"), _("reden"), _("instituut")]
        if format == "xlsx":
            out.write_bytes(xlsx_bytes([(_("Telling"), header, rows)]))
        elif out is not None:
            out.write_text("\ufeff" + csv_text(header, rows), encoding="utf-8")
        else:
            sys.stdout.write(csv_text(header, rows))
        record_export(
            actor=None,
            partnership=target,
            what=_("telling per student (count_students)"),
            rows=len(rows),
            detail={"jaar": year, "formaat": format},
        )
        counted = sum(1 for row in rows if row[1])
        self.stderr.write(f"{counted} van {len(rows)} studenten tellen mee in {year}.")
