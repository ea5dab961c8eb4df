"""Writes for a partnership's organisations: the partnership itself, boards, schools, institutes,
memberships and clusters. Every function validates, keeps the rules and records history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samenopleiden.core import history
from samenopleiden.core.editing import apply_changes, create, validation_message
from samenopleiden.core.errors import DomainError
from samenopleiden.registry.models import (
    Cluster,
    Institute,
    Membership,
    Partnership,
    Programme,
    Region,
    School,
    SchoolBoard,
    branch_validator,
    brin_validator,
)


@transaction.atomic
def partnership_update(
    *,
    partnership: Partnership,
    changes: dict[str, Any],
    regions: list[Region],
    new_region: str = "",
    expected_version: int | None,
    actor: Any,
) -> Partnership:
    if changes.get("lead_member") is not None and changes["lead_member"].partnership_id != partnership.pk:
        raise DomainError(_("De penvoerder moet een partner van dit partnerschap zijn."))
    apply_changes(partnership, changes=changes, actor=actor, partnership=partnership, expected_version=expected_version)
    regions = list(regions)
    if new_region.strip():
        regions.append(_educational_region(name=new_region.strip(), partnership=partnership, actor=actor))
    before = sorted(r.name for r in partnership.regions.all())
    partnership.regions.set(regions)
    after = sorted(r.name for r in regions)
    if before != after:
        history.record(
            actor=actor,
            obj=partnership,
            action="changed",
            partnership=partnership,
            changes={"regions": [before, after]},
        )
    return partnership


def _join(
    *,
    partnership: Partnership,
    actor: Any,
    role: str,
    start_date: dt.date | None,
    agreement_signed_on: dt.date | None,
    **party: Any,
) -> Membership:
    existing = Membership.objects.select_for_update().filter(partnership=partnership, **party).first()
    if existing is not None and existing.end_date is None:
        raise DomainError(_("%(party)s doet al mee in dit partnerschap.") % {"party": existing.party})
    if existing is not None:
        # it took part before: take the same row up again instead of a second membership
        return apply_changes(  # type: ignore[return-value]
            existing,
            changes={
                "role": role,
                "start_date": start_date,
                "end_date": None,
                "agreement_signed_on": agreement_signed_on,
            },
            actor=actor,
            partnership=partnership,
        )
    membership = Membership(
        partnership=partnership, role=role, start_date=start_date, agreement_signed_on=agreement_signed_on, **party
    )
    return create(membership, actor=actor, partnership=partnership)  # type: ignore[return-value]


@transaction.atomic
def board_join(
    *,
    partnership: Partnership,
    board: SchoolBoard | None,
    new_board: dict[str, Any],
    role: str,
    start_date: dt.date | None,
    agreement_signed_on: dt.date | None,
    actor: Any,
) -> Membership:
    if board is None:
        board = SchoolBoard(**new_board)
        if board.authority_code and SchoolBoard.objects.filter(authority_code=board.authority_code).exists():
            raise DomainError(
                _("Er staat al een bestuur met bevoegd-gezagnummer %(code)s op het platform; kies dat.")
                % {"code": board.authority_code}
            )
        create(board, actor=actor, partnership=partnership)
    return _join(
        partnership=partnership,
        actor=actor,
        role=role,
        start_date=start_date,
        agreement_signed_on=agreement_signed_on,
        board=board,
    )


@transaction.atomic
def school_join(
    *,
    partnership: Partnership,
    brin: str,
    branch_code: str,
    new_school: dict[str, Any],
    role: str,
    start_date: dt.date | None,
    agreement_signed_on: dt.date | None,
    actor: Any,
) -> Membership:
    brin, branch_code = brin.strip().upper(), branch_code.strip()
    for validator, value in ((brin_validator, brin), (branch_validator, branch_code)):
        try:
            validator(value)
        except ValidationError as exc:
            raise DomainError(validation_message(exc)) from exc
    school = School.objects.filter(brin=brin, branch_code=branch_code).first()
    if school is None:
        if not new_school.get("name"):
            raise DomainError(
                _(
                    "School %(code)s staat nog niet op het platform. Vul de naam en gegevens in, of importeer eerst "
                    "het DUO-bestand."
                )
                % {"code": f"{brin}{branch_code}"}
            )
        school = School(brin=brin, branch_code=branch_code, **new_school)
        create(school, actor=actor, partnership=partnership)
    board = new_school.get("board")
    if board is not None and school.board_id and school.board_id != board.pk:
        raise DomainError(_("Deze school hoort bij %(board)s, niet bij het gekozen bestuur.") % {"board": school.board})
    return _join(
        partnership=partnership,
        actor=actor,
        role=role,
        start_date=start_date,
        agreement_signed_on=agreement_signed_on,
        school=school,
    )


@transaction.atomic
def institute_join(
    *,
    partnership: Partnership,
    institute: Institute | None,
    new_institute: dict[str, Any],
    role: str,
    start_date: dt.date | None,
    agreement_signed_on: dt.date | None,
    actor: Any,
) -> Membership:
    if institute is None:
        if Institute.objects.filter(code=new_institute["code"]).exists():
            raise DomainError(
                _("Er is al een lerarenopleiding met code %(code)s; kies die uit de lijst.")
                % {"code": new_institute["code"]}
            )
        institute = Institute(**new_institute)
        create(institute, actor=actor, partnership=partnership)
    return _join(
        partnership=partnership,
        actor=actor,
        role=role,
        start_date=start_date,
        agreement_signed_on=agreement_signed_on,
        institute=institute,
    )


@transaction.atomic
def shared_update(
    *,
    obj: SchoolBoard | School | Institute,
    partnership: Partnership,
    changes: dict[str, Any],
    expected_version: int | None,
    actor: Any,
) -> Any:
    """Change a board, school or institute (reference data shared with other partnerships)."""
    return apply_changes(obj, changes=changes, actor=actor, partnership=partnership, expected_version=expected_version)


@transaction.atomic
def programme_add(*, institute: Institute, name: str, sector: str, partnership: Partnership, actor: Any) -> Programme:
    if institute.programmes.filter(name__iexact=name.strip()).exists():
        raise DomainError(_("Deze opleiding staat er al."))
    return create(
        Programme(institute=institute, name=name.strip(), sector=sector), actor=actor, partnership=partnership
    )  # type: ignore[return-value]


@transaction.atomic
def programme_remove(*, programme: Programme, partnership: Partnership, actor: Any) -> None:
    history.record(
        actor=actor, obj=programme, action="deleted", partnership=partnership, changes=history.snapshot(programme)
    )
    programme.delete()


@transaction.atomic
def membership_update(
    *, membership: Membership, changes: dict[str, Any], expected_version: int | None, actor: Any
) -> Membership:
    if membership.kind != "school" and changes.get("role") == Membership.Role.SATELLITE:
        raise DomainError(_("Alleen scholen kunnen satellietschool zijn."))
    if changes.get("end_date") and membership.partnership.lead_member_id == membership.pk:
        raise DomainError(_("Dit is de penvoerder. Kies eerst een andere penvoerder."))
    return apply_changes(membership, changes=changes, actor=actor, expected_version=expected_version)  # type: ignore


@transaction.atomic
def membership_end(*, membership: Membership, on: dt.date, actor: Any) -> Membership:
    if membership.end_date is not None:
        raise DomainError(_("Deze deelname is al beëindigd."))
    if membership.partnership.lead_member_id == membership.pk:
        raise DomainError(_("Dit is de penvoerder. Kies eerst een andere penvoerder."))
    if (
        membership.board_id
        and Cluster.objects.filter(partnership=membership.partnership_id, board=membership.board_id).exists()
    ):
        raise DomainError(_("Dit bestuur heeft nog opleidingsclusters in het partnerschap. Hef die eerst op."))
    return apply_changes(membership, changes={"end_date": on}, actor=actor)  # type: ignore[return-value]


@transaction.atomic
def cluster_create(
    *, partnership: Partnership, board: SchoolBoard, name: str, target_places: int, actor: Any
) -> Cluster:
    if not Membership.objects.filter(partnership=partnership, board=board, end_date__isnull=True).exists():
        raise DomainError(_("Een cluster hoort bij een bestuur dat partner is van dit partnerschap."))
    if Cluster.objects.filter(partnership=partnership, name__iexact=name.strip()).exists():
        raise DomainError(_("Er is al een cluster met de naam '%(name)s'.") % {"name": name.strip()})
    cluster = Cluster(partnership=partnership, board=board, name=name.strip(), target_places=target_places)
    return create(cluster, actor=actor)  # type: ignore[return-value]


@transaction.atomic
def cluster_update(*, cluster: Cluster, changes: dict[str, Any], expected_version: int | None, actor: Any) -> Cluster:
    changes = {k: v for k, v in changes.items() if k != "board"}
    return apply_changes(cluster, changes=changes, actor=actor, expected_version=expected_version)  # type: ignore


@transaction.atomic
def cluster_add_school(*, cluster: Cluster, school: School, actor: Any) -> Cluster:
    cluster = Cluster.objects.select_for_update().select_related("partnership").get(pk=cluster.pk)
    if school.board_id != cluster.board_id:
        raise DomainError(
            _("Een opleidingscluster bevat alleen scholen van één bestuur: %(school)s hoort niet bij %(board)s.")
            % {"school": school.name, "board": cluster.board}
        )
    if not Membership.objects.filter(partnership=cluster.partnership, school=school, end_date__isnull=True).exists():
        raise DomainError(_("Deze school doet (nog) niet mee in het partnerschap. Voeg haar eerst toe bij Scholen."))
    if cluster.schools.filter(pk=school.pk).exists():
        raise DomainError(_("Deze school hoort al bij de cluster."))
    maximum = cluster.partnership.max_schools_per_cluster
    if cluster.schools.count() >= maximum:
        raise DomainError(
            _("Deze cluster heeft al het maximum van %(max)s scholen dat het partnerschap heeft afgesproken.")
            % {"max": maximum}
        )
    cluster.schools.add(school)
    history.record(actor=actor, obj=cluster, action="linked", changes={"school": school.brin_code})
    return cluster


@transaction.atomic
def cluster_remove_school(*, cluster: Cluster, school: School, actor: Any) -> Cluster:
    if not cluster.schools.filter(pk=school.pk).exists():
        raise DomainError(_("Deze school hoort niet bij de cluster."))
    cluster.schools.remove(school)
    history.record(actor=actor, obj=cluster, action="unlinked", changes={"school": school.brin_code})
    return cluster


def _educational_region(*, name: str, partnership: Partnership, actor: Any) -> Region:
    """The region called `name`, or a new educatieve regio by that name."""
    region = Region.objects.filter(name__iexact=name).first()
    if region is not None:
        return region
    base = slugify(name)[:40] or "regio"
    slug, n = base, 1
    while Region.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return create(  # type: ignore[return-value]
        Region(name=name, slug=slug, kind=Region.Kind.EDUCATIEVE_REGIO), actor=actor, partnership=partnership
    )
