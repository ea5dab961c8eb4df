"""Writes for people, their roles and credentials, governance bodies and local role names."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from samenopleiden.core import history
from samenopleiden.core.editing import apply_changes, create
from samenopleiden.core.errors import DomainError
from samenopleiden.registry.models import (
    Body,
    BodySeat,
    Cluster,
    Credential,
    LocalRoleName,
    Membership,
    Partnership,
    Person,
    Role,
    RoleAssignment,
)


def check_duplicate(
    *, partnership: Partnership, email: str, first_name: str, last_name: str, school: Any, exclude_pk: int | None = None
) -> None:
    others = partnership.people.exclude(pk=exclude_pk) if exclude_pk else partnership.people.all()
    if email:
        twin = others.filter(email__iexact=email).first()
        if twin:
            raise DomainError(
                _("%(name)s staat al in dit partnerschap met het e-mailadres %(email)s.")
                % {"name": twin.full_name, "email": email}
            )
    else:
        twin = others.filter(
            first_name__iexact=first_name, last_name__iexact=last_name, school=school, email=""
        ).first()
        if twin:
            raise DomainError(
                _(
                    "%(name)s staat al in dit partnerschap (zelfde naam en school). Vul een "
                    "e-mailadres in als het om een ander persoon gaat."
                )
                % {"name": twin.full_name}
            )


def _check_affiliation(partnership: Partnership, school: Any, institute: Any) -> None:
    if school is not None and not Membership.objects.filter(partnership=partnership, school=school).exists():
        raise DomainError(_("Deze school doet niet mee in het partnerschap."))
    if institute is not None and not Membership.objects.filter(partnership=partnership, institute=institute).exists():
        raise DomainError(_("Deze lerarenopleiding doet niet mee in het partnerschap."))


@transaction.atomic
def person_create(*, partnership: Partnership, data: dict[str, Any], actor: Any) -> Person:
    data = {**data, "email": (data.get("email") or "").strip().lower()}
    check_duplicate(
        partnership=partnership,
        email=data["email"],
        first_name=data["first_name"],
        last_name=data["last_name"],
        school=data.get("school"),
    )
    _check_affiliation(partnership, data.get("school"), data.get("institute"))
    return create(Person(partnership=partnership, **data), actor=actor)  # type: ignore[return-value]


@transaction.atomic
def person_update(*, person: Person, changes: dict[str, Any], expected_version: int | None, actor: Any) -> Person:
    changes = {**changes, "email": (changes.get("email") or "").strip().lower()}
    check_duplicate(
        partnership=person.partnership,
        email=changes["email"],
        first_name=changes["first_name"],
        last_name=changes["last_name"],
        school=changes.get("school"),
        exclude_pk=person.pk,
    )
    _check_affiliation(person.partnership, changes.get("school"), changes.get("institute"))
    return apply_changes(person, changes=changes, actor=actor, expected_version=expected_version)  # type: ignore


def _is_last_lead(person: Person, *, excluding: RoleAssignment | None = None) -> bool:
    leads = RoleAssignment.objects.filter(
        partnership=person.partnership_id, role=Role.PROGRAMME_LEAD, end_date__isnull=True
    )
    if excluding is not None:
        leads = leads.exclude(pk=excluding.pk)
    else:
        leads = leads.exclude(person=person)
    return not leads.exists()


@transaction.atomic
def person_delete(*, person: Person, actor: Any) -> None:
    if person.roles.filter(role=Role.PROGRAMME_LEAD, end_date__isnull=True).exists() and _is_last_lead(person):
        raise DomainError(
            _("Dit is de laatste programmaleider van het partnerschap. Wijs eerst een andere programmaleider aan.")
        )
    history.record(actor=actor, obj=person, action="deleted", changes=history.snapshot(person))
    person.delete()


@transaction.atomic
def role_assign(
    *, person: Person, role: str, cluster: Cluster | None, start_date: dt.date | None, actor: Any
) -> RoleAssignment:
    if cluster is not None and cluster.partnership_id != person.partnership_id:
        raise DomainError(_("Deze cluster hoort niet bij het partnerschap."))
    if RoleAssignment.objects.filter(person=person, role=role, cluster=cluster, end_date__isnull=True).exists():
        raise DomainError(_("%(name)s heeft deze rol al.") % {"name": person.full_name})
    assignment = RoleAssignment.objects.filter(person=person, role=role, cluster=cluster).first()
    if assignment is not None:  # an ended role taken up again
        return apply_changes(
            assignment,
            changes={"end_date": None, "start_date": start_date},
            actor=actor,  # type: ignore
            partnership=person.partnership,
        )
    assignment = RoleAssignment(
        person=person, partnership=person.partnership, role=role, cluster=cluster, start_date=start_date
    )
    return create(assignment, actor=actor)  # type: ignore[return-value]


@transaction.atomic
def role_end(*, assignment: RoleAssignment, on: dt.date, actor: Any) -> RoleAssignment:
    if assignment.end_date is not None:
        raise DomainError(_("Deze rol is al beëindigd."))
    if assignment.role == Role.PROGRAMME_LEAD and _is_last_lead(assignment.person, excluding=assignment):
        raise DomainError(
            _("Dit is de laatste programmaleider van het partnerschap. Wijs eerst een andere programmaleider aan.")
        )
    start = assignment.start_date
    return apply_changes(assignment, changes={"end_date": max(on, start) if start else on}, actor=actor)  # type: ignore


@transaction.atomic
def credential_add(*, person: Person, data: dict[str, Any], actor: Any) -> Credential:
    return create(Credential(person=person, partnership=person.partnership, **data), actor=actor)  # type: ignore


@transaction.atomic
def credential_delete(*, credential: Credential, actor: Any) -> None:
    history.record(actor=actor, obj=credential, action="deleted", changes=history.snapshot(credential))
    credential.delete()


@transaction.atomic
def person_invite(*, person: Person, actor: Any, base_url: str) -> Any:
    """Give a person an account: create (or link) the user with their e-mail and mail a link to set a password."""
    if not person.email:
        raise DomainError(_("Vul eerst een e-mailadres in; daar komt de uitnodiging naartoe."))
    User = get_user_model()
    user = person.user or User.objects.filter(Q(email__iexact=person.email) | Q(username__iexact=person.email)).first()
    if user is None:
        user = User(username=person.email, email=person.email, first_name=person.first_name, last_name=person.last_name)
        user.set_unusable_password()
        user.save()
    if person.user_id != user.pk:
        person.user = user
        person.save(update_fields=["user"])
    link = base_url + reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    body = _(
        "Beste %(name)s,\n\n%(partnership)s heeft u toegang gegeven tot het Samen Opleiden-platform.\n"
        "Stel via deze link uw wachtwoord in:\n%(link)s\n\nUw gebruikersnaam is: %(username)s\n"
    ) % {
        "name": person.first_name,
        "partnership": person.partnership.name,
        "link": link,
        "username": user.get_username(),
    }
    send_mail(_("Uw toegang tot Samen Opleiden"), body, settings.DEFAULT_FROM_EMAIL, [person.email])
    history.record(actor=actor, obj=person, action="linked", changes={"account": user.get_username()})
    return user


@transaction.atomic
def body_save(*, partnership: Partnership, body: Body | None, data: dict[str, Any], actor: Any) -> Body:
    others = partnership.bodies.exclude(pk=body.pk) if body else partnership.bodies.all()
    if others.filter(name__iexact=data["name"].strip()).exists():
        raise DomainError(_("Er is al een gremium met deze naam."))
    if body is None:
        return create(Body(partnership=partnership, **data), actor=actor)  # type: ignore[return-value]
    return apply_changes(body, changes=data, actor=actor, validate_unique=False)  # type: ignore[return-value]


@transaction.atomic
def seat_add(*, body: Body, person: Person, seat_role: str, actor: Any) -> BodySeat:
    if person.partnership_id != body.partnership_id:
        raise DomainError(_("Alleen mensen van dit partnerschap kunnen in een gremium zitten."))
    if body.seats.filter(person=person).exists():
        raise DomainError(_("%(name)s zit al in dit gremium.") % {"name": person.full_name})
    seat = BodySeat.objects.create(body=body, person=person, seat_role=seat_role)
    history.record(actor=actor, obj=body, action="linked", changes={"person": person.full_name})
    return seat


@transaction.atomic
def seat_remove(*, seat: BodySeat, actor: Any) -> None:
    history.record(actor=actor, obj=seat.body, action="unlinked", changes={"person": seat.person.full_name})
    seat.delete()


@transaction.atomic
def role_names_set(*, partnership: Partnership, names: dict[str, str], actor: Any) -> None:
    current = dict(partnership.role_names.values_list("role", "local_name"))
    for role, _label in Role.choices:
        new = (names.get(role) or "").strip()
        if new == current.get(role, ""):
            continue
        if new:
            LocalRoleName.objects.update_or_create(partnership=partnership, role=role, defaults={"local_name": new})
        else:
            LocalRoleName.objects.filter(partnership=partnership, role=role).delete()
        history.record(
            actor=actor, obj=partnership, action="changed", changes={f"rolnaam {role}": [current.get(role, ""), new]}
        )
