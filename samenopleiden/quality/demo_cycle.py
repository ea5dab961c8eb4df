"""Demo data of the quality module: goals, annual plans and the survey, peer review, certification. `demo.py`
combines the parts."""

from __future__ import annotations

import datetime as dt


def load(*, today: dt.date) -> None:
    pass
