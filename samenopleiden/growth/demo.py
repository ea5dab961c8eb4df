"""Demo data of the growth module, loaded by `make run`."""

from __future__ import annotations

import datetime as dt

from . import demo_projection, demo_workspace


def load(*, today: dt.date) -> None:
    demo_projection.load(today=today)
    demo_workspace.load(today=today)
