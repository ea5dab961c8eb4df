from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .access import partnerships_visible
from .errors import DomainError


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


def form_page(
    request: HttpRequest,
    *,
    form: Any,
    save: Callable[[dict[str, Any]], Any],
    success_url: str | Callable[[Any], str],
    context: dict[str, Any],
    template: str = "core/form_page.html",
    success_message: str | None = None,
) -> HttpResponse:
    """The one flow of a form page: on a valid POST call `save` (a service); a DomainError becomes a form
    error and nothing is saved; otherwise redirect with a message. GET, or invalid input, shows the form."""
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, success_message or _("De wijziging is opgeslagen."))
            return redirect(success_url(result) if callable(success_url) else success_url)
    status = 400 if request.method == "POST" else 200
    return render(request, template, {**context, "form": form}, status=status)
