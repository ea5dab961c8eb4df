from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from samenopleiden.core import access


def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.partnership_for(request.ctx, slug)  # type: ignore[attr-defined]
    return render(
        request, "registry/dashboard/dashboard.html", access.page_context(request.ctx, partnership, nav="dashboard")
    )  # type: ignore[attr-defined]


urlpatterns: list[URLPattern] = [path("beheer/<slug:slug>/", dashboard, name="dashboard")]
