"""Models of the growth module: the growth workspace, the variant matrix and onboarding of new partners.

- The workspace: what a partnership prepares for a conversation about growth. Student numbers, places and partners
  come from the other modules; the catchment (`GrowthProfile`), the forecast of requested places
  (`PlacesForecast`) and the regional tables it works with (`RegionalTable`) are entered here.
- The variant matrix: seven ways to grow (`GrowthVariant`, platform-wide, kept by the platform administrator) and
  the partnership's judgement of how each fits (`VariantScore`).
- Onboarding: the platform's process template (`OnboardingStepTemplate`), a joining board or school
  (`Candidate`) and its steps (`CandidateStep`).
"""

from __future__ import annotations

import datetime as dt

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.models import VersionedModel

__all__ = [
    "Candidate",
    "CandidateStep",
    "GrowthProfile",
    "GrowthVariant",
    "OnboardingStepTemplate",
    "PlacesForecast",
    "RegionalTable",
    "VariantScore",
]


def _school_year_validator(value: str) -> None:
    from django.core.exceptions import ValidationError

    from samenopleiden.students import schoolyear

    if schoolyear.parse(value) != value:
        raise ValidationError(_("Schrijf het schooljaar als 2026-2027."))


# --- the workspace -----------------------------------------------------------------------------------------


class GrowthProfile(VersionedModel):
    """What the partnership writes down about its region before a conversation about growth."""

    partnership = models.OneToOneField("registry.Partnership", on_delete=models.CASCADE, related_name="growth_profile")
    catchment = models.TextField(
        _("verzorgingsgebied"),
        blank=True,
        help_text=_("Uit welk gebied komen de studenten en waar liggen de scholen? Gemeenten, reisafstanden, grenzen."),
    )
    education_region = models.TextField(
        _("onderwijsregio"),
        blank=True,
        help_text=_("Hoe de regio is afgebakend waarin arbeidsmarkt, samen opleiden en kennis samenkomen."),
    )
    regional_agenda = models.TextField(
        _("regionale agenda"),
        blank=True,
        help_text=_("Gezamenlijke plannen en ambities in de regio, voor zover bekend."),
    )

    class Meta:
        verbose_name = _("groeiwerkruimte")
        verbose_name_plural = _("groeiwerkruimtes")

    def __str__(self) -> str:
        return str(_("Groeiwerkruimte van %(name)s") % {"name": self.partnership})


class PlacesForecast(VersionedModel):
    """The number of training places the partnership expects to be asked for in a school year."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="places_forecasts")
    school_year = models.CharField(_("schooljaar"), max_length=9, validators=[_school_year_validator])
    places = models.PositiveIntegerField(_("gevraagde plaatsen"), validators=[MaxValueValidator(100000)])
    note = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        ordering = ["school_year"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "school_year"], name="growth_forecast_unique_year")
        ]
        verbose_name = _("prognose gevraagde plaatsen")
        verbose_name_plural = _("prognoses gevraagde plaatsen")

    def __str__(self) -> str:
        return f"{self.school_year}: {self.places}"


class RegionalTable(VersionedModel):
    """A table in the regional infrastructure: another partnership, an academy, a network, an alliance."""

    class Kind(models.TextChoices):
        PARTNERSHIP = "partnerschap", _("ander partnerschap")
        ACADEMY = "academie", _("academie of huisacademie")
        NETWORK = "netwerk", _("onderwijsnetwerk")
        LABOUR = "ral-rap", _("regionale aanpak lerarentekort (RAL/RAP)")
        ALLIANCE = "alliantie", _("regionale alliantie")
        GOVERNMENT = "overheid", _("gemeente of provincie")
        OTHER = "anders", _("anders")

    class Position(models.TextChoices):
        LEADS = "trekker", _("trekker of voorzitter")
        MEMBER = "lid", _("lid")
        GUEST = "toehoorder", _("toehoorder of op uitnodiging")
        ABSENT = "afwezig", _("niet aan tafel")

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="regional_tables")
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.NETWORK)
    position = models.CharField(
        _("positie van het partnerschap"), max_length=20, choices=Position.choices, default=Position.MEMBER
    )
    represented_by = models.CharField(
        _("wie vertegenwoordigt het partnerschap"), max_length=200, blank=True, help_text=_("Naam of functie.")
    )
    contact = models.CharField(_("contactpersoon aan die tafel"), max_length=200, blank=True)
    note = models.TextField(_("opmerking"), blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("regionale tafel")
        verbose_name_plural = _("regionale tafels")

    def __str__(self) -> str:
        return self.name


# --- the variant matrix ------------------------------------------------------------------------------------


class GrowthVariant(models.Model):
    """A way to grow, with what to weigh in each dimension. Platform-wide: the same seven for every partnership,
    kept by the platform administrator. Lists are one item per line."""

    code = models.SlugField(_("code"), unique=True, max_length=40)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    name = models.CharField(_("naam"), max_length=200)
    summary = models.TextField(_("in het kort"), blank=True)
    governance = models.TextField(_("bestuur en afspraken"), blank=True)
    finance = models.TextField(_("financiën"), blank=True)
    organisation = models.TextField(_("organisatie en coördinatie"), blank=True)
    support = models.TextField(_("visie en draagvlak"), blank=True)
    quality = models.TextField(_("kwaliteit"), blank=True)
    advantages = models.TextField(_("voordelen"), blank=True)
    disadvantages = models.TextField(_("nadelen"), blank=True)
    questions = models.TextField(_("vragen om te bespreken"), blank=True)
    is_active = models.BooleanField(_("tonen"), default=True)

    DIMENSIONS = ("governance", "finance", "organisation", "support", "quality")

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("groeivariant")
        verbose_name_plural = _("groeivarianten")

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def lines(text: str) -> list[str]:
        return [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]


class VariantScore(VersionedModel):
    """How well a variant fits the partnership, and why."""

    class Fit(models.IntegerChoices):
        NOT = 1, _("past niet")
        HARDLY = 2, _("past nauwelijks")
        PARTLY = 3, _("past deels")
        WELL = 4, _("past goed")
        VERY_WELL = 5, _("past heel goed")

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="variant_scores")
    variant = models.ForeignKey(GrowthVariant, on_delete=models.CASCADE, related_name="scores")
    fit = models.PositiveSmallIntegerField(
        _("hoe goed past deze variant"),
        choices=Fit.choices,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    reasoning = models.TextField(_("onderbouwing"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partnership", "variant"], name="growth_variant_score_unique")]
        verbose_name = _("beoordeling van een groeivariant")
        verbose_name_plural = _("beoordelingen van groeivarianten")

    def __str__(self) -> str:
        return f"{self.variant}: {self.get_fit_display()}"


# --- onboarding of new partners ----------------------------------------------------------------------------


class OnboardingStepTemplate(models.Model):
    """A step of the joining process every new candidate gets, with the rule for its deadline. Platform-wide,
    kept by the platform administrator; a partnership changes a candidate's own steps."""

    class Rule(models.TextChoices):
        AFTER_INTAKE = "na-start-gesprek", _("dagen na het eerste contact")
        BEFORE_START = "voor-aansluiting", _("dagen vóór de aansluiting")
        FIXED = "vaste-datum", _("vaste datum in het jaar van aansluiting")

    code = models.SlugField(_("code"), unique=True, max_length=40)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("stap"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)
    rule = models.CharField(_("termijn"), max_length=20, choices=Rule.choices, default=Rule.AFTER_INTAKE)
    days = models.PositiveSmallIntegerField(_("aantal dagen"), default=0)
    month = models.PositiveSmallIntegerField(
        _("maand"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    day = models.PositiveSmallIntegerField(
        _("dag"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    is_active = models.BooleanField(_("gebruiken"), default=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("stap van het toetredingsproces")
        verbose_name_plural = _("stappen van het toetredingsproces")

    def __str__(self) -> str:
        return self.title


class Candidate(VersionedModel):
    """A board, school or institute that is joining the partnership."""

    class Kind(models.TextChoices):
        BOARD = "bestuur", _("schoolbestuur")
        SCHOOL = "school", _("school")
        INSTITUTE = "instituut", _("lerarenopleiding")
        OTHER = "anders", _("anders")

    class Status(models.TextChoices):
        ACTIVE = "lopend", _("loopt")
        JOINED = "toegetreden", _("toegetreden")
        STOPPED = "gestopt", _("gestopt")

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="candidates")
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.BOARD)
    contact_name = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mailadres contactpersoon"), blank=True)
    owner = models.ForeignKey(
        "registry.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="growth_candidates",
        verbose_name=_("begeleider vanuit het partnerschap"),
        help_text=_("Krijgt de herinneringen over de stappen."),
    )
    start_year = models.CharField(_("sluit aan in schooljaar"), max_length=9, validators=[_school_year_validator])
    intake_date = models.DateField(_("eerste contact"), help_text=_("Hiervan hangen de eerste termijnen af."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    note = models.TextField(_("opmerking"), blank=True)

    class Meta:
        ordering = ["start_year", "name", "pk"]
        verbose_name = _("toetreder")
        verbose_name_plural = _("toetreders")

    def __str__(self) -> str:
        return self.name

    @property
    def start_date(self) -> dt.date:
        from samenopleiden.students import schoolyear

        return schoolyear.start(self.start_year)


class CandidateStep(VersionedModel):
    """One step of a candidate's joining process: a deadline, and the day it was done."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="candidate_steps")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("stap"), max_length=200)
    deadline = models.DateField(_("uiterlijk"), null=True, blank=True)
    done_on = models.DateField(_("gedaan op"), null=True, blank=True)
    note = models.TextField(_("opmerking"), blank=True)

    class Meta:
        ordering = ["order", "deadline", "pk"]
        indexes = [models.Index(fields=["partnership", "done_on", "deadline"])]
        verbose_name = _("stap van een toetreder")
        verbose_name_plural = _("stappen van toetreders")

    def __str__(self) -> str:
        return self.title
