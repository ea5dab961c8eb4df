"""Files out: spreadsheets (XLSX, CSV) that open safely in Excel, and the record of who exported personal data.

Every text cell passes `safe_cell`, so a value such as "=HYPERLINK(...)" stays text. CSV is written with a BOM and
semicolons, which Dutch Excel opens correctly without an import wizard.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse

from . import history
from .imports import safe_cell

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

Sheet = tuple[str, Sequence[str], Iterable[Sequence[Any]]]  # (title, header, rows)


def xlsx_bytes(sheets: Iterable[Sheet]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append([safe_cell(h) for h in header])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([safe_cell(v) for v in row])
        for index, name in enumerate(header, start=1):
            sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = max(
                10, min(len(name) + 4, 50)
            )
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow(["" if v is None else safe_cell(v) for v in row])
    return buffer.getvalue()


def download(content: bytes | str, filename: str, *, kind: str) -> HttpResponse:
    """An attachment response; `kind` is "xlsx" or "csv" (UTF-8 with BOM)."""
    if kind == "csv":
        data = "\ufeff" + content if isinstance(content, str) else content
        response = HttpResponse(data, content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def spreadsheet(sheets: list[Sheet], filename: str, *, kind: str) -> HttpResponse:
    """One or more sheets as XLSX, or the first sheet as CSV."""
    if kind == "csv":
        _title, header, rows = sheets[0]
        return download(csv_text(header, rows), f"{filename}.csv", kind="csv")
    return download(xlsx_bytes(sheets), f"{filename}.xlsx", kind="xlsx")


def record_export(*, actor: Any, partnership: Any, what: str, rows: int, detail: dict[str, Any] | None = None) -> None:
    """Who exported which personal data, when (AVG): a history entry of the partnership."""
    history.record(
        actor=actor,
        obj=partnership,
        action="exported",
        changes={"export": what, "rijen": rows, **(detail or {})},
    )
