"""Public pages: the directory of partnerships and their profiles. No sign-in, no personal data."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from samenopleiden.registry.selectors import public as selectors


def directory(request: HttpRequest) -> HttpResponse:
    filters = selectors.DirectoryFilters(
        **{
            name: request.GET.get(name, "").strip()[:100]
            for name in ("q", "region", "sector", "institute", "municipality")
        }
    )
    page = Paginator(selectors.directory_search(filters), 25).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {"filters": filters, "page": page, "query": query.urlencode()}
    if request.headers.get("HX-Request"):
        return render(request, "registry/public/_results.html", context)
    return render(request, "registry/public/directory.html", {**context, **selectors.directory_choices()})


def profile(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = selectors.public_profile(slug)
    if partnership is None:
        raise Http404
    return render(
        request, "registry/public/profile.html", {"partnership": partnership, **selectors.profile_parts(partnership)}
    )


urlpatterns: list[URLPattern] = [
    path("partnerschappen/", directory, name="directory"),
    path("partnerschappen/<slug:slug>/", profile, name="profile"),
]
