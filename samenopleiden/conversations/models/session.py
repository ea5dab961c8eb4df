"""Models of the conversations module's session part: conversation guides (themes with a core question and
questions, a preparation checklist) and the sessions held with them, with their participants.

The live board (models/board.py) and the self-assessment (models/assessment.py) build on `Session` and
`Participant`: a participant joins on their own device with the session's code, without an account."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.models import VersionedModel

__all__ = [
    "Guide",
    "GuideTheme",
    "GuideQuestion",
    "ChecklistItem",
    "Session",
    "Participant",
    "Perspective",
    "Level",
    "PreparationTick",
    "QuestionNote",
    "Decision",
    "SessionAction",
]


class Perspective(models.TextChoices):
    SCHOOL = "school", _("schoolbestuur of school")
    INSTITUTE = "instituut", _("lerarenopleiding")
    STUDENT = "student", _("student")
    OTHER = "anders", _("anders")


class Level(models.TextChoices):
    BOARD = "bestuur", _("bestuur")
    MANAGEMENT = "management", _("management")
    DELIVERY = "uitvoering", _("uitvoering")


class Guide(VersionedModel):
    """A conversation guide. Platform guides have no partnership (a platform administrator keeps them); a
    partnership's own guide is a copy it adapted (`copied_from`)."""

    partnership = models.ForeignKey(
        "registry.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="guides"
    )
    key = models.SlugField(_("sleutel"), max_length=60, blank=True, help_text=_("vaste naam van een platformgids"))
    title = models.CharField(_("titel"), max_length=200)
    purpose = models.TextField(_("doel"), blank=True)
    source = models.CharField(_("bron"), max_length=300, blank=True)
    copied_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies")

    class Meta:
        ordering = ["title", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=models.Q(partnership=None) & ~models.Q(key=""), name="guide_platform_key"
            )
        ]
        verbose_name = _("gespreksleidraad")
        verbose_name_plural = _("gespreksleidraden")

    def __str__(self) -> str:
        return self.title


class GuideTheme(models.Model):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="themes")
    partnership = models.ForeignKey(
        "registry.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("thema"), max_length=200)
    core_question = models.TextField(_("kernvraag"), blank=True)

    class Meta:
        ordering = ["guide", "position", "pk"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def __str__(self) -> str:
        return self.title


class GuideQuestion(models.Model):
    theme = models.ForeignKey(GuideTheme, on_delete=models.CASCADE, related_name="questions")
    partnership = models.ForeignKey(
        "registry.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    text = models.TextField(_("vraag"))
    sub_questions = models.TextField(_("deelvragen"), blank=True, help_text=_("één per regel"))

    class Meta:
        ordering = ["theme", "position", "pk"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")

    def __str__(self) -> str:
        return self.text[:80]


class ChecklistItem(models.Model):
    """A step of a guide's preparation checklist. `data_key` names a figure the platform fills in (e.g.
    "students_per_institute"); empty for a step the facilitator ticks by hand."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="checklist")
    partnership = models.ForeignKey(
        "registry.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    text = models.TextField(_("voorbereiding"))
    data_key = models.CharField(_("gegevens van het platform"), max_length=60, blank=True)

    class Meta:
        ordering = ["guide", "position", "pk"]
        verbose_name = _("voorbereidingsstap")
        verbose_name_plural = _("voorbereidingsstappen")

    def __str__(self) -> str:
        return self.text[:80]


def new_code() -> str:
    """A session code that people type on a phone: eight characters without look-alikes (0/O, 1/I/L)."""
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class Session(VersionedModel):
    class Status(models.TextChoices):
        PLANNED = "gepland", _("gepland")
        RUNNING = "bezig", _("bezig")
        DONE = "afgerond", _("afgerond")

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="sessions")
    guide = models.ForeignKey(Guide, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("leidraad"))
    title = models.CharField(_("titel"), max_length=200)
    date = models.DateField(_("datum"), null=True, blank=True)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    facilitator_name = models.CharField(_("gespreksleider"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    code = models.CharField(_("sessiecode"), max_length=12, unique=True, default=new_code)
    code_valid_until = models.DateTimeField(_("code geldig tot"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # where the facilitator is: the shared screen follows it
    current_question = models.ForeignKey(
        GuideQuestion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    place = models.CharField(_("plaats"), max_length=200, blank=True)
    summary = models.TextField(_("samenvatting"), blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")

    def __str__(self) -> str:
        return self.title

    @property
    def facilitator_label(self) -> str:
        if self.facilitator_id:
            return self.facilitator.get_full_name() or self.facilitator.get_username()
        return self.facilitator_name


class Participant(models.Model):
    """Someone taking part. Invited participants have a name; people who join on their own device with the code
    get a row with a secret token (kept in their browser session) and may stay anonymous."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="participants")
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("naam"), max_length=200, blank=True)
    person = models.ForeignKey("registry.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    perspective = models.CharField(_("perspectief"), max_length=10, choices=Perspective.choices)
    level = models.CharField(_("niveau"), max_length=12, choices=Level.choices, blank=True)
    token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session", "pk"]
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")

    def __str__(self) -> str:
        return self.name or str(_("deelnemer"))


class PreparationTick(models.Model):
    """A preparation step of the session's guide that the facilitator ticked off."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="ticks")
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(ChecklistItem, on_delete=models.CASCADE, related_name="+")
    ticked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "item"], name="preparation_tick_once")]
        verbose_name = _("afgevinkte voorbereiding")
        verbose_name_plural = _("afgevinkte voorbereidingen")


class QuestionNote(models.Model):
    """The notes of one question in one session."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="notes")
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(GuideQuestion, on_delete=models.PROTECT, related_name="notes")
    text = models.TextField(_("aantekeningen"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "question"], name="question_note_once")]
        verbose_name = _("aantekening")
        verbose_name_plural = _("aantekeningen")


class Decision(models.Model):
    """A decision taken in a session, at a question (or for the session as a whole)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="decisions")
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(
        GuideQuestion, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    text = models.TextField(_("besluit"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session", "created_at", "pk"]
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")

    def __str__(self) -> str:
        return self.text[:80]


class SessionAction(models.Model):
    """An action agreed in a session. The action itself lives on the partnership's action list (actions module),
    where it is followed up; this row says where in the session it came from."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="session_actions")
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(
        GuideQuestion, null=True, blank=True, on_delete=models.PROTECT, related_name="session_actions"
    )
    action = models.OneToOneField("actions.Action", on_delete=models.CASCADE, related_name="session_link")

    class Meta:
        ordering = ["session", "pk"]
        verbose_name = _("actie uit een gesprek")
        verbose_name_plural = _("acties uit gesprekken")
