"""Writes of the workspace part: the preparation (catchment, forecast, regional tables), the scores of the variants,
and candidates joining the partnership with their steps. Every write validates, keeps the optimistic lock and
records history (core.editing); rules of joining live in `growth.onboarding`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopleiden.core import editing, history
from samenopleiden.core.errors import DomainError
from samenopleiden.registry.models import Partnership, Person
from samenopleiden.students import schoolyear

from .. import onboarding
from ..models import (
    Candidate,
    CandidateStep,
    GrowthProfile,
    GrowthVariant,
    OnboardingStepTemplate,
    PlacesForecast,
    RegionalTable,
    VariantScore,
)

FORECAST_YEARS_AHEAD = 10


def _delete(obj: Any, *, actor: Any) -> None:
    history.record(actor=actor, obj=obj, action="deleted", changes=history.snapshot(obj))
    obj.delete()


def _update(obj: Any, changes: dict[str, Any], expected_version: int | None, actor: Any) -> Any:
    editing.apply_changes(obj, changes=changes, actor=actor, expected_version=expected_version)
    return obj


# --- preparation ---------------------------------------------------------------------------------------------


def profile_of(partnership: Partnership) -> GrowthProfile:
    """The partnership's profile, unsaved and empty when nothing was entered yet."""
    return GrowthProfile.objects.filter(partnership=partnership).first() or GrowthProfile(partnership=partnership)


@transaction.atomic
def profile_save(
    *, partnership: Partnership, changes: dict[str, Any], expected_version: int | None, actor: Any
) -> GrowthProfile:
    profile = GrowthProfile.objects.select_for_update().filter(partnership=partnership).first()
    if profile is None:
        profile = GrowthProfile(partnership=partnership, **changes)
        editing.create(profile, actor=actor)
        return profile
    return _update(profile, changes, expected_version, actor)


def _check_forecast_year(year: str, *, today: dt.date) -> None:
    current = schoolyear.first_year(schoolyear.current(today))
    if not current - 1 <= schoolyear.first_year(year) <= current + FORECAST_YEARS_AHEAD:
        raise DomainError(
            _("Een prognose gaat over dit schooljaar, het vorige, of hooguit %(n)s jaar vooruit.")
            % {"n": FORECAST_YEARS_AHEAD},
            field="school_year",
        )


def _check_forecast_unique(partnership: Partnership, year: str, exclude: int | None = None) -> None:
    if PlacesForecast.objects.filter(partnership=partnership, school_year=year).exclude(pk=exclude).exists():
        raise DomainError(
            _("Voor %(year)s staat al een prognose. Pas die aan in plaats van een tweede toe te voegen.")
            % {"year": year},
            field="school_year",
        )


@transaction.atomic
def forecast_create(
    *, partnership: Partnership, school_year: str, places: int, note: str = "", actor: Any, today: dt.date
) -> PlacesForecast:
    _check_forecast_year(school_year, today=today)
    _check_forecast_unique(partnership, school_year)
    forecast = PlacesForecast(partnership=partnership, school_year=school_year, places=places, note=note)
    editing.create(forecast, actor=actor)
    return forecast


@transaction.atomic
def forecast_update(
    *, forecast: PlacesForecast, changes: dict[str, Any], expected_version: int | None, actor: Any, today: dt.date
) -> PlacesForecast:
    if "school_year" in changes and changes["school_year"] != forecast.school_year:
        _check_forecast_year(changes["school_year"], today=today)
        _check_forecast_unique(forecast.partnership, changes["school_year"], exclude=forecast.pk)
    return _update(forecast, changes, expected_version, actor)


def forecast_delete(*, forecast: PlacesForecast, actor: Any) -> None:
    _delete(forecast, actor=actor)


@transaction.atomic
def table_create(*, partnership: Partnership, values: dict[str, Any], actor: Any) -> RegionalTable:
    if not (values.get("name") or "").strip():
        raise DomainError(_("Geef de tafel een naam."), field="name")
    table = RegionalTable(partnership=partnership, **values)
    editing.create(table, actor=actor)
    return table


def table_update(
    *, table: RegionalTable, changes: dict[str, Any], expected_version: int | None, actor: Any
) -> RegionalTable:
    return _update(table, changes, expected_version, actor)


def table_delete(*, table: RegionalTable, actor: Any) -> None:
    _delete(table, actor=actor)


# --- the variant matrix --------------------------------------------------------------------------------------


@transaction.atomic
def score_save(
    *,
    partnership: Partnership,
    variant: GrowthVariant,
    fit: int,
    reasoning: str,
    expected_version: int | None,
    actor: Any,
) -> VariantScore:
    if fit not in VariantScore.Fit.values:
        raise DomainError(_("Kies hoe goed de variant past, van 1 tot en met 5."), field="fit")
    score = VariantScore.objects.select_for_update().filter(partnership=partnership, variant=variant).first()
    if score is None:
        score = VariantScore(partnership=partnership, variant=variant, fit=fit, reasoning=reasoning)
        editing.create(score, actor=actor)
        return score
    return _update(score, {"fit": fit, "reasoning": reasoning}, expected_version, actor)


# --- onboarding ----------------------------------------------------------------------------------------------


def _check_owner(owner: Person | None, partnership: Partnership) -> None:
    if owner is not None and owner.partnership_id != partnership.pk:
        raise DomainError(_("De begeleider moet iemand van dit partnerschap zijn."), field="owner")


def _check_candidate_dates(start_year: str, intake: dt.date) -> None:
    if schoolyear.start(start_year) < intake:
        raise DomainError(_(onboarding.START_BEFORE_INTAKE), field="start_year")


def _check_step(*, deadline: dt.date | None, done_on: dt.date | None, start: dt.date, today: dt.date) -> None:
    errors = onboarding.step_errors(deadline=deadline, done_on=done_on, start=start, today=today)
    if errors:
        field, message, values = errors[0]
        raise DomainError(_(message) % values, field=field)


def template_steps() -> list[OnboardingStepTemplate]:
    return list(OnboardingStepTemplate.objects.filter(is_active=True).order_by("order", "pk"))


@transaction.atomic
def candidate_create(
    *, partnership: Partnership, values: dict[str, Any], actor: Any, with_template: bool = True
) -> Candidate:
    """A new candidate with the steps of the process template, each with its deadline for this candidate."""
    _check_owner(values.get("owner"), partnership)
    _check_candidate_dates(values["start_year"], values["intake_date"])
    candidate = Candidate(partnership=partnership, **values)
    editing.create(candidate, actor=actor)
    if with_template:
        start = candidate.start_date
        steps = [
            CandidateStep(
                partnership=partnership,
                candidate=candidate,
                order=template.order,
                title=template.title,
                note=template.description,
                deadline=onboarding.deadline(
                    onboarding.Rule(template.rule, template.days, template.month, template.day),
                    intake=candidate.intake_date,
                    start=start,
                ),
            )
            for template in template_steps()
        ]
        CandidateStep.objects.bulk_create(steps)
        history.record_many(actor=actor, partnership=partnership, rows=[(s, "created", {}) for s in steps])
    return candidate


@transaction.atomic
def candidate_update(
    *, candidate: Candidate, changes: dict[str, Any], expected_version: int | None, actor: Any
) -> Candidate:
    if "owner" in changes:
        _check_owner(changes["owner"], candidate.partnership)
    start_year = changes.get("start_year", candidate.start_year)
    intake = changes.get("intake_date", candidate.intake_date)
    _check_candidate_dates(start_year, intake)
    start = schoolyear.start(start_year)
    late = candidate.steps.filter(deadline__gt=start).order_by("deadline").first()
    if late is not None:
        raise DomainError(
            _(
                "De stap '%(step)s' heeft een termijn na de nieuwe aansluitdatum %(start)s. Pas eerst die termijn aan "
                "of kies een later schooljaar."
            )
            % {"step": late.title, "start": start.strftime("%d-%m-%Y")},
            field="start_year",
        )
    return _update(candidate, changes, expected_version, actor)


def candidate_delete(*, candidate: Candidate, actor: Any) -> None:
    _delete(candidate, actor=actor)


@transaction.atomic
def step_create(*, candidate: Candidate, values: dict[str, Any], actor: Any, today: dt.date) -> CandidateStep:
    _check_step(deadline=values.get("deadline"), done_on=values.get("done_on"), start=candidate.start_date, today=today)
    if "order" not in values:
        last = candidate.steps.order_by("-order").values_list("order", flat=True).first() or 0
        values = {**values, "order": last + 10}
    step = CandidateStep(partnership=candidate.partnership, candidate=candidate, **values)
    editing.create(step, actor=actor)
    return step


@transaction.atomic
def step_update(
    *, step: CandidateStep, changes: dict[str, Any], expected_version: int | None, actor: Any, today: dt.date
) -> CandidateStep:
    _check_step(
        deadline=changes.get("deadline", step.deadline),
        done_on=changes.get("done_on", step.done_on),
        start=step.candidate.start_date,
        today=today,
    )
    return _update(step, changes, expected_version, actor)


def step_tick(*, step: CandidateStep, actor: Any, today: dt.date | None = None) -> CandidateStep:
    """Done today; ticking a step that is done already changes nothing."""
    if step.done_on is not None:
        return step
    today = today or timezone.localdate()
    return step_update(step=step, changes={"done_on": today}, expected_version=None, actor=actor, today=today)


def step_untick(*, step: CandidateStep, actor: Any) -> CandidateStep:
    if step.done_on is None:
        return step
    return step_update(
        step=step, changes={"done_on": None}, expected_version=None, actor=actor, today=timezone.localdate()
    )


def step_delete(*, step: CandidateStep, actor: Any) -> None:
    _delete(step, actor=actor)
