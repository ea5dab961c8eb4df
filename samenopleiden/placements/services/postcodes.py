"""The centres of four-digit postcode areas, for travel distances. Loaded from an open data file: any CSV or XLSX
with a postcode column and latitude and longitude (WGS84) columns, e.g. a PC4 centroid table published by CBS or
PDOK. Importing again updates what changed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from samenopleiden.core.errors import DomainError
from samenopleiden.core.imports import RowError, read_table

from ..models import PostcodeArea

COLUMNS = {
    "code": ("postcode", "pc4", "postcode4", "postcode_4", "code"),
    "latitude": ("latitude", "lat", "breedtegraad", "y"),
    "longitude": ("longitude", "lon", "lng", "lengtegraad", "x"),
    "place": ("plaats", "woonplaats", "place", "town"),
}


@dataclass
class PostcodePlan:
    errors: list[RowError] = field(default_factory=list)
    rows: list[PostcodeArea] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def plan(data: bytes, filename: str) -> PostcodePlan:
    table = read_table(data, filename)
    found = {key: next((n for n in names if n in table.header), None) for key, names in COLUMNS.items()}
    missing = [key for key in ("code", "latitude", "longitude") if found[key] is None]
    if missing:
        raise DomainError(_("Het bestand mist een kolom voor postcode, breedtegraad of lengtegraad."))
    result = PostcodePlan()
    for number, cells in table.rows:
        code = cells.get(found["code"], "").replace(" ", "")[:4]
        try:
            latitude = float(cells.get(found["latitude"], "").replace(",", "."))
            longitude = float(cells.get(found["longitude"], "").replace(",", "."))
        except ValueError:
            result.errors.append(RowError(number, "", _("breedte- of lengtegraad is geen getal.")))
            continue
        if not re.fullmatch(r"[1-9][0-9]{3}", code):
            result.errors.append(RowError(number, found["code"], _("'%(v)s' is geen postcode.") % {"v": code}))
        elif not (50.5 <= latitude <= 53.8 and 3.2 <= longitude <= 7.3):
            result.errors.append(RowError(number, "", _("deze coördinaten liggen niet in Nederland.")))
        else:
            place = cells.get(found["place"], "")[:100] if found["place"] else ""
            result.rows.append(PostcodeArea(code=code, latitude=latitude, longitude=longitude, place=place))
    return result


@transaction.atomic
def apply(import_plan: PostcodePlan) -> int:
    if not import_plan.ok:
        raise DomainError(_("Het bestand bevat fouten; er is niets geïmporteerd."))
    PostcodeArea.objects.bulk_create(
        import_plan.rows,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["latitude", "longitude", "place"],
        batch_size=2000,
    )
    return len(import_plan.rows)


def coordinates(codes: set[str]) -> dict[str, tuple[float, float]]:
    return {
        code: (lat, lon)
        for code, lat, lon in PostcodeArea.objects.filter(code__in=codes).values_list("code", "latitude", "longitude")
    }
