"""Reads for the placement pages: offers per cluster and school with their totals, demand, figures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet, Sum

from samenopleiden.registry.models import Cluster, Partnership

from .models import CapacityOffer, ClusterCap, SubjectStatus


@dataclass
class ClusterBlock:
    cluster: Cluster | None
    cap: int | None
    offers: list[CapacityOffer] = field(default_factory=list)

    @property
    def places(self) -> int:
        return sum(o.places for o in self.offers)

    @property
    def effective(self) -> int:
        """What the cluster can take: its offers, within its cap."""
        return min(self.places, self.cap) if self.cap is not None else self.places


def offer_blocks(partnership: Partnership, school_year: str, period: str) -> list[ClusterBlock]:
    """The offers of a year and period grouped by the cluster of their school (schools outside clusters last)."""
    offers = list(
        CapacityOffer.objects.filter(partnership=partnership, school_year=school_year, period=period)
        .select_related("school")
        .order_by("school__name", "subject")
    )
    clusters = list(partnership.clusters.order_by("name").prefetch_related("schools"))
    caps = {
        c.cluster_id: c.places
        for c in ClusterCap.objects.filter(cluster__in=clusters, school_year=school_year, period=period)
    }
    cluster_of: dict[int, Cluster] = {}
    for cluster in clusters:
        for school in cluster.schools.all():
            cluster_of.setdefault(school.pk, cluster)
    blocks = {c.pk: ClusterBlock(c, caps.get(c.pk, c.target_places)) for c in clusters}
    loose = ClusterBlock(None, None)
    for offer in offers:
        cluster = cluster_of.get(offer.school_id)
        (blocks[cluster.pk] if cluster else loose).offers.append(offer)
    result = [b for b in blocks.values() if b.offers or b.cluster is not None]
    return result + ([loose] if loose.offers else [])


def subject_lists(partnership: Partnership) -> dict[str, list[SubjectStatus]]:
    """The partnership's own list, completed by its regions' lists for subjects it did not mark itself."""
    own = list(SubjectStatus.objects.filter(partnership=partnership))
    marked = {row.subject.lower() for row in own}
    regional = [
        row
        for row in SubjectStatus.objects.filter(region__in=partnership.regions.all()).select_related("region")
        if row.subject.lower() not in marked
    ]
    lists: dict[str, list[SubjectStatus]] = defaultdict(list)
    for row in sorted(own + regional, key=lambda r: r.subject.lower()):
        lists[row.status].append(row)
    return dict(lists)


def places_by_subject(offers: QuerySet[CapacityOffer]) -> dict[str, int]:
    return {row["subject"]: row["n"] for row in offers.values("subject").annotate(n=Sum("places")).order_by("subject")}


def totals(partnership: Partnership, school_year: str, period: str) -> dict[str, Any]:
    offers = CapacityOffer.objects.filter(partnership=partnership, school_year=school_year, period=period)
    aggregate = offers.aggregate(places=Sum("places"), reserved=Sum("reserved_places"))
    return {
        "places": aggregate["places"] or 0,
        "reserved": aggregate["reserved"] or 0,
        "offers": offers.count(),
        "schools": offers.values("school").distinct().count(),
        "under_pressure": offers.filter(under_pressure=True).count(),
    }
