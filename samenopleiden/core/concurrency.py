"""Optimistic locking for VersionedModel rows: a save succeeds only if nobody saved in between."""

from __future__ import annotations

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .errors import StaleObjectError
from .models import VersionedModel


def save_versioned(obj: VersionedModel, *, expected_version: int | None) -> None:
    """Save `obj` if its stored version is still `expected_version` (None: no check, e.g. imports)."""
    if obj.pk is None:
        obj.save()
        return
    model = type(obj)
    obj.updated_at = timezone.now()
    values = {
        f.attname: getattr(obj, f.attname)
        for f in model._meta.concrete_fields
        if not f.primary_key and f.name != "version"
    }
    rows = model._default_manager.filter(pk=obj.pk)
    if expected_version is not None:
        rows = rows.filter(version=expected_version)
    if not rows.update(version=F("version") + 1, **values):
        raise StaleObjectError(
            _("Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw en breng uw wijziging opnieuw aan.")
        )
    obj.refresh_from_db(fields=["version"])
