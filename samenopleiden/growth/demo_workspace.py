"""Demo data of the growth module: the growth workspace, the variant matrix and onboarding of new partners.
`demo.py` combines the parts."""

from __future__ import annotations

import datetime as dt


def load(*, today: dt.date) -> None:
    pass
