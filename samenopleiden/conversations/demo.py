"""Demo data of the conversations module, loaded by `make run`."""

from __future__ import annotations

import datetime as dt

from . import demo_assessment, demo_board, demo_session


def load(*, today: dt.date) -> None:
    demo_session.load(today=today)
    demo_board.load(today=today)
    demo_assessment.load(today=today)
