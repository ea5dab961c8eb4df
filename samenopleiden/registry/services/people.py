"""Writes for people, their roles and credentials, governance bodies and local role names.

Every function is one transaction: a broken rule raises DomainError (Dutch message) and nothing is saved.
Every change is recorded in the history.
"""

from __future__ import annotations

import datetime as dt
import smtplib
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenopleiden.core import history
from samenopleiden.core.editing import apply_changes, create, full_clean
from samenopleiden.core.errors import DomainError
from samenopleiden.registry.models import (
    Body,
    BodySeat,
    Cluster,
    Credential,
    Institute,
    LocalRoleName,
    Membership,
    Partnership,
    Person,
    Role,
    RoleAssignment,
    School,
)

PERSON_FIELDS = ("first_name", "last_name", "email", "phone", "school", "institute")


class DuplicatePersonError(DomainError):
    """The person is already in the partnership; `existing` is that person (for a link to them)."""

    def __init__(self, message: str, *, existing: Person) -> None:
        super().__init__(message)
        self.existing = existing


# --- people ------------------------------------------------------------------------------------------


def check_duplicate(
    *,
    partnership: Partnership,
    email: str,
    first_name: str,
    last_name: str,
    school: School | None,
    exclude_pk: int | None = None,
) -> None:
    """Refuse a second record of the same person: the same e-mail address in this partnership, or, for
    someone without an e-mail address, the same first and last name at the same school."""
    others = partnership.people.exclude(pk=exclude_pk) if exclude_pk else partnership.people.all()
    if email:
        twin = others.filter(email__iexact=email).first()
        if twin:
            raise DuplicatePersonError(
                _("%(name)s staat al in dit partnerschap met het e-mailadres %(email)s.")
                % {"name": twin.full_name, "email": email},
                existing=twin,
            )
        return
    twin = (
        others.filter(first_name__iexact=first_name.strip(), last_name__iexact=last_name.strip(), school=school)
        .order_by("pk")
        .first()
    )
    if twin:
        raise DuplicatePersonError(
            _(
                "%(name)s staat al in dit partnerschap (zelfde naam en school). Vul een "
                "e-mailadres in als het om een ander persoon gaat."
            )
            % {"name": twin.full_name},
            existing=twin,
        )


def _check_affiliation(
    partnership: Partnership, school: School | None, institute: Institute | None, *, person: Person | None = None
) -> None:
    """A person's school must take part in the partnership, and so must their institute.

    On an edit, a school or institute that has since left may stay as it was; only a new one is checked.
    """
    members = Membership.objects.filter(partnership=partnership, end_date__isnull=True)
    if school is not None and (person is None or person.school_id != school.pk):
        if not members.filter(school=school).exists():
            raise DomainError(
                _("%(school)s doet niet mee in het partnerschap. Voeg de school eerst toe bij Scholen.")
                % {"school": school.name}
            )
    if institute is not None and (person is None or person.institute_id != institute.pk):
        if not members.filter(institute=institute).exists():
            raise DomainError(_("%(institute)s doet niet mee in het partnerschap.") % {"institute": institute.name})


def _clean_person_data(data: dict[str, Any]) -> dict[str, Any]:
    clean = {name: data.get(name) for name in PERSON_FIELDS}
    for name in ("first_name", "last_name", "phone"):
        clean[name] = (clean[name] or "").strip()
    clean["email"] = (clean["email"] or "").strip().lower()
    return clean


@transaction.atomic
def person_create(*, partnership: Partnership, data: dict[str, Any], actor: Any) -> Person:
    data = _clean_person_data(data)
    check_duplicate(
        partnership=partnership,
        email=data["email"],
        first_name=data["first_name"],
        last_name=data["last_name"],
        school=data["school"],
    )
    _check_affiliation(partnership, data["school"], data["institute"])
    return create(Person(partnership=partnership, **data), actor=actor)  # type: ignore[return-value]


@transaction.atomic
def person_update(*, person: Person, changes: dict[str, Any], expected_version: int | None, actor: Any) -> Person:
    changes = _clean_person_data(changes)
    stored = Person.objects.get(pk=person.pk)  # the form may have changed `person` in memory already
    check_duplicate(
        partnership=stored.partnership,
        email=changes["email"],
        first_name=changes["first_name"],
        last_name=changes["last_name"],
        school=changes["school"],
        exclude_pk=stored.pk,
    )
    _check_affiliation(stored.partnership, changes["school"], changes["institute"], person=stored)
    return apply_changes(person, changes=changes, actor=actor, expected_version=expected_version)  # type: ignore


def _current(on: dt.date) -> Q:
    return (Q(start_date__isnull=True) | Q(start_date__lte=on)) & (Q(end_date__isnull=True) | Q(end_date__gt=on))


def _other_leads_remain(partnership_id: int, *, on: dt.date, person: Person | None = None, assignment=None) -> bool:
    """Whether the partnership still has a programme lead on `on` after this person or role is gone."""
    leads = RoleAssignment.objects.filter(_current(on), partnership_id=partnership_id, role=Role.PROGRAMME_LEAD)
    if assignment is not None:
        leads = leads.exclude(pk=assignment.pk)
    if person is not None:
        leads = leads.exclude(person=person)
    return leads.exists()


LAST_LEAD = gettext_lazy(
    "Dit is de laatste programmaleider van het partnerschap. Wijs eerst een andere programmaleider aan."
)


@transaction.atomic
def person_delete(*, person: Person, actor: Any, today: dt.date | None = None) -> None:
    today = today or timezone.localdate()
    is_lead = person.roles.filter(_current(today), role=Role.PROGRAMME_LEAD).exists()
    if is_lead and not _other_leads_remain(person.partnership_id, on=today, person=person):
        raise DomainError(str(LAST_LEAD))
    history.record(actor=actor, obj=person, action="deleted", changes=history.snapshot(person))
    person.delete()


# --- roles -------------------------------------------------------------------------------------------


@transaction.atomic
def role_assign(
    *,
    person: Person,
    role: str,
    cluster: Cluster | None,
    start_date: dt.date | None,
    actor: Any,
    end_date: dt.date | None = None,
) -> RoleAssignment:
    if role not in Role.values:
        raise DomainError(_("Kies een van de rollen uit de lijst."))
    if cluster is not None and cluster.partnership_id != person.partnership_id:
        raise DomainError(_("Deze cluster hoort niet bij het partnerschap."))
    if start_date and end_date and end_date < start_date:
        raise DomainError(_("De einddatum ligt vóór de begindatum."))
    existing = RoleAssignment.objects.filter(person=person, role=role, cluster=cluster).first()
    if existing is not None and existing.end_date is None:
        raise DomainError(_("%(name)s heeft deze rol al.") % {"name": person.full_name})
    if existing is not None:  # an ended role taken up again (one row per person, role and cluster)
        return apply_changes(  # type: ignore[return-value]
            existing,
            changes={"start_date": start_date, "end_date": end_date},
            actor=actor,
            partnership=person.partnership,
        )
    assignment = RoleAssignment(
        person=person,
        partnership=person.partnership,
        role=role,
        cluster=cluster,
        start_date=start_date,
        end_date=end_date,
    )
    return create(assignment, actor=actor)  # type: ignore[return-value]


@transaction.atomic
def role_end(*, assignment: RoleAssignment, on: dt.date, actor: Any) -> RoleAssignment:
    """End a role on `on` (today, from the page). The partnership's last programme lead cannot be ended."""
    assignment = RoleAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.end_date is not None and assignment.end_date <= on:
        raise DomainError(_("Deze rol is al beëindigd."))
    if assignment.role == Role.PROGRAMME_LEAD and not _other_leads_remain(
        assignment.partnership_id, on=on, assignment=assignment
    ):
        raise DomainError(str(LAST_LEAD))
    start = assignment.start_date
    end = max(on, start) if start else on
    return apply_changes(assignment, changes={"end_date": end}, actor=actor)  # type: ignore[return-value]


# --- credentials -------------------------------------------------------------------------------------


@transaction.atomic
def credential_add(*, person: Person, data: dict[str, Any], actor: Any) -> Credential:
    fields = ("kind", "obtained_on", "expires_on", "reference")
    values = {name: data.get(name) for name in fields}
    values["reference"] = (values["reference"] or "").strip()
    credential = Credential(person=person, partnership=person.partnership, **values)
    return create(credential, actor=actor)  # type: ignore[return-value]


@transaction.atomic
def credential_delete(*, credential: Credential, actor: Any) -> None:
    history.record(actor=actor, obj=credential, action="deleted", changes=history.snapshot(credential))
    credential.delete()


# --- access to the platform --------------------------------------------------------------------------


@transaction.atomic
def person_invite(*, person: Person, actor: Any, base_url: str) -> Any:
    """Give a person an account: create (or link) the user with their e-mail and mail a link to set a password.

    Rights are not stored on the user: they follow from the person's roles (core.access).
    """
    if not person.email:
        raise DomainError(_("Vul eerst een e-mailadres in; daar komt de uitnodiging naartoe."))
    User = get_user_model()
    user = person.user
    if user is None:
        same = Q(email__iexact=person.email) | Q(username__iexact=person.email)
        user = User.objects.filter(same).order_by("pk").first()
    if user is None:
        user = User(username=person.email, email=person.email, first_name=person.first_name, last_name=person.last_name)
        user.set_unusable_password()
        full_clean(user)
        user.save()
        history.record(
            actor=actor,
            obj=user,
            action="created",
            partnership=person.partnership,
            changes={"username": user.get_username()},
        )
    if not user.is_active:
        raise DomainError(
            _("Het account %(username)s is geblokkeerd. Vraag de beheerder van het platform om het te herstellen.")
            % {"username": user.get_username()}
        )
    if person.user_id != user.pk:
        person.user = user
        person.save(update_fields=["user"])
    link = base_url.rstrip("/") + reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    body = _(
        "Beste %(name)s,\n\n%(partnership)s heeft u toegang gegeven tot het Samen Opleiden-platform.\n"
        "Stel via deze link uw wachtwoord in:\n%(link)s\n\nUw gebruikersnaam is: %(username)s\n\n"
        "Daarna logt u in met uw gebruikersnaam of e-mailadres en dit wachtwoord.\n"
    ) % {
        "name": person.first_name,
        "partnership": person.partnership.name,
        "link": link,
        "username": user.get_username(),
    }
    try:
        send_mail(_("Uw toegang tot Samen Opleiden"), body, settings.DEFAULT_FROM_EMAIL, [person.email])
    except (smtplib.SMTPException, OSError) as exc:
        raise DomainError(_("De uitnodiging kon niet worden verstuurd. Probeer het later opnieuw.")) from exc
    history.record(
        actor=actor, obj=person, action="linked", changes={"account": user.get_username(), "invitation": "sent"}
    )
    return user


# --- governance bodies -------------------------------------------------------------------------------


@transaction.atomic
def body_save(*, partnership: Partnership, body: Body | None, data: dict[str, Any], actor: Any) -> Body:
    values = {
        "name": (data.get("name") or "").strip(),
        "kind": data.get("kind"),
        "description": (data.get("description") or "").strip(),
    }
    others = partnership.bodies.exclude(pk=body.pk) if body else partnership.bodies.all()
    if others.filter(name__iexact=values["name"]).exists():
        raise DomainError(_("Er is al een gremium met de naam %(name)s.") % {"name": values["name"]})
    if body is None:
        return create(Body(partnership=partnership, **values), actor=actor)  # type: ignore[return-value]
    return apply_changes(body, changes=values, actor=actor, validate_unique=False)  # type: ignore[return-value]


@transaction.atomic
def seat_add(*, body: Body, person: Person, seat_role: str, actor: Any) -> BodySeat:
    if person.partnership_id != body.partnership_id:
        raise DomainError(_("Alleen mensen van dit partnerschap kunnen in een gremium zitten."))
    if body.seats.filter(person=person).exists():
        raise DomainError(_("%(name)s zit al in dit gremium.") % {"name": person.full_name})
    seat = BodySeat(body=body, person=person, seat_role=seat_role)
    full_clean(seat)
    seat.save()
    history.record(
        actor=actor,
        obj=body,
        action="linked",
        changes={"person": person.full_name, "seat_role": seat.get_seat_role_display()},
    )
    return seat


@transaction.atomic
def seat_remove(*, seat: BodySeat, actor: Any) -> None:
    history.record(actor=actor, obj=seat.body, action="unlinked", changes={"person": seat.person.full_name})
    seat.delete()


# --- the partnership's own names for roles -----------------------------------------------------------


@transaction.atomic
def role_names_set(*, partnership: Partnership, names: dict[str, str], actor: Any) -> None:
    """Set the partnership's own name for each canonical role; an empty name means the canonical one."""
    current = dict(partnership.role_names.values_list("role", "local_name"))
    changes: dict[str, list[str]] = {}
    for role, label in Role.choices:
        new = " ".join((names.get(role) or "").split())
        if new.lower() == str(label).lower():
            new = ""  # the canonical name itself: nothing to store
        if new == current.get(role, ""):
            continue
        if new:
            row = LocalRoleName.objects.filter(partnership=partnership, role=role).first() or LocalRoleName(
                partnership=partnership, role=role
            )
            row.local_name = new
            full_clean(row)
            row.save()
        else:
            LocalRoleName.objects.filter(partnership=partnership, role=role).delete()
        changes[str(label)] = [current.get(role, ""), new]
    if changes:
        history.record(actor=actor, obj=partnership, action="changed", changes={"rolnamen": changes})
