import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenopleiden.students import schoolyear as sy


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-2026", "2025-2026"),
        ("2025/2026", "2025-2026"),
        (" 2025-2026 ", "2025-2026"),
        ("2025-2027", None),
        ("25-26", None),
        ("", None),
        ("2025-2026x", None),
    ],
)
def test_parse(text, expected):
    assert sy.parse(text) == expected


def test_boundaries_and_steps():
    assert sy.of(dt.date(2025, 7, 31)) == "2024-2025" and sy.of(dt.date(2025, 8, 1)) == "2025-2026"
    assert sy.previous("2025-2026") == "2024-2025" and sy.following("2025-2026") == "2026-2027"
    assert sy.start("2025-2026") == dt.date(2025, 8, 1) and sy.end("2025-2026") == dt.date(2026, 7, 31)
    assert sy.default_count_date("2025-2026") == dt.date(2025, 10, 1)
    assert sy.span("2023-2024", "2025-2026") == ["2023-2024", "2024-2025", "2025-2026"]
    assert sy.label("2025-2026") == "2025/26"


@given(st.dates(min_value=dt.date(1991, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_day_lies_in_its_school_year(day):
    year = sy.of(day)
    assert sy.start(year) <= day <= sy.end(year)
    assert sy.parse(year) == year
