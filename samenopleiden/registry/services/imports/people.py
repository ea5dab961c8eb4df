"""Import of people with their roles for one partnership (CSV or XLSX).

People are matched on e-mail address (else on name and school); roles are added, never removed. Everything
is checked first: one bad row and nothing is imported. Importing the same file twice changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from samenopleiden.core import history
from samenopleiden.core.errors import DomainError
from samenopleiden.core.imports import RowError, formula_errors, read_table
from samenopleiden.registry.models import Cluster, Institute, Partnership, Person, Role, RoleAssignment, School

COLUMNS = ["voornaam", "tussenvoegsel", "achternaam", "e-mail", "telefoon", "rol", "cluster", "school", "instituut"]
REQUIRED = ["voornaam", "achternaam"]
ALIASES = {
    "email": "e-mail",
    "e-mailadres": "e-mail",
    "emailadres": "e-mail",
    "rollen": "rol",
    "brin": "school",
    "telefoonnummer": "telefoon",
}


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower().strip()) if not unicodedata.combining(c))


def role_lookup(partnership: Partnership) -> dict[str, str]:
    """Every way a role may be written in the file (canonical Dutch name, code, local name) -> role value."""
    lookup = {}
    for value, label in Role.choices:
        lookup[_plain(str(label))] = value
        lookup[_plain(value)] = value
    for role, local in partnership.role_names.values_list("role", "local_name"):
        lookup[_plain(local)] = role
    return lookup


@dataclass
class PersonRow:
    number: int
    person: Person | None  # the existing person, if any
    values: dict[str, Any]
    roles: list[tuple[str, Cluster | None]]


@dataclass
class PeoplePlan:
    errors: list[RowError] = field(default_factory=list)
    rows: list[PersonRow] = field(default_factory=list)
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    new_roles: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def summary(self) -> list[tuple[int, str]]:
        return [
            (self.new, _("nieuw")),
            (self.changed, _("gewijzigd")),
            (self.unchanged, _("ongewijzigd")),
            (self.new_roles, _("nieuwe rollen")),
        ]


def plan(data: bytes, filename: str, *, partnership: Partnership) -> PeoplePlan:
    table = read_table(data, filename)
    table.header = [ALIASES.get(h, h) for h in table.header]
    table.rows = [(n, {ALIASES.get(k, k): v for k, v in cells.items()}) for n, cells in table.rows]
    missing = [c for c in REQUIRED if c not in table.header]
    if missing:
        raise DomainError(
            _("De kopregel mist de kolom(men): %(missing)s. Gebruik het sjabloon.") % {"missing": ", ".join(missing)}
        )
    result = PeoplePlan(errors=formula_errors(table))
    roles = role_lookup(partnership)
    clusters = {c.name.lower(): c for c in partnership.clusters.all()}
    schools = {s.brin_code: s for s in School.objects.filter(memberships__partnership=partnership)}
    institutes = {i.code.lower(): i for i in Institute.objects.filter(memberships__partnership=partnership)}
    people = list(partnership.people.all())
    by_email = {p.email.lower(): p for p in people if p.email}
    by_name = {(p.first_name.lower(), p.last_name.lower(), p.school_id): p for p in people if not p.email}
    current = set(
        RoleAssignment.objects.filter(partnership=partnership, end_date__isnull=True).values_list(
            "person_id", "role", "cluster_id"
        )
    )
    emails_seen: dict[str, int] = {}

    for number, cells in table.rows:
        errors_before = len(result.errors)

        def error(column: str, message: str, number: int = number) -> None:
            result.errors.append(RowError(number, column, message))

        first = cells.get("voornaam", "")
        last = " ".join(p for p in (cells.get("tussenvoegsel", ""), cells.get("achternaam", "")) if p)
        if not first:
            error("voornaam", _("de voornaam ontbreekt."))
        if not cells.get("achternaam"):
            error("achternaam", _("de achternaam ontbreekt."))
        email = cells.get("e-mail", "").lower()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                error("e-mail", _("'%(v)s' is geen geldig e-mailadres.") % {"v": email})
            if email in emails_seen:
                error("e-mail", _("dit e-mailadres staat ook op rij %(row)s.") % {"row": emails_seen[email]})
                result.errors.append(
                    RowError(
                        emails_seen[email], "e-mail", _("dit e-mailadres staat ook op rij %(row)s.") % {"row": number}
                    )
                )
            emails_seen.setdefault(email, number)
        school = None
        if cells.get("school"):
            code = cells["school"].upper().replace(" ", "")
            code = code + "00" if len(code) == 4 else code
            school = schools.get(code)
            if school is None:
                error(
                    "school",
                    _("'%(v)s' is geen school van dit partnerschap (BRIN + vestiging, bijvoorbeeld 12AB00).")
                    % {"v": cells["school"]},
                )
        institute = None
        if cells.get("instituut"):
            institute = institutes.get(cells["instituut"].lower())
            if institute is None:
                error(
                    "instituut", _("'%(v)s' is geen lerarenopleiding van dit partnerschap.") % {"v": cells["instituut"]}
                )
        cluster = None
        if cells.get("cluster"):
            cluster = clusters.get(cells["cluster"].lower())
            if cluster is None:
                error("cluster", _("'%(v)s' is geen cluster van dit partnerschap.") % {"v": cells["cluster"]})
        wanted_roles: list[tuple[str, Cluster | None]] = []
        for part in re.split(r"[;,]", cells.get("rol", "")):
            if not part.strip():
                continue
            role = roles.get(_plain(part))
            if role is None:
                error("rol", _("'%(v)s' is geen bekende rol.") % {"v": part.strip()})
            else:
                wanted_roles.append((role, cluster))
        if len(result.errors) > errors_before:
            continue
        values = {
            "first_name": first[:100],
            "last_name": last[:150],
            "email": email,
            "phone": cells.get("telefoon", "")[:30],
            "school": school,
            "institute": institute,
        }
        person = (
            by_email.get(email) if email else by_name.get((first.lower(), last.lower(), getattr(school, "pk", None)))
        )
        if person is None:
            result.new += 1
        else:
            keep = {k: v for k, v in values.items() if v or k in ("first_name", "last_name")}
            if any(getattr(person, k) != v for k, v in keep.items()):
                result.changed += 1
            else:
                result.unchanged += 1
            values = keep
        new_roles = [
            r for r in wanted_roles if person is None or (person.pk, r[0], getattr(r[1], "pk", None)) not in current
        ]
        result.new_roles += len(new_roles)
        result.rows.append(PersonRow(number, person, values, new_roles))
    return result


@transaction.atomic
def apply(import_plan: PeoplePlan, *, partnership: Partnership, actor: Any) -> dict[str, int]:
    if not import_plan.ok:
        raise DomainError(_("Het bestand bevat fouten; er is niets geïmporteerd."))
    for row in import_plan.rows:
        person = row.person
        if person is None:
            person = Person.objects.create(partnership=partnership, **row.values)
            history.record(actor=actor, obj=person, action="imported", changes=history.snapshot(person))
        else:
            before = history.snapshot(person, list(row.values))
            for key, value in row.values.items():
                setattr(person, key, value)
            after = history.snapshot(person, list(row.values))
            if before != after:
                person.version += 1
                person.save()
                history.record(actor=actor, obj=person, action="imported", changes=history.diff(before, after))
        for role, cluster in row.roles:
            assignment, created = RoleAssignment.objects.get_or_create(
                person=person, role=role, cluster=cluster, defaults={"partnership": partnership}
            )
            if not created and assignment.end_date is not None:
                assignment.end_date = None
                assignment.save(update_fields=["end_date"])
    return {
        "created": import_plan.new,
        "updated": import_plan.changed,
        "unchanged": import_plan.unchanged,
        "roles": import_plan.new_roles,
    }


def template_workbook() -> bytes:
    """The XLSX template a partnership fills in."""
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Mensen"
    sheet.append(COLUMNS)
    sheet.append(
        [
            "Anne",
            "de",
            "Vries",
            "anne.devries@school.nl",
            "050-1234567",
            "schoolopleider",
            "Cluster Stad 1",
            "12AB00",
            "",
        ]
    )
    sheet.append(
        ["Bram", "", "Bakker", "b.bakker@hogeschool.nl", "", "instituutsopleider; assessor", "", "", "nhlstenden"]
    )
    notes = workbook.create_sheet("Toelichting")
    notes.append(["kolom", "toelichting"])
    for column, text in [
        ("voornaam, achternaam", "verplicht"),
        ("e-mail", "hiermee herkent het platform iemand bij een volgende import"),
        ("rol", "één of meer rollen, gescheiden door ; — " + ", ".join(str(label) for _v, label in Role.choices)),
        ("cluster", "de naam van de cluster zoals in het platform"),
        ("school", "BRIN + vestigingsnummer, bijvoorbeeld 12AB00"),
        ("instituut", "de code van de lerarenopleiding"),
    ]:
        notes.append([column, text])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
