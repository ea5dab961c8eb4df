"""Reminders of the conversations module's assessment part (combined in reminders.py): three days before an open
self-assessment round closes, its lead hears how many answers came in per perspective, so that they can ask for
more where a perspective is still below three (and would stay hidden)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from samenopleiden.core.reminders import Reminder
from samenopleiden.registry.models import Person, Role

from . import assessment_engine as engine
from .models import AssessmentResponse, AssessmentRound, Perspective

DAYS_BEFORE = 3


def due_reminders(today: dt.date) -> list[Reminder]:
    closing = today + dt.timedelta(days=DAYS_BEFORE)
    rounds = list(
        AssessmentRound.objects.filter(closes_on=closing, closed_on__isnull=True, opened_on__lte=today).select_related(
            "partnership", "created_by"
        )
    )
    if not rounds:
        return []
    counts: dict[int, dict[str, int]] = {r.pk: {} for r in rounds}
    rows = AssessmentResponse.objects.filter(round__in=rounds).values("round_id", "perspective").annotate(n=Count("pk"))
    for row in rows:
        counts[row["round_id"]][row["perspective"]] = row["n"]
    leads: dict[int, list[str]] = {}
    for pid, email in (
        Person.objects.filter(partnership__in={r.partnership_id for r in rounds}, roles__role=Role.PROGRAMME_LEAD)
        .exclude(email="")
        .values_list("partnership_id", "email")
        .distinct()
    ):
        leads.setdefault(pid, []).append(email)
    labels = dict(Perspective.choices)
    reminders = []
    for r in rounds:
        own = getattr(r.created_by, "email", "")
        recipients = [own] if own else leads.get(r.partnership_id, [])
        hidden = _("nog verborgen, minder dan drie")
        lines = "\n".join(
            f"- {labels[p]}: {counts[r.pk].get(p, 0)}"
            + (f" ({hidden})" if 0 < counts[r.pk].get(p, 0) < engine.MIN_ANSWERS else "")
            for p in engine.PERSPECTIVES
        )
        link = settings.SITE_URL + reverse("conversations:assessment_round_detail", args=[r.partnership.slug, r.pk])
        values = {"title": r.title, "date": r.closes_on.strftime("%d-%m-%Y"), "lines": lines, "link": link}
        reminders.append(
            Reminder(
                key=f"conversations.assessment.closing:{r.pk}:{r.closes_on.isoformat()}",
                partnership_id=r.partnership_id,
                recipients=recipients,
                subject=_("Zelfevaluatie sluit op %(date)s: %(title)s") % values,
                body=_(
                    "De zelfevaluatie '%(title)s' sluit op %(date)s. Tot nu toe kwamen er zoveel antwoorden per "
                    "perspectief:\n\n%(lines)s\n\nEen perspectief met minder dan drie antwoorden blijft in de "
                    "uitkomsten verborgen. De ronde en de link: %(link)s"
                )
                % values,
            )
        )
    return reminders
