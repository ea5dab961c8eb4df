"""Cards of the quality module's document part on a partnership's overview page (combined in dashboard.py)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from samenopleiden.core.dashboard import Card


def cards(ctx, partnership, today: dt.date) -> list:
    from .models import CoreDocument, CoreSection

    if ctx.level(partnership) is None:
        return []
    url = reverse("quality:document", args=[partnership.slug])
    document = CoreDocument.objects.filter(partnership=partnership).first()
    if document is None:
        return [
            Card(
                title=_("Kerndocument"),
                number=None,
                text=_("Nog niet gestart in het platform."),
                url=url,
                link_text=_("Naar het kerndocument"),
                tone="warning",
            )
        ]
    statuses = dict(document.sections.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    total = sum(statuses.values())
    adopted = statuses.get(CoreSection.Status.ADOPTED, 0)
    empty = statuses.get(CoreSection.Status.EMPTY, 0)
    late = document.target_date is not None and document.target_date < today and adopted < total
    text = _("%(adopted)s van %(total)s secties vastgesteld, %(empty)s leeg, %(feedback)s ter feedback.") % {
        "adopted": adopted,
        "total": total,
        "empty": empty,
        "feedback": statuses.get(CoreSection.Status.FEEDBACK, 0),
    }
    if document.target_date:
        text += " " + _("Gepland klaar: %(day)s.") % {"day": f"{document.target_date:%d-%m-%Y}"}
    return [
        Card(
            title=_("Kerndocument"),
            number=f"{adopted}/{total}",
            text=text,
            url=url,
            link_text=_("Naar het kerndocument"),
            tone="error" if late else ("ok" if total and adopted == total else ""),
        )
    ]
