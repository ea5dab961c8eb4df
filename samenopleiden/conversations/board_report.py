"""The live board's results for a session's report (owned by the board part; the session part's report calls it).

`report_blocks(session)` returns `core.documents` blocks: the post-its per colour and group, the votes on the
dilemmas, the placemats."""

from __future__ import annotations


def report_blocks(session) -> list:
    return []
