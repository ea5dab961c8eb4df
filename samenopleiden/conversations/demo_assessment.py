"""Demo data of the conversations module: the equal-collaboration self-assessment and the library of good practices."""

from __future__ import annotations

import datetime as dt


def load(*, today: dt.date) -> None:
    pass
