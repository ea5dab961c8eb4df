"""Base model pieces shared by every app, and the change history."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class VersionedModel(models.Model):
    """A row that forms edit. `version` goes up on every save through a service, so that two
    people editing the same row cannot silently overwrite each other (see core.concurrency)."""

    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class HistoryEntry(models.Model):
    """Who changed what, when. Written only by core.history.record()."""

    class Action(models.TextChoices):
        CREATED = "created", _("aangemaakt")
        CHANGED = "changed", _("gewijzigd")
        DELETED = "deleted", _("verwijderd")
        IMPORTED = "imported", _("geïmporteerd")
        LINKED = "linked", _("gekoppeld")
        UNLINKED = "unlinked", _("ontkoppeld")
        EXPORTED = "exported", _("geëxporteerd")

    partnership = models.ForeignKey(
        "registry.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="history"
    )
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=40)
    object_repr = models.CharField(max_length=300)
    action = models.CharField(max_length=20, choices=Action.choices)
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["partnership", "-at"]), models.Index(fields=["object_type", "object_id"])]
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.object_type} {self.object_repr} {self.action}"


class PendingImport(models.Model):
    """An uploaded file between its preview and the confirmation. Confirming reads the stored bytes again,
    so what is imported is exactly what was previewed."""

    partnership = models.ForeignKey(
        "registry.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="pending_imports"
    )
    kind = models.CharField(max_length=30)
    options = models.JSONField(default=dict, blank=True)  # what the uploader chose besides the file (e.g. the year)
    filename = models.CharField(max_length=255)
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import in voorbereiding")
        verbose_name_plural = _("imports in voorbereiding")

    def __str__(self) -> str:
        return f"{self.kind}: {self.filename}"


class SentReminder(models.Model):
    """A reminder e-mail that went out (core.reminders): its key is never sent again."""

    key = models.CharField(max_length=200, unique=True)
    partnership = models.ForeignKey(
        "registry.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("verstuurde herinnering")
        verbose_name_plural = _("verstuurde herinneringen")

    def __str__(self) -> str:
        return self.key


class Job(models.Model):
    """Long work (a matching round, a big import or export) that runs in the background, with its progress.
    Started and run through core.jobs; the page polls it for the progress bar."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        RUNNING = "running", _("bezig")
        DONE = "done", _("klaar")
        FAILED = "failed", _("mislukt")

    partnership = models.ForeignKey(
        "registry.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="jobs"
    )
    kind = models.CharField(max_length=60)
    arguments = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.FloatField(default=0.0)
    stage = models.CharField(max_length=200, blank=True)
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("taak op de achtergrond")
        verbose_name_plural = _("taken op de achtergrond")

    def __str__(self) -> str:
        return f"{self.kind} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        return round(100 * min(max(self.progress, 0.0), 1.0))
