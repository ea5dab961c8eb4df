"""Student teachers trained in a partnership, and what the subsidy and the 100% ambition need around them:
funding rates per school year, the allocation key, frozen count statements, institutes' total student numbers,
coverage targets and retention periods.

Students are personal data: a row holds the institute's student number and the facts that decide the subsidy
category, never a name or a national id.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.models import VersionedModel
from samenopleiden.registry.models import Sector

from . import eligibility

school_year_validator = RegexValidator(
    r"^(19|20|21)\d{2}-(19|20|21)\d{2}$", _("Een studiejaar schrijft u als 2025-2026.")
)
percentage = [MinValueValidator(0), MaxValueValidator(100)]


class Mode(models.TextChoices):
    FULL_TIME = "voltijd", _("voltijd")
    PART_TIME = "deeltijd", _("deeltijd")
    DUAL = "duaal", _("duaal")


class ProgrammeType(models.TextChoices):
    HBO_BACHELOR = eligibility.HBO_BACHELOR, _("hbo-bachelor (lerarenopleiding)")
    HBO_ONE_YEAR = eligibility.HBO_ONE_YEAR, _("hbo eenjarig programma (art. 5.2a onder b WSF 2000)")
    WO_MASTER_60 = eligibility.WO_MASTER_60, _("wo-master van 60 EC")
    WO_MASTER_120 = eligibility.WO_MASTER_120, _("wo-master van 120 EC")
    WO_BACHELOR_180_PO = eligibility.WO_BACHELOR_180_PO, _("wo-lerarenopleiding po van 180 EC")
    WO_EDUCATIONAL_MINOR = eligibility.WO_EDUCATIONAL_MINOR, _("wo-bachelor met educatieve minor")
    OTHER = eligibility.OTHER, _("overig")


class Student(VersionedModel):
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="students")
    school_year = models.CharField(_("studiejaar"), max_length=9, validators=[school_year_validator])
    student_number = models.CharField(_("studentnummer"), max_length=30)
    institute = models.ForeignKey(
        "registry.Institute", on_delete=models.PROTECT, related_name="students", verbose_name=_("lerarenopleiding")
    )
    programme_type = models.CharField(
        _("opleidingstype"), max_length=24, choices=ProgrammeType.choices, default=ProgrammeType.OTHER
    )
    practice_percentage = models.DecimalField(
        _("percentage praktijk"), max_digits=5, decimal_places=2, null=True, blank=True, validators=percentage
    )
    practice_ec = models.DecimalField(
        _("EC in de praktijk"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(360)],
    )
    appointed_as_teacher = models.BooleanField(_("benoemd als leraar"), default=False)
    suitability_statement = models.BooleanField(_("geschiktheidsverklaring"), default=False)
    external = models.BooleanField(_("extraneus"), default=False)
    mode = models.CharField(_("variant"), max_length=10, choices=Mode.choices, default=Mode.FULL_TIME)
    sector = models.CharField(_("sector"), max_length=4, choices=Sector.choices, blank=True)
    subject = models.CharField(_("vak"), max_length=100, blank=True)
    study_year = models.PositiveSmallIntegerField(
        _("studiejaar van de opleiding"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(8)]
    )
    school = models.ForeignKey(
        "registry.School", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("school")
    )
    cluster = models.ForeignKey(
        "registry.Cluster",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="students",
        verbose_name=_("cluster"),
    )
    start_date = models.DateField(_("startdatum"), null=True, blank=True)
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["student_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "school_year", "institute", "student_number"], name="unique_student_per_year"
            )
        ]
        indexes = [
            models.Index(fields=["partnership", "school_year"]),
            models.Index(fields=["school_year", "institute"]),
        ]
        verbose_name = _("student")
        verbose_name_plural = _("studenten")

    def __str__(self) -> str:
        return self.student_number

    @property
    def facts(self) -> eligibility.Facts:
        return eligibility.Facts(
            programme_type=self.programme_type,
            practice_percentage=self.practice_percentage,
            practice_ec=self.practice_ec,
            appointed_as_teacher=self.appointed_as_teacher,
            suitability_statement=self.suitability_statement,
            external=self.external,
        )

    @property
    def is_side_entrant(self) -> bool:
        """A zij-instromer: appointed as teacher on a suitability statement."""
        return self.suitability_statement and self.appointed_as_teacher

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("De einddatum ligt vóór de startdatum.")})


class FundingRate(models.Model):
    """The regulation's amounts for one school year, kept by the platform administrator."""

    school_year = models.CharField(_("studiejaar"), max_length=9, unique=True, validators=[school_year_validator])
    count_date = models.DateField(_("peildatum"), help_text=_("De dag waarop de studenten van dit jaar worden geteld."))
    fixed_amount = models.DecimalField(
        _("vast bedrag per erkend partnerschap"), max_digits=12, decimal_places=2, default=Decimal(0)
    )
    per_student_amount = models.DecimalField(
        _("bedrag per getelde student"), max_digits=10, decimal_places=2, default=Decimal(0)
    )
    minimum_students = models.PositiveIntegerField(
        _("minimum aantal studenten"),
        default=60,
        help_text=_("Telt een partnerschap minder studenten, dan stopt de bekostiging het jaar daarna."),
    )
    aspirant_fixed_amount = models.DecimalField(
        _("vast bedrag per aspirant-partnerschap"), max_digits=12, decimal_places=2, default=Decimal(0)
    )
    national_budget = models.DecimalField(_("landelijk budget"), max_digits=14, decimal_places=2, null=True, blank=True)
    national_requested = models.DecimalField(
        _("landelijk aangevraagd bedrag"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Ligt dit boven het budget, dan wordt elk bedrag naar verhouding verlaagd."),
    )
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["-school_year"]
        verbose_name = _("tarief van de regeling")
        verbose_name_plural = _("tarieven van de regeling")

    def __str__(self) -> str:
        return self.school_year


class AllocationKey(VersionedModel):
    """How a partnership divides its subsidy over its partners: per placed student, per cluster, fixed shares,
    or a mix of the three (weights in percent that add up to 100), after an optional central share."""

    partnership = models.OneToOneField("registry.Partnership", on_delete=models.CASCADE, related_name="allocation_key")
    central_share = models.DecimalField(
        _("centraal deel (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(0),
        validators=percentage,
        help_text=_("Het deel dat het partnerschap zelf houdt voor gezamenlijke kosten, zoals de programmaleiding."),
    )
    weight_students = models.DecimalField(
        _("naar geplaatste studenten (%)"), max_digits=5, decimal_places=2, default=Decimal(100), validators=percentage
    )
    weight_clusters = models.DecimalField(
        _("naar opleidingsclusters (%)"), max_digits=5, decimal_places=2, default=Decimal(0), validators=percentage
    )
    weight_fixed = models.DecimalField(
        _("naar vaste aandelen (%)"), max_digits=5, decimal_places=2, default=Decimal(0), validators=percentage
    )
    note = models.TextField(_("afspraak in woorden"), blank=True)

    class Meta:
        verbose_name = _("verdeelsleutel")
        verbose_name_plural = _("verdeelsleutels")

    def __str__(self) -> str:
        return str(self.partnership)

    def clean(self) -> None:
        total = (self.weight_students or 0) + (self.weight_clusters or 0) + (self.weight_fixed or 0)
        if total != 100:
            raise ValidationError(
                _("De drie delen van de verdeelsleutel tellen samen op tot %(total)s%%; dat moet 100%% zijn.")
                % {"total": eligibility.number(Decimal(total))}
            )


class AllocationShare(models.Model):
    """A partner's fixed share (percent) for the fixed-shares part of the key."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    key = models.ForeignKey(AllocationKey, on_delete=models.CASCADE, related_name="shares")
    membership = models.ForeignKey("registry.Membership", on_delete=models.CASCADE, related_name="+")
    share = models.DecimalField(_("vast aandeel (%)"), max_digits=5, decimal_places=2, validators=percentage)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "membership"], name="unique_allocation_share")]
        verbose_name = _("vast aandeel")
        verbose_name_plural = _("vaste aandelen")

    def __str__(self) -> str:
        return f"{self.membership}: {self.share}%"


class CountStatement(models.Model):
    """The count of a school year as the penvoerder submitted it: frozen, so later changes to students do not
    change what was declared. The annex lists students by pseudonym only."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="count_statements")
    school_year = models.CharField(_("studiejaar"), max_length=9, validators=[school_year_validator])
    count_date = models.DateField(_("peildatum"))
    total = models.PositiveIntegerField(_("getelde studenten"))
    totals = models.JSONField(default=dict)  # {"categories": {...}, "institutes": [...]}
    annex = models.JSONField(default=list)  # [{"pseudonym", "institute", "category", "programme_type", ...}]
    submitted_on = models.DateField(_("ingediend op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["-school_year", "-created_at"]
        verbose_name = _("verantwoording telling")
        verbose_name_plural = _("verantwoordingen telling")

    def __str__(self) -> str:
        return f"{self.partnership} {self.school_year}"


class InstituteEnrolment(VersionedModel):
    """All students of an institute's programme in one mode (and sector, subject) in a school year, as the
    institute reports them: the denominator of the 100% coverage monitor. Institute-level data, not personal."""

    institute = models.ForeignKey("registry.Institute", on_delete=models.CASCADE, related_name="enrolments")
    school_year = models.CharField(_("studiejaar"), max_length=9, validators=[school_year_validator])
    programme = models.CharField(_("opleiding"), max_length=200)
    mode = models.CharField(_("variant"), max_length=10, choices=Mode.choices)
    sector = models.CharField(_("sector"), max_length=4, choices=Sector.choices, blank=True)
    subject = models.CharField(_("vak"), max_length=100, blank=True)
    total = models.PositiveIntegerField(_("aantal studenten"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["institute", "-school_year", "programme", "mode"]
        constraints = [
            models.UniqueConstraint(
                fields=["institute", "school_year", "programme", "mode", "sector", "subject"],
                name="unique_institute_enrolment",
            )
        ]
        verbose_name = _("aantal studenten van een opleiding")
        verbose_name_plural = _("aantallen studenten van opleidingen")

    def __str__(self) -> str:
        return f"{self.institute} {self.school_year} {self.programme} {self.mode}: {self.total}"


class CoverageTarget(VersionedModel):
    """The year by which a partnership (or a region) wants every student trained in a partnership. The lead edits
    the partnership's target (with the optimistic lock); a region's target is kept in /platformbeheer/."""

    partnership = models.OneToOneField(
        "registry.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="coverage_target"
    )
    region = models.OneToOneField(
        "registry.Region", null=True, blank=True, on_delete=models.CASCADE, related_name="coverage_target"
    )
    target_year = models.CharField(_("doeljaar (studiejaar)"), max_length=9, validators=[school_year_validator])
    target_share = models.PositiveSmallIntegerField(
        _("doel (%)"), default=100, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(partnership__isnull=False, region__isnull=True)
                | Q(partnership__isnull=True, region__isnull=False),
                name="coverage_target_one_owner",
            )
        ]
        verbose_name = _("doel: iedere student in een partnerschap")
        verbose_name_plural = _("doelen: iedere student in een partnerschap")

    def __str__(self) -> str:
        return f"{self.partnership or self.region}: {self.target_share}% in {self.target_year}"


class RetentionRule(models.Model):
    """How long a kind of record is kept after its school year ended (AVG). Kept by the platform administrator;
    `purge_students` removes what has passed its term."""

    class RecordType(models.TextChoices):
        STUDENTS = "students", _("studentgegevens")
        STATEMENTS = "statements", _("verantwoordingen telling (gepseudonimiseerd)")
        EXPORT_LOG = "export_log", _("logboek van exports van persoonsgegevens")

    record_type = models.CharField(_("soort gegevens"), max_length=20, choices=RecordType.choices, unique=True)
    months = models.PositiveIntegerField(
        _("bewaartermijn (maanden)"), help_text=_("Gerekend vanaf het einde van het studiejaar van het gegeven.")
    )
    basis = models.TextField(_("grondslag"), blank=True)

    class Meta:
        ordering = ["record_type"]
        verbose_name = _("bewaartermijn")
        verbose_name_plural = _("bewaartermijnen")

    def __str__(self) -> str:
        return f"{self.get_record_type_display()}: {self.months}"
