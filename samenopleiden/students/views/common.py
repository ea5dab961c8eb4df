"""What the student pages share: the chosen school year, the explanation of a decision, the page context."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from samenopleiden.core import access

from .. import schoolyear
from ..counting import Outcome


def chosen_year(request: HttpRequest, today: dt.date) -> str:
    """The school year in the address (?jaar=2025-2026), else the current one."""
    return schoolyear.parse(request.GET.get("jaar", "")) or schoolyear.current(today)


def decision_texts(outcome: Outcome) -> dict[str, Any]:
    """The explanation of one student's outcome as Dutch sentences, for the detail page."""
    decision = outcome.decision
    return {
        "reason": outcome.reason.text(_),
        "rule": decision.reason.text(_),  # what the facts alone say, whatever the dates
        "choice": decision.choice.text(_) if decision.choice else "",
        "notes": [note.text(_) for note in decision.notes],
    }


def student_page_context(ctx: Any, partnership: Any, **extra: Any) -> dict[str, Any]:
    """The partnership page context plus what the user may see of students (`sees_student_totals`: counts and
    money; `sees_students`: the students themselves)."""
    return access.page_context(
        ctx,
        partnership,
        **{
            "nav": "students",
            "sees_student_totals": access.sees_student_totals(ctx, partnership),
            "sees_students": access.sees_students(ctx, partnership),
            **extra,
        },
    )
