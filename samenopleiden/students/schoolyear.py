"""School years ("2025-2026"): from 1 August to 31 July. Plain Python, no Django.

The subsidy is paid on the count of the previous school year (t-1), so years are compared, stepped and parsed in
many places; they all use these functions.
"""

from __future__ import annotations

import datetime as dt
import re

PATTERN = re.compile(r"^(\d{4})[-/](\d{4})$")
FIRST_MONTH = 8  # a school year starts on 1 August


def parse(text: str) -> str | None:
    """'2025-2026' or '2025/2026' -> '2025-2026'; anything else (or two years that do not follow) -> None."""
    match = PATTERN.match((text or "").strip())
    if not match:
        return None
    first, second = int(match.group(1)), int(match.group(2))
    if second != first + 1 or not 1990 <= first <= 2100:
        return None
    return f"{first}-{second}"


def first_year(year: str) -> int:
    return int(year[:4])


def of(day: dt.date) -> str:
    """The school year a day falls in."""
    start = day.year if day.month >= FIRST_MONTH else day.year - 1
    return f"{start}-{start + 1}"


def current(today: dt.date) -> str:
    return of(today)


def shift(year: str, years: int) -> str:
    start = first_year(year) + years
    return f"{start}-{start + 1}"


def previous(year: str) -> str:
    return shift(year, -1)


def following(year: str) -> str:
    return shift(year, 1)


def start(year: str) -> dt.date:
    return dt.date(first_year(year), FIRST_MONTH, 1)


def end(year: str) -> dt.date:
    return dt.date(first_year(year) + 1, FIRST_MONTH, 1) - dt.timedelta(days=1)


def default_count_date(year: str) -> dt.date:
    """1 October of the school year: the usual reference date for student counts in Dutch education."""
    return dt.date(first_year(year), 10, 1)


def span(first: str, last: str) -> list[str]:
    """Every school year from `first` to `last`, both included."""
    return [shift(first, i) for i in range(first_year(last) - first_year(first) + 1)]


def label(year: str) -> str:
    """'2025-2026' -> '2025/26', as people write it."""
    return f"{year[:4]}/{year[7:9]}"
