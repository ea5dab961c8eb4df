"""Loads the demo: idempotent, so running it twice gives the same data (natural keys everywhere)."""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from samenopleiden.core.modules import hooks
from samenopleiden.registry import demo_data as d
from samenopleiden.registry import models as m

LETTERS = "ABCDEFGHJKLMNPRSTVWXYZ"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    description: str


ACCOUNTS = [
    DemoAccount("programmaleider", "programmaleider van het partnerschap Groningen (wijzigt alles daarvan)"),
    DemoAccount("stuurgroep", "stuurgroeplid in Groningen (leest alles van dat partnerschap)"),
    DemoAccount("schoolopleider", "schoolopleider van één Groningse cluster (leest die cluster)"),
    DemoAccount("stagebureau", "stagebureau van NHL Stenden in Groningen (importeert en ziet de eigen studenten)"),
    DemoAccount("noa", "programmaleider van de Nieuwe Opleidingsschool Amsterdam"),
    DemoAccount("beheer", "platformbeheerder (alles, en /platformbeheer/)"),
]


class _Names:
    """Deterministic fictional names and BRIN codes, so every run makes the same ones."""

    def __init__(self, start: int) -> None:
        self.n = start

    def brin(self) -> str:
        self.n += 1
        return f"{self.n % 90 + 10:02d}{LETTERS[(self.n // 90) % 22]}{LETTERS[(self.n // 1980) % 22]}"


def _person_name(i: int) -> tuple[str, str]:
    return d.FIRST_NAMES[i % len(d.FIRST_NAMES)], d.LAST_NAMES[(i * 7 + i // len(d.FIRST_NAMES)) % len(d.LAST_NAMES)]


def _ascii(text: str) -> str:
    """'Zoë de Vries' -> 'zoedevries': e-mail addresses keep to plain letters."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum())


_MADE: set[tuple[int, str]] = set()  # (partnership id, e-mail) of every person this run made


def _upsert_person(partnership: m.Partnership, i: int, *, domain: str, school=None, institute=None) -> m.Person:
    first, last = _person_name(i)
    email = f"{_ascii(first)}.{_ascii(last)}.{i}@{domain}"
    _MADE.add((partnership.pk, email))
    person, _ = m.Person.objects.update_or_create(
        partnership=partnership,
        email=email,
        defaults={"first_name": first, "last_name": last, "school": school, "institute": institute},
    )
    return person


def _role(person: m.Person, role: str, cluster: m.Cluster | None = None) -> None:
    m.RoleAssignment.objects.get_or_create(
        person=person, role=role, cluster=cluster, defaults={"partnership": person.partnership}
    )


def _credential(person: m.Person, kind: str, obtained: dt.date, expires: dt.date | None) -> None:
    m.Credential.objects.update_or_create(
        person=person,
        kind=kind,
        defaults={"partnership": person.partnership, "obtained_on": obtained, "expires_on": expires},
    )


def _member(partnership: m.Partnership, role: str = "partner", since: dt.date | None = None, **party) -> m.Membership:
    membership, _ = m.Membership.objects.update_or_create(
        partnership=partnership,
        **party,
        defaults={"role": role, "start_date": since, "agreement_signed_on": since},
    )
    return membership


def _partnership(slug: str, **fields) -> m.Partnership:
    regions = fields.pop("regions", [])
    partnership, _ = m.Partnership.objects.update_or_create(slug=slug, defaults=fields)
    partnership.regions.set(m.Region.objects.filter(slug__in=regions))
    return partnership


def _user(username: str, *, first: str, last: str, superuser: bool = False):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{username}@demo.samenopleiden.nl",
            "is_superuser": superuser,
            "is_staff": superuser,
        },
    )
    if created or not user.check_password(d.DEMO_PASSWORD):
        user.set_password(d.DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def load_demo(*, today: dt.date | None = None) -> list[DemoAccount]:
    """The whole demo: the registry's partnerships, then each module's own demo data (`<app>/demo.py`, a
    function `load(today=...)`), in the order of INSTALLED_APPS."""
    today = today or timezone.localdate()
    accounts = _load_registry(today)
    for module in hooks("demo"):
        module.load(today=today)
    return accounts


def _load_registry(today: dt.date) -> list[DemoAccount]:
    for slug, name, kind in d.REGIONS:
        m.Region.objects.update_or_create(slug=slug, defaults={"name": name, "kind": kind})
    institutes = {}
    for code, name, level, city in d.INSTITUTES:
        institutes[code], _ = m.Institute.objects.update_or_create(
            code=code, defaults={"name": name, "level": level, "city": city}
        )
    for code in ("nhlstenden", "hanze"):
        m.Programme.objects.get_or_create(
            institute=institutes[code], name="Opleiding leraar basisonderwijs (pabo)", defaults={"sector": "po"}
        )
    names = _Names(0)
    _MADE.clear()
    groningen = _load_groningen(institutes, names, today)
    loaded = [groningen, _load_drenthe(institutes, names), _load_hanze(institutes, names)]
    noa = None
    for index, case in enumerate(d.SECONDARY):
        p = _load_secondary(case, index, institutes, names, today)
        loaded.append(p)
        if case["slug"] == "noa":
            noa = p
    _prune_people(loaded)
    _load_accounts(groningen, noa)
    return ACCOUNTS


def _prune_people(partnerships: list[m.Partnership]) -> None:
    """Demo people an earlier version of the demo made (on the demo's example.nl domains) but this one did
    not: gone, so that the demo converges. People added by hand (other addresses) stay."""
    for p in partnerships:
        made = {email for pid, email in _MADE if pid == p.pk}
        p.people.filter(email__endswith=".example.nl").exclude(email__in=made).delete()


def _schools_for_board(board: m.SchoolBoard, count: int, names: _Names, offset: int, sector: str = "po") -> list:
    denomination = next((v for k, v in d.DENOMINATIONS.items() if k in board.name), "Openbaar")
    schools = []
    for j in range(count):
        i = offset + j
        town, municipality = d.PO_TOWNS[i % len(d.PO_TOWNS)]
        brin = names.brin()
        prefix = {"Openbaar": "Obs", "Rooms-Katholiek": "Kbs"}.get(denomination, "Cbs")
        school, _ = m.School.objects.update_or_create(
            brin=brin,
            branch_code="00",
            defaults={
                "name": f"{prefix} {d.PO_NAMES[i % len(d.PO_NAMES)]}",
                "board": board,
                "sector": sector,
                "denomination": denomination,
                "concept": d.CONCEPTS[i % len(d.CONCEPTS)],
                "street": f"Schoolstraat {i % 40 + 1}",
                "postcode": f"97{i % 90 + 10:02d} {LETTERS[i % 22]}{LETTERS[(i * 3) % 22]}",
                "city": town,
                "municipality": municipality,
            },
        )
        schools.append(school)
    return schools


def _load_groningen(institutes, names: _Names, today: dt.date) -> m.Partnership:
    p = _partnership(
        "groningen",
        name="Partnerschap Samen Opleiden, Professionaliseren en Innoveren Groningen – kop van Drenthe",
        short_name="SOPI Groningen",
        sector_po=True,
        status="erkend",
        recognised_since=dt.date(2016, 8, 1),
        last_peer_review=dt.date(2021, 11, 15),
        website="https://www.example.org/sopi-groningen",
        vision=(
            "Acht schoolbesturen en de pabo van NHL Stenden leiden samen leraren basisonderwijs op. Studenten "
            "leren in opleidingsclusters: hooguit vier scholen van één bestuur, dicht bij elkaar, met samen zo'n "
            "twaalf plaatsen en een vast koppel van schoolopleider en instituutsopleider. Van de voltijdstudenten "
            "volgt nu ongeveer zestig procent zijn opleiding via het partnerschap, van de deeltijders veel minder; "
            "het doel is dat straks iedere student zo wordt opgeleid, zonder in te leveren op begeleiding."
        ),
        max_schools_per_cluster=4,
        regions=["onderwijsregio-groningen", "onderwijsregio-drenthe"],
    )
    _member(p, institute=institutes["nhlstenden"], since=dt.date(2016, 8, 1))
    counter = itertools.count(1)
    ios = [
        _upsert_person(p, 500 + k, domain="nhlstenden.example.nl", institute=institutes["nhlstenden"]) for k in range(6)
    ]
    for io in ios:
        _role(io, m.Role.INSTITUTE_TEACHER_EDUCATOR)
    offset = 0
    lead_member = None
    for b_index, (board_name, city, clusters) in enumerate(d.GRONINGEN_BOARDS):
        board, _ = m.SchoolBoard.objects.update_or_create(name=board_name, defaults={"city": city})
        membership = _member(p, board=board, since=dt.date(2016 + b_index % 5, 8, 1))
        if b_index == 0:
            lead_member = membership
        for c in range(clusters):
            size = 4 if (b_index + c) % 3 else 3
            schools = _schools_for_board(board, size, names, offset)
            offset += size
            for s_index, school in enumerate(schools):
                role = "aspirant" if (b_index == 6 and s_index == size - 1) else "partner"
                _member(p, role=role, school=school, since=dt.date(2018, 8, 1))
            short = board_name.split("(")[-1].rstrip(")") if "(" in board_name else board_name.split()[-1]
            cluster, _ = m.Cluster.objects.update_or_create(
                partnership=p, name=f"Cluster {short} {c + 1}", defaults={"board": board, "target_places": 12}
            )
            cluster.schools.set(schools)
            # one schoolopleider per cluster, except one cluster that still needs one (the dashboard flags it)
            if not (b_index == 7 and c == 0):
                so = _upsert_person(p, next(counter), domain="school.example.nl", school=schools[0])
                _role(so, m.Role.SCHOOL_TEACHER_EDUCATOR, cluster)
                expires = today + dt.timedelta(days=45) if b_index == 2 else today + dt.timedelta(days=900)
                _credential(so, "brlo", dt.date(2020, 6, 1), expires)
            io = ios[(b_index + c) % len(ios)]
            _role(io, m.Role.INSTITUTE_TEACHER_EDUCATOR, cluster)
            for w, school in enumerate(schools):
                wpb = _upsert_person(p, next(counter), domain="school.example.nl", school=school)
                _role(wpb, m.Role.WORKPLACE_SUPERVISOR, cluster)
                if w % 2 == 0:
                    expires = today + dt.timedelta(days=60) if (offset + w) % 5 == 0 else None
                    _credential(wpb, "supervision", dt.date(2021, 3, 1), expires)
            assessor = _upsert_person(p, next(counter), domain="school.example.nl", school=schools[-1])
            _role(assessor, m.Role.ASSESSOR, cluster)
            _credential(assessor, "assessor", dt.date(2022, 1, 10), today + dt.timedelta(days=400 + offset))
    p.lead_member = lead_member
    p.save(update_fields=["lead_member"])
    # programme leadership as a pair (school board + institute), steering group and board network
    leads = [
        _upsert_person(p, 900, domain="ckcdrenthe.example.nl"),
        _upsert_person(p, 901, domain="nhlstenden.example.nl", institute=institutes["nhlstenden"]),
    ]
    for lead in leads:
        _role(lead, m.Role.PROGRAMME_LEAD)
    _role(ios[0], m.Role.INSTITUTE_COORDINATOR)
    placement_office = _upsert_person(p, 905, domain="nhlstenden.example.nl", institute=institutes["nhlstenden"])
    _role(placement_office, m.Role.PLACEMENT_OFFICE)
    steering, _ = m.Body.objects.update_or_create(
        partnership=p,
        name="Stuurgroep",
        defaults={"kind": "stuurgroep", "description": "Bereidt de agenda van het bestuurdersnetwerk voor."},
    )
    network, _ = m.Body.objects.update_or_create(
        partnership=p,
        name="Bestuurdersnetwerk",
        defaults={
            "kind": "bestuurdersnetwerk",
            "description": "Neemt de besluiten; alle partners zijn vertegenwoordigd.",
        },
    )
    group, _ = m.Body.objects.update_or_create(
        partnership=p,
        name="Werkgroep kwaliteitszorg",
        defaults={"kind": "werkgroep", "description": "Studentenenquête, panelgesprekken en jaarplannen."},
    )
    # the steering group: three school board members, the programme's manager and the head of the
    # teaching location at the institute, and the two programme leads (as secretaries)
    for k in range(3):
        member = _upsert_person(p, 950 + k, domain="bestuur.example.nl")
        _role(member, m.Role.STEERING_MEMBER)
        m.BodySeat.objects.get_or_create(
            body=steering, person=member, defaults={"seat_role": "chair" if k == 0 else "member"}
        )
    for k in range(2):
        member = _upsert_person(p, 955 + k, domain="nhlstenden.example.nl", institute=institutes["nhlstenden"])
        _role(member, m.Role.STEERING_MEMBER)
        m.BodySeat.objects.get_or_create(body=steering, person=member)
    for lead in leads:
        m.BodySeat.objects.get_or_create(body=steering, person=lead, defaults={"seat_role": "secretary"})
        m.BodySeat.objects.get_or_create(body=group, person=lead)
    for k in range(len(d.GRONINGEN_BOARDS)):
        member = _upsert_person(p, 960 + k, domain="bestuur.example.nl")
        _role(member, m.Role.BOARD_MEMBER)
        m.BodySeat.objects.get_or_create(body=network, person=member)
    _local_names(p, d.GRONINGEN_ROLE_NAMES)
    return p


def _local_names(p: m.Partnership, names: dict[str, str]) -> None:
    for role, local in names.items():
        m.LocalRoleName.objects.update_or_create(partnership=p, role=role, defaults={"local_name": local})
    p.role_names.exclude(role__in=list(names)).delete()


def _load_drenthe(institutes, names: _Names) -> m.Partnership:
    """The aspirant partnership that split off; CKC Drenthe and Scholengroep Perspectief are in both."""
    p = _partnership(
        "drenthe",
        name="Partnerschap Samen Opleiden Drenthe en kop van Overijssel",
        short_name="SO Drenthe",
        sector_po=True,
        status="aspirant",
        aspirant_since=dt.date(2022, 8, 1),
        vision="Nieuw partnerschap, ontstaan uit een splitsing, met één opleidingslocatie in de regio en korte lijnen.",
        regions=["onderwijsregio-drenthe"],
    )
    lead = _member(p, institute=institutes["nhlstenden"], since=dt.date(2022, 8, 1))
    for name, city in [
        ("Christelijke Kind Centra Drenthe (CKC Drenthe)", "Assen"),
        ("Scholengroep Perspectief", "Groningen"),
        ("Stichting Openbaar Onderwijs Drenthe-Noord", "Emmen"),
        ("Stichting Primair Onderwijs Hoogeveen", "Hoogeveen"),
    ]:
        board, _ = m.SchoolBoard.objects.update_or_create(name=name, defaults={"city": city})
        _member(p, board=board, since=dt.date(2022, 8, 1))
        for k, school in enumerate(_schools_for_board(board, 3, names, 200 + len(name))):
            _member(p, role="partner" if k < 2 else "satellite", school=school, since=dt.date(2022, 8, 1))
    p.lead_member = lead
    p.save(update_fields=["lead_member"])
    person = _upsert_person(p, 1000, domain="sodrenthe.example.nl")
    _role(person, m.Role.PROGRAMME_LEAD)
    return p


def _load_hanze(institutes, names: _Names) -> m.Partnership:
    p = _partnership(
        "openbaar-opleiden-groningen",
        name="Partnerschap Openbaar Opleiden Groningen",
        short_name="OOG",
        sector_po=True,
        status="erkend",
        recognised_since=dt.date(2018, 1, 1),
        last_peer_review=dt.date(2023, 5, 1),
        vision="Pabo en openbare schoolbesturen in de stad en provincie Groningen leiden samen leraren op.",
        regions=["onderwijsregio-groningen"],
    )
    _member(p, institute=institutes["hanze"], since=dt.date(2018, 1, 1))
    for name, city in [
        ("Stichting Openbaar Onderwijs Groningen", "Groningen"),
        ("Openbaar Onderwijs Westerkwartier", "Leek"),
    ]:
        board, _ = m.SchoolBoard.objects.update_or_create(name=name, defaults={"city": city})
        _member(p, board=board, since=dt.date(2018, 1, 1))
        for school in _schools_for_board(board, 4, names, 300 + len(name)):
            _member(p, school=school, since=dt.date(2018, 8, 1))
    person = _upsert_person(p, 1100, domain="oog.example.nl")
    _role(person, m.Role.PROGRAMME_LEAD)
    return p


def _load_secondary(case: dict, index: int, institutes, names: _Names, today: dt.date) -> m.Partnership:
    aspirant = case["status"] == "aspirant"
    p = _partnership(
        case["slug"],
        name=case["name"],
        short_name=case["short"],
        sector_vo=True,
        status=case["status"],
        aspirant_since=dt.date(2020, 8, 1) if aspirant else None,
        recognised_since=None if aspirant else dt.date(2009 + index, 8, 1),
        last_peer_review=None if aspirant else dt.date(2019 + index % 4, 3, 1),
        vision=case["vision"],
        regions=[case["region"]],
    )
    for code in case["institutes"]:
        _member(p, institute=institutes[code], since=dt.date(2015, 8, 1))
    boards = []
    for name in case["boards"]:
        board, _ = m.SchoolBoard.objects.update_or_create(name=name, defaults={"city": case["city"][0]})
        membership = _member(p, board=board, since=dt.date(2015, 8, 1))
        boards.append((board, membership))
    p.lead_member = boards[0][1]
    p.save(update_fields=["lead_member"])
    # schools (BRINs) with their locations (vestigingen), spread over the boards; then the aspirant schools
    locations_per_school = [case["locations"] // case["schools"]] * case["schools"]
    for k in range(case["locations"] % case["schools"]):
        locations_per_school[k] += 1
    city, municipality = case["city"]
    n = 0
    for s in range(case["schools"] + case["aspirant_schools"]):
        board = boards[s % len(boards)][0]
        brin = names.brin()
        count = locations_per_school[s] if s < case["schools"] else 1
        base = f"{d.VO_NAMES[(s + index) % len(d.VO_NAMES)]} {d.PO_NAMES[(s * 3 + index) % len(d.PO_NAMES)]}"
        for loc in range(count):
            school, _ = m.School.objects.update_or_create(
                brin=brin,
                branch_code=f"{loc:02d}",
                defaults={
                    "name": base if count == 1 else f"{base} {d.VO_PLACES[loc % len(d.VO_PLACES)]}",
                    "board": board,
                    "sector": "vo",
                    "denomination": "Openbaar" if s % 2 else "Algemeen bijzonder",
                    "street": f"Collegeweg {n + 1}",
                    "postcode": f"{1000 + index * 1500 + n:04d} {LETTERS[n % 22]}{LETTERS[(n * 5) % 22]}",
                    "city": city,
                    "municipality": municipality,
                },
            )
            _member(p, role="aspirant" if s >= case["schools"] else "partner", school=school, since=dt.date(2016, 8, 1))
            n += 1
    domain = f"{case['slug']}.example.nl"
    lead = _upsert_person(p, 2000 + index, domain=domain)
    _role(lead, m.Role.PROGRAMME_LEAD)
    steering, _ = m.Body.objects.update_or_create(
        partnership=p,
        name="Stuurgroep",
        defaults={
            "kind": "stuurgroep",
            "description": "Bestuurders van scholen en opleidingen; besluit over koers en geld.",
        },
    )
    m.BodySeat.objects.get_or_create(body=steering, person=lead, defaults={"seat_role": "secretary"})
    # a school coordinator (schoolopleider) for each school, an institute educator for each institute,
    # and one board member of each board in the steering group
    base = 3000 + index * 200
    first_locations = m.School.objects.filter(memberships__partnership=p, branch_code="00", memberships__role="partner")
    for k, school in enumerate(first_locations.order_by("brin")):
        so = _upsert_person(p, base + k, domain=domain, school=school)
        _role(so, m.Role.SCHOOL_COORDINATOR if k == 0 else m.Role.SCHOOL_TEACHER_EDUCATOR)
        expires = today + dt.timedelta(days=30 + 20 * k) if k % 4 == 1 else today + dt.timedelta(days=700)
        _credential(so, "brlo", dt.date(2019, 9, 1), expires)
    for k, code in enumerate(case["institutes"]):
        io = _upsert_person(p, base + 100 + k, domain=domain, institute=institutes[code])
        _role(io, m.Role.INSTITUTE_COORDINATOR if k == 0 else m.Role.INSTITUTE_TEACHER_EDUCATOR)
    for k in range(len(boards)):
        director = _upsert_person(p, base + 150 + k, domain=domain)
        _role(director, m.Role.BOARD_MEMBER)
        m.BodySeat.objects.get_or_create(
            body=steering, person=director, defaults={"seat_role": "chair" if k == 0 else "member"}
        )
    _local_names(p, case.get("role_names", {}))
    return p


def _load_accounts(groningen: m.Partnership, noa: m.Partnership | None) -> None:
    links = [
        ("programmaleider", groningen.people.filter(roles__role=m.Role.PROGRAMME_LEAD).order_by("email").first()),
        ("stuurgroep", groningen.people.filter(roles__role=m.Role.STEERING_MEMBER).order_by("email").first()),
        (
            "schoolopleider",
            groningen.people.filter(roles__role=m.Role.SCHOOL_TEACHER_EDUCATOR).order_by("email").first(),
        ),
        ("stagebureau", groningen.people.filter(roles__role=m.Role.PLACEMENT_OFFICE).order_by("email").first()),
    ]
    if noa is not None:
        links.append(("noa", noa.people.filter(roles__role=m.Role.PROGRAMME_LEAD).order_by("email").first()))
    for username, person in links:
        if person is None:
            continue
        user = _user(username, first=person.first_name, last=person.last_name)
        if person.user_id != user.pk:
            person.user = user
            person.save(update_fields=["user"])
    _user("beheer", first="Platform", last="Beheer", superuser=True)
