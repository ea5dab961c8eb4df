"""Demo data of the conversations module: the live board on participants' own devices."""

from __future__ import annotations

import datetime as dt


def load(*, today: dt.date) -> None:
    pass
