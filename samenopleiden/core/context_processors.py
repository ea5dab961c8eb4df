from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .access import partnerships_visible


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The partnerships in the header menu of a signed-in user."""
    ctx = getattr(request, "ctx", None)
    if ctx is None or not ctx.is_authenticated:
        return {"my_partnerships": []}

    def mine() -> list[Any]:
        return list(partnerships_visible(ctx).only("name", "slug", "short_name")[:50])

    return {"my_partnerships": mine}
