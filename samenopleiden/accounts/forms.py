from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from . import throttle


class LoginForm(AuthenticationForm):
    username = forms.CharField(label=_("Gebruikersnaam of e-mailadres"), max_length=254)

    error_messages = {
        "invalid_login": _("Deze combinatie van gebruikersnaam (of e-mailadres) en wachtwoord klopt niet."),
        "inactive": _("Dit account is niet actief."),
        "locked": _(
            "Te veel mislukte pogingen om in te loggen. Wacht een kwartier, of vraag een nieuw wachtwoord aan."
        ),
    }

    def _address(self) -> str:
        return (self.request.META.get("REMOTE_ADDR") if self.request else None) or "unknown"

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        if throttle.is_locked(username, self._address()):
            raise forms.ValidationError(self.error_messages["locked"], code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.register_failure(username, self._address())
            raise
        throttle.clear(username, self._address())
        return cleaned
