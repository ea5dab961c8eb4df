"""The partnership's action list: what was agreed (in a conversation, a peer review, a meeting), by whom, by when."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.models import VersionedModel


class Action(VersionedModel):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "bezig", _("bezig")
        DONE = "afgerond", _("afgerond")
        DROPPED = "vervallen", _("vervallen")

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("actie"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)
    owner = models.ForeignKey(
        "registry.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
        verbose_name=_("eigenaar"),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    progress_note = models.TextField(_("voortgang"), blank=True)
    source = models.CharField(_("herkomst (sleutel)"), max_length=100, blank=True, db_index=True)
    source_label = models.CharField(_("herkomst"), max_length=200, blank=True)
    source_url = models.CharField(_("link naar de herkomst"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    done_on = models.DateField(_("afgerond op"), null=True, blank=True)

    class Meta:
        ordering = ["deadline", "pk"]
        indexes = [models.Index(fields=["partnership", "status", "deadline"])]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.OPEN, self.Status.IN_PROGRESS)

    def is_late_on(self, day: dt.date) -> bool:
        return self.is_open and self.deadline is not None and self.deadline < day

    @property
    def is_late(self) -> bool:
        from django.utils import timezone

        return self.is_late_on(timezone.localdate())
