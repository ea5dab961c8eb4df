"""Demo data of the growth module: scenarios and their projections, growth potential per board. `demo.py` combines
the parts."""

from __future__ import annotations

import datetime as dt


def load(*, today: dt.date) -> None:
    pass
