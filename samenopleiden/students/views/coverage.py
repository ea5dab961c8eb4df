"""The 100% coverage monitor: per institute the share of its student teachers trained in partnerships, by variant,
sector and subject, over the years, against the target year; the XLSX export; the institutes' total numbers; the
partnership's target. Totals only. Readers of the partnership's totals read; an institute's placement office and
the lead enter the institute's numbers; the lead sets the target."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from samenopleiden.core import access
from samenopleiden.core.access import Perm
from samenopleiden.core.errors import DomainError
from samenopleiden.core.exports import spreadsheet
from samenopleiden.registry.models import Sector

from .. import coverage_engine as engine
from .. import schoolyear
from ..forms.coverage import CoverageTargetForm, EnrolmentFormSet, enrolment_rows
from ..models import CoverageTarget, InstituteEnrolment, Mode
from ..services import coverage as services
from .common import chosen_year, student_page_context

MODES = dict(Mode.choices)
EXPLAIN_TRAINED = gettext_lazy(
    "Samen opgeleid: studenten van de opleiding die op de peildatum van hun studiejaar ingeschreven staan in een "
    "partnerschap op dit platform; in alle partnerschappen samen telt elke student één keer."
)
EXPLAIN_TOTAL = gettext_lazy(
    "Studenten van de opleiding: de aantallen die de opleiding zelf invoerde, opgeteld over haar opleidingen."
)
EXPLAIN_PACE = gettext_lazy(
    "Op weg naar het doel: een rechte lijn door de aandelen (alle partnerschappen samen) van de jaren tot nu, "
    "doorgetrokken naar het doeljaar. Een eenvoudige schatting, geen voorspelling."
)
SECTORS = dict(Sector.choices)


def _label(dimension: str, line: engine.Line) -> str:
    if dimension == engine.MODE:
        return str(MODES.get(line.value, line.label))
    if dimension == engine.SECTOR:
        return str(SECTORS.get(line.value, line.label)) if line.value else _("geen sector opgegeven")
    if dimension == engine.SUBJECT:
        return line.label if line.value else _("geen vak opgegeven")
    return _("Totaal")


def _row(dimension: str, line: engine.Line, year: str) -> dict[str, Any]:
    """One line of a table: its numbers in `year` and what the pace says."""
    projection = line.projection
    return {
        "label": _label(dimension, line),
        "stat": line.stat(year),
        "projection": projection.reason.text(_) if projection else "",
        "pace": projection.pace.text(_) if projection and projection.pace else "",
        "ok": projection.ok if projection else None,
    }


def _chart(block: services.InstituteBlock, years: list[str], target: services.TargetInfo) -> dict[str, Any]:
    """The selected institute's trend for Chart.js: shares per year (None where no total was entered)."""

    def series(line: engine.Line, attribute: str) -> list[float | None]:
        values = [getattr(line.stat(year), attribute) for year in years]
        return [float(v) if v is not None else None for v in values]

    datasets = [{"label": _("alle partnerschappen samen"), "data": series(block.total, "share_everywhere")}]
    datasets.append({"label": _("dit partnerschap"), "data": series(block.total, "share_here")})
    for line in block.breakdowns[engine.MODE]:
        datasets.append(
            {
                "label": _("%(mode)s, alle partnerschappen") % {"mode": _label(engine.MODE, line)},
                "data": series(line, "share_everywhere"),
            }
        )
    goal = target.target
    return {
        "labels": [schoolyear.label(year) for year in years],
        "datasets": datasets,
        "target": {"label": _("doel"), "share": goal.target_share} if goal else None,
        "axis": _("aandeel samen opgeleid (%)"),
    }


def coverage(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    access.require_student_totals(ctx, partnership)
    today = timezone.localdate()
    year = chosen_year(request, today)
    data = services.coverage_for(
        partnership, year, today=today, may_enter=access.student_institutes_for_change(ctx, partnership)
    )
    chosen = request.GET.get("instituut", "")
    selected = next((b for b in data.institutes if str(b.institute.pk) == chosen), None)
    selected = selected or (data.institutes[0] if data.institutes else None)
    details = None
    if selected is not None:
        details = {
            "block": selected,
            "trend": [
                {
                    "year": y,
                    "total": selected.total.stat(y),
                    "modes": [line.stat(y) for line in selected.breakdowns[engine.MODE]],
                }
                for y in data.years
            ],
            "trend_modes": [_label(engine.MODE, line) for line in selected.breakdowns[engine.MODE]],
            "tables": [
                (
                    dimension,
                    title,
                    [_row(dimension, line, year) for line in selected.breakdowns[dimension]],
                    [gap.text(_) for gap in selected.gaps[dimension]],
                )
                for dimension, title in (
                    (engine.MODE, _("Per variant")),
                    (engine.SECTOR, _("Per sector")),
                    (engine.SUBJECT, _("Per vak")),
                )
            ],
            "chart": _chart(selected, data.years, data.target),
        }
    return render(
        request,
        "students/coverage/coverage.html",
        student_page_context(
            ctx,
            partnership,
            year=year,
            years=sorted({*data.years, schoolyear.current(today)}, reverse=True),
            data=data,
            summary=[(block, _row(engine.TOTAL, block.total, year)) for block in data.institutes],
            selected=selected,
            details=details,
            target_passed=bool(data.target.target and data.target.target.target_year < schoolyear.current(today)),
        ),
    )


def coverage_export(request: HttpRequest, slug: str) -> HttpResponse:
    """The monitor as a spreadsheet: per institute, per variant, sector and subject, and the trend. Totals only."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    access.require_student_totals(ctx, partnership)
    today = timezone.localdate()
    year = chosen_year(request, today)
    data = services.coverage_for(partnership, year, today=today)
    numbers = [
        _("in dit partnerschap"),
        _("in alle partnerschappen"),
        _("studenten van de opleiding"),
        _("aandeel dit partnerschap (%)"),
        _("aandeel alle partnerschappen (%)"),
    ]

    def cells(stat: engine.Stat) -> list[Any]:
        return [stat.here, stat.everywhere, stat.total, stat.share_here, stat.share_everywhere]

    sheets = [
        (
            _("Per opleiding"),
            [_("lerarenopleiding"), *numbers, _("op weg naar het doel")],
            [
                [b.institute.name, *cells(b.total.stat(year)), _row(engine.TOTAL, b.total, year)["projection"]]
                for b in data.institutes
            ],
        )
    ]
    for dimension, title, column in (
        (engine.MODE, _("Per variant"), _("variant")),
        (engine.SECTOR, _("Per sector"), _("sector")),
        (engine.SUBJECT, _("Per vak"), _("vak")),
    ):
        rows = []
        for block in data.institutes:
            for line in block.breakdowns[dimension]:
                row = _row(dimension, line, year)
                rows.append([block.institute.name, row["label"], *cells(row["stat"]), row["projection"]])
        sheets.append((title, [_("lerarenopleiding"), column, *numbers, _("op weg naar het doel")], rows))
    trend = []
    for block in data.institutes:
        for y in data.years:
            trend.append([block.institute.name, y, _("totaal"), *cells(block.total.stat(y))])
            for line in block.breakdowns[engine.MODE]:
                trend.append([block.institute.name, y, _label(engine.MODE, line), *cells(line.stat(y))])
    sheets.append((_("Verloop"), [_("lerarenopleiding"), _("studiejaar"), _("variant"), *numbers], trend))
    goal = data.target.target
    sheets.append(
        (
            _("Toelichting"),
            [_("toelichting")],
            [
                [_("Partnerschap: %(name)s. Studiejaar: %(year)s.") % {"name": partnership.name, "year": year}],
                [
                    _("Doel: %(share)s%% in %(year)s.") % {"share": goal.target_share, "year": goal.target_year}
                    if goal
                    else _("Er is geen doel vastgelegd.")
                ],
                [str(EXPLAIN_TRAINED)],
                [str(EXPLAIN_TOTAL)],
                [str(EXPLAIN_PACE)],
            ],
        )
    )
    return spreadsheet(sheets, f"samen-opleiden-{partnership.slug}-{year}", kind="xlsx")


@require_http_methods(["GET", "POST"])
def enrolments(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Enter an institute's total student numbers for one school year."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    institute = access.coverage_institute_for(ctx, partnership, pk, write=True)
    today = timezone.localdate()
    source = request.POST if request.method == "POST" else request.GET
    year = schoolyear.parse(source.get("jaar", "")) or schoolyear.current(today)
    stored = list(
        InstituteEnrolment.objects.filter(institute=institute, school_year=year)
        .select_related("updated_by")
        .order_by("programme", "mode", "sector", "subject")
    )
    initial = [
        {
            "id": e.pk,
            "version": e.version,
            "programme": e.programme,
            "mode": e.mode,
            "sector": e.sector,
            "subject": e.subject,
            "total": e.total,
        }
        for e in stored
    ]
    copied = False
    if not stored:
        initial = [
            {"programme": r.programme, "mode": r.mode, "sector": r.sector, "subject": r.subject}
            for r in services.previous_rows(institute, year)
        ]
        copied = bool(initial)
    formset = EnrolmentFormSet(request.POST or None, initial=initial, prefix="regel")
    back = reverse("students:coverage", args=[slug]) + f"?jaar={year}&instituut={institute.pk}"
    error = ""
    if request.method == "POST":
        if formset.is_valid():
            try:
                counts = services.enrolments_save(
                    institute=institute,
                    school_year=year,
                    rows=enrolment_rows(formset),
                    partnership=partnership,
                    actor=request.user,
                )
            except DomainError as exc:
                error = exc.message
            else:
                messages.success(
                    request,
                    _("De aantallen zijn opgeslagen: %(created)s nieuw, %(changed)s gewijzigd, %(removed)s verwijderd.")
                    % counts,
                )
                return redirect(back)
        else:
            error = " ".join(str(e) for e in formset.non_form_errors()) or _(
                "Niet alles is goed ingevuld; zie de regels hieronder. Er is niets opgeslagen."
            )
    names = services.who_changed(partnership, {e.updated_by_id for e in stored})
    known = sorted(
        {e.programme for e in InstituteEnrolment.objects.filter(institute=institute).only("programme")}
        | set(institute.programmes.values_list("name", flat=True))
    )
    return render(
        request,
        "students/coverage/enrolments.html",
        student_page_context(
            ctx,
            partnership,
            institute=institute,
            year=year,
            years=[schoolyear.shift(schoolyear.current(today), k) for k in (1, 0, -1, -2, -3, -4)],
            formset=formset,
            error=error,
            copied=copied,
            stored=[(e, names.get(e.updated_by_id, "")) for e in stored],
            programmes=known,
            subjects=sorted(set(InstituteEnrolment.objects.exclude(subject="").values_list("subject", flat=True)))[
                :300
            ],
            cancel_url=back,
        ),
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def coverage_target(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    today = timezone.localdate()
    stored = CoverageTarget.objects.filter(partnership=partnership).first()
    form = CoverageTargetForm(request.POST or None, today=today, stored=stored)
    back = reverse("students:coverage", args=[slug])
    if request.method == "POST":
        version = request.POST.get("version") or None
        try:
            if "verwijderen" in request.POST:
                services.coverage_target_remove(
                    partnership=partnership,
                    expected_version=int(version) if version and version.isdigit() else None,
                    actor=request.user,
                )
                messages.success(request, _("Het eigen doel van het partnerschap is verwijderd."))
                return redirect(back)
            if form.is_valid():
                services.coverage_target_save(
                    partnership=partnership,
                    target_year=form.cleaned_data["target_year"],
                    target_share=form.cleaned_data["target_share"],
                    expected_version=form.cleaned_data.get("version"),
                    today=today,
                    actor=request.user,
                )
                messages.success(request, _("Het doel is opgeslagen."))
                return redirect(back)
        except DomainError as exc:
            form.add_error(None, exc.message)
    region = services.target_for(partnership) if stored is None else None
    return render(
        request,
        "students/coverage/target.html",
        student_page_context(
            ctx,
            partnership,
            form=form,
            stored=stored,
            passed=bool(stored and stored.target_year < schoolyear.current(today)),
            region=region,
            cancel_url=back,
        ),
        status=400 if request.method == "POST" else 200,
    )


urlpatterns: list[URLPattern] = [
    path("beheer/<slug:slug>/studenten/100-procent/", coverage, name="coverage"),
    path("beheer/<slug:slug>/studenten/100-procent/export/", coverage_export, name="coverage_export"),
    path("beheer/<slug:slug>/studenten/100-procent/aantallen/<int:pk>/", enrolments, name="enrolments"),
    path("beheer/<slug:slug>/studenten/100-procent/doel/", coverage_target, name="coverage_target"),
]
