"""Models of the quality module: goals, annual plans and the survey, peer review, certification.

The safeguards are the document part's data; here a safeguard is one of four keys (`SafeguardKey`), so this part does
not depend on the document part's tables."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.models import VersionedModel

__all__ = [
    "SafeguardKey",
    "QualityGoal",
    "GoalMeasurement",
    "CalendarEvent",
    "AnnualPlan",
    "Survey",
    "SurveyQuestion",
    "SurveyLink",
    "SurveyResponse",
    "SurveyAnswer",
    "PeerReview",
    "Panelist",
    "Recommendation",
    "CertificationCriterion",
    "SchoolCertification",
    "CriterionAssessment",
]


class SafeguardKey(models.TextChoices):
    LEARNING_TEACHER = "lerende_leraar", _("lerende leraar")
    LEARNING_ENVIRONMENT = "leeromgeving", _("leeromgeving")
    ORGANISATION = "organisatie", _("organisatie")
    QUALITY_CULTURE = "kwaliteitscultuur", _("kwaliteitscultuur")


# --- quality goals and the calendar ---------------------------------------------------------------------------


class QualityGoal(VersionedModel):
    """An own development or quality goal (SMART): what, how it is measured, the target, the deadline, the owner."""

    class Source(models.TextChoices):
        MANUAL = "handmatig", _("met de hand ingevoerd")
        SUPERVISION = "begeleiders_geschoold", _("aandeel werkplekbegeleiders met geldige scholing begeleiding")
        CLUSTER_EDUCATOR = "clusters_met_schoolopleider", _("aandeel clusters met een schoolopleider")
        COUNTED_STUDENTS = "getelde_studenten", _("aantal getelde studenten (dit studiejaar)")
        BRLO = "schoolopleiders_brlo", _("aandeel schoolopleiders met een geldige BRLO-registratie")

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="quality_goals")
    title = models.CharField(_("doel"), max_length=200)
    safeguard = models.CharField(_("waarborg"), max_length=20, choices=SafeguardKey.choices)
    indicator = models.CharField(_("indicator"), max_length=300)
    source = models.CharField(_("bron van de metingen"), max_length=40, choices=Source.choices, default=Source.MANUAL)
    unit = models.CharField(_("eenheid"), max_length=20, blank=True)
    baseline = models.DecimalField(_("beginwaarde"), max_digits=10, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("streefwaarde"), max_digits=10, decimal_places=2)
    higher_is_better = models.BooleanField(_("hoger is beter"), default=True)
    deadline = models.DateField(_("deadline"))
    owner = models.ForeignKey(
        "registry.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("eigenaar"),
    )
    note = models.TextField(_("toelichting"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("kwaliteitsdoel")
        verbose_name_plural = _("kwaliteitsdoelen")

    def __str__(self) -> str:
        return self.title


class GoalMeasurement(models.Model):
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    goal = models.ForeignKey(QualityGoal, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField(_("gemeten op"))
    value = models.DecimalField(_("waarde"), max_digits=10, decimal_places=2)
    from_platform = models.BooleanField(_("uit het platform"), default=False)
    note = models.CharField(_("opmerking"), max_length=300, blank=True)

    class Meta:
        ordering = ["measured_on", "pk"]
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")

    def __str__(self) -> str:
        return f"{self.goal} {self.measured_on}: {self.value}"


class CalendarEvent(VersionedModel):
    """A moment of the quality cycle in a school year that the partnership plans itself (dates the platform knows,
    such as the peer review's due date and re-certifications, are added to the calendar page by the selector)."""

    class Kind(models.TextChoices):
        PLAN = "jaarplan", _("jaarplannen klaar")
        MID = "tussenevaluatie", _("tussenevaluatie")
        END = "eindevaluatie", _("eindevaluatie")
        SURVEY = "enquete", _("studentenenquête")
        PANEL = "panelgesprek", _("panelgesprek")
        PEER_REVIEW = "peer_review", _("peer review")
        RECERTIFICATION = "hercertificering", _("hercertificering")
        OTHER = "overig", _("overig")

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    school_year = models.CharField(_("schooljaar"), max_length=9)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("omschrijving"), max_length=200)
    date = models.DateField(_("datum"))
    done = models.BooleanField(_("gedaan"), default=False)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("moment in de kwaliteitskalender")
        verbose_name_plural = _("kwaliteitskalender")

    def __str__(self) -> str:
        return f"{self.date} {self.title}"


# --- annual plans per cluster ---------------------------------------------------------------------------------


class AnnualPlan(VersionedModel):
    """A cluster's development and activity plan for a school year, with its mid-year and end-of-year evaluation."""

    class Status(models.TextChoices):
        DRAFT = "concept", _("concept")
        DISCUSSED = "besproken", _("besproken met de programmaleiding")

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    cluster = models.ForeignKey("registry.Cluster", on_delete=models.CASCADE, related_name="annual_plans")
    school_year = models.CharField(_("schooljaar"), max_length=9)
    development = models.TextField(_("ontwikkeldoelen"), blank=True)
    activities = models.TextField(_("activiteiten"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    mid_evaluation = models.TextField(_("tussenevaluatie"), blank=True)
    mid_evaluated_on = models.DateField(_("tussenevaluatie op"), null=True, blank=True)
    end_evaluation = models.TextField(_("eindevaluatie"), blank=True)
    end_evaluated_on = models.DateField(_("eindevaluatie op"), null=True, blank=True)

    class Meta:
        ordering = ["-school_year", "cluster__name"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "school_year"], name="quality_one_plan_per_cluster_year")
        ]
        verbose_name = _("jaarplan")
        verbose_name_plural = _("jaarplannen")

    def __str__(self) -> str:
        return f"{self.cluster} {self.school_year}"


# --- the student survey -----------------------------------------------------------------------------------


class Survey(VersionedModel):
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("titel"), max_length=200)
    school_year = models.CharField(_("schooljaar"), max_length=9)
    intro = models.TextField(_("uitleg voor studenten"), blank=True)
    opens_on = models.DateField(_("open vanaf"))
    closes_on = models.DateField(_("open tot en met"))
    closed_on = models.DateField(_("gesloten op"), null=True, blank=True)

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("studentenenquête")
        verbose_name_plural = _("studentenenquêtes")

    def __str__(self) -> str:
        return self.title

    def is_open_on(self, day: dt.date) -> bool:
        return self.closed_on is None and self.opens_on <= day <= self.closes_on

    def clean(self) -> None:
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("De enquête sluit vóór ze opent.")})


class SurveyQuestion(models.Model):
    class Kind(models.TextChoices):
        SCALE = "schaal", _("schaal 1-5")
        CHOICE = "keuze", _("keuze uit opties")
        OPEN = "open", _("open vraag")

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("volgorde"), default=1)
    kind = models.CharField(_("soort vraag"), max_length=10, choices=Kind.choices, default=Kind.SCALE)
    text = models.CharField(_("vraag"), max_length=300)
    options = models.TextField(_("opties (één per regel)"), blank=True)
    required = models.BooleanField(_("verplicht"), default=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")

    def __str__(self) -> str:
        return self.text

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]


class SurveyLink(models.Model):
    """The secret response link of one cluster: students of that cluster answer through it, without an account."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="links")
    cluster = models.ForeignKey("registry.Cluster", on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["cluster__name"]
        constraints = [models.UniqueConstraint(fields=["survey", "cluster"], name="quality_one_link_per_cluster")]
        verbose_name = _("antwoordlink")
        verbose_name_plural = _("antwoordlinks")

    def __str__(self) -> str:
        return f"{self.survey} – {self.cluster}"


class SurveyResponse(models.Model):
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    cluster = models.ForeignKey("registry.Cluster", on_delete=models.CASCADE, related_name="+")
    school = models.ForeignKey("registry.School", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    key = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "key"], name="quality_one_response_per_browser")]
        verbose_name = _("antwoord op de enquête")
        verbose_name_plural = _("antwoorden op de enquête")

    def __str__(self) -> str:
        return f"{self.survey} #{self.pk}"


class SurveyAnswer(models.Model):
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    choice = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")

    def __str__(self) -> str:
        return f"{self.question_id}: {self.score or self.choice or self.text[:30]}"


# --- peer review ---------------------------------------------------------------------------------------------


class PeerReview(VersionedModel):
    class Outcome(models.TextChoices):
        NONE = "", _("nog geen uitkomst")
        POSITIVE = "positief", _("positief")
        POSITIVE_WITH = "positief_aanbevelingen", _("positief, met aanbevelingen")
        NOT_YET = "nog_niet", _("(nog) niet positief")

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("titel"), max_length=200)
    planned_on = models.DateField(_("gepland op"), null=True, blank=True)
    held_on = models.DateField(_("gehouden op"), null=True, blank=True)
    outcome = models.CharField(_("uitkomst"), max_length=30, choices=Outcome.choices, blank=True, default="")
    summary = models.TextField(_("samenvatting van het oordeel"), blank=True)

    class Meta:
        ordering = ["-planned_on", "-pk"]
        verbose_name = _("peer review")
        verbose_name_plural = _("peer reviews")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.outcome and not self.held_on:
            raise ValidationError(
                {"held_on": _("Een uitkomst hoort bij een peer review die gehouden is: vul de datum in.")}
            )


class Panelist(models.Model):
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    review = models.ForeignKey(PeerReview, on_delete=models.CASCADE, related_name="panel")
    name = models.CharField(_("naam"), max_length=200)
    role = models.CharField(_("rol in het panel"), max_length=200)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("panellid")
        verbose_name_plural = _("panelleden")

    def __str__(self) -> str:
        return self.name


class Recommendation(models.Model):
    """A recommendation of the panel; it becomes an action on the partnership's action list, which is followed up
    there."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    review = models.ForeignKey(PeerReview, on_delete=models.CASCADE, related_name="recommendations")
    text = models.CharField(_("aanbeveling"), max_length=300)
    safeguard = models.CharField(_("waarborg"), max_length=20, choices=SafeguardKey.choices, blank=True)
    action = models.ForeignKey(
        "actions.Action", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("actie")
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("aanbeveling")
        verbose_name_plural = _("aanbevelingen")

    def __str__(self) -> str:
        return self.text


# --- partner-school certification ----------------------------------------------------------------------------


class CertificationCriterion(VersionedModel):
    """A criterion for minimum quality of a partner school: of one partnership, or shared by a region (then the
    platform administrator keeps it, and every partnership of the region uses it)."""

    partnership = models.ForeignKey(
        "registry.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    region = models.ForeignKey("registry.Region", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    order = models.PositiveSmallIntegerField(_("volgorde"), default=1)
    title = models.CharField(_("criterium"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)
    safeguard = models.CharField(_("waarborg"), max_length=20, choices=SafeguardKey.choices, blank=True)
    active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(partnership__isnull=False, region__isnull=True)
                | models.Q(partnership__isnull=True, region__isnull=False),
                name="quality_criterion_of_partnership_or_region",
            )
        ]
        verbose_name = _("criterium partnerschool")
        verbose_name_plural = _("criteria partnerschool")

    def __str__(self) -> str:
        return self.title


class SchoolCertification(VersionedModel):
    class Outcome(models.TextChoices):
        CERTIFIED = "gecertificeerd", _("gecertificeerd")
        CONDITIONAL = "voorwaardelijk", _("voorwaardelijk gecertificeerd")
        NOT_CERTIFIED = "niet", _("niet gecertificeerd")
        PENDING = "loopt", _("beoordeling loopt")

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    school = models.ForeignKey("registry.School", on_delete=models.CASCADE, related_name="+", verbose_name=_("school"))
    assessed_on = models.DateField(_("beoordeeld op"))
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices, default=Outcome.PENDING)
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    assessors = models.CharField(_("beoordelaars"), max_length=300, blank=True)
    note = models.TextField(_("toelichting"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-assessed_on", "-pk"]
        verbose_name = _("certificering partnerschool")
        verbose_name_plural = _("certificeringen partnerschool")

    def __str__(self) -> str:
        return f"{self.school} {self.assessed_on}"

    def clean(self) -> None:
        if self.valid_until and self.assessed_on and self.valid_until < self.assessed_on:
            raise ValidationError({"valid_until": _("De geldigheid eindigt vóór de beoordeling.")})
        certified = self.outcome in (self.Outcome.CERTIFIED, self.Outcome.CONDITIONAL)
        if certified and not self.valid_until:
            raise ValidationError({"valid_until": _("Vul in tot wanneer de certificering geldig is.")})


class CriterionAssessment(models.Model):
    class Verdict(models.TextChoices):
        OPEN = "", _("nog niet beoordeeld")
        MET = "voldaan", _("voldaan")
        PARTLY = "deels", _("deels voldaan")
        NOT_MET = "niet", _("niet voldaan")

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    certification = models.ForeignKey(SchoolCertification, on_delete=models.CASCADE, related_name="assessments")
    criterion = models.ForeignKey(CertificationCriterion, on_delete=models.CASCADE, related_name="+")
    verdict = models.CharField(_("oordeel"), max_length=10, choices=Verdict.choices, blank=True, default="")
    evidence = models.TextField(_("onderbouwing en bewijs"), blank=True)

    class Meta:
        ordering = ["criterion__order", "criterion__pk"]
        constraints = [
            models.UniqueConstraint(fields=["certification", "criterion"], name="quality_one_verdict_per_criterion")
        ]
        verbose_name = _("oordeel per criterium")
        verbose_name_plural = _("oordelen per criterium")

    def __str__(self) -> str:
        return f"{self.certification} – {self.criterion}"
