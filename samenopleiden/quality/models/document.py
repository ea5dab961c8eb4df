"""Models of the quality module: the framework and the core document.

The framework (safeguards, elements, minimum items) is platform data, loaded from `framework_data.py` and edited
by the platform administrator. Everything else belongs to one partnership and carries its `partnership`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.models import VersionedModel
from samenopleiden.registry.models import Role

__all__ = [
    "Safeguard",
    "Element",
    "MinimumItem",
    "FacilitationNorm",
    "CoreDocument",
    "CoreSection",
    "SectionVersion",
    "FeedbackRound",
    "SectionComment",
    "DocumentApproval",
]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class Safeguard(models.Model):
    """One of the four safeguards (waarborgen) of the national quality framework."""

    code = models.SlugField(_("code"), unique=True, max_length=60)
    number = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    name = models.CharField(_("naam"), max_length=120)
    description = models.TextField(_("omschrijving"), blank=True)
    questions = models.TextField(_("hulpvragen"), blank=True, help_text=_("Eén vraag per regel."))
    tips = models.TextField(_("tips"), blank=True, help_text=_("Eén tip per regel."))
    suggested_words = models.PositiveIntegerField(_("aanbevolen aantal woorden"), default=0)

    class Meta:
        ordering = ["number"]
        verbose_name = _("waarborg")
        verbose_name_plural = _("waarborgen")

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    @property
    def question_list(self) -> list[str]:
        return _lines(self.questions)

    @property
    def tip_list(self) -> list[str]:
        return _lines(self.tips)


class Element(models.Model):
    """A part of a safeguard that the core document describes (in- en doorstroom, ontwerp, ...)."""

    code = models.SlugField(_("code"), unique=True, max_length=60)
    safeguard = models.ForeignKey(
        Safeguard, on_delete=models.PROTECT, related_name="elements", verbose_name=_("waarborg")
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    name = models.CharField(_("naam"), max_length=120)
    description = models.TextField(_("omschrijving"), blank=True)
    questions = models.TextField(_("hulpvragen"), blank=True, help_text=_("Eén vraag per regel."))
    tips = models.TextField(_("tips"), blank=True, help_text=_("Eén tip per regel."))
    suggested_words = models.PositiveIntegerField(_("aanbevolen aantal woorden"), default=600)

    class Meta:
        ordering = ["safeguard__number", "order"]
        verbose_name = _("onderdeel")
        verbose_name_plural = _("onderdelen")

    def __str__(self) -> str:
        return self.name

    @property
    def question_list(self) -> list[str]:
        return _lines(self.questions)

    @property
    def tip_list(self) -> list[str]:
        return _lines(self.tips)


class MinimumItem(models.Model):
    """What must at least be visible of the joint training (e.g. a joint programme)."""

    code = models.SlugField(_("code"), unique=True, max_length=60)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    text = models.CharField(_("tekst"), max_length=300)

    class Meta:
        ordering = ["order"]
        verbose_name = _("minimaal zichtbaar")
        verbose_name_plural = _("minimaal zichtbaar")

    def __str__(self) -> str:
        return self.text


class FacilitationNorm(VersionedModel):
    """Hours a role gets per student (facilitering), as the partnership agreed."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="facilitation_norms")
    role = models.CharField(_("rol"), max_length=40, choices=Role.choices)
    hours_per_student = models.DecimalField(
        _("uren per student per jaar"), max_digits=6, decimal_places=1, validators=[MaxValueValidator(2000)]
    )
    note = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        ordering = ["role"]
        constraints = [models.UniqueConstraint(fields=["partnership", "role"], name="unique_facilitation_norm")]
        verbose_name = _("faciliteringsnorm")
        verbose_name_plural = _("faciliteringsnormen")

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.hours_per_student}"


class CoreDocument(VersionedModel):
    """The partnership's core document (kerndocument) as a project: goal, lead, writing group, planning."""

    partnership = models.OneToOneField("registry.Partnership", on_delete=models.CASCADE, related_name="core_document")
    title = models.CharField(_("titel"), max_length=200)
    goal = models.TextField(_("doel van het project"), blank=True)
    project_lead = models.ForeignKey(
        "registry.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("projectleider"),
    )
    writing_group = models.ManyToManyField(
        "registry.Person", blank=True, related_name="+", verbose_name=_("schrijfgroep")
    )
    target_date = models.DateField(_("klaar en vastgesteld op"), null=True, blank=True)
    summary = models.TextField(_("samenvatting"), blank=True)
    minimum_met = models.JSONField(_("minimaal zichtbaar, afgevinkt"), default=list, blank=True)
    logo = models.BinaryField(_("logo"), null=True, blank=True, editable=False)
    logo_type = models.CharField(_("soort logo"), max_length=40, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kerndocument")
        verbose_name_plural = _("kerndocumenten")

    def __str__(self) -> str:
        return self.title


class CoreSection(VersionedModel):
    """A section of the core document, belonging to a safeguard (and usually one of its elements)."""

    class Status(models.TextChoices):
        EMPTY = "leeg", _("leeg")
        EDITING = "in_bewerking", _("in bewerking")
        FEEDBACK = "ter_feedback", _("ter feedback")
        ADOPTED = "vastgesteld", _("vastgesteld")

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="core_sections")
    document = models.ForeignKey(CoreDocument, on_delete=models.CASCADE, related_name="sections")
    safeguard = models.ForeignKey(Safeguard, on_delete=models.PROTECT, related_name="+", verbose_name=_("waarborg"))
    element = models.ForeignKey(
        Element, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("onderdeel")
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("titel"), max_length=200)
    writer = models.ForeignKey(
        "registry.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("schrijver"),
    )
    status = models.CharField(_("status"), max_length=14, choices=Status.choices, default=Status.EMPTY)
    body = models.TextField(_("tekst"), blank=True)
    suggested_words = models.PositiveIntegerField(_("aanbevolen aantal woorden"), default=600)
    addressed = models.JSONField(_("behandelde hulpvragen"), default=list, blank=True)

    class Meta:
        ordering = ["safeguard__number", "element__order", "order", "pk"]
        verbose_name = _("sectie")
        verbose_name_plural = _("secties")

    def __str__(self) -> str:
        return self.title

    @property
    def questions(self) -> list[str]:
        return (self.element or self.safeguard).question_list

    @property
    def tips(self) -> list[str]:
        return (self.element or self.safeguard).tip_list


class SectionVersion(models.Model):
    """The text of a section as it was saved; every save through the editor keeps one."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    section = models.ForeignKey(CoreSection, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versie"))
    title = models.CharField(_("titel"), max_length=200)
    body = models.TextField(_("tekst"), blank=True)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["section", "-number"]
        constraints = [models.UniqueConstraint(fields=["section", "number"], name="unique_section_version")]
        verbose_name = _("versie van een sectie")
        verbose_name_plural = _("versies van secties")

    def __str__(self) -> str:
        return f"{self.section} v{self.number}"


class FeedbackRound(models.Model):
    """A request for comments on some sections by named people of the partners, by a deadline."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(CoreDocument, on_delete=models.CASCADE, related_name="rounds")
    title = models.CharField(_("titel"), max_length=200)
    deadline = models.DateField(_("reageren vóór"))
    message = models.TextField(_("vraag aan de lezers"), blank=True)
    sections = models.ManyToManyField(CoreSection, related_name="rounds", verbose_name=_("secties"))
    reviewers = models.ManyToManyField("registry.Person", related_name="+", verbose_name=_("lezers"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-deadline", "-pk"]
        verbose_name = _("feedbackronde")
        verbose_name_plural = _("feedbackrondes")

    def __str__(self) -> str:
        return self.title


class SectionComment(models.Model):
    """A comment on a section, or a reply to one (threaded); resolved when handled."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    section = models.ForeignKey(CoreSection, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies", verbose_name=_("reactie op")
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    author_name = models.CharField(_("naam"), max_length=200)
    body = models.TextField(_("opmerking"))
    resolved = models.BooleanField(_("afgehandeld"), default=False)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("opmerking")
        verbose_name_plural = _("opmerkingen")

    def __str__(self) -> str:
        return self.body[:60]


class DocumentApproval(models.Model):
    """The board meeting (bestuurlijk overleg) adopted the document: who, when, which version."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(CoreDocument, on_delete=models.CASCADE, related_name="approvals")
    body = models.ForeignKey(
        "registry.Body", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("gremium")
    )
    approved_by = models.CharField(_("vastgesteld door"), max_length=300)
    approved_on = models.DateField(_("vastgesteld op"))
    version_label = models.CharField(_("versie"), max_length=40)
    section_versions = models.JSONField(default=dict, blank=True)  # section pk -> version number at approval
    note = models.TextField(_("toelichting"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-approved_on", "-pk"]
        verbose_name = _("vaststelling")
        verbose_name_plural = _("vaststellingen")

    def __str__(self) -> str:
        return f"{self.version_label} ({self.approved_on})"
