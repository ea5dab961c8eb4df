from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.utils import timezone

from samenopleiden.core import access
from samenopleiden.core.access import Perm
from samenopleiden.core.dashboard import cards as module_cards
from samenopleiden.registry.selectors import dashboard as selectors


def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    today = timezone.localdate()
    data = selectors.dashboard(ctx, partnership, today=today)
    data["module_cards"] = module_cards(ctx, partnership, today)
    if ctx.can(Perm.VIEW_HISTORY, partnership):
        data["history"] = selectors.recent_history(partnership)
    return render(
        request, "registry/dashboard/dashboard.html", access.page_context(ctx, partnership, nav="dashboard", **data)
    )


urlpatterns: list[URLPattern] = [path("beheer/<slug:slug>/", dashboard, name="dashboard")]
