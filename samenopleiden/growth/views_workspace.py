"""Pages of the workspace part: the growth workspace (the module's entry page), the variant matrix, and candidates
joining the partnership. Everyone of the partnership reads; the programme lead (Perm.CHANGE) changes."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenopleiden.core import access
from samenopleiden.core.access import Perm
from samenopleiden.core.views import form_page
from samenopleiden.students import schoolyear

from . import selectors_workspace as selectors
from .forms_workspace import CandidateForm, ForecastForm, ProfileForm, ScoreForm, StepForm, TableForm
from .models import Candidate, GrowthVariant, PlacesForecast, RegionalTable
from .services import workspace as services

NAV = "growth"


def _page(ctx: Any, partnership: Any, **extra: Any) -> dict[str, Any]:
    return access.page_context(ctx, partnership, nav=NAV, **extra)


def _year(request: HttpRequest, today: Any) -> str:
    return schoolyear.parse(request.GET.get("jaar", "")) or schoolyear.current(today)


def _fields(form: Any, data: dict[str, Any]) -> dict[str, Any]:
    return {name: data[name] for name in form.Meta.fields if name in data}


# --- the workspace -------------------------------------------------------------------------------------------


def overview(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    today = timezone.localdate()
    year = _year(request, today)
    current = schoolyear.current(today)
    with_students = access.sees_student_totals(ctx, partnership)
    return render(
        request,
        "growth/workspace/overview.html",
        _page(
            ctx,
            partnership,
            year=year,
            years=[schoolyear.shift(current, i) for i in (-2, -1, 0, 1)],
            with_students=with_students,
            prep=selectors.preparation(partnership, year, with_students=with_students),
            profile=services.profile_of(partnership),
            forecasts=selectors.forecasts(partnership, today=today),
            tables=selectors.tables(partnership),
            counts=selectors.late_counts(partnership, today=today),
            scored=partnership.variant_scores.count(),
            today=today,
        ),
    )


def profile_edit(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    profile = services.profile_of(partnership)
    form = ProfileForm(request.POST or None, instance=profile)
    back = reverse("growth:overview", args=[slug])

    def save(data: dict) -> object:
        return services.profile_save(
            partnership=partnership,
            changes=_fields(form, data),
            expected_version=data.get("version") if profile.pk else None,
            actor=request.user,
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        context=_page(ctx, partnership, title=_("Regio en verzorgingsgebied beschrijven"), cancel_url=back),
    )


def forecast_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    today = timezone.localdate()
    form = ForecastForm(request.POST or None, initial={"school_year": schoolyear.following(schoolyear.current(today))})
    back = reverse("growth:overview", args=[slug]) + "#prognose"

    def save(data: dict) -> object:
        return services.forecast_create(
            partnership=partnership,
            school_year=data["school_year"],
            places=data["places"],
            note=data["note"],
            actor=request.user,
            today=today,
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        success_message=_("De prognose is toegevoegd."),
        context=_page(ctx, partnership, title=_("Prognose gevraagde plaatsen toevoegen"), cancel_url=back),
    )


def forecast_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    forecast = access.growth_row_for(ctx, partnership, PlacesForecast.objects.all(), pk, write=True)
    form = ForecastForm(request.POST or None, instance=forecast)
    back = reverse("growth:overview", args=[slug]) + "#prognose"

    def save(data: dict) -> object:
        return services.forecast_update(
            forecast=forecast,
            changes=_fields(form, data),
            expected_version=data.get("version"),
            actor=request.user,
            today=timezone.localdate(),
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        context=_page(
            ctx,
            partnership,
            title=_("Prognose %(year)s aanpassen") % {"year": forecast.school_year},
            cancel_url=back,
            delete_url=reverse("growth:forecast_delete", args=[slug, forecast.pk]),
        ),
        template="growth/workspace/form_page.html",
    )


@require_POST
def forecast_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    forecast = access.growth_row_for(ctx, partnership, PlacesForecast.objects.all(), pk, write=True)
    services.forecast_delete(forecast=forecast, actor=request.user)
    messages.success(request, _("De prognose is verwijderd."))
    return redirect(reverse("growth:overview", args=[slug]) + "#prognose")


def table_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    form = TableForm(request.POST or None)
    back = reverse("growth:overview", args=[slug]) + "#infrastructuur"

    def save(data: dict) -> object:
        return services.table_create(partnership=partnership, values=_fields(form, data), actor=request.user)

    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        success_message=_("De tafel is toegevoegd aan de regionale infrastructuur."),
        context=_page(ctx, partnership, title=_("Regionale tafel toevoegen"), cancel_url=back),
    )


def table_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    table = access.growth_row_for(ctx, partnership, RegionalTable.objects.all(), pk, write=True)
    form = TableForm(request.POST or None, instance=table)
    back = reverse("growth:overview", args=[slug]) + "#infrastructuur"

    def save(data: dict) -> object:
        return services.table_update(
            table=table, changes=_fields(form, data), expected_version=data.get("version"), actor=request.user
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        context=_page(
            ctx,
            partnership,
            title=_("Regionale tafel aanpassen: %(name)s") % {"name": table.name},
            cancel_url=back,
            delete_url=reverse("growth:table_delete", args=[slug, table.pk]),
        ),
        template="growth/workspace/form_page.html",
    )


@require_POST
def table_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    table = access.growth_row_for(ctx, partnership, RegionalTable.objects.all(), pk, write=True)
    services.table_delete(table=table, actor=request.user)
    messages.success(request, _("De tafel is verwijderd."))
    return redirect(reverse("growth:overview", args=[slug]) + "#infrastructuur")


# --- the variant matrix --------------------------------------------------------------------------------------


def variants(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    return render(
        request,
        "growth/workspace/variants.html",
        _page(ctx, partnership, columns=selectors.matrix(partnership), rows=ROW_LABELS),
    )


ROW_LABELS = [
    ("summary", GrowthVariant._meta.get_field("summary").verbose_name),
    ("governance", GrowthVariant._meta.get_field("governance").verbose_name),
    ("finance", GrowthVariant._meta.get_field("finance").verbose_name),
    ("organisation", GrowthVariant._meta.get_field("organisation").verbose_name),
    ("support", GrowthVariant._meta.get_field("support").verbose_name),
    ("quality", GrowthVariant._meta.get_field("quality").verbose_name),
    ("advantages", GrowthVariant._meta.get_field("advantages").verbose_name),
    ("disadvantages", GrowthVariant._meta.get_field("disadvantages").verbose_name),
    ("questions", GrowthVariant._meta.get_field("questions").verbose_name),
]


def variant_score(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The partnership's score of one variant (pk: the variant, a platform-wide row)."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    variant = get_object_or_404(GrowthVariant, is_active=True, pk=pk)
    score = partnership.variant_scores.filter(variant=variant).first()
    form = ScoreForm(request.POST or None, instance=score)
    back = reverse("growth:variants", args=[slug]) + f"#variant-{variant.pk}"

    def save(data: dict) -> object:
        return services.score_save(
            partnership=partnership,
            variant=variant,
            fit=data["fit"],
            reasoning=data["reasoning"],
            expected_version=data.get("version") if score else None,
            actor=request.user,
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        success_message=_("De beoordeling is opgeslagen."),
        context=_page(
            ctx,
            partnership,
            title=_("Hoe past deze variant: %(name)s") % {"name": variant.name},
            intro=variant.summary,
            cancel_url=back,
        ),
    )


# --- onboarding ----------------------------------------------------------------------------------------------

STATUSES = {"": _("Alle"), **dict(Candidate.Status.choices)}


def candidates(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    today = timezone.localdate()
    status = request.GET.get("status", Candidate.Status.ACTIVE)
    status = status if status in STATUSES else Candidate.Status.ACTIVE
    return render(
        request,
        "growth/workspace/candidates.html",
        _page(
            ctx,
            partnership,
            rows=selectors.candidate_board(partnership, today=today, status=status),
            statuses=STATUSES,
            status=status,
            template_steps=services.template_steps(),
            today=today,
        ),
    )


def candidate_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    today = timezone.localdate()
    form = CandidateForm(
        request.POST or None,
        partnership=partnership,
        initial={"intake_date": today, "start_year": schoolyear.following(schoolyear.current(today))},
    )
    back = reverse("growth:candidates", args=[slug])

    def save(data: dict) -> object:
        return services.candidate_create(partnership=partnership, values=_fields(form, data), actor=request.user)

    return form_page(
        request,
        form=form,
        save=save,
        success_url=lambda c: reverse("growth:candidate_detail", args=[slug, c.pk]),
        success_message=_("De toetreder is toegevoegd, met de stappen van het toetredingsproces."),
        context=_page(
            ctx,
            partnership,
            title=_("Toetreder toevoegen"),
            intro=_(
                "Een bestuur, school of lerarenopleiding die wil aansluiten. De stappen van het toetredingsproces "
                "komen er vanzelf bij, met termijnen die u daarna per stap kunt aanpassen."
            ),
            cancel_url=back,
        ),
    )


def candidate_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    candidate = access.growth_row_for(ctx, partnership, Candidate.objects.select_related("owner"), pk)
    today = timezone.localdate()
    return render(
        request,
        "growth/workspace/candidate_detail.html",
        _page(
            ctx, partnership, row=selectors.candidate_detail(candidate, today=today), candidate=candidate, today=today
        ),
    )


def candidate_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    candidate = access.growth_row_for(ctx, partnership, Candidate.objects.all(), pk, write=True)
    form = CandidateForm(request.POST or None, instance=candidate, partnership=partnership)
    back = reverse("growth:candidate_detail", args=[slug, candidate.pk])

    def save(data: dict) -> object:
        return services.candidate_update(
            candidate=candidate, changes=_fields(form, data), expected_version=data.get("version"), actor=request.user
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        context=_page(
            ctx,
            partnership,
            title=_("Toetreder aanpassen: %(name)s") % {"name": candidate.name},
            cancel_url=back,
            delete_url=reverse("growth:candidate_delete", args=[slug, candidate.pk]),
        ),
        template="growth/workspace/form_page.html",
    )


@require_POST
def candidate_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    candidate = access.growth_row_for(ctx, partnership, Candidate.objects.all(), pk, write=True)
    services.candidate_delete(candidate=candidate, actor=request.user)
    messages.success(request, _("De toetreder is verwijderd, met alle stappen."))
    return redirect("growth:candidates", slug=slug)


def _step(ctx: Any, partnership: Any, pk: Any, item_pk: Any, *, write: bool) -> Any:
    candidate = access.growth_row_for(ctx, partnership, Candidate.objects.all(), pk, write=write)
    return access.growth_row_for(ctx, partnership, candidate.steps.select_related("candidate"), item_pk, write=write)


def step_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    candidate = access.growth_row_for(ctx, partnership, Candidate.objects.all(), pk, write=True)
    form = StepForm(request.POST or None)
    back = reverse("growth:candidate_detail", args=[slug, candidate.pk])

    def save(data: dict) -> object:
        return services.step_create(
            candidate=candidate, values=_fields(form, data), actor=request.user, today=timezone.localdate()
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        success_message=_("De stap is toegevoegd."),
        context=_page(
            ctx, partnership, title=_("Stap toevoegen voor %(name)s") % {"name": candidate.name}, cancel_url=back
        ),
    )


def step_edit(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    step = _step(ctx, partnership, pk, item_pk, write=True)
    form = StepForm(request.POST or None, instance=step)
    back = reverse("growth:candidate_detail", args=[slug, step.candidate_id])

    def save(data: dict) -> object:
        return services.step_update(
            step=step,
            changes=_fields(form, data),
            expected_version=data.get("version"),
            actor=request.user,
            today=timezone.localdate(),
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        context=_page(
            ctx,
            partnership,
            title=_("Stap aanpassen: %(title)s") % {"title": step.title},
            intro=_("Sluit aan op %(date)s: de termijn mag niet later zijn.")
            % {"date": step.candidate.start_date.strftime("%d-%m-%Y")},
            cancel_url=back,
            delete_url=reverse("growth:step_delete", args=[slug, step.candidate_id, step.pk]),
        ),
        template="growth/workspace/form_page.html",
    )


@require_POST
def step_tick(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    """Done today (or, with `ongedaan`, not done after all)."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    step = _step(ctx, partnership, pk, item_pk, write=True)
    if request.POST.get("ongedaan"):
        services.step_untick(step=step, actor=request.user)
        messages.success(request, _("De stap '%(title)s' staat weer open.") % {"title": step.title})
    else:
        services.step_tick(step=step, actor=request.user)
        messages.success(request, _("De stap '%(title)s' is afgevinkt.") % {"title": step.title})
    return redirect(reverse("growth:candidate_detail", args=[slug, step.candidate_id]) + f"#stap-{step.pk}")


@require_POST
def step_delete(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    step = _step(ctx, partnership, pk, item_pk, write=True)
    services.step_delete(step=step, actor=request.user)
    messages.success(request, _("De stap is verwijderd."))
    return redirect("growth:candidate_detail", slug=slug, pk=step.candidate_id)
