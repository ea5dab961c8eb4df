"""`manage.py growth_projection SCENARIO.json`: prints the projection of a scenario file, year by year. The file
holds the starting numbers as well as the levers (see README_projection.md), so this needs no database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from samenopleiden.growth import projection_engine as engine
from samenopleiden.growth.services.projection import text
from samenopleiden.students import funding

COLUMNS = (
    ("school_year", "Schooljaar"),
    ("clusters", "Clusters"),
    ("places", "Plaatsen"),
    ("students", "Studenten"),
    ("coverage", "Dekking %"),
    ("school_educators", "SO/IO nodig"),
    ("costs", "Kosten"),
    ("subsidy", "Subsidie"),
    ("gap", "Voorfinanciering"),
    ("per_partner", "Per partner"),
    ("public_places", "Openbaar"),
)


class Command(BaseCommand):
    help = "Rekent een scenariobestand (JSON) jaar voor jaar door en drukt de projectie af; zonder database."

    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="het scenariobestand (JSON), bijvoorbeeld gedownload van de scenariopagina")
        parser.add_argument("--json", action="store_true", help="de projectie als JSON in plaats van een tabel")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except OSError as exc:
            raise CommandError(_("Kan het bestand niet lezen: %(error)s") % {"error": exc.strerror or exc}) from None
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise CommandError(_("Het bestand is geen geldige JSON.")) from None
        try:
            read = engine.from_file(data)
        except engine.FormatError as exc:
            raise CommandError(text(exc)) from None
        if read.start is None:
            raise CommandError(_("Het bestand heeft geen startcijfers (het veld start ontbreekt)."))
        problems = engine.validate(read.start, read.levers)
        if problems:
            raise CommandError("\n".join(text(p) for p in problems))
        projection = engine.project(read.start, read.levers)
        if options["json"]:
            rows = [{name: _plain(getattr(y, name)) for name, _label in COLUMNS} for y in projection.years]
            self.stdout.write(json.dumps({"name": read.name, "years": rows}, ensure_ascii=False, indent=2))
            return
        self.stdout.write(read.name)
        self.stdout.write("")
        table = [[_(label) for _name, label in COLUMNS]]
        for y in projection.years:
            table.append([_cell(getattr(y, name)) for name, _label in COLUMNS])
        widths = [max(len(row[i]) for row in table) for i in range(len(COLUMNS))]
        for row in table:
            self.stdout.write("  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)))
        self.stdout.write("")
        if projection.full_coverage_year:
            self.stdout.write(_("Dekking 100%% in %(year)s.") % {"year": projection.full_coverage_year})
        else:
            self.stdout.write(_("Binnen de horizon geen 100%% dekking.") % {})
        self.stdout.write(_("Hoogste voorfinanciering: %(amount)s.") % {"amount": funding.euro(projection.peak_gap)})
        for note in projection.notes:
            self.stdout.write(text(note))


def _plain(value: Any) -> Any:
    return str(value) if hasattr(value, "quantize") else value


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if hasattr(value, "quantize"):
        return str(value).replace(".", ",")
    return str(value)
