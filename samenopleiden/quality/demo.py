"""Demo data of the quality module, loaded by `make run`."""

from __future__ import annotations

import datetime as dt

from . import demo_cycle, demo_document


def load(*, today: dt.date) -> None:
    demo_document.load(today=today)
    demo_cycle.load(today=today)
