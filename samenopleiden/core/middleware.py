from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from .access import build_context

PRIVATE_PREFIXES = ("/beheer/",)


class AccessContextMiddleware:
    """Puts `request.ctx` (the AccessContext) on every request; built on first use only.

    An anonymous visitor who is refused a private page is sent to the sign-in page instead of a 404,
    so that a link in an e-mail works after signing in. Signed-in users keep the 404/403.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.ctx = SimpleLazyObject(lambda: build_context(request.user))  # type: ignore[attr-defined]
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if (
            isinstance(exception, (Http404, PermissionDenied))
            and not request.user.is_authenticated
            and request.path.startswith(PRIVATE_PREFIXES)
            and request.method == "GET"
        ):
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return None


class LanguageMiddleware:
    """Dutch for everyone, English only for who chose it with the language switch (a cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language, which would show English to the
    many Dutch users whose computer happens to be set to English.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


def _without_nul(data: QueryDict) -> QueryDict | None:
    if not any("\x00" in value for _key, values in data.lists() for value in values):
        return None
    cleaned = QueryDict(mutable=True)
    for key, values in data.lists():
        cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
    cleaned._mutable = False
    return cleaned


class StripNulMiddleware:
    """NUL characters never belong in what a person types, and PostgreSQL cannot store or compare them
    (a search for one would raise a database error). They are removed from query and form values before
    any view sees them, so every present and future view is safe."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (cleaned := _without_nul(request.GET)) is not None:
            request.GET = cleaned
        if request.method == "POST" and (cleaned := _without_nul(request.POST)) is not None:
            request.POST = cleaned
        return self.get_response(request)
