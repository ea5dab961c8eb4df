"""Writes and computations of the projection part: today's numbers from the platform (not recomputed here: the
students module's count and coverage rows, its subsidy rates and partners, the registry's boards, schools and
clusters), scenarios (validate with the engine, keep the optimistic lock, record history) and their projections.
A scenario the engine refuses is not saved: the stored one stays as it was."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from samenopleiden.core import editing, history
from samenopleiden.core.errors import DomainError
from samenopleiden.registry.models import Cluster, Membership, Partnership, School, SchoolBoard
from samenopleiden.students import counting, schoolyear
from samenopleiden.students import selectors as student_selectors
from samenopleiden.students.models import FundingRate, Student
from samenopleiden.students.services import subsidy as subsidy_services

from .. import projection_engine as engine
from ..models import BoardClusterLimit, Scenario

PUBLIC = "openbaar"
MAX_FILE_BYTES = 200_000


def text(problem: engine.Problem | engine.FormatError) -> str:
    """An engine sentence in the user's language."""
    return _(problem.template) % problem.params if problem.params else _(problem.template)


def is_public(denomination: str) -> bool:
    return PUBLIC in (denomination or "").casefold()


# --- today's numbers ---------------------------------------------------------------------------------------


def _member_boards(partnership: Partnership, on: dt.date) -> list[SchoolBoard]:
    ids = (
        Membership.objects.filter(partnership=partnership, board__isnull=False)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        .values_list("board_id", flat=True)
    )
    return list(SchoolBoard.objects.filter(pk__in=list(ids)).order_by("name"))


def start_for(partnership: Partnership, *, today: dt.date) -> engine.Start:
    """Today's numbers of the partnership as the engine's starting point (a fixed number of queries)."""
    year = schoolyear.current(today)
    boards = _member_boards(partnership, schoolyear.start(year))
    board_ids = [b.pk for b in boards]
    clusters = list(Cluster.objects.filter(partnership=partnership).prefetch_related("schools"))
    clustered = {s.pk for c in clusters for s in c.schools.all()}
    per_board: dict[int, int] = defaultdict(int)
    for cluster in clusters:
        if cluster.board_id:
            per_board[cluster.board_id] += 1
    schools = list(School.objects.filter(board_id__in=board_ids).values("pk", "board_id", "denomination"))
    free: dict[int, int] = defaultdict(int)
    public_schools: dict[int, list[bool]] = defaultdict(list)
    for school in schools:
        public_schools[school["board_id"]].append(is_public(school["denomination"]))
        if school["pk"] not in clustered:
            free[school["board_id"]] += 1
    limits = dict(BoardClusterLimit.objects.filter(partnership=partnership).values_list("board_id", "max_clusters"))
    engine_boards = tuple(
        engine.Board(
            key=str(b.pk),
            name=b.name,
            clusters=per_board.get(b.pk, 0),
            max_clusters=limits.get(b.pk),
            free_schools=free.get(b.pk, 0),
            public=bool(public_schools.get(b.pk)) and sum(public_schools[b.pk]) * 2 > len(public_schools[b.pk]),
        )
        for b in boards
    )
    places = [c.target_places for c in clusters]
    per_cluster = round(sum(places) / len(places)) if places else 12
    public_places = 0
    for cluster in clusters:
        members = list(cluster.schools.all())
        if members:
            share = Decimal(sum(is_public(s.denomination) for s in members)) / len(members)
            public_places += int((cluster.target_places * share).to_integral_value())
    inflow = tuple(
        engine.Inflow(
            institute=row["institute"].code or str(row["institute"].pk),
            mode=row["mode"],
            total=max(row["total"] if row["total"] is not None else row["trained"], row["trained"]),
            trained=row["trained"],
        )
        for row in student_selectors.institute_totals(partnership, year)
    )
    basis = counting.count(Student.objects.filter(partnership=partnership), schoolyear.previous(year))
    rate = FundingRate.objects.filter(school_year__lte=year).order_by("-school_year").first()
    rates = subsidy_services.rates_for(rate)
    satellites = Membership.objects.filter(partnership=partnership, role=Membership.Role.SATELLITE).count()
    return engine.Start(
        first_year=schoolyear.first_year(year),
        places_per_cluster=per_cluster,
        max_schools_per_cluster=partnership.max_schools_per_cluster,
        boards=engine_boards,
        inflow=inflow,
        partners=len(subsidy_services.partners_of(partnership, year)),
        satellite_schools=satellites,
        counted_last_year=basis.total if basis.outcomes else None,
        recognised=partnership.status == Partnership.Status.RECOGNISED,
        fixed_amount=rates.fixed_amount if rates else None,
        per_student_amount=rates.per_student_amount if rates else Decimal(0),
        minimum_students=rates.minimum_students if rates else 60,
        public_places=public_places,
    )


def institute_names(partnership: Partnership) -> dict[str, str]:
    from samenopleiden.registry.models import Institute

    rows = Institute.objects.filter(Q(memberships__partnership=partnership) | Q(students__partnership=partnership))
    return {(i.code or str(i.pk)): i.name for i in rows.distinct()}


# --- scenarios ---------------------------------------------------------------------------------------------


def levers_of(scenario: Scenario) -> engine.Levers:
    """The stored levers; a row that no longer reads (changed by hand) falls back to the defaults."""
    try:
        levers = engine.levers_from_dict(scenario.levers or {})
    except engine.FormatError:
        levers = engine.Levers()
    return engine.with_levers(levers, horizon=scenario.horizon)


def check(start: engine.Start, levers: engine.Levers) -> None:
    problems = engine.validate(start, levers)
    if problems:
        raise DomainError(text(problems[0]), field=None)


def projection_of(scenario: Scenario, start: engine.Start) -> tuple[engine.Projection | None, list[str]]:
    """The projection, or None with the reasons when today's numbers no longer fit the levers (a board left)."""
    levers = levers_of(scenario)
    problems = engine.validate(start, levers)
    if problems:
        return None, [text(p) for p in problems]
    return engine.project(start, levers), []


def _check_name(partnership: Partnership, name: str, exclude: int | None = None) -> str:
    name = (name or "").strip()
    if not name:
        raise DomainError(_("Geef het scenario een naam."), field="name")
    if Scenario.objects.filter(partnership=partnership, name=name).exclude(pk=exclude).exists():
        raise DomainError(_("Er is al een scenario met de naam '%(name)s'.") % {"name": name}, field="name")
    return name


@transaction.atomic
def scenario_create(
    *,
    partnership: Partnership,
    name: str,
    description: str = "",
    levers: engine.Levers,
    start: engine.Start,
    actor: Any,
) -> Scenario:
    name = _check_name(partnership, name)
    check(start, levers)
    scenario = Scenario(
        partnership=partnership,
        name=name,
        description=description,
        horizon=levers.horizon,
        levers=engine.levers_to_dict(levers),
    )
    editing.create(scenario, actor=actor)
    return scenario


@transaction.atomic
def scenario_update(
    *,
    scenario: Scenario,
    name: str,
    description: str,
    levers: engine.Levers,
    start: engine.Start,
    expected_version: int | None,
    actor: Any,
) -> Scenario:
    name = _check_name(scenario.partnership, name, exclude=scenario.pk)
    check(start, levers)
    changes = {
        "name": name,
        "description": description,
        "horizon": levers.horizon,
        "levers": engine.levers_to_dict(levers),
    }
    editing.apply_changes(scenario, changes=changes, actor=actor, expected_version=expected_version)
    return scenario


def scenario_delete(*, scenario: Scenario, actor: Any) -> None:
    history.record(actor=actor, obj=scenario, action="deleted", changes=history.snapshot(scenario))
    scenario.delete()


def scenario_file(scenario: Scenario, start: engine.Start) -> dict[str, Any]:
    """The scenario as a file: its levers and today's numbers, so that it runs without the platform."""
    return engine.to_file(name=scenario.name, description=scenario.description, levers=levers_of(scenario), start=start)


def read_file(content: bytes) -> engine.ScenarioFile:
    """A scenario file's content; DomainError with a Dutch message when it cannot be read."""
    if len(content) > MAX_FILE_BYTES:
        raise DomainError(_("Het bestand is te groot voor een scenario (hooguit 200 kB)."), field="file")
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DomainError(_("Het bestand is geen geldige JSON."), field="file") from None
    try:
        return engine.from_file(data)
    except engine.FormatError as exc:
        raise DomainError(text(exc), field="file") from None


@transaction.atomic
def scenario_import(
    *, partnership: Partnership, content: bytes, start: engine.Start, actor: Any, name: str = ""
) -> Scenario:
    """A new scenario from a file: its levers against this partnership's numbers of today (the starting numbers in
    the file are for running it elsewhere and are not used here)."""
    read = read_file(content)
    return scenario_create(
        partnership=partnership,
        name=name or read.name,
        description=read.description,
        levers=read.levers,
        start=start,
        actor=actor,
    )


# --- the agreement's limits --------------------------------------------------------------------------------


@transaction.atomic
def limit_save(
    *, partnership: Partnership, board: SchoolBoard, max_clusters: int | None, note: str = "", actor: Any
) -> BoardClusterLimit | None:
    """Sets (or, with None, removes) the agreement's maximum of clusters for a board."""
    limit = BoardClusterLimit.objects.select_for_update().filter(partnership=partnership, board=board).first()
    if max_clusters is None:
        if limit is not None:
            history.record(actor=actor, obj=limit, action="deleted", changes=history.snapshot(limit))
            limit.delete()
        return None
    if max_clusters < 0:
        raise DomainError(_("Het maximum aantal clusters kan niet negatief zijn."), field="max_clusters")
    if limit is None:
        limit = BoardClusterLimit(partnership=partnership, board=board, max_clusters=max_clusters, note=note)
        editing.create(limit, actor=actor)
        return limit
    editing.apply_changes(limit, changes={"max_clusters": max_clusters, "note": note}, actor=actor)
    return limit
