"""Reads for the public pages: the directory ("Vind elkaar") and a partnership's profile ("ID-kaart")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from samenopleiden.registry.models import Cluster, Institute, Membership, Partnership, Region, School


@dataclass(frozen=True)
class DirectoryFilters:
    q: str = ""
    region: str = ""
    sector: str = ""
    institute: str = ""
    municipality: str = ""

    @property
    def active(self) -> bool:
        return any((self.q, self.region, self.sector, self.institute, self.municipality))


def directory_search(filters: DirectoryFilters) -> QuerySet[Partnership]:
    qs = Partnership.objects.filter(is_public=True)
    if filters.q:
        qs = qs.filter(Q(name__icontains=filters.q) | Q(short_name__icontains=filters.q))
    if filters.region:
        qs = qs.filter(regions__slug=filters.region)
    if filters.sector in {"po", "vo", "mbo"}:
        qs = qs.filter(**{f"sector_{filters.sector}": True})
    if filters.institute:
        qs = qs.filter(Exists(Membership.objects.filter(partnership=OuterRef("pk"), institute__code=filters.institute)))
    if filters.municipality:
        qs = qs.filter(
            Exists(
                Membership.objects.filter(partnership=OuterRef("pk"), school__municipality__iexact=filters.municipality)
            )
        )
    return (
        qs.annotate(
            school_count=Count("memberships", filter=Q(memberships__school__isnull=False), distinct=True),
            institute_count=Count("memberships", filter=Q(memberships__institute__isnull=False), distinct=True),
        )
        .prefetch_related(Prefetch("regions", queryset=Region.objects.only("name", "slug")))
        .order_by("name")
    )


def directory_choices() -> dict[str, Any]:
    """The options of the directory's filters."""
    municipalities = (
        School.objects.filter(memberships__partnership__is_public=True)
        .exclude(municipality="")
        .values_list("municipality", flat=True)
        .distinct()
        .order_by("municipality")
    )
    return {
        "regions": Region.objects.filter(partnerships__is_public=True).distinct().order_by("name"),
        "institutes": Institute.objects.filter(memberships__partnership__is_public=True).distinct().order_by("name"),
        "municipalities": list(municipalities),
    }


def public_profile(slug: str) -> Partnership | None:
    return (
        Partnership.objects.filter(slug=slug, is_public=True)
        .prefetch_related("regions")
        .select_related("lead_member__board", "lead_member__school", "lead_member__institute")
        .first()
    )


def profile_parts(partnership: Partnership) -> dict[str, Any]:
    memberships = (
        partnership.memberships.select_related("board", "school", "institute", "school__board")
        .filter(end_date__isnull=True)
        .order_by("board__name", "institute__name", "school__name")
    )
    boards, institutes, schools = [], [], []
    for membership in memberships:
        {"board": boards, "institute": institutes, "school": schools}[membership.kind].append(membership)
    clusters = (
        Cluster.objects.filter(partnership=partnership)
        .select_related("board")
        .annotate(school_count=Count("schools"))
        .order_by("name")
    )
    return {"boards": boards, "institutes": institutes, "schools": schools, "clusters": clusters}
