from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from .access import build_context


class AccessContextMiddleware:
    """Puts `request.ctx` (the AccessContext) on every request; built on first use only."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.ctx = SimpleLazyObject(lambda: build_context(request.user))  # type: ignore[attr-defined]
        return self.get_response(request)
