"""Import of DUO's open file of school locations (vestigingen): creates and updates reference School rows.

A fixed number of queries whatever the size of the file: all schools are read once, then created and updated
in bulk. Importing the same file twice changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from samenopleiden.core import history
from samenopleiden.core.errors import DomainError
from samenopleiden.core.imports import RowError, Table, formula_errors, read_table
from samenopleiden.registry.models import School, SchoolBoard

COLUMNS = {
    "brin": ["instellingscode", "brin nummer", "brinnummer", "brin"],
    "branch": ["vestigingscode", "vestigingsnummer"],
    "name": ["vestigingsnaam", "naam vestiging", "instellingsnaam"],
    "street": ["straatnaam"],
    "number": ["huisnummer-toevoeging", "huisnummer"],
    "postcode": ["postcode"],
    "city": ["plaatsnaam"],
    "municipality": ["gemeentenaam"],
    "denomination": ["denominatie"],
    "website": ["internetadres"],
    "authority": ["bevoegd gezag nummer", "bevoegdgezagnummer", "bevoegd gezag"],
    "authority_name": ["naam bevoegd gezag", "bevoegd gezag naam"],
    "structure": ["onderwijsstructuur"],
}
FIELDS = ["name", "street", "postcode", "city", "municipality", "denomination", "website", "sector"]
BRIN = re.compile(r"^[0-9]{2}[A-Z]{2}$")
POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Z]{2})$")


@dataclass
class DuoPlan:
    errors: list[RowError] = field(default_factory=list)
    new: list[School] = field(default_factory=list)
    changed: list[School] = field(default_factory=list)
    unchanged: int = 0
    new_boards: dict[str, str] = field(default_factory=dict)  # authority code -> name
    board_codes: dict[tuple[str, str], str] = field(default_factory=dict)  # school key -> authority code

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def summary(self) -> list[tuple[int, str]]:
        return [(len(self.new), _("nieuw")), (len(self.changed), _("gewijzigd")), (self.unchanged, _("ongewijzigd"))]


def _column(table: Table, key: str) -> str | None:
    return next((name for name in COLUMNS[key] if name in table.header), None)


def plan(data: bytes, filename: str) -> DuoPlan:
    table = read_table(data, filename)
    cols = {key: _column(table, key) for key in COLUMNS}
    missing = [
        label
        for key, label in (("brin", "INSTELLINGSCODE"), ("branch", "VESTIGINGSCODE"), ("name", "VESTIGINGSNAAM"))
        if cols[key] is None
    ]
    if missing:
        raise DomainError(
            _("Dit lijkt geen DUO-bestand met vestigingen: de kolom(men) %(cols)s ontbreken.")
            % {"cols": ", ".join(missing)}
        )
    result = DuoPlan(errors=formula_errors(table))
    existing = {(s.brin, s.branch_code): s for s in School.objects.all()}
    seen: dict[tuple[str, str], int] = {}

    def get(cells: dict[str, str], key: str) -> str:
        return cells.get(cols[key], "") if cols[key] else ""

    for number, cells in table.rows:
        brin = get(cells, "brin").upper().replace(" ", "")
        branch = get(cells, "branch").upper().replace(" ", "")
        if len(branch) == 6 and branch[:4] == brin:
            branch = branch[4:]
        branch = branch.zfill(2) if branch.isdigit() and len(branch) <= 2 else branch
        if not BRIN.match(brin):
            result.errors.append(
                RowError(
                    number,
                    cols["brin"] or "",
                    _("'%(v)s' is geen geldig BRIN-nummer (twee cijfers en twee letters).") % {"v": brin},
                )
            )
            continue
        if not re.match(r"^[0-9]{2}$", branch):
            result.errors.append(
                RowError(
                    number,
                    cols["branch"] or "",
                    _("'%(v)s' is geen geldig vestigingsnummer.") % {"v": get(cells, "branch")},
                )
            )
            continue
        key = (brin, branch)
        if key in seen:
            result.errors.append(
                RowError(
                    number,
                    cols["branch"] or "",
                    _("vestiging %(code)s staat ook op rij %(row)s.") % {"code": brin + branch, "row": seen[key]},
                )
            )
            continue
        seen[key] = number
        name = get(cells, "name")
        if not name:
            result.errors.append(RowError(number, cols["name"] or "", _("de naam van de vestiging ontbreekt.")))
            continue
        postcode = get(cells, "postcode").upper()
        match = POSTCODE.match(postcode.replace("  ", " "))
        postcode = f"{match.group(1)} {match.group(2)}" if match else ""
        structure = get(cells, "structure")
        school = existing.get(key)
        values: dict[str, Any] = {
            "name": name[:300],
            "street": " ".join(p for p in (get(cells, "street"), get(cells, "number")) if p)[:200],
            "postcode": postcode,
            "city": get(cells, "city").title()[:100] if get(cells, "city").isupper() else get(cells, "city")[:100],
            "municipality": get(cells, "municipality").title()[:100]
            if get(cells, "municipality").isupper()
            else get(cells, "municipality")[:100],
            "denomination": get(cells, "denomination")[:100],
            "website": get(cells, "website")[:300],
            "sector": "vo" if structure else (school.sector if school else "po"),
        }
        authority = get(cells, "authority")
        if authority:
            result.board_codes[key] = authority
            if get(cells, "authority_name"):
                result.new_boards.setdefault(authority, get(cells, "authority_name"))
        if school is None:
            result.new.append(School(brin=brin, branch_code=branch, **values))
        elif any(getattr(school, f) != values[f] for f in FIELDS):
            for f in FIELDS:
                setattr(school, f, values[f])
            result.changed.append(school)
        else:
            result.unchanged += 1
    return result


@transaction.atomic
def apply(import_plan: DuoPlan, *, actor: Any, partnership: Any = None) -> dict[str, int]:
    if not import_plan.ok:
        raise DomainError(_("Het bestand bevat fouten; er is niets geïmporteerd."))
    boards = {b.authority_code: b for b in SchoolBoard.objects.exclude(authority_code="")}
    to_create = [
        SchoolBoard(authority_code=code, name=name)
        for code, name in import_plan.new_boards.items()
        if code not in boards
    ]
    SchoolBoard.objects.bulk_create(to_create)
    if to_create:
        boards = {b.authority_code: b for b in SchoolBoard.objects.exclude(authority_code="")}
    for school in import_plan.new + import_plan.changed:
        board = boards.get(import_plan.board_codes.get((school.brin, school.branch_code), ""))
        if board is not None and school.board_id is None:
            school.board = board
    School.objects.bulk_create(import_plan.new, batch_size=1000)
    School.objects.bulk_update(import_plan.changed, FIELDS + ["board"], batch_size=1000)
    counts = {"created": len(import_plan.new), "updated": len(import_plan.changed), "unchanged": import_plan.unchanged}
    if import_plan.new or import_plan.changed:
        marker = import_plan.new[0] if import_plan.new else import_plan.changed[0]
        history.record(
            actor=actor, obj=marker, action="imported", partnership=partnership, changes={"duo_import": counts}
        )
    return counts
