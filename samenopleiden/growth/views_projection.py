"""Pages of the projection part: scenarios (list, create, change, delete, projection with charts, two to four side
by side, XLSX/PDF/JSON out, JSON in) and the growth potential per board. Who reads student totals reads scenarios
(educators: 403); the programme lead (Perm.CHANGE) changes them. The potential is for everyone of the
partnership; the lead records the agreement's limits."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenopleiden.core import access, documents, exports
from samenopleiden.core.errors import DomainError
from samenopleiden.core.views import form_page

from . import selectors_projection as selectors
from .forms_projection import LimitForm, ScenarioForm, ScenarioUploadForm
from .models import BoardClusterLimit
from .services import projection as services

NAV = "growth"
MAX_COMPARE = 4


def _page(ctx: Any, partnership: Any, **extra: Any) -> dict[str, Any]:
    return access.page_context(ctx, partnership, nav=NAV, **extra)


def _start(partnership: Any) -> Any:
    return services.start_for(partnership, today=timezone.localdate())


def scenarios(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    access.require_growth_scenarios(ctx, partnership)
    start = _start(partnership)
    rows = selectors.scenario_rows(partnership, start)
    return render(
        request,
        "growth/projection/scenarios.html",
        _page(ctx, partnership, rows=rows, start=start, charts=selectors.charts(rows) if rows else []),
    )


def _scenario_form_page(request: HttpRequest, slug: str, scenario: Any | None) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    access.require_growth_scenarios(ctx, partnership, write=True)
    start = _start(partnership)
    names = services.institute_names(partnership)
    levers = services.levers_of(scenario) if scenario else None
    form = ScenarioForm(request.POST or None, start=start, levers=levers, names=names)
    if scenario is not None and not form.is_bound:
        form.initial |= {"name": scenario.name, "description": scenario.description}
    back = (
        reverse("growth:scenario_detail", args=[slug, scenario.pk])
        if scenario
        else reverse("growth:scenarios", args=[slug])
    )

    def save(data: dict) -> Any:
        if scenario is None:
            return services.scenario_create(
                partnership=partnership,
                name=data["name"],
                description=data["description"],
                levers=form.levers(),
                start=start,
                actor=request.user,
            )
        return services.scenario_update(
            scenario=scenario,
            name=data["name"],
            description=data["description"],
            levers=form.levers(),
            start=start,
            expected_version=_version(request),
            actor=request.user,
        )

    title = _("Scenario aanpassen: %(name)s") % {"name": scenario.name} if scenario else _("Nieuw groeiscenario")
    return form_page(
        request,
        form=form,
        save=save,
        success_url=lambda s: reverse("growth:scenario_detail", args=[slug, s.pk]),
        success_message=_("Het scenario is opgeslagen."),
        context=_page(
            ctx,
            partnership,
            title=title,
            cancel_url=back,
            start=start,
            scenario=scenario,
            delete_url=reverse("growth:scenario_delete", args=[slug, scenario.pk]) if scenario else "",
        ),
        template="growth/projection/scenario_form.html",
    )


def _version(request: HttpRequest) -> int | None:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


def scenario_add(request: HttpRequest, slug: str) -> HttpResponse:
    return _scenario_form_page(request, slug, None)


def scenario_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    scenario = access.growth_scenario_for(ctx, partnership, pk, write=True)
    return _scenario_form_page(request, slug, scenario)


def scenario_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    scenario = access.growth_scenario_for(ctx, partnership, pk)
    start = _start(partnership)
    projection, problems = services.projection_of(scenario, start)
    row = selectors.ScenarioRow(scenario, projection, problems)
    return render(
        request,
        "growth/projection/scenario_detail.html",
        _page(
            ctx,
            partnership,
            scenario=scenario,
            row=row,
            start=start,
            levers=services.levers_of(scenario),
            summary=selectors.summary(row),
            charts=selectors.charts([row]) if projection else [],
            boards={b.key: b.name for b in start.boards},
        ),
    )


@require_POST
def scenario_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    scenario = access.growth_scenario_for(ctx, partnership, pk, write=True)
    services.scenario_delete(scenario=scenario, actor=request.user)
    messages.success(request, _("Het scenario is verwijderd."))
    return redirect("growth:scenarios", slug=slug)


def _rows_for(request: HttpRequest, slug: str, ids: list[str]) -> tuple[Any, list[selectors.ScenarioRow]]:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    access.require_growth_scenarios(ctx, partnership)
    start = _start(partnership)
    rows = []
    for pk in ids:
        scenario = access.growth_scenario_for(ctx, partnership, pk)
        if all(r.scenario.pk != scenario.pk for r in rows):
            projection, problems = services.projection_of(scenario, start)
            rows.append(selectors.ScenarioRow(scenario, projection, problems))
    return partnership, rows


def _export_name(partnership: Any, rows: list[selectors.ScenarioRow]) -> str:
    what = slugify(rows[0].scenario.name) if len(rows) == 1 else "vergelijking"
    return f"groeiscenario-{slugify(partnership.short_name or partnership.name)}-{what}"[:120]


def scenario_xlsx(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership, rows = _rows_for(request, slug, [str(pk)])
    return _xlsx(partnership, rows)


def _xlsx(partnership: Any, rows: list[selectors.ScenarioRow]) -> HttpResponse:
    sheets = selectors.sheets(rows) or [(_("Scenario"), [_("Melding")], [[p] for p in rows[0].problems])]
    return exports.spreadsheet(sheets, _export_name(partnership, rows), kind="xlsx")


def _pdf(partnership: Any, rows: list[selectors.ScenarioRow]) -> HttpResponse:
    document = selectors.document(partnership, rows, today=timezone.localdate())
    response = HttpResponse(documents.to_pdf(document), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_export_name(partnership, rows)}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


def scenario_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership, rows = _rows_for(request, slug, [str(pk)])
    return _pdf(partnership, rows)


def scenario_json(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    scenario = access.growth_scenario_for(ctx, partnership, pk)
    content = json.dumps(services.scenario_file(scenario, _start(partnership)), ensure_ascii=False, indent=2)
    response = HttpResponse(content, content_type="application/json; charset=utf-8")
    name = f"groeiscenario-{slugify(scenario.name) or scenario.pk}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


def scenario_upload(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    access.require_growth_scenarios(ctx, partnership, write=True)
    form = ScenarioUploadForm(request.POST or None, request.FILES or None)
    back = reverse("growth:scenarios", args=[slug])

    def save(data: dict) -> Any:
        upload = data["file"]
        if upload.size > services.MAX_FILE_BYTES:
            raise DomainError(_("Het bestand is te groot voor een scenario (hooguit 200 kB)."))
        return services.scenario_import(
            partnership=partnership,
            content=upload.read(),
            start=_start(partnership),
            actor=request.user,
            name=data.get("name") or "",
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=lambda s: reverse("growth:scenario_detail", args=[slug, s.pk]),
        success_message=_("Het scenario is ingelezen."),
        context=_page(
            ctx,
            partnership,
            title=_("Scenario inlezen"),
            intro=_(
                "Een scenariobestand (JSON) van dit platform, bijvoorbeeld gedownload bij een ander scenario. De "
                "knoppen uit het bestand worden toegepast op de cijfers van dit partnerschap van vandaag."
            ),
            cancel_url=back,
            multipart=True,
        ),
        template="growth/projection/upload.html",
    )


def compare(request: HttpRequest, slug: str) -> HttpResponse:
    ids = request.GET.getlist("s")[:MAX_COMPARE]
    partnership, rows = _rows_for(request, slug, ids)
    ctx = request.ctx  # type: ignore[attr-defined]
    kind = request.GET.get("formaat", "")
    if len(rows) >= 2 and kind == "xlsx":
        return _xlsx(partnership, rows)
    if len(rows) >= 2 and kind == "pdf":
        return _pdf(partnership, rows)
    shown = [r for r in rows if r.projection]
    return render(
        request,
        "growth/projection/compare.html",
        _page(
            ctx,
            partnership,
            rows=rows,
            enough=len(rows) >= 2,
            charts=selectors.charts(shown) if len(rows) >= 2 else [],
            summaries=[(r, selectors.summary(r)) for r in rows],
            ids=[r.scenario.pk for r in rows],
            max_compare=MAX_COMPARE,
        ),
    )


# --- growth potential per board ------------------------------------------------------------------------------


def potential(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    start = _start(partnership)
    return render(
        request,
        "growth/projection/potential.html",
        _page(ctx, partnership, summary=selectors.potential(partnership, start), start=start),
    )


def limit_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The agreement's maximum of clusters for one board (pk: the board, a member of the partnership)."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    board = access.growth_board_for(ctx, partnership, pk, write=True)
    limit = BoardClusterLimit.objects.filter(partnership=partnership, board=board).first()
    initial = {"max_clusters": limit.max_clusters, "note": limit.note} if limit else {}
    form = LimitForm(request.POST or None, initial=initial)
    back = reverse("growth:potential", args=[slug]) + f"#bestuur-{board.pk}"

    def save(data: dict) -> Any:
        return services.limit_save(
            partnership=partnership,
            board=board,
            max_clusters=data.get("max_clusters"),
            note=data.get("note") or "",
            actor=request.user,
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        success_message=_("De afspraak is opgeslagen."),
        context=_page(
            ctx,
            partnership,
            title=_("Afspraak over clusters: %(name)s") % {"name": board.name},
            intro=_("Hoeveel opleidingsclusters dit bestuur volgens het convenant mag hebben."),
            cancel_url=back,
        ),
    )
