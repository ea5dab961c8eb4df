from __future__ import annotations

import datetime as dt

from django.db.models import Sum
from django.urls import reverse
from django.utils.translation import gettext as _

from samenopleiden.core import access
from samenopleiden.core.dashboard import Card
from samenopleiden.students import schoolyear

from .models import CapacityOffer


def cards(ctx, partnership, today: dt.date) -> list[Card]:
    year = schoolyear.current(today)
    places = CapacityOffer.objects.filter(partnership=partnership, school_year=year).aggregate(n=Sum("places"))["n"]
    placed = access.placements_visible(ctx, partnership).filter(student__school_year=year).count()
    if not places and not placed:
        return []
    return [
        Card(
            _("Plaatsing"),
            places or 0,
            _("plaatsen aangeboden in %(year)s; %(placed)s studenten geplaatst") % {"year": year, "placed": placed},
            reverse("placements:overview", args=[partnership.slug]),
            _("Naar de plaatsing"),
        )
    ]
