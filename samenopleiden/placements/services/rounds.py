"""Matching rounds: what the engine is fed (built from the database), a run as a background job, locks set by
hand, comparing runs, and confirming a run into placements.

The engine (`placements/engine/`) knows nothing of the database: ids are strings this module makes and reads back
("offer:12", "school:7", "cluster:3", "board:5"); students are named by their student number (with the
institute's code when two institutes use the same number), and each run keeps the map back to the rows.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopleiden.core import editing, history, jobs
from samenopleiden.core.errors import DomainError
from samenopleiden.registry.models import Partnership, School
from samenopleiden.students.models import AllocationShare, Mode, Student

from .. import engine, selectors
from ..models import (
    CapacityOffer,
    ClusterCap,
    MatchingRound,
    Placement,
    PostcodeArea,
    Preference,
    RoundLock,
    RoundRun,
    SchoolRanking,
    SubjectStatus,
)

JOB_KIND = "placements.round"


def _split(text: str) -> frozenset[str]:
    return frozenset(part.strip() for part in text.split(",") if part.strip())


def students_in_scope(matching_round: MatchingRound):
    """The round's students: of its school year (and institute), not yet placed in its period by another round."""
    students = Student.objects.filter(partnership=matching_round.partnership, school_year=matching_round.school_year)
    if matching_round.institute_id:
        students = students.filter(institute_id=matching_round.institute_id)
    placed = Placement.objects.filter(period=matching_round.period).exclude(round=matching_round)
    return students.exclude(pk__in=placed.values("student_id")).select_related("institute")


def student_ids(students: list[Student]) -> dict[int, str]:
    """The id the engine (and every message) uses for a student: the student number, with the institute's code
    when two institutes of the round use the same number."""
    count: dict[str, int] = defaultdict(int)
    for student in students:
        count[student.student_number] += 1
    return {
        s.pk: s.student_number if count[s.student_number] == 1 else f"{s.student_number}-{s.institute.code}"
        for s in students
    }


@dataclass
class Built:
    problem: engine.Problem
    students: dict[str, int]  # engine id -> Student pk


def build_problem(matching_round: MatchingRound) -> Built:
    partnership = matching_round.partnership
    year, period = matching_round.school_year, matching_round.period
    offers = list(
        CapacityOffer.objects.filter(partnership=partnership, school_year=year, period__in={period, "jaar"})
        .select_related("school", "school__board")
        .order_by("pk")
    )
    students = list(students_in_scope(matching_round).order_by("student_number"))
    ids = student_ids(students)
    preferences = {
        p.student_id: p
        for p in Preference.objects.filter(student__in=students, period=period).prefetch_related("wishes")
    }
    clusters = list(partnership.clusters.order_by("name").select_related("board").prefetch_related("schools"))
    cluster_of: dict[int, int] = {}
    for cluster in clusters:
        for school in cluster.schools.all():
            cluster_of.setdefault(school.pk, cluster.pk)
    schools = {o.school_id: o.school for o in offers}
    ranking_rows = list(
        SchoolRanking.objects.filter(round=matching_round, student__in=students).order_by("school", "rank")
    )
    # Schools students wish or that ranked students, but that offer no place this round (or have left the
    # partnership since): they take part without places, so the explanation can say so instead of refusing the
    # round over an unknown wish.
    wished = {w.school_id for p in preferences.values() for w in p.wishes.all() if w.school_id}
    without_places = {
        s.pk: s
        for s in School.objects.filter(pk__in=(wished | {r.school_id for r in ranking_rows}) - set(schools))
        .select_related("board")
        .order_by("pk")
    }
    codes = {p.postcode for p in preferences.values() if p.postcode} | {
        s.postcode[:4] for s in schools.values() if s.postcode
    }
    where = {pc.code: (pc.latitude, pc.longitude) for pc in PostcodeArea.objects.filter(code__in=codes)}

    def partner_of(school: School) -> str:
        return f"board:{school.board_id}" if school.board_id else f"school-board:{school.pk}"

    caps = {c.cluster_id: c for c in ClusterCap.objects.filter(cluster__in=clusters, school_year=year, period=period)}
    engine_clusters = [
        engine.Cluster(
            id=f"cluster:{c.pk}",
            name=c.name,
            partner=f"board:{c.board_id}",
            capacity=caps[c.pk].places if c.pk in caps else c.target_places,
            shortage_reserved=caps[c.pk].shortage_reserved if c.pk in caps else 0,
        )
        for c in clusters
    ]
    engine_schools = [
        engine.School(
            id=f"school:{s.pk}",
            name=s.name,
            partner=partner_of(s),
            cluster=f"cluster:{cluster_of[s.pk]}" if s.pk in cluster_of else None,
            denomination=s.denomination,
            concept=s.concept,
            school_type=s.sector,
            lat=where.get(s.postcode[:4], (None, None))[0],
            lon=where.get(s.postcode[:4], (None, None))[1],
        )
        for s in [*schools.values(), *without_places.values()]
    ]
    partners = _partners(matching_round, schools.values(), clusters, offers, len(students), partner_of)
    known = {p.id for p in partners}
    for school in without_places.values():  # their board gets no share of this round: it offers nothing in it
        if partner_of(school) not in known:
            known.add(partner_of(school))
            name = school.board.name if school.board_id else school.name
            partners.append(engine.Partner(id=partner_of(school), name=name, share=0.0))
    lists = selectors.subject_lists(partnership)
    engine_students = []
    for student in students:
        preference = preferences.get(student.pk)
        wishes: tuple[str, ...] = ()
        values: dict[str, Any] = {}
        if preference is not None:
            wishes = tuple(
                f"school:{w.school_id}" if w.school_id else f"cluster:{w.cluster_id}" for w in preference.wishes.all()
            )
            lat, lon = where.get(preference.postcode, (None, None))
            values = {
                "available_days": _split(preference.available_days) or None,
                "denominations": _split(preference.denominations),
                "concepts": _split(preference.concepts),
                "max_km": float(preference.max_km) if preference.max_km else None,
                "lat": lat,
                "lon": lon,
                "previous_school_type": preference.previous_school_type,
            }
        categories = {
            Mode.PART_TIME: {"deeltijd"},
            Mode.DUAL: {"duaal"},
        }.get(student.mode, set())
        if student.is_side_entrant:
            categories |= {"zij-instroom"}
        engine_students.append(
            engine.Student(
                id=ids[student.pk],
                subject=student.subject if student.sector != "po" else "",
                wishes=wishes,
                categories=frozenset(categories),
                **values,
            )
        )
    locks = RoundLock.objects.filter(round=matching_round, student__in=students)
    rankings: dict[int, list[SchoolRanking]] = defaultdict(list)
    for ranking in ranking_rows:
        rankings[ranking.school_id].append(ranking)
    problem = engine.Problem(
        students=tuple(engine_students),
        offers=tuple(
            engine.Offer(
                id=f"offer:{o.pk}",
                school=f"school:{o.school_id}",
                subject=o.subject,
                places=o.places,
                required_days=_split(o.required_days),
                reserved_places=o.reserved_places,
                reserved_category=o.reserved_category or None,
                under_pressure=o.under_pressure,
            )
            for o in offers
        ),
        schools=tuple(engine_schools),
        partners=tuple(partners),
        clusters=tuple(engine_clusters),
        shortage_subjects=frozenset(r.subject for r in lists.get(SubjectStatus.Status.SHORTAGE, [])),
        oversupplied_subjects=frozenset(r.subject for r in lists.get(SubjectStatus.Status.OVERSUPPLIED, [])),
        school_rankings=tuple(
            engine.SchoolRanking(
                school=f"school:{school_id}",
                students=tuple(ids[r.student_id] for r in rows),
                only_ranked=any(r.only_ranked for r in rows),
            )
            for school_id, rows in rankings.items()
        ),
        locks=tuple(engine.Lock(ids[lk.student_id], f"offer:{lk.offer_id}") for lk in locks if lk.kind == "vast"),
        forbidden=tuple(engine.Forbid(ids[lk.student_id], f"offer:{lk.offer_id}") for lk in locks if lk.kind == "niet"),
        name=matching_round.name,
        school_year=year,
        period=period,
        max_schools_per_cluster=partnership.max_schools_per_cluster,
    )
    return Built(problem, {engine_id: pk for pk, engine_id in ids.items()})


def _partners(matching_round, schools, clusters, offers, students: int, partner_of) -> list[engine.Partner]:
    """The boards with their share of the allocation key (the partnership's fixed shares where it has them,
    otherwise the places they offer) and a floor of places within the round's band."""
    names: dict[str, str] = {}
    offered: dict[str, int] = defaultdict(int)
    for school in schools:
        names[partner_of(school)] = school.board.name if school.board_id else school.name
    for offer in offers:
        offered[partner_of(offer.school)] += offer.places
    for cluster in clusters:
        names.setdefault(f"board:{cluster.board_id}", cluster.board.name)
    fixed = {
        f"board:{share.membership.board_id}": float(share.share)
        for share in AllocationShare.objects.filter(key__partnership=matching_round.partnership).select_related(
            "membership"
        )
        if share.membership.board_id
    }
    shares = {p: fixed.get(p, 0.0) for p in names} if fixed else {p: float(offered.get(p, 0)) for p in names}
    total_share = sum(shares.values()) or 1.0
    expected_total = min(students, sum(offered.values()))
    band = matching_round.band / 100
    return [
        engine.Partner(
            id=partner,
            name=names[partner],
            share=shares[partner],
            floor=math.floor(expected_total * shares[partner] / total_share * (1 - band)) if band < 1 else None,
        )
        for partner in sorted(names)
    ]


# --- runs ------------------------------------------------------------------------------------------------------


def weights_of(matching_round: MatchingRound) -> engine.Weights:
    try:
        return engine.Weights.from_mapping(matching_round.weights or {})
    except (KeyError, ValueError, TypeError) as exc:
        raise DomainError(_("De gewichten van deze ronde kloppen niet: %(error)s.") % {"error": exc}) from exc


def run_start(*, matching_round: MatchingRound, actor: Any):
    if matching_round.status == MatchingRound.Status.CONFIRMED:
        raise DomainError(_("Deze ronde is al bevestigd; open een nieuwe ronde om opnieuw te plaatsen."))
    return jobs.start(
        JOB_KIND,
        partnership=matching_round.partnership,
        user=actor,
        arguments={"round_id": matching_round.pk},
    )


def run_round(job, *, round_id: int) -> dict[str, Any]:
    """The background job: build, solve (reporting progress), keep the run. Refusals come back in Dutch."""
    matching_round = MatchingRound.objects.select_related("partnership").get(pk=round_id)
    built = build_problem(matching_round)
    if not built.problem.offers:
        raise DomainError(
            _("Er zijn voor %(year)s nog geen plaatsen aangeboden: er valt niets te plaatsen.")
            % {"year": matching_round.school_year}
        )
    if not built.problem.students:
        raise DomainError(_("Deze ronde heeft geen studenten om te plaatsen."))
    try:
        result = engine.solve(
            built.problem,
            mode=engine.Mode(matching_round.mode),
            weights=weights_of(matching_round),
            progress=lambda fraction, label: jobs.job_progress(job, fraction, _(label)),
        )
    except engine.InvalidProblem as exc:
        raise DomainError(" ".join(exc.messages(_))) from exc
    with transaction.atomic():
        number = (RoundRun.objects.filter(round=matching_round).aggregate(n=Max("number"))["n"] or 0) + 1
        run = RoundRun.objects.create(
            partnership=matching_round.partnership,
            round=matching_round,
            number=number,
            job_id=job.pk,
            result={**engine.result_to_dict(result), "student_rows": built.students},
            figures=engine.result_to_dict(result)["figures"],
            created_by=job.created_by,
        )
    figures = result.figures
    return {
        "message": _("%(placed)s van %(students)s studenten geplaatst, %(first)s op hun eerste wens.")
        % {"placed": figures.placed, "students": figures.students, "first": figures.first_choice},
        "url": reverse("placements:run_detail", args=[matching_round.partnership.slug, run.pk]),
        "link_text": _("Bekijk de uitkomst van run %(n)s") % {"n": number},
    }


jobs.register(JOB_KIND, run_round)


def run_result(run: RoundRun) -> engine.Result:
    return engine.result_from_dict(run.result)


# --- changes by hand -----------------------------------------------------------------------------------------


@transaction.atomic
def lock_set(
    *, matching_round: MatchingRound, student: Student, offer: CapacityOffer, kind: str, actor: Any
) -> RoundLock:
    if matching_round.status == MatchingRound.Status.CONFIRMED:
        raise DomainError(_("Deze ronde is al bevestigd."))
    if offer.partnership_id != matching_round.partnership_id or student.partnership_id != matching_round.partnership_id:
        raise DomainError(_("Die student of dat aanbod hoort niet bij dit partnerschap."))
    if offer.school_year != matching_round.school_year or offer.period not in {matching_round.period, "jaar"}:
        raise DomainError(
            _("Dat aanbod hoort niet bij studiejaar %(year)s en periode %(period)s van deze ronde.")
            % {"year": matching_round.school_year, "period": matching_round.get_period_display()}
        )
    if not students_in_scope(matching_round).filter(pk=student.pk).exists():
        raise DomainError(_("Student %(number)s doet niet mee aan deze ronde.") % {"number": student.student_number})
    if kind == RoundLock.Kind.LOCK:  # one place per student: a new lock replaces the old one
        RoundLock.objects.filter(round=matching_round, student=student, kind=RoundLock.Kind.LOCK).delete()
    lock, _created = RoundLock.objects.update_or_create(
        round=matching_round,
        student=student,
        offer=offer,
        defaults={"partnership": matching_round.partnership, "kind": kind, "created_by": actor},
    )
    history.record(
        actor=actor,
        obj=matching_round,
        action="changed",
        partnership=matching_round.partnership,
        changes={"handmatig": f"{student.student_number}: {lock.get_kind_display()} {offer}"},
    )
    return lock


@transaction.atomic
def lock_remove(*, lock: RoundLock, actor: Any) -> None:
    history.record(
        actor=actor,
        obj=lock.round,
        action="changed",
        partnership=lock.partnership,
        changes={"handmatig weg": f"{lock.student.student_number}: {lock.offer}"},
    )
    lock.delete()


def round_create(*, partnership: Partnership, values: dict[str, Any], actor: Any) -> MatchingRound:
    matching_round = MatchingRound(partnership=partnership, created_by=actor, **values)
    editing.create(matching_round, actor=actor)
    return matching_round


# --- confirming ----------------------------------------------------------------------------------------------


@transaction.atomic
def run_confirm(*, run: RoundRun, expected_version: int | None, actor: Any) -> int:
    """Turn a run into placements. The round row is locked first: of two people confirming at once, the second
    is told who was first, and nothing is confirmed twice or half."""
    matching_round = MatchingRound.objects.select_for_update().get(pk=run.round_id)
    if matching_round.status == MatchingRound.Status.CONFIRMED:
        who = matching_round.confirmed_by.get_full_name() if matching_round.confirmed_by else _("iemand anders")
        raise DomainError(
            _("Deze ronde is al bevestigd (door %(who)s op %(when)s).")
            % {"who": who, "when": timezone.localtime(matching_round.confirmed_at).strftime("%d-%m-%Y %H:%M")}
        )
    if expected_version is not None and matching_round.version != expected_version:
        raise DomainError(_("De ronde is intussen gewijzigd. Laad de pagina opnieuw en bevestig dan."))
    result = run_result(run)
    rows: dict[str, int] = run.result.get("student_rows", {})
    placed = [a for a in result.assignments if a.placed]
    student_pks = [rows[a.student] for a in placed]
    taken = Placement.objects.filter(student_id__in=student_pks, period=matching_round.period)
    if taken.exists():
        numbers = ", ".join(sorted(taken.values_list("student__student_number", flat=True))[:10])
        raise DomainError(
            _("Deze studenten zijn intussen al geplaatst door een andere ronde: %(numbers)s. Draai de ronde opnieuw.")
            % {"numbers": numbers}
        )
    offers = CapacityOffer.objects.in_bulk([int(a.offer.split(":")[1]) for a in placed])
    Placement.objects.bulk_create(
        [
            Placement(
                partnership=matching_round.partnership,
                student_id=rows[a.student],
                period=matching_round.period,
                offer=offers.get(int(a.offer.split(":")[1])),
                school_id=int(a.school.split(":")[1]),
                cluster_id=int(a.cluster.split(":")[1]) if a.cluster else None,
                round=matching_round,
                explanation=a.explanation.text(_),
                confirmed_by=actor,
            )
            for a in placed
        ]
    )
    matching_round.status = MatchingRound.Status.CONFIRMED
    matching_round.confirmed_run = run
    matching_round.confirmed_by = actor
    matching_round.confirmed_at = timezone.now()
    matching_round.version += 1
    matching_round.save()
    history.record(
        actor=actor,
        obj=matching_round,
        action="changed",
        partnership=matching_round.partnership,
        changes={"bevestigd": f"run {run.number}", "geplaatst": len(placed)},
    )
    return len(placed)


@transaction.atomic
def ranking_set(
    *, matching_round: MatchingRound, school: School, numbers: list[str], only_ranked: bool, actor: Any
) -> list[SchoolRanking]:
    """A school's order of students (after a speed date or placement market), replacing its earlier order."""
    if matching_round.status == MatchingRound.Status.CONFIRMED:
        raise DomainError(_("Deze ronde is al bevestigd."))
    students = list(students_in_scope(matching_round))
    ids = student_ids(students)
    by_id = {ids[s.pk]: s for s in students}
    wanted = [n.strip() for n in numbers if n.strip()]
    unknown = [n for n in wanted if n not in by_id]
    if unknown:
        raise DomainError(
            _("Deze studentnummers horen niet bij deze ronde: %(numbers)s.") % {"numbers": ", ".join(unknown[:10])}
        )
    if len(set(wanted)) != len(wanted):
        raise DomainError(_("Een student staat twee keer in de volgorde."))
    SchoolRanking.objects.filter(round=matching_round, school=school).delete()
    rows = SchoolRanking.objects.bulk_create(
        [
            SchoolRanking(
                partnership=matching_round.partnership,
                round=matching_round,
                school=school,
                student=by_id[number],
                rank=rank,
                only_ranked=only_ranked,
            )
            for rank, number in enumerate(wanted, start=1)
        ]
    )
    history.record(
        actor=actor,
        obj=matching_round,
        action="changed",
        partnership=matching_round.partnership,
        changes={"rangorde": f"{school.name}: {len(rows)}"},
    )
    return rows


def school_messages(run: RoundRun) -> list[dict[str, Any]]:
    """Per school the students a run places there: what the school is told (and may be sent by e-mail)."""
    result = run_result(run)
    by_school: dict[int, list] = defaultdict(list)
    for assignment in result.assignments:
        if assignment.placed:
            by_school[int(assignment.school.split(":")[1])].append(assignment)
    schools = School.objects.in_bulk(list(by_school))
    rows = run.result.get("student_rows", {})
    students = Student.objects.in_bulk(list(rows.values()))
    messages = []
    for school_id, assignments in sorted(by_school.items(), key=lambda i: schools[i[0]].name):
        lines = []
        for a in sorted(assignments, key=lambda a: a.student):
            student = students.get(rows.get(a.student))
            detail = ", ".join(
                part
                for part in (student.subject if student else "", student.get_mode_display() if student else "")
                if part
            )
            lines.append(f"- {a.student}" + (f" ({detail})" if detail else ""))
        messages.append({"school": schools[school_id], "students": len(assignments), "lines": lines})
    return messages
