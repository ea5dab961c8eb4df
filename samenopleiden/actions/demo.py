"""Demo actions for the Groningen partnership (other modules add the actions their own demo agrees on)."""

from __future__ import annotations

import datetime as dt

from samenopleiden.registry.models import Partnership, Role

from .models import Action

ACTIONS = [
    # title, role of the owner, days from today to the deadline, status, source label
    (
        "Voorstel verdeelsleutel voor twee nieuwe clusters naar de stuurgroep",
        Role.PROGRAMME_LEAD,
        21,
        "bezig",
        "Stuurgroep",
    ),
    (
        "Deeltijders vragen welke dag zij op de leerwerkplek kunnen zijn",
        Role.INSTITUTE_TEACHER_EDUCATOR,
        -6,
        "open",
        "Stuurgroep",
    ),
    ("Scholing begeleidingsvaardigheden plannen voor nieuwe mentoren", Role.SCHOOL_TEACHER_EDUCATOR, 45, "open", ""),
    ("Evaluatie leergemeenschap op dinsdag verwerken in het jaarplan", Role.PROGRAMME_LEAD, -30, "afgerond", ""),
]


def load(*, today: dt.date) -> None:
    partnership = Partnership.objects.filter(slug="groningen").first()
    if partnership is None:
        return
    for title, role, days, status, label in ACTIONS:
        owner = partnership.people.filter(roles__role=role).order_by("pk").first()
        Action.objects.update_or_create(
            partnership=partnership,
            title=title,
            defaults={
                "owner": owner,
                "deadline": today + dt.timedelta(days=days),
                "status": status,
                "done_on": today + dt.timedelta(days=days) if status == "afgerond" else None,
                "source_label": label,
            },
        )
