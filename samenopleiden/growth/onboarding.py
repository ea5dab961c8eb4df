"""The rules of joining, without Django: deadlines from the process template, what a step's dates may be, and the
state of a step on a day. Sentences are templates marked with the no-op `_`; the Django layer translates them."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass


def _(text: str) -> str:
    return text


AFTER_INTAKE = "na-start-gesprek"
BEFORE_START = "voor-aansluiting"
FIXED = "vaste-datum"

DONE = "done"
LATE = "late"
SOON = "soon"
OPEN = "open"
SOON_DAYS = 7

DONE_IN_FUTURE = _("De datum waarop de stap gedaan is ligt in de toekomst. Vul een datum van vandaag of eerder in.")
DEADLINE_AFTER_START = _(
    "De termijn van deze stap ligt na de aansluiting op %(start)s. Kies een datum op of vóór die dag: "
    "alles moet geregeld zijn voordat de nieuwe partner begint."
)
START_BEFORE_INTAKE = _("Het schooljaar van aansluiting begint vóór het eerste contact. Kies een later schooljaar.")


@dataclass(frozen=True)
class Rule:
    """How a template step's deadline follows from a candidate's dates."""

    kind: str
    days: int = 0
    month: int | None = None
    day: int | None = None


def deadline(rule: Rule, *, intake: dt.date, start: dt.date) -> dt.date:
    """The step's deadline for a candidate who was first contacted on `intake` and joins on `start`; never after
    the start (a later date is brought back to the start).

    - after intake: `days` after the first contact;
    - before start: `days` before the start;
    - fixed: the `day` of `month` in the calendar year of the start (1 April for a start on 1 August 2027 is
      1 April 2027); a date after the start falls in the year before."""
    if rule.kind == AFTER_INTAKE:
        found = intake + dt.timedelta(days=rule.days)
    elif rule.kind == BEFORE_START:
        found = start - dt.timedelta(days=rule.days)
    elif rule.kind == FIXED and rule.month:
        found = _on(start.year, rule.month, rule.day or 1)
        if found > start:
            found = _on(start.year - 1, rule.month, rule.day or 1)
    else:
        found = start
    return min(found, start)


def _on(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def step_errors(
    *, deadline: dt.date | None, done_on: dt.date | None, start: dt.date, today: dt.date
) -> list[tuple[str, str, dict]]:
    """(field, message template, values) for each rule the dates break; empty when they are fine."""
    errors: list[tuple[str, str, dict]] = []
    if done_on is not None and done_on > today:
        errors.append(("done_on", DONE_IN_FUTURE, {}))
    if deadline is not None and deadline > start:
        errors.append(("deadline", DEADLINE_AFTER_START, {"start": start.strftime("%d-%m-%Y")}))
    return errors


def state(*, deadline: dt.date | None, done_on: dt.date | None, today: dt.date) -> str:
    """done, late (open past its deadline), soon (open, deadline within a week) or open."""
    if done_on is not None:
        return DONE
    if deadline is None:
        return OPEN
    if deadline < today:
        return LATE
    if deadline <= today + dt.timedelta(days=SOON_DAYS):
        return SOON
    return OPEN


@dataclass(frozen=True)
class Progress:
    total: int
    done: int
    late: int
    soon: int

    @property
    def open(self) -> int:
        return self.total - self.done

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def progress(states: list[str]) -> Progress:
    return Progress(
        total=len(states),
        done=states.count(DONE),
        late=states.count(LATE),
        soon=states.count(SOON),
    )


def term(year_first: int, current_first: int) -> str:
    """The forecast's horizon: short (this school year and the next two), medium (three to five years ahead),
    long (further), or past."""
    ahead = year_first - current_first
    if ahead < 0:
        return "past"
    if ahead <= 2:
        return "short"
    if ahead <= 5:
        return "medium"
    return "long"
