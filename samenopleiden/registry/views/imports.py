"""Imports for a partnership: upload, preview with row errors, confirm. Only the programme lead."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenopleiden.core import access
from samenopleiden.core.access import Perm
from samenopleiden.core.importflow import confirm_import, upload_page
from samenopleiden.registry.forms.imports import UploadForm
from samenopleiden.registry.services.imports import duo, people

KINDS: dict[str, dict[str, Any]] = {
    "people": {
        "title": _("Mensen importeren"),
        "plan": lambda data, name, p: people.plan(data, name, partnership=p),
        "apply": lambda plan, p, user: people.apply(plan, partnership=p, actor=user),
        "confirm": "registry:import_people_confirm",
        "done": "registry:people",
    },
    "schools": {
        "title": _("Scholen importeren uit het DUO-bestand"),
        "plan": lambda data, name, p: duo.plan(data, name),
        "apply": lambda plan, p, user: duo.apply(plan, actor=user, partnership=p),
        "confirm": "registry:import_schools_confirm",
        "done": "registry:schools",
    },
}


def imports(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    return render(request, "registry/imports/index.html", access.page_context(ctx, partnership, nav="imports"))


def _upload(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    spec = KINDS[kind]
    form = UploadForm(request.POST or None, request.FILES or None)
    return upload_page(
        request,
        partnership=partnership,
        kind=kind,
        form=form,
        context=access.page_context(ctx, partnership, nav="imports", title=spec["title"], kind=kind, form=form),
        template="registry/imports/upload.html",
        read=lambda data, name, options: spec["plan"](data, name, partnership),
        confirm_url=lambda pk: reverse(spec["confirm"], args=[slug, pk]),
        retry_url=reverse(f"registry:import_{kind}", args=[slug]),
        cancel_url=reverse("registry:imports", args=[slug]),
    )


def _confirm(request: HttpRequest, slug: str, pk: int, kind: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    spec = KINDS[kind]
    return confirm_import(
        request,
        ctx=ctx,
        partnership=partnership,
        pk=pk,
        kind=kind,
        read=lambda data, name, options: spec["plan"](data, name, partnership),
        apply=lambda plan: spec["apply"](plan, partnership, request.user),
        message=_("Import klaar: %(created)s nieuw, %(updated)s gewijzigd, %(unchanged)s ongewijzigd."),
        success_url=lambda plan: reverse(spec["done"], args=[slug]),
        failure_url=reverse(f"registry:import_{kind}", args=[slug]),
    )


def _view(func: Callable[..., HttpResponse], kind: str, post_only: bool = False) -> Callable[..., HttpResponse]:
    def view(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        return func(request, kind=kind, **kwargs)

    view.__name__ = f"{func.__name__.strip('_')}_{kind}"
    return require_POST(view) if post_only else view


def people_template(request: HttpRequest, slug: str) -> HttpResponse:
    access.partnership_for(request.ctx, slug, Perm.CHANGE)  # type: ignore[attr-defined]
    response = HttpResponse(
        people.template_workbook(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="sjabloon-mensen.xlsx"'
    return response


urlpatterns: list[URLPattern] = [
    path("beheer/<slug:slug>/importeren/", imports, name="imports"),
    path("beheer/<slug:slug>/importeren/mensen/", _view(_upload, "people"), name="import_people"),
    path(
        "beheer/<slug:slug>/importeren/mensen/<int:pk>/bevestigen/",
        _view(_confirm, "people", post_only=True),
        name="import_people_confirm",
    ),
    path("beheer/<slug:slug>/importeren/mensen/sjabloon.xlsx", people_template, name="import_people_template"),
    path("beheer/<slug:slug>/importeren/scholen/", _view(_upload, "schools"), name="import_schools"),
    path(
        "beheer/<slug:slug>/importeren/scholen/<int:pk>/bevestigen/",
        _view(_confirm, "schools", post_only=True),
        name="import_schools_confirm",
    ),
]
