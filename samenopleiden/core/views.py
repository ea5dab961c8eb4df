from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .access import partnerships_visible


def home(request: HttpRequest) -> HttpResponse:
    """Signed in with one partnership: its dashboard; with several: a choice; otherwise the directory."""
    ctx = request.ctx  # type: ignore[attr-defined]
    if not ctx.is_authenticated:
        return redirect("registry:directory")
    partnerships = list(partnerships_visible(ctx).order_by("name")[:200])
    if len(partnerships) == 1:
        return redirect("registry:dashboard", slug=partnerships[0].slug)
    return render(request, "core/home.html", {"partnerships": partnerships})


def _error(request: HttpRequest, status: int, template: str) -> HttpResponse:
    return render(request, template, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 400, "errors/400.html")


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 403, "errors/403.html")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 404, "errors/404.html")


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "errors/500.html", status=500)
