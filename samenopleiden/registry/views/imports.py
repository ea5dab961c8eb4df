"""Imports for a partnership: upload, preview with row errors, confirm. Only the programme lead."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenopleiden.core import access
from samenopleiden.core.access import Perm
from samenopleiden.core.errors import DomainError
from samenopleiden.core.imports import stash
from samenopleiden.core.models import PendingImport
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
    context = access.page_context(ctx, partnership, nav="imports", title=spec["title"], kind=kind, form=form)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            plan = spec["plan"](data, upload.name, partnership)
        except DomainError as exc:
            form.add_error("file", exc.message)
        else:
            pending = (
                stash(kind=kind, data=data, filename=upload.name, user=request.user, partnership=partnership)
                if plan.ok
                else None
            )
            context.update(
                plan=plan,
                pending=pending,
                filename=upload.name,
                confirm_url=reverse(spec["confirm"], args=[slug, pending.pk]) if pending else None,
            )
            return render(request, "registry/imports/preview.html", context)
    return render(request, "registry/imports/upload.html", context, status=400 if request.method == "POST" else 200)


def _confirm(request: HttpRequest, slug: str, pk: int, kind: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    spec = KINDS[kind]
    pending = access.tenant_object_for(
        ctx, PendingImport.objects.filter(kind=kind), pk, write=True, partnership=partnership
    )
    try:
        plan = spec["plan"](bytes(pending.content), pending.filename, partnership)
        counts = spec["apply"](plan, partnership, request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(f"registry:import_{kind}", slug=slug)
    pending.delete()
    messages.success(
        request, _("Import klaar: %(created)s nieuw, %(updated)s gewijzigd, %(unchanged)s ongewijzigd.") % counts
    )
    return redirect(spec["done"], slug=slug)


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
