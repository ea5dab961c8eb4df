from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest


def find_user(identifier: str) -> Any:
    """The account a sign-in name points to: by username, else by e-mail address (case-insensitive) if
    exactly one account has it. None if there is no such account."""
    users = get_user_model()._default_manager
    identifier = (identifier or "").strip()
    if not identifier:
        return None
    user = users.filter(username=identifier).first()
    if user is None and "@" in identifier:
        matches = list(users.filter(email__iexact=identifier)[:2])
        user = matches[0] if len(matches) == 1 else None
    return user


class UsernameOrEmailBackend(ModelBackend):
    """Sign in with a username or an e-mail address (case-insensitive for the address)."""

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> Any:
        if not username or password is None:
            return None
        user = find_user(username)
        if user is None:
            get_user_model()().set_password(password)  # same work as a real check: no timing hint
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
