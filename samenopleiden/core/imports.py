"""Reading uploaded spreadsheets: CSV (comma or semicolon; UTF-8 with or without BOM, or Windows-1252) and XLSX.

Every import in the platform reads its file here and reports problems as RowErrors in Dutch. Exports use
`safe_cell` so that a spreadsheet program never runs a cell as a formula.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from .errors import DomainError

FORMULA_PREFIXES = ("=", "+", "-", "@")


@dataclass(frozen=True)
class RowError:
    row: int  # 1-based line number in the file, the header being row 1
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return _("Rij %(row)s, kolom %(column)s: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("Rij %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # (row number, normalised header -> value)


def normalise_header(name: str) -> str:
    return " ".join(str(name or "").replace("\ufeff", "").strip().lower().split())


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(data: bytes) -> list[list[str]]:
    text = _decode(data)
    if "\x00" in text:
        raise DomainError(_("Dit bestand is geen tekstbestand (CSV) of Excel-bestand (XLSX)."))
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") and ";" in first_line else ","
    if delimiter == "," and "," not in first_line and "\t" in first_line:
        delimiter = "\t"
    try:
        return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise DomainError(_("Het CSV-bestand kan niet worden gelezen: %(error)s") % {"error": exc}) from exc


def _read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise DomainError(_("Het Excel-bestand kan niet worden geopend. Sla het opnieuw op als .xlsx.")) from exc
    sheet = workbook.worksheets[0]
    rows = []
    for values in sheet.iter_rows(values_only=True):
        rows.append(
            ["" if v is None else (v.strftime("%Y-%m-%d") if hasattr(v, "strftime") else str(v)) for v in values]
        )
    workbook.close()
    return rows


def read_table(data: bytes, filename: str, *, required: Iterable[str] = ()) -> Table:
    """Read an uploaded file into a header and rows. Raises DomainError for a file that cannot be read at all."""
    if not data or not data.strip():
        raise DomainError(_("Het bestand is leeg."))
    if len(data) > settings.IMPORT_MAX_BYTES:
        raise DomainError(
            _("Het bestand is te groot (maximaal %(mb)s MB).") % {"mb": settings.IMPORT_MAX_BYTES // (1024 * 1024)}
        )
    is_xlsx = data[:2] == b"PK" or filename.lower().endswith((".xlsx", ".xlsm"))
    raw = _read_xlsx(data) if is_xlsx else _read_csv(data)
    raw = [row for row in raw if any(str(cell).strip() for cell in row)]
    if not raw:
        raise DomainError(_("Het bestand is leeg."))
    header = [normalise_header(h) for h in raw[0]]
    missing = [name for name in required if name not in header]
    if missing:
        raise DomainError(
            _("De kopregel mist de kolom(men): %(missing)s. Gevonden kolommen: %(found)s.")
            % {"missing": ", ".join(missing), "found": ", ".join(h for h in header if h) or _("geen")}
        )
    table = Table(header=header)
    for number, row in enumerate(raw[1:], start=2):
        cells = {name: str(row[i]).strip() if i < len(row) else "" for i, name in enumerate(header) if name}
        table.rows.append((number, cells))
    return table


def formula_errors(table: Table) -> list[RowError]:
    """Cells that a spreadsheet would run as a formula (=HYPERLINK(...)) are refused."""
    return [
        RowError(number, column, _("deze cel bevat een formule; vul alleen de waarde in."))
        for number, cells in table.rows
        for column, value in cells.items()
        if value.startswith("=")
    ]


def safe_cell(value: Any) -> Any:
    """For exports: a text cell that starts with =, +, - or @ gets a leading quote so it stays text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def stash(*, kind: str, data: bytes, filename: str, user: Any, partnership: Any, options: dict | None = None) -> Any:
    """Keep an uploaded file until its preview is confirmed; files older than a day are dropped."""
    import datetime as dt
    import hashlib

    from django.utils import timezone

    from .models import PendingImport

    PendingImport.objects.filter(created_at__lt=timezone.now() - dt.timedelta(days=1)).delete()
    return PendingImport.objects.create(
        kind=kind,
        options=options or {},
        content=data,
        filename=filename[:255],
        created_by=user,
        partnership=partnership,
        sha256=hashlib.sha256(data).hexdigest(),
    )
