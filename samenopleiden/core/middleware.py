from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
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
