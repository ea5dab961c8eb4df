from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from samenopleiden.core import access
from samenopleiden.core.access import Perm
from samenopleiden.core.models import HistoryEntry


def history(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.VIEW_HISTORY)
    entries = HistoryEntry.objects.filter(partnership=partnership).select_related("actor")
    kind = request.GET.get("soort", "")[:60]
    if kind:
        entries = entries.filter(object_type=kind)
    kinds = (
        HistoryEntry.objects.filter(partnership=partnership).values_list("object_type", flat=True).distinct().order_by()
    )
    page = Paginator(entries, 50).get_page(request.GET.get("pagina"))
    query = f"soort={kind}" if kind else ""
    return render(
        request,
        "registry/history/history.html",
        access.page_context(
            ctx, partnership, nav="history", page=page, kinds=sorted(set(kinds)), kind=kind, query=query
        ),
    )


urlpatterns: list[URLPattern] = [path("beheer/<slug:slug>/wijzigingen/", history, name="history")]
