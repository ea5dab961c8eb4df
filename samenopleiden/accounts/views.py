from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.http import HttpResponse

from . import throttle


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Setting a new password through the e-mail link also lifts a sign-in lock: the lock message
    tells a locked-out person to ask for a new password, so that must let them in."""

    def form_valid(self, form) -> HttpResponse:
        response = super().form_valid(form)
        throttle.unlock(form.user)
        return response
