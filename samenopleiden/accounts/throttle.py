"""Throttling of failed sign-ins, per account and per client address, in the cache.

Failures count against the account, whichever name was typed (username or e-mail address, in any case),
so switching between the two gives no extra attempts. A name that belongs to no account is counted
under the name itself, so an unknown name is locked just like a known one (no hint which names exist).
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.core.cache import cache

from .backends import find_user


def _account_key(username: str) -> str:
    user = find_user(username)
    if user is not None:
        return f"login-fail:account:{user.pk}"
    name = hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]
    return f"login-fail:name:{name}"


def _address_key(address: str) -> str:
    return f"login-fail:addr:{address}"


def is_locked(username: str, address: str) -> bool:
    limit = settings.LOGIN_FAILURE_LIMIT
    # An address gets more room than one account: several colleagues may share an office network.
    return cache.get(_account_key(username), 0) >= limit or cache.get(_address_key(address), 0) >= limit * 4


def register_failure(username: str, address: str) -> None:
    for key in (_account_key(username), _address_key(address)):
        cache.add(key, 0, timeout=settings.LOGIN_LOCKOUT_SECONDS)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=settings.LOGIN_LOCKOUT_SECONDS)


def clear(username: str, address: str) -> None:
    """After a successful sign-in: the account's count starts again (the address count runs out by itself)."""
    cache.delete(_account_key(username))


def unlock(user: Any) -> None:
    """After a password reset through the e-mail link: the account may sign in again at once."""
    cache.delete(f"login-fail:account:{user.pk}")
