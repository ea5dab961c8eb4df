"""Placements: the places schools offer, the shortage and oversupplied subjects, students' and schools'
preferences, matching rounds with their runs, and the placements they end in.

The matching itself is done by the engine (`engine/`, no Django); these models hold what it is fed and what it
gave back. Students are those of the students module (`students.Student`): pseudonymised, by student number.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.models import VersionedModel
from samenopleiden.students.models import school_year_validator

pc4_validator = RegexValidator(r"^[1-9][0-9]{3}$", _("Een postcode van vier cijfers, bijvoorbeeld 9712."))
DAYS = [("ma", _("maandag")), ("di", _("dinsdag")), ("wo", _("woensdag")), ("do", _("donderdag")), ("vr", _("vrijdag"))]
DAY_CODES = [code for code, _label in DAYS]


def validate_days(value: str) -> None:
    """Days as the offices write them: comma-separated codes (ma, di, wo, do, vr); empty is allowed."""
    codes = [d.strip() for d in value.split(",") if d.strip()]
    wrong = [d for d in codes if d not in DAY_CODES]
    if wrong:
        raise ValidationError(
            _("Onbekende dag(en): %(days)s. Gebruik ma, di, wo, do en vr.") % {"days": ", ".join(wrong)}
        )


class Period(models.TextChoices):
    YEAR = "jaar", _("heel studiejaar")
    FIRST = "semester-1", _("eerste semester")
    SECOND = "semester-2", _("tweede semester")


class PostcodeArea(models.Model):
    """The centre of a four-digit postcode area, to measure travel distance (straight line). Reference data
    for the whole platform, loaded with `import_postcodes` from an open data file."""

    code = models.CharField(_("postcode (4 cijfers)"), max_length=4, primary_key=True, validators=[pc4_validator])
    latitude = models.FloatField(_("breedtegraad"))
    longitude = models.FloatField(_("lengtegraad"))
    place = models.CharField(_("plaats"), max_length=100, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")

    def __str__(self) -> str:
        return f"{self.code} {self.place}".strip()


class SubjectStatus(models.Model):
    """A subject the partnership (or its region) marks as a shortage subject, or as oversupplied."""

    class Status(models.TextChoices):
        SHORTAGE = "tekort", _("tekortvak")
        OVERSUPPLIED = "overschot", _("overschotvak")

    partnership = models.ForeignKey(
        "registry.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="subject_statuses"
    )
    region = models.ForeignKey(
        "registry.Region", null=True, blank=True, on_delete=models.CASCADE, related_name="subject_statuses"
    )
    subject = models.CharField(_("vak"), max_length=100)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)

    class Meta:
        ordering = ["status", "subject"]
        constraints = [
            models.CheckConstraint(
                condition=Q(partnership__isnull=False, region__isnull=True)
                | Q(partnership__isnull=True, region__isnull=False),
                name="subject_status_one_owner",
            ),
            models.UniqueConstraint(fields=["partnership", "subject"], name="unique_subject_per_partnership"),
            models.UniqueConstraint(fields=["region", "subject"], name="unique_subject_per_region"),
        ]
        verbose_name = _("tekort- of overschotvak")
        verbose_name_plural = _("tekort- en overschotvakken")

    def __str__(self) -> str:
        return f"{self.subject} ({self.get_status_display()})"


class CapacityOffer(VersionedModel):
    """Places one section (a subject; for primary education the whole school) of a school offers in a school
    year and period."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="offers")
    school_year = models.CharField(_("studiejaar"), max_length=9, validators=[school_year_validator])
    period = models.CharField(_("periode"), max_length=12, choices=Period.choices, default=Period.YEAR)
    school = models.ForeignKey("registry.School", on_delete=models.CASCADE, related_name="offers")
    subject = models.CharField(
        _("vak"), max_length=100, blank=True, help_text=_("Leeg in het primair onderwijs: de hele school.")
    )
    places = models.PositiveSmallIntegerField(_("plaatsen"), validators=[MaxValueValidator(500)])
    required_days = models.CharField(
        _("vaste dagen op school"),
        max_length=20,
        blank=True,
        validators=[validate_days],
        help_text=_("Dagen waarop de student er moet zijn, bijvoorbeeld di voor de leergemeenschap."),
    )
    reserved_places = models.PositiveSmallIntegerField(_("gereserveerde plaatsen"), default=0)
    reserved_category = models.CharField(
        _("gereserveerd voor"),
        max_length=20,
        blank=True,
        choices=[("deeltijd", _("deeltijdstudenten")), ("zij-instroom", _("zij-instromers")), ("duaal", _("duaal"))],
    )
    under_pressure = models.BooleanField(
        _("sectie onder druk"), default=False, help_text=_("De sectie heeft weinig ruimte om te begeleiden.")
    )
    note = models.CharField(_("opmerking"), max_length=300, blank=True)

    class Meta:
        ordering = ["school__name", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "school_year", "period", "school", "subject"], name="unique_offer"
            )
        ]
        verbose_name = _("aanbod van plaatsen")
        verbose_name_plural = _("aanbod van plaatsen")

    def __str__(self) -> str:
        return f"{self.school.name} {self.subject or ''} ({self.places})".strip()

    def clean(self) -> None:
        if self.reserved_places and not self.reserved_category:
            raise ValidationError({"reserved_category": _("Zeg voor wie de gereserveerde plaatsen zijn.")})
        if self.places is not None and self.reserved_places > self.places:
            raise ValidationError({"reserved_places": _("Er kunnen niet meer plaatsen gereserveerd zijn dan er zijn.")})


class ClusterCap(models.Model):
    """A cluster's cap on places in a school year and period, when it differs from the cluster's target, and the
    places of it kept for shortage subjects."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    cluster = models.ForeignKey("registry.Cluster", on_delete=models.CASCADE, related_name="caps")
    school_year = models.CharField(_("studiejaar"), max_length=9, validators=[school_year_validator])
    period = models.CharField(_("periode"), max_length=12, choices=Period.choices, default=Period.YEAR)
    places = models.PositiveSmallIntegerField(_("plaatsen in het cluster"))
    shortage_reserved = models.PositiveSmallIntegerField(_("plaatsen alleen voor tekortvakken"), default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cluster", "school_year", "period"], name="unique_cluster_cap")]
        verbose_name = _("plafond van een cluster")
        verbose_name_plural = _("plafonds van clusters")

    def __str__(self) -> str:
        return f"{self.cluster}: {self.places}"


class Preference(VersionedModel):
    """What a student asks of a placement in a period: ranked wishes (`Wish`), the days they can be at school, a
    denomination or concept, the farthest they will travel from their postcode, last year's school type."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    student = models.ForeignKey("students.Student", on_delete=models.CASCADE, related_name="preferences")
    period = models.CharField(_("periode"), max_length=12, choices=Period.choices, default=Period.YEAR)
    available_days = models.CharField(
        _("beschikbare dagen"),
        max_length=20,
        blank=True,
        validators=[validate_days],
        help_text=_("Leeg: elke dag (voltijd)."),
    )
    denominations = models.CharField(_("gewenste denominatie(s)"), max_length=200, blank=True)
    concepts = models.CharField(_("gewenst onderwijsconcept"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode (4 cijfers)"), max_length=4, blank=True, validators=[pc4_validator])
    max_km = models.PositiveSmallIntegerField(
        _("maximale reisafstand (km)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    previous_school_type = models.CharField(_("soort school vorig jaar"), max_length=40, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["student", "period"], name="unique_preference")]
        verbose_name = _("voorkeur van een student")
        verbose_name_plural = _("voorkeuren van studenten")

    def __str__(self) -> str:
        return f"{self.student} {self.period}"


class Wish(models.Model):
    """One ranked wish of a student: a school or a cluster."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    preference = models.ForeignKey(Preference, on_delete=models.CASCADE, related_name="wishes")
    rank = models.PositiveSmallIntegerField(_("volgorde"), validators=[MinValueValidator(1), MaxValueValidator(20)])
    school = models.ForeignKey("registry.School", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    cluster = models.ForeignKey("registry.Cluster", null=True, blank=True, on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["preference", "rank"]
        constraints = [
            models.CheckConstraint(
                condition=Q(school__isnull=False, cluster__isnull=True) | Q(school__isnull=True, cluster__isnull=False),
                name="wish_school_or_cluster",
            ),
            models.UniqueConstraint(fields=["preference", "rank"], name="unique_wish_rank"),
        ]
        verbose_name = _("wens")
        verbose_name_plural = _("wensen")

    def __str__(self) -> str:
        return f"{self.rank}. {self.school or self.cluster}"


class MatchingRound(VersionedModel):
    """A matching round for one school year and period: its mode, weights, the rankings of schools, locks set
    by hand, its runs, and (once confirmed) the placements it made."""

    class Mode(models.TextChoices):
        ASSIGN = "assign", _("toewijzen (het instituut plaatst)")
        MARKET = "market", _("stagemarkt (beide kanten kiezen)")
        MIX = "mix", _("gemengd (eerst de markt, dan toewijzen)")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        CONFIRMED = "bevestigd", _("bevestigd")

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="rounds")
    name = models.CharField(_("naam"), max_length=200)
    school_year = models.CharField(_("studiejaar"), max_length=9, validators=[school_year_validator])
    period = models.CharField(_("periode"), max_length=12, choices=Period.choices, default=Period.YEAR)
    institute = models.ForeignKey(
        "registry.Institute",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("alleen studenten van"),
        help_text=_("Leeg: de studenten van alle lerarenopleidingen van het partnerschap."),
    )
    mode = models.CharField(_("werkwijze"), max_length=10, choices=Mode.choices, default=Mode.ASSIGN)
    weights = models.JSONField(_("gewichten"), default=dict, blank=True)
    band = models.PositiveSmallIntegerField(
        _("marge rond de verdeelsleutel (%)"), default=10, validators=[MaxValueValidator(100)]
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_run = models.ForeignKey(
        "RoundRun", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("bevestigde run")
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("plaatsingsronde")
        verbose_name_plural = _("plaatsingsrondes")

    def __str__(self) -> str:
        return self.name


class SchoolRanking(models.Model):
    """A school's order of students in a market round (after a speed date or placement market)."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(MatchingRound, on_delete=models.CASCADE, related_name="rankings")
    school = models.ForeignKey("registry.School", on_delete=models.CASCADE, related_name="+")
    student = models.ForeignKey("students.Student", on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField(_("volgorde"), validators=[MinValueValidator(1)])
    only_ranked = models.BooleanField(_("alleen gerangschikte studenten"), default=False)

    class Meta:
        ordering = ["school", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["round", "school", "student"], name="unique_school_ranking"),
            models.UniqueConstraint(fields=["round", "school", "rank"], name="unique_school_ranking_rank"),
        ]
        verbose_name = _("rangorde van een school")
        verbose_name_plural = _("rangordes van scholen")

    def __str__(self) -> str:
        return f"{self.school}: {self.rank}. {self.student}"


class RoundLock(models.Model):
    """Set by hand on a round: this student gets this offer (lock), or never this offer (forbid)."""

    class Kind(models.TextChoices):
        LOCK = "vast", _("vastgezet")
        FORBID = "niet", _("uitgesloten")

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(MatchingRound, on_delete=models.CASCADE, related_name="locks")
    student = models.ForeignKey("students.Student", on_delete=models.CASCADE, related_name="+")
    offer = models.ForeignKey(CapacityOffer, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("soort"), max_length=4, choices=Kind.choices, default=Kind.LOCK)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "student", "offer"], name="unique_round_lock")]
        verbose_name = _("handmatige keuze")
        verbose_name_plural = _("handmatige keuzes")

    def __str__(self) -> str:
        return f"{self.student} {self.get_kind_display()} {self.offer}"


class RoundRun(models.Model):
    """One run of the engine on a round: the background job, and the result as the engine gave it (the
    assignments with their explanations, and the figures)."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(MatchingRound, on_delete=models.CASCADE, related_name="runs")
    number = models.PositiveSmallIntegerField(_("run"))
    job = models.ForeignKey("core.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    result = models.JSONField(default=dict, blank=True)
    figures = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["round", "-number"]
        constraints = [models.UniqueConstraint(fields=["round", "number"], name="unique_run_number")]
        verbose_name = _("run van een ronde")
        verbose_name_plural = _("runs van rondes")

    def __str__(self) -> str:
        return f"{self.round} #{self.number}"


class Placement(models.Model):
    """A confirmed placement: this student at this school (section) in this period. What schools, clusters and
    educators see."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="placements")
    student = models.ForeignKey("students.Student", on_delete=models.CASCADE, related_name="placements")
    period = models.CharField(_("periode"), max_length=12, choices=Period.choices, default=Period.YEAR)
    offer = models.ForeignKey(CapacityOffer, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    school = models.ForeignKey("registry.School", on_delete=models.PROTECT, related_name="placements")
    cluster = models.ForeignKey("registry.Cluster", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    round = models.ForeignKey(
        MatchingRound, null=True, blank=True, on_delete=models.SET_NULL, related_name="placements"
    )
    explanation = models.TextField(_("toelichting"), blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["school__name", "student__student_number"]
        constraints = [models.UniqueConstraint(fields=["student", "period"], name="unique_placement_per_period")]
        verbose_name = _("plaatsing")
        verbose_name_plural = _("plaatsingen")

    def __str__(self) -> str:
        return f"{self.student} -> {self.school}"
