"""Input checks before any solving: every problem found, as Dutch messages, and no partial result.

Structural checks (references, numbers) come first; the checks that need the lookups (whether a lock suits
its student, whether the locks fit the caps together) only run when the structure is sound.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from .capacity import CapSet, Family, effective_capacity, family, scope_offers
from .errors import InvalidProblem
from .index import Index, norm
from .messages import Reason
from .model import DAYS, Problem


def checked(problem: Problem) -> tuple[Index, Family]:
    """The lookups and caps of a sound round; raises InvalidProblem with every reason otherwise."""
    reasons, built = _validate(problem)
    if built is None:
        raise InvalidProblem(reasons)
    return built


def validate(problem: Problem) -> list[Reason]:
    """Every reason why the round cannot be matched as given (empty when it can)."""
    return _validate(problem)[0]


def _validate(problem: Problem) -> tuple[list[Reason], tuple[Index, Family] | None]:
    reasons = _structure(problem)
    if reasons:
        return reasons, None
    index = Index(problem)
    reasons = _shortage_reserved(index) + _lock_suitability(index)
    if reasons:
        return reasons, None
    fam = family(index)
    reasons = _lock_capacity(index, fam)
    return reasons, None if reasons else (index, fam)


def _structure(p: Problem) -> list[Reason]:
    reasons: list[Reason] = []
    if not p.offers:
        reasons.append(Reason("no_offers"))
    if not p.students:
        reasons.append(Reason("no_students"))
    for kind, items in (
        ("kind_students", p.students),
        ("kind_offers", p.offers),
        ("kind_schools", p.schools),
        ("kind_clusters", p.clusters),
        ("kind_partners", p.partners),
        ("kind_quotas", p.quotas),
    ):
        for item_id, count in Counter(item.id for item in items).items():
            if count > 1:
                reasons.append(Reason("duplicate_id", {"id": item_id, "kind": Reason(kind)}))
    for check_part in (_offers, _schools, _clusters, _partners, _quotas, _students, _rankings, _locks):
        reasons.extend(check_part(p))
    return reasons


def _offers(p: Problem) -> Iterable[Reason]:
    schools = {s.id: s for s in p.schools}
    for o in p.offers:
        school_name = schools[o.school].name if o.school in schools else o.school
        if o.school not in schools:
            yield Reason("unknown_offer_school", {"offer": o.id, "school": o.school})
        if o.places < 0:
            yield Reason(
                "negative_places", {"offer": o.id, "school": school_name, "subject": o.subject, "places": o.places}
            )
        if o.reserved_places < 0:
            yield Reason("negative_capacity", {"name": o.id, "capacity": o.reserved_places})
        elif o.reserved_places > max(o.places, 0):
            yield Reason("reserved_too_many", {"offer": o.id, "reserved": o.reserved_places, "places": o.places})
        if o.reserved_places > 0 and not norm(o.reserved_category):
            yield Reason("reserved_without_category", {"offer": o.id})
        yield from _days(f"{school_name} ({o.id})", o.required_days)


def _days(who: str, days: Iterable[str] | None) -> Iterable[Reason]:
    for day in sorted(days or ()):
        if norm(day) not in DAYS:
            yield Reason("unknown_day", {"who": who, "day": day})


def _schools(p: Problem) -> Iterable[Reason]:
    partners, clusters = {x.id for x in p.partners}, {x.id for x in p.clusters}
    needs_coordinates = any(s.max_km is not None for s in p.students)
    offering = {o.school for o in p.offers}  # a school without offers is never a candidate: no distance needed
    for s in p.schools:
        if s.partner not in partners:
            yield Reason("unknown_partner", {"name": s.name, "partner": s.partner})
        if s.cluster is not None and s.cluster not in clusters:
            yield Reason("unknown_cluster", {"school": s.name, "cluster": s.cluster})
        if s.capacity is not None and s.capacity < 0:
            yield Reason("negative_capacity", {"name": s.name, "capacity": s.capacity})
        yield from _coordinates(s.name, s.lat, s.lon)
        if needs_coordinates and s.id in offering and (s.lat is None or s.lon is None):
            yield Reason("school_without_coordinates", {"school": s.name})


def _coordinates(who: str, lat: float | None, lon: float | None) -> Iterable[Reason]:
    """No coordinates is fine (no distances then); half of them, or impossible ones, is a mistake."""
    if lat is None and lon is None:
        return
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        yield Reason("bad_coordinates", {"who": who, "lat": str(lat), "lon": str(lon)})


def _clusters(p: Problem) -> Iterable[Reason]:
    partners = {x.id for x in p.partners}
    members = defaultdict(list)
    for school in p.schools:
        if school.cluster is not None:
            members[school.cluster].append(school)
    for c in p.clusters:
        if c.partner not in partners:
            yield Reason("unknown_partner", {"name": c.name, "partner": c.partner})
        if c.capacity is not None and c.capacity < 0:
            yield Reason("negative_capacity", {"name": c.name, "capacity": c.capacity})
        others = [s.name for s in members[c.id] if s.partner != c.partner]
        if others:
            yield Reason("cluster_mixed_boards", {"cluster": c.name, "schools": others})
        if len(members[c.id]) > p.max_schools_per_cluster:
            yield Reason(
                "cluster_too_big",
                {"cluster": c.name, "count": len(members[c.id]), "maximum": p.max_schools_per_cluster},
            )


def _partners(p: Problem) -> Iterable[Reason]:
    for x in p.partners:
        if x.share < 0:
            yield Reason("negative_share", {"partner": x.name, "share": x.share})
        for bound in (x.floor, x.ceiling):
            if bound is not None and bound < 0:
                yield Reason("negative_capacity", {"name": x.name, "capacity": bound})
        if x.floor is not None and x.ceiling is not None and x.floor > x.ceiling:
            yield Reason("floor_above_ceiling", {"partner": x.name, "floor": x.floor, "ceiling": x.ceiling})
    both = {norm(s) for s in p.shortage_subjects} & {norm(s) for s in p.oversupplied_subjects}
    for subject in sorted(both):
        yield Reason("subject_both_lists", {"subject": subject})


def _quotas(p: Problem) -> Iterable[Reason]:
    scopes = {x.id for x in (*p.schools, *p.clusters, *p.partners)}
    for q in p.quotas:
        if q.scope not in scopes:
            yield Reason("unknown_quota_scope", {"quota": q.name or q.id, "scope": q.scope})
        if q.max_places < 0:
            yield Reason("negative_capacity", {"name": q.name or q.id, "capacity": q.max_places})
    for scope in (*p.schools, *p.clusters):
        if scope.shortage_reserved < 0:
            yield Reason("negative_capacity", {"name": scope.name, "capacity": scope.shortage_reserved})


def _students(p: Problem) -> Iterable[Reason]:
    targets = {x.id for x in (*p.schools, *p.clusters)}
    for s in p.students:
        for wish in s.wishes:
            if wish not in targets:
                yield Reason("unknown_wish", {"wish": wish, "student": s.label})
        yield from _days(s.label, s.available_days)
        yield from _coordinates(s.label, s.lat, s.lon)
        if s.max_km is not None and s.max_km < 0:
            yield Reason("negative_max_km", {"student": s.label, "max_km": float(s.max_km)})
        if s.max_km is not None and (s.lat is None or s.lon is None):
            yield Reason("student_without_coordinates", {"student": s.label})


def _rankings(p: Problem) -> Iterable[Reason]:
    schools, students = {s.id: s.name for s in p.schools}, {s.id for s in p.students}
    for school_id, count in Counter(r.school for r in p.school_rankings).items():
        if count > 1:
            yield Reason("duplicate_ranking", {"school": schools.get(school_id, school_id)})
    for r in p.school_rankings:
        if r.school not in schools:
            yield Reason("unknown_ranking_school", {"school": r.school})
            continue
        for student_id in r.students:
            if student_id not in students:
                yield Reason("unknown_ranking_student", {"school": schools[r.school], "student": student_id})


def _locks(p: Problem) -> Iterable[Reason]:
    students, offers = {s.id: s for s in p.students}, {o.id for o in p.offers}
    for item in (*p.locks, *p.forbidden):
        if item.student not in students:
            yield Reason("unknown_lock_student", {"student": item.student})
        elif item.offer not in offers:
            yield Reason("unknown_lock_offer", {"student": students[item.student].label, "offer": item.offer})
    locked: dict[str, list[str]] = defaultdict(list)
    for lock in p.locks:
        locked[lock.student].append(lock.offer)
    for student_id, offer_ids in locked.items():
        if len(offer_ids) > 1 and student_id in students:
            yield Reason("double_lock", {"student": students[student_id].label, "offers": offer_ids})
    for f in p.forbidden:
        if f.offer in locked.get(f.student, ()):
            yield Reason("lock_forbidden", {"student": students[f.student].label, "offer": f.offer})


def _lock_suitability(index: Index) -> list[Reason]:
    reasons = []
    for student_id, offer in index.locks.items():
        student = index.student_pos[student_id]
        failure = index.failure(student, offer)
        if failure is not None and failure != "forbidden":
            school = index.school_of(offer)
            reasons.append(
                Reason(
                    "lock_unsuitable",
                    {
                        "student": index.students[student].label,
                        "school": school.name,
                        "offer": index.offers[offer].id,
                        "reason": unsuitable(index, student, offer, failure),
                    },
                )
            )
    return reasons


def unsuitable(index: Index, student: int, offer: int, failure: str) -> Reason:
    """The short phrase for why an offer does not suit a student ("het aanbod is voor wiskunde")."""
    o, school = index.offers[offer], index.school_of(offer)
    params: dict[str, object] = {
        "subject": o.subject,
        "period": o.period or "",
        "days": sorted(o.required_days),
        "category": o.reserved_category or "",
        "denomination": school.denomination or Reason("unknown_name"),
        "concept": school.concept or Reason("unknown_name"),
        "km": round(index.km(student, offer) or 0.0, 1),
        "max_km": float(index.students[student].max_km or 0.0),
    }
    return Reason(f"unsuitable_{failure}", params)


def _lock_capacity(index: Index, fam: Family) -> list[Reason]:
    """Locks fix their offer, so they fit together exactly when no cap counts more locked students than it has."""
    inside: dict[int, list[int]] = defaultdict(list)
    for student_id, offer in index.locks.items():
        student = index.student_pos[student_id]
        for k in fam.sets_of(student, offer):
            inside[k].append(student)
    reasons = []
    reported: set[frozenset[int]] = set()
    for k, students in sorted(inside.items(), key=lambda item: len(fam.sets[item[0]].offers)):
        cap_set = fam.sets[k]
        unbounded = cap_set.kind == "partner" and index.partners[cap_set.key].ceiling is None
        if len(students) > cap_set.cap and not unbounded and frozenset(students) not in reported:
            reported.add(frozenset(students))
            labels = [index.students[s].label for s in sorted(students)]
            code = "locks_over_capacity_one" if cap_set.cap == 1 else "locks_over_capacity"
            reasons.append(Reason(code, {"students": labels, "place": place_name(index, cap_set), "cap": cap_set.cap}))
    return reasons


def place_name(index: Index, cap_set: CapSet) -> Reason:
    """How a message names the place a cap belongs to."""
    if cap_set.kind in ("offer", "general"):
        offer = index.offers[index.offer_pos[cap_set.key]]
        params = {"school": index.schools[offer.school].name, "subject": offer.subject}
        return Reason(f"place_{cap_set.kind}", params)
    if cap_set.kind == "school":
        return Reason("place_school", {"school": index.schools[cap_set.key].name})
    if cap_set.kind == "cluster":
        return Reason("place_cluster", {"cluster": index.clusters[cap_set.key].name})
    if cap_set.kind == "partner":
        return Reason("place_partner", {"partner": index.partners[cap_set.key].name})
    return Reason("place_quota", {"quota": quota_name(index, cap_set)})


def quota_name(index: Index, cap_set: CapSet) -> str | Reason:
    if cap_set.key.startswith("tekort:"):
        return Reason("shortage_quota_name", {"scope": index.wish_name(cap_set.key.removeprefix("tekort:"))})
    quota = index.quotas[cap_set.key]
    return quota.name or quota.id


def _shortage_reserved(index: Index) -> list[Reason]:
    """A school or cluster cannot reserve more places for shortage subjects than it has."""
    offers = scope_offers(index)
    reasons = []
    for scope in (*index.problem.schools, *index.problem.clusters):
        capacity = effective_capacity(index, scope.id, offers[scope.id])
        if scope.shortage_reserved > capacity:
            params = {"name": scope.name, "reserved": scope.shortage_reserved, "capacity": capacity}
            reasons.append(Reason("shortage_reserved_too_many", params))
    return reasons
