"""Throttling of failed sign-ins, per account name and per client address, in the cache."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache


def _keys(username: str, address: str) -> list[str]:
    name = hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]
    return [f"login-fail:user:{name}", f"login-fail:addr:{address}"]


def is_locked(username: str, address: str) -> bool:
    limit = settings.LOGIN_FAILURE_LIMIT
    name_key, addr_key = _keys(username, address)
    # An address gets more room than one account: several colleagues may share an office network.
    return (cache.get(name_key, 0) >= limit) or (cache.get(addr_key, 0) >= limit * 4)


def register_failure(username: str, address: str) -> None:
    for key in _keys(username, address):
        cache.add(key, 0, timeout=settings.LOGIN_LOCKOUT_SECONDS)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=settings.LOGIN_LOCKOUT_SECONDS)


def clear(username: str, address: str) -> None:
    cache.delete(_keys(username, address)[0])
