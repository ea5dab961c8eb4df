"""Demo data of the quality module: the framework and the core document. `demo.py` combines the parts."""

from __future__ import annotations

import datetime as dt


def load(*, today: dt.date) -> None:
    pass
