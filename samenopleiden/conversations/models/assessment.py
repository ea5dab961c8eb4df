"""Models of the conversations module: the equal-collaboration self-assessment and the library of good practices.

Platform content (no partnership; kept by the platform administrator in the Django admin, first filled by a data
migration from `assessment_content.py`): `FactorGroup` with its `Statement`s (the success factors), `Barrier`s and
`Dilemma`s. A partnership's `AssessmentRound` has a secret token: whoever has the link answers anonymously
(`AssessmentResponse` with its `StatementAnswer`s, `BarrierAnswer`s and `DilemmaAnswer`s). `GoodPractice`: what a
partnership did about a dilemma, proposed by the partnership and curated by the platform administrator.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.models import VersionedModel

from .session import Level, Perspective

__all__ = [
    "FactorGroup",
    "Statement",
    "Barrier",
    "Dilemma",
    "AssessmentRound",
    "AssessmentResponse",
    "StatementAnswer",
    "BarrierAnswer",
    "DilemmaAnswer",
    "GoodPractice",
    "COMMENT_MAX",
]

COMMENT_MAX = 1000  # characters of a respondent's comment on one statement


def new_round_token() -> str:
    return secrets.token_urlsafe(24)


class FactorGroup(models.Model):
    key = models.SlugField(_("sleutel"), max_length=60, unique=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("groep"), max_length=200)
    active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("groep succesfactoren")
        verbose_name_plural = _("groepen succesfactoren")

    def __str__(self) -> str:
        return self.title


class Statement(models.Model):
    group = models.ForeignKey(FactorGroup, on_delete=models.PROTECT, related_name="statements", verbose_name=_("groep"))
    key = models.SlugField(_("sleutel"), max_length=60, unique=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    text = models.TextField(_("stelling"))
    active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["group__position", "position", "pk"]
        verbose_name = _("stelling")
        verbose_name_plural = _("stellingen")

    def __str__(self) -> str:
        return self.text[:80]


class Barrier(models.Model):
    key = models.SlugField(_("sleutel"), max_length=60, unique=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    text = models.TextField(_("belemmering"))
    active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("belemmerende factor")
        verbose_name_plural = _("belemmerende factoren")

    def __str__(self) -> str:
        return self.text[:80]


class Dilemma(models.Model):
    key = models.SlugField(_("sleutel"), max_length=60, unique=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("dilemma"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("dilemma")
        verbose_name_plural = _("dilemma's")

    def __str__(self) -> str:
        return self.title


class AssessmentRound(VersionedModel):
    """One round of the self-assessment. Open from `opened_on` up to and including `closes_on` (when set), until
    the lead closes it (`closed_on`)."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="assessment_rounds")
    title = models.CharField(_("titel"), max_length=200)
    opened_on = models.DateField(_("open vanaf"))
    closes_on = models.DateField(_("open tot en met"), null=True, blank=True)
    closed_on = models.DateField(_("gesloten op"), null=True, blank=True)
    session = models.ForeignKey(
        "conversations.Session",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assessment_rounds",
        verbose_name=_("gesprek"),
    )
    token = models.CharField(max_length=64, unique=True, default=new_round_token, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = _("zelfevaluatieronde")
        verbose_name_plural = _("zelfevaluatierondes")

    def __str__(self) -> str:
        return self.title

    def is_open_on(self, day: dt.date) -> bool:
        if self.closed_on is not None and self.closed_on <= day:
            return False
        if self.closes_on is not None and day > self.closes_on:
            return False
        return self.opened_on <= day


class AssessmentResponse(models.Model):
    """One respondent's answers. `key` is kept in the respondent's browser session only: it is how a second
    visit (or a second tab) edits the same response."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="responses")
    key = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)
    perspective = models.CharField(_("perspectief"), max_length=10, choices=Perspective.choices)
    level = models.CharField(_("niveau"), max_length=12, choices=Level.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["round", "pk"]
        verbose_name = _("antwoord zelfevaluatie")
        verbose_name_plural = _("antwoorden zelfevaluatie")

    def __str__(self) -> str:
        return str(_("antwoord %(n)s")) % {"n": self.pk}


class StatementAnswer(models.Model):
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    response = models.ForeignKey(AssessmentResponse, on_delete=models.CASCADE, related_name="statement_answers")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(
        _("score"), null=True, blank=True, help_text=_("leeg: niet van toepassing")
    )
    comment = models.TextField(_("toelichting"), blank=True, max_length=COMMENT_MAX)

    class Meta:
        ordering = ["response", "statement"]
        constraints = [
            models.UniqueConstraint(fields=["response", "statement"], name="assessment_statement_once"),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=1, score__lte=5),
                name="assessment_score_1_5",
            ),
        ]


class BarrierAnswer(models.Model):
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    response = models.ForeignKey(AssessmentResponse, on_delete=models.CASCADE, related_name="barrier_answers")
    barrier = models.ForeignKey(Barrier, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["response", "barrier"]
        constraints = [models.UniqueConstraint(fields=["response", "barrier"], name="assessment_barrier_once")]


class DilemmaAnswer(models.Model):
    class Strength(models.IntegerChoices):
        NONE = 1, _("speelt niet")
        LITTLE = 2, _("speelt een beetje")
        CLEAR = 3, _("speelt duidelijk")
        STRONG = 4, _("speelt sterk")

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    response = models.ForeignKey(AssessmentResponse, on_delete=models.CASCADE, related_name="dilemma_answers")
    dilemma = models.ForeignKey(Dilemma, on_delete=models.PROTECT, related_name="+")
    strength = models.PositiveSmallIntegerField(_("hoe sterk"), choices=Strength.choices)

    class Meta:
        ordering = ["response", "dilemma"]
        constraints = [models.UniqueConstraint(fields=["response", "dilemma"], name="assessment_dilemma_once")]


class GoodPractice(VersionedModel):
    """A good practice about one dilemma. Proposed by a partnership; visible to everyone signed in once the
    platform administrator approved it."""

    class Status(models.TextChoices):
        PROPOSED = "voorgesteld", _("voorgesteld")
        APPROVED = "goedgekeurd", _("goedgekeurd")
        REJECTED = "afgewezen", _("afgewezen")

    partnership = models.ForeignKey(
        "registry.Partnership", on_delete=models.CASCADE, related_name="good_practices", verbose_name=_("partnerschap")
    )
    dilemma = models.ForeignKey(Dilemma, on_delete=models.PROTECT, related_name="practices", verbose_name=_("dilemma"))
    title = models.CharField(_("titel"), max_length=200)
    what_we_did = models.TextField(_("wat we deden"), max_length=5000)
    contact = models.CharField(_("contact"), max_length=200, help_text=_("wie kan er meer over vertellen"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PROPOSED)
    review_note = models.TextField(_("toelichting van de beheerder"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["dilemma__position", "-created_at", "-pk"]
        verbose_name = _("goed voorbeeld")
        verbose_name_plural = _("goede voorbeelden")

    def __str__(self) -> str:
        return self.title
