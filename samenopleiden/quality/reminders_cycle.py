"""Reminders of the quality module's cycle part (combined in reminders.py): when a partner school's certification
ends within three months (`engine_cycle.REMIND_DAYS`), the partnership's programme leads hear which school, until
when, and where to plan the re-certification. Sent once per certification and end date."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from samenopleiden.core.reminders import Reminder
from samenopleiden.registry.models import Person, Role

from . import engine_cycle as engine
from .models import SchoolCertification


def due_reminders(today: dt.date) -> list[Reminder]:
    horizon = today + dt.timedelta(days=engine.REMIND_DAYS)
    candidates = SchoolCertification.objects.filter(
        valid_until__gte=today,
        valid_until__lte=horizon,
        outcome__in=[SchoolCertification.Outcome.CERTIFIED, SchoolCertification.Outcome.CONDITIONAL],
    ).select_related("partnership", "school")
    found = list(candidates)
    if not found:
        return []
    # only the latest assessment of a school counts: a newer one (the re-certification is done) ends the reminder
    latest: dict[tuple[int, int], tuple[dt.date, int]] = {}
    for pid, sid, day, pk in SchoolCertification.objects.filter(
        school_id__in={c.school_id for c in found}, partnership_id__in={c.partnership_id for c in found}
    ).values_list("partnership_id", "school_id", "assessed_on", "pk"):
        latest[(pid, sid)] = max(latest.get((pid, sid), (day, pk)), (day, pk))
    leads: dict[int, list[str]] = {}
    for pid, email in (
        Person.objects.filter(partnership__in={c.partnership_id for c in found}, roles__role=Role.PROGRAMME_LEAD)
        .exclude(email="")
        .values_list("partnership_id", "email")
        .distinct()
    ):
        leads.setdefault(pid, []).append(email)
    reminders = []
    for c in found:
        if latest[(c.partnership_id, c.school_id)] != (c.assessed_on, c.pk):
            continue
        link = settings.SITE_URL + reverse("quality:certification", args=[c.partnership.slug])
        values = {"school": c.school.name, "date": c.valid_until.strftime("%d-%m-%Y"), "link": link}
        reminders.append(
            Reminder(
                key=f"quality.recertification:{c.pk}:{c.valid_until.isoformat()}",
                partnership_id=c.partnership_id,
                recipients=sorted(leads.get(c.partnership_id, [])),
                subject=_("Hercertificering %(school)s nodig vóór %(date)s") % values,
                body=_(
                    "De certificering van partnerschool %(school)s is geldig tot en met %(date)s. Plan de "
                    "hercertificering tegen de criteria voor basiskwaliteit op tijd in.\n\n%(link)s"
                )
                % values,
            )
        )
    return reminders
