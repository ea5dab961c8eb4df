from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth import get_user_model

from samenopleiden.registry import models as m


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("geheim-wachtwoord-1")


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Region

    name = factory.Sequence(lambda n: f"Onderwijsregio {n}")
    slug = factory.Sequence(lambda n: f"regio-{n}")


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Partnership

    name = factory.Sequence(lambda n: f"Partnerschap {n}")
    slug = factory.Sequence(lambda n: f"partnerschap-{n}")
    sector_po = True
    status = m.Partnership.Status.RECOGNISED
    recognised_since = dt.date(2019, 1, 1)
    last_peer_review = dt.date(2022, 3, 1)


class SchoolBoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.SchoolBoard

    name = factory.Sequence(lambda n: f"Stichting Bestuur {n}")


def _brin(n: int) -> str:
    letters = "ABCDEFGHJKLMNPRSTVWXYZ"
    return f"{n % 100:02d}{letters[(n // 100) % 22]}{letters[(n // 2200) % 22]}"


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.School

    brin = factory.Sequence(_brin)
    branch_code = "00"
    name = factory.Sequence(lambda n: f"Basisschool De Linde {n}")
    board = factory.SubFactory(SchoolBoardFactory)
    sector = "po"
    city = "Groningen"
    municipality = "Groningen"


class InstituteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Institute

    code = factory.Sequence(lambda n: f"inst{n}")
    name = factory.Sequence(lambda n: f"Hogeschool {n}")
    level = "hbo"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Membership

    partnership = factory.SubFactory(PartnershipFactory)
    role = "partner"


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Cluster

    partnership = factory.SubFactory(PartnershipFactory)
    board = factory.SubFactory(SchoolBoardFactory)
    name = factory.Sequence(lambda n: f"Cluster {n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Person

    partnership = factory.SubFactory(PartnershipFactory)
    first_name = factory.Sequence(lambda n: f"Anne{n}")
    last_name = factory.Sequence(lambda n: f"de Vries{n}")
    email = factory.LazyAttribute(lambda o: f"{o.first_name.lower()}@example.org")


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.RoleAssignment

    person = factory.SubFactory(PersonFactory)
    partnership = factory.LazyAttribute(lambda o: o.person.partnership)
    role = m.Role.PROGRAMME_LEAD


class CredentialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Credential

    person = factory.SubFactory(PersonFactory)
    partnership = factory.LazyAttribute(lambda o: o.person.partnership)
    kind = "brlo"


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Body

    partnership = factory.SubFactory(PartnershipFactory)
    kind = "stuurgroep"
    name = factory.Sequence(lambda n: f"Stuurgroep {n}")


def member(partnership: m.Partnership, role: str, *, username: str, cluster: m.Cluster | None = None) -> m.Person:
    """A person of `partnership` with a user account and one role (optionally tied to a cluster)."""
    user = UserFactory(username=username)
    person = PersonFactory(partnership=partnership, user=user, email=f"{username}@example.org")
    RoleAssignmentFactory(person=person, partnership=partnership, role=role, cluster=cluster)
    return person
