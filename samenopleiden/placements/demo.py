"""Demo placements: the places the Groningen clusters offer (about twelve per cluster, Tuesday the learning-
community day), sections of the secondary partnerships with shortage and oversupplied subjects (seed 002: too
many students of English and history, pressure on shortage sections), postcode centres near the demo towns for
travel distances, and the preferences of this year's students (about 30% want a public school, seed 003).

Idempotent: rows are matched on their natural keys and the demo's own random generator is seeded.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from samenopleiden.registry.models import Partnership, Region, School
from samenopleiden.students import schoolyear
from samenopleiden.students.models import Student

from .models import CapacityOffer, PostcodeArea, Preference, SubjectStatus, Wish
from .services.capacity import schools_of

# Approximate centres of the demo's towns (WGS84); a school's postcode area lies a little way from its centre.
TOWNS = {
    "Groningen": (53.219, 6.566),
    "Assen": (52.993, 6.562),
    "Haren": (53.172, 6.605),
    "Zuidhorn": (53.247, 6.404),
    "Leek": (53.162, 6.378),
    "Winsum": (53.331, 6.519),
    "Bedum": (53.300, 6.602),
    "Hoogezand": (53.161, 6.762),
    "Veendam": (53.107, 6.879),
    "Zuidlaren": (53.094, 6.681),
    "Roden": (53.138, 6.423),
    "Eelde": (53.136, 6.564),
    "Ten Boer": (53.276, 6.695),
    "Appingedam": (53.321, 6.857),
    "Stadskanaal": (52.990, 6.950),
    "Vries": (53.073, 6.578),
    "Amsterdam": (52.370, 4.895),
    "Apeldoorn": (52.211, 5.970),
    "Nijmegen": (51.842, 5.853),
    "Leiden": (52.160, 4.497),
    "Breda": (51.589, 4.776),
    "Heerlen": (50.888, 5.979),
}
SHORTAGE = ["wiskunde", "natuurkunde", "scheikunde", "Duits", "Frans", "informatica"]
OVERSUPPLIED = ["Engels", "geschiedenis"]
VO_SECTIONS = [
    "Engels",
    "geschiedenis",
    "Nederlands",
    "wiskunde",
    "biologie",
    "Duits",
    "aardrijkskunde",
    "economie",
    "lichamelijke opvoeding",
    "Frans",
    "natuurkunde",
    "scheikunde",
    "informatica",
]


def load(*, today: dt.date) -> None:
    year = schoolyear.current(today)
    with transaction.atomic():
        _postcodes()
        for region in Region.objects.filter(partnerships__sector_vo=True).distinct():
            for subject in SHORTAGE:
                SubjectStatus.objects.update_or_create(region=region, subject=subject, defaults={"status": "tekort"})
            for subject in OVERSUPPLIED:
                SubjectStatus.objects.update_or_create(region=region, subject=subject, defaults={"status": "overschot"})
        groningen = Partnership.objects.filter(slug="groningen").first()
        if groningen is not None:
            _primary_offers(groningen, year)
            _preferences(groningen, year)
        for partnership in Partnership.objects.filter(sector_vo=True, sector_po=False):
            _secondary_offers(partnership, year)
            _preferences(partnership, year)
        if groningen is not None:
            _round(groningen, year, f"Plaatsing {year}", "assign", confirm=True)
        rosrijnland = Partnership.objects.filter(slug="rosrijnland").first()
        if rosrijnland is not None:
            _round(rosrijnland, year, f"Stagemarkt {year}", "mix", confirm=False)


def _postcodes() -> None:
    for school in School.objects.exclude(postcode="").exclude(city=""):
        centre = TOWNS.get(school.city)
        code = school.postcode[:4]
        if centre is None or PostcodeArea.objects.filter(code=code).exists():
            continue
        rng = random.Random(code)  # noqa: S311 (demo data)
        PostcodeArea.objects.create(
            code=code,
            latitude=round(centre[0] + rng.uniform(-0.03, 0.03), 4),
            longitude=round(centre[1] + rng.uniform(-0.05, 0.05), 4),
            place=school.city,
        )


def _offer(partnership: Partnership, year: str, school: School, subject: str, places: int, **extra) -> None:
    CapacityOffer.objects.update_or_create(
        partnership=partnership,
        school_year=year,
        period="jaar",
        school=school,
        subject=subject,
        defaults={"places": places, **extra},
    )


def _primary_offers(partnership: Partnership, year: str) -> None:
    """About twelve places per cluster, spread over its schools; the learning community meets on Tuesday."""
    for cluster in partnership.clusters.order_by("name").prefetch_related("schools"):
        schools = sorted(cluster.schools.all(), key=lambda s: s.brin)
        for index, school in enumerate(schools):
            places = cluster.target_places // len(schools) + (1 if index < cluster.target_places % len(schools) else 0)
            _offer(
                partnership,
                year,
                school,
                "",
                places,
                required_days="di",
                reserved_places=1 if index == 0 else 0,
                reserved_category="deeltijd" if index == 0 else "",
            )


def _secondary_offers(partnership: Partnership, year: str) -> None:
    """Each school offers a handful of sections; shortage sections are often under pressure."""
    for school in schools_of(partnership).order_by("brin"):
        rng = random.Random(f"{partnership.slug}-{school.brin}")  # noqa: S311 (demo data)
        for subject in rng.sample(VO_SECTIONS, 6):
            pressure = subject in SHORTAGE and rng.random() < 0.5
            places = 1 if pressure else rng.choice([1, 2, 2, 3])
            _offer(partnership, year, school, subject, places, under_pressure=pressure)


def _preferences(partnership: Partnership, year: str) -> None:
    """This year's students state three wishes among the schools near their home. About 30% want a public school
    (seed 003): most of them name public schools among their wishes, a few accept nothing else. Part-timers can
    come on Monday and Tuesday."""
    schools = list(schools_of(partnership).order_by("brin"))
    clusters = list(partnership.clusters.order_by("name"))
    if not schools:
        return
    where = {pc.code: (pc.latitude, pc.longitude) for pc in PostcodeArea.objects.all()}
    public = [s for s in schools if s.denomination.lower() == "openbaar"]

    def near(home: School) -> list[School]:
        origin = where.get(home.postcode[:4])
        if origin is None:
            return schools
        return sorted(schools, key=lambda s: _km(origin, where.get(s.postcode[:4], origin)))

    students = Student.objects.filter(partnership=partnership, school_year=year).order_by("student_number")
    for student in students:
        rng = random.Random(f"pref-{partnership.slug}-{student.student_number}")  # noqa: S311 (demo data)
        home = rng.choice(schools)
        wants_public = rng.random() < 0.3 and bool(public)
        values = {
            "available_days": "ma,di" if student.mode == "deeltijd" else "",
            "denominations": "Openbaar" if wants_public and rng.random() < 0.25 else "",
            "postcode": home.postcode[:4] if home.postcode else "",
            "max_km": rng.choice([20, 30, 40, None]),
            "partnership": partnership,
        }
        preference, _created = Preference.objects.update_or_create(student=student, period="jaar", defaults=values)
        wishes: list = rng.sample(near(home)[:6], min(3, len(schools)))
        if wants_public:
            wishes = [*near(rng.choice(public))[:1], *[w for w in wishes if w.denomination.lower() == "openbaar"]][
                :1
            ] + [w for w in wishes if w.denomination.lower() != "openbaar"][:2]
        if clusters and rng.random() < 0.3:
            wishes[-1] = rng.choice(clusters)
        preference.wishes.all().delete()
        Wish.objects.bulk_create(
            [
                Wish(
                    partnership=partnership,
                    preference=preference,
                    rank=rank,
                    school=target if isinstance(target, School) else None,
                    cluster=None if isinstance(target, School) else target,
                )
                for rank, target in enumerate(dict.fromkeys(wishes), start=1)
            ]
        )


def _round(partnership: Partnership, year: str, name: str, mode: str, *, confirm: bool) -> None:
    """A round with one run (and, when asked, confirmed into placements); left alone when it exists."""
    from samenopleiden.core.models import Job

    from .models import MatchingRound
    from .services import rounds

    matching_round, created = MatchingRound.objects.get_or_create(
        partnership=partnership, name=name, defaults={"school_year": year, "mode": mode}
    )
    if not created or matching_round.runs.exists():
        return
    job = Job.objects.create(partnership=partnership, kind=rounds.JOB_KIND, arguments={"round_id": matching_round.pk})
    rounds.run_round(job, round_id=matching_round.pk)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.DONE, progress=1.0)
    if confirm:
        rounds.run_confirm(run=matching_round.runs.get(), expected_version=None, actor=None)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    from .engine.geo import km

    return km(a[0], a[1], b[0], b[1])
