"""Places offered by schools and clusters, and the partnership's shortage and oversupplied subjects."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from samenopleiden.core import editing, history
from samenopleiden.core.errors import DomainError
from samenopleiden.registry.models import Partnership, School

from ..models import CapacityOffer, ClusterCap, SubjectStatus


def schools_of(partnership: Partnership):
    """The schools that can offer places: members of the partnership and the schools of its clusters."""
    return (
        School.objects.filter(memberships__partnership=partnership)
        | School.objects.filter(clusters__partnership=partnership)
    ).distinct()


def _check(offer: CapacityOffer) -> None:
    if not schools_of(offer.partnership).filter(pk=offer.school_id).exists():
        raise DomainError(_("Die school hoort niet bij dit partnerschap."), field="school")
    offer.subject = offer.subject.strip()
    duplicate = CapacityOffer.objects.filter(
        partnership=offer.partnership,
        school_year=offer.school_year,
        period=offer.period,
        school=offer.school_id,
        subject__iexact=offer.subject,
    ).exclude(pk=offer.pk)
    if duplicate.exists():
        raise DomainError(
            _("Deze school biedt voor dit vak in deze periode al plaatsen aan; pas dat aanbod aan."), field="subject"
        )


@transaction.atomic
def offer_create(*, partnership: Partnership, values: dict[str, Any], actor: Any) -> CapacityOffer:
    offer = CapacityOffer(partnership=partnership, **values)
    _check(offer)
    editing.create(offer, actor=actor)
    return offer


@transaction.atomic
def offer_update(
    *, offer: CapacityOffer, changes: dict[str, Any], expected_version: int | None, actor: Any
) -> CapacityOffer:
    for name, value in changes.items():
        setattr(offer, name, value)
    _check(offer)
    editing.apply_changes(offer, changes=changes, actor=actor, expected_version=expected_version)
    return offer


@transaction.atomic
def offer_delete(*, offer: CapacityOffer, actor: Any) -> None:
    history.record(actor=actor, obj=offer, action="deleted", partnership=offer.partnership)
    offer.delete()


@transaction.atomic
def subject_set(*, partnership: Partnership, subject: str, status: str, actor: Any) -> SubjectStatus:
    subject = " ".join(subject.split())
    if not subject:
        raise DomainError(_("Vul een vak in."), field="subject")
    if status not in SubjectStatus.Status.values:
        raise DomainError(_("Kies tekortvak of overschotvak."), field="status")
    row, created = SubjectStatus.objects.update_or_create(
        partnership=partnership, subject__iexact=subject, defaults={"subject": subject, "status": status}
    )
    history.record(
        actor=actor,
        obj=row,
        action="created" if created else "changed",
        partnership=partnership,
        changes={"vak": subject, "status": status},
    )
    return row


@transaction.atomic
def subject_remove(*, row: SubjectStatus, actor: Any) -> None:
    history.record(actor=actor, obj=row, action="deleted", partnership=row.partnership)
    row.delete()


@transaction.atomic
def cluster_cap_set(
    *, cluster: Any, school_year: str, period: str, places: int, shortage_reserved: int, actor: Any
) -> ClusterCap:
    if shortage_reserved > places:
        raise DomainError(_("Er kunnen niet meer plaatsen voor tekortvakken zijn dan er zijn."))
    cap, _created = ClusterCap.objects.update_or_create(
        cluster=cluster,
        school_year=school_year,
        period=period,
        defaults={"partnership": cluster.partnership, "places": places, "shortage_reserved": shortage_reserved},
    )
    history.record(
        actor=actor,
        obj=cluster,
        action="changed",
        partnership=cluster.partnership,
        changes={"plafond": f"{school_year} {period}: {places} ({shortage_reserved} tekortvakken)"},
    )
    return cap
