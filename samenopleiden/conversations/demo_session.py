"""Demo data of the conversations module: guides, sessions, the live board and reports."""

from __future__ import annotations

import datetime as dt


def load(*, today: dt.date) -> None:
    pass
