"""Rows of the growth module (the growth workspace, the variant matrix and onboarding of new partners) for the
cross-cutting walk tests; `walk.py` combines the parts."""

from __future__ import annotations

import datetime as dt

from samenopleiden.growth.models import (
    Candidate,
    CandidateStep,
    GrowthProfile,
    GrowthVariant,
    PlacesForecast,
    RegionalTable,
    VariantScore,
)


def populate(partnership, *, next_id, lead, educator) -> None:
    GrowthProfile.objects.create(id=next_id(), partnership=partnership, catchment="Geheim verzorgingsgebied Noord")
    PlacesForecast.objects.create(
        id=next_id(), partnership=partnership, school_year="2030-2031", places=77, note="Geheime prognose"
    )
    RegionalTable.objects.create(id=next_id(), partnership=partnership, name="Geheime regiotafel", contact=lead.email)
    variant = GrowthVariant.objects.order_by("pk").first() or GrowthVariant.objects.create(
        code="geheime-variant", name="Variant"
    )
    VariantScore.objects.create(
        id=next_id(), partnership=partnership, variant=variant, fit=4, reasoning="Geheime afweging groei"
    )
    candidate = Candidate.objects.create(
        id=next_id(),
        partnership=partnership,
        name="Geheime toetreder",
        owner=lead,
        start_year="2030-2031",
        intake_date=dt.date(2029, 9, 1),
        contact_name="Geheime contactpersoon",
    )
    CandidateStep.objects.create(
        id=next_id(), partnership=partnership, candidate=candidate, title="Geheime stap", deadline=dt.date(2030, 3, 1)
    )


def secrets(partnership) -> list[str]:
    return (
        list(RegionalTable.objects.filter(partnership=partnership).values_list("name", flat=True))
        + list(Candidate.objects.filter(partnership=partnership).values_list("name", flat=True))
        + list(CandidateStep.objects.filter(partnership=partnership).values_list("title", flat=True))
        + list(VariantScore.objects.filter(partnership=partnership).values_list("reasoning", flat=True))
        + list(PlacesForecast.objects.filter(partnership=partnership).values_list("note", flat=True))
    )
