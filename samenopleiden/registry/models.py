"""Who the partnership is: regions, partnerships, boards, schools, institutes, memberships, clusters,
people with their roles and credentials, and governance bodies.

Boards, schools and institutes are shared reference data (one board can be in two partnerships, an
institute in many); everything else belongs to exactly one partnership.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.models import VersionedModel

brin_validator = RegexValidator(
    r"^[0-9]{2}[A-Z]{2}$",
    _("Een BRIN-nummer bestaat uit twee cijfers en twee hoofdletters, bijvoorbeeld 12AB."),
)
branch_validator = RegexValidator(r"^[0-9]{2}$", _("Een vestigingsnummer bestaat uit twee cijfers, bijvoorbeeld 00."))
postcode_validator = RegexValidator(
    r"^[1-9][0-9]{3} ?[A-Z]{2}$",
    _("Een postcode bestaat uit vier cijfers en twee letters, bijvoorbeeld 9712 AB."),
)


class Sector(models.TextChoices):
    PO = "po", _("primair onderwijs")
    VO = "vo", _("voortgezet onderwijs")
    MBO = "mbo", _("middelbaar beroepsonderwijs")
    SO = "so", _("(voortgezet) speciaal onderwijs")


class Role(models.TextChoices):
    """The canonical roles. Each partnership may use its own name for each (LocalRoleName)."""

    WORKPLACE_SUPERVISOR = "workplace_supervisor", _("werkplekbegeleider")
    SCHOOL_TEACHER_EDUCATOR = "school_teacher_educator", _("schoolopleider")
    SCHOOL_COORDINATOR = "school_coordinator", _("schoolcoördinator")
    ASSESSOR = "assessor", _("assessor")
    INSTITUTE_TEACHER_EDUCATOR = "institute_teacher_educator", _("instituutsopleider")
    INSTITUTE_COORDINATOR = "institute_coordinator", _("instituutscoördinator")
    PROGRAMME_LEAD = "programme_lead", _("programmaleider")
    STEERING_MEMBER = "steering_member", _("stuurgroeplid")
    BOARD_MEMBER = "board_member", _("bestuurder")
    PLACEMENT_OFFICE = "placement_office", _("stagebureau")


class Region(models.Model):
    class Kind(models.TextChoices):
        ONDERWIJSREGIO = "onderwijsregio", _("onderwijsregio")
        EDUCATIEVE_REGIO = "educatieve_regio", _("educatieve regio")

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.ONDERWIJSREGIO)
    description = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")

    def __str__(self) -> str:
        return self.name


class Partnership(VersionedModel):
    class Status(models.TextChoices):
        ASPIRANT = "aspirant", _("aspirant")
        RECOGNISED = "erkend", _("erkend")

    name = models.CharField(_("naam"), max_length=300)
    short_name = models.CharField(_("korte naam"), max_length=60, blank=True)
    slug = models.SlugField(unique=True, max_length=80)
    sector_po = models.BooleanField(_("primair onderwijs"), default=False)
    sector_vo = models.BooleanField(_("voortgezet onderwijs"), default=False)
    sector_mbo = models.BooleanField(_("middelbaar beroepsonderwijs"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ASPIRANT)
    aspirant_since = models.DateField(_("aspirant sinds"), null=True, blank=True)
    recognised_since = models.DateField(_("erkend sinds"), null=True, blank=True)
    last_peer_review = models.DateField(_("laatste peer review"), null=True, blank=True)
    regions = models.ManyToManyField(Region, blank=True, related_name="partnerships", verbose_name=_("regio's"))
    website = models.URLField(_("website"), blank=True)
    vision = models.TextField(_("visie in het kort"), blank=True)
    max_schools_per_cluster = models.PositiveSmallIntegerField(
        _("maximum aantal scholen per cluster"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    lead_member = models.ForeignKey(
        "Membership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("penvoerder"),
    )
    is_public = models.BooleanField(_("zichtbaar in de openbare lijst"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partnerschap")
        verbose_name_plural = _("partnerschappen")

    def __str__(self) -> str:
        return self.name

    @property
    def sectors(self) -> list[str]:
        return [
            code
            for code, on in (
                ("po", self.sector_po),
                ("vo", self.sector_vo),
                ("mbo", self.sector_mbo),
            )
            if on
        ]

    @property
    def next_peer_review_due(self) -> dt.date | None:
        """Six years after the last review of a recognised partnership; four years after aspirant status."""
        if self.status == self.Status.RECOGNISED:
            base = self.last_peer_review or self.recognised_since
            return _add_years(base, 6) if base else None
        return _add_years(self.aspirant_since, 4) if self.aspirant_since else None

    def clean(self) -> None:
        if not (self.sector_po or self.sector_vo or self.sector_mbo):
            raise ValidationError(_("Kies minstens één sector."))
        if self.status == self.Status.RECOGNISED and not (self.recognised_since or self.last_peer_review):
            raise ValidationError({"recognised_since": _("Vul in sinds wanneer het partnerschap erkend is.")})
        if self.status == self.Status.ASPIRANT and not self.aspirant_since:
            raise ValidationError({"aspirant_since": _("Vul in sinds wanneer het partnerschap aspirant is.")})


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class LocalRoleName(models.Model):
    """A partnership's own name for a canonical role (e.g. 'opleidingscoördinator' for schoolopleider)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="role_names")
    role = models.CharField(_("rol"), max_length=40, choices=Role.choices)
    local_name = models.CharField(_("eigen benaming"), max_length=100)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partnership", "role"], name="unique_local_role_name")]
        verbose_name = _("eigen rolnaam")
        verbose_name_plural = _("eigen rolnamen")

    def __str__(self) -> str:
        return self.local_name


class SchoolBoard(VersionedModel):
    name = models.CharField(_("naam"), max_length=300)
    authority_code = models.CharField(
        _("bevoegd-gezagnummer"),
        max_length=10,
        blank=True,
        help_text=_("Het nummer van DUO, als u het weet."),
    )
    city = models.CharField(_("plaats"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority_code"],
                condition=~Q(authority_code=""),
                name="unique_board_authority_code",
            )
        ]
        verbose_name = _("schoolbestuur")
        verbose_name_plural = _("schoolbesturen")

    def __str__(self) -> str:
        return self.name


class School(VersionedModel):
    """A school location (vestiging), identified by BRIN + branch code."""

    brin = models.CharField(_("BRIN"), max_length=4, validators=[brin_validator])
    branch_code = models.CharField(_("vestigingsnummer"), max_length=2, default="00", validators=[branch_validator])
    name = models.CharField(_("naam"), max_length=300)
    board = models.ForeignKey(
        SchoolBoard,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="schools",
        verbose_name=_("bestuur"),
    )
    sector = models.CharField(_("sector"), max_length=4, choices=Sector.choices, default=Sector.PO)
    denomination = models.CharField(_("denominatie"), max_length=100, blank=True)
    concept = models.CharField(_("onderwijsconcept"), max_length=100, blank=True)
    street = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("plaats"), max_length=100, blank=True)
    municipality = models.CharField(_("gemeente"), max_length=100, blank=True, db_index=True)
    website = models.CharField(_("website"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["brin", "branch_code"], name="unique_school_brin_branch")]
        verbose_name = _("school")
        verbose_name_plural = _("scholen")

    def __str__(self) -> str:
        return f"{self.name} ({self.brin_code})"

    @property
    def brin_code(self) -> str:
        return f"{self.brin}{self.branch_code}"


class Institute(VersionedModel):
    class Level(models.TextChoices):
        HBO = "hbo", _("hbo")
        WO = "wo", _("wo")

    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Korte code, bijvoorbeeld nhlstenden."),
    )
    name = models.CharField(_("naam"), max_length=300)
    level = models.CharField(_("niveau"), max_length=3, choices=Level.choices)
    city = models.CharField(_("plaats"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("lerarenopleiding")
        verbose_name_plural = _("lerarenopleidingen")

    def __str__(self) -> str:
        return self.name


class Programme(models.Model):
    institute = models.ForeignKey(Institute, on_delete=models.CASCADE, related_name="programmes")
    name = models.CharField(_("naam"), max_length=200)
    sector = models.CharField(_("sector"), max_length=4, choices=Sector.choices, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["institute", "name"], name="unique_programme_name")]
        verbose_name = _("opleiding")
        verbose_name_plural = _("opleidingen")

    def __str__(self) -> str:
        return f"{self.name} ({self.institute})"


class Membership(VersionedModel):
    """A board, school or institute taking part in a partnership; exactly one of the three is set."""

    class Role(models.TextChoices):
        PARTNER = "partner", _("partner")
        ASPIRANT = "aspirant", _("aspirant-partner")
        SATELLITE = "satellite", _("satellietschool (schil)")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="memberships")
    board = models.ForeignKey(
        SchoolBoard,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    school = models.ForeignKey(
        School,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    institute = models.ForeignKey(
        Institute,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("soort deelname"), max_length=10, choices=Role.choices, default=Role.PARTNER)
    start_date = models.DateField(_("begindatum"), null=True, blank=True)
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    agreement_signed_on = models.DateField(_("convenant getekend op"), null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(board__isnull=False, school__isnull=True, institute__isnull=True)
                    | Q(board__isnull=True, school__isnull=False, institute__isnull=True)
                    | Q(board__isnull=True, school__isnull=True, institute__isnull=False)
                ),
                name="membership_exactly_one_party",
            ),
            models.UniqueConstraint(fields=["partnership", "board"], name="unique_board_membership"),
            models.UniqueConstraint(fields=["partnership", "school"], name="unique_school_membership"),
            models.UniqueConstraint(fields=["partnership", "institute"], name="unique_institute_membership"),
        ]
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")

    def __str__(self) -> str:
        return str(self.party)

    @property
    def party(self) -> SchoolBoard | School | Institute:
        return self.board or self.school or self.institute  # type: ignore[return-value]

    @property
    def kind(self) -> str:
        return "board" if self.board_id else "school" if self.school_id else "institute"

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("De einddatum ligt vóór de begindatum.")})


class Cluster(VersionedModel):
    """An opleidingscluster: schools of one board that offer training places together."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="clusters")
    board = models.ForeignKey(
        SchoolBoard,
        on_delete=models.PROTECT,
        related_name="clusters",
        verbose_name=_("bestuur"),
    )
    name = models.CharField(_("naam"), max_length=200)
    target_places = models.PositiveSmallIntegerField(_("beoogd aantal opleidingsplaatsen"), default=12)
    schools = models.ManyToManyField(School, blank=True, related_name="clusters", verbose_name=_("scholen"))

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["partnership", "name"], name="unique_cluster_name")]
        verbose_name = _("opleidingscluster")
        verbose_name_plural = _("opleidingsclusters")

    def __str__(self) -> str:
        return self.name


class Person(VersionedModel):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="people")
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("achternaam"), max_length=150)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    school = models.ForeignKey(
        School,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("school"),
    )
    institute = models.ForeignKey(
        Institute,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("instituut"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )

    class Meta:
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "email"],
                condition=~Q(email=""),
                name="unique_person_email_per_partnership",
            )
        ]
        indexes = [models.Index(fields=["partnership", "last_name"])]
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class RoleAssignment(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("rol"), max_length=40, choices=Role.choices)
    cluster = models.ForeignKey(
        Cluster,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="role_assignments",
        verbose_name=_("cluster"),
    )
    start_date = models.DateField(_("begindatum"), null=True, blank=True)
    end_date = models.DateField(_("einddatum"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "role", "cluster"],
                condition=Q(cluster__isnull=False),
                name="unique_role_per_person_cluster",
            ),
            models.UniqueConstraint(
                fields=["person", "role"], condition=Q(cluster__isnull=True), name="unique_role_per_person_no_cluster"
            ),
        ]
        indexes = [models.Index(fields=["partnership", "role"])]
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()}"

    def is_current(self, on: dt.date) -> bool:
        return (self.start_date is None or self.start_date <= on) and (self.end_date is None or self.end_date >= on)


class Credential(models.Model):
    class Kind(models.TextChoices):
        BRLO = "brlo", _("BRLO-registratie")
        ASSESSOR = "assessor", _("assessorcertificaat")
        SUPERVISION = "supervision", _("scholing begeleidingsvaardigheden")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="credentials")
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="credentials")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    obtained_on = models.DateField(_("behaald op"), null=True, blank=True)
    expires_on = models.DateField(_("verloopt op"), null=True, blank=True, db_index=True)
    reference = models.CharField(_("kenmerk"), max_length=100, blank=True)

    class Meta:
        ordering = ["expires_on"]
        verbose_name = _("bekwaamheid")
        verbose_name_plural = _("bekwaamheden")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.person}"

    def clean(self) -> None:
        if self.obtained_on and self.expires_on and self.expires_on < self.obtained_on:
            raise ValidationError({"expires_on": _("De vervaldatum ligt vóór de datum waarop het is behaald.")})


class Body(models.Model):
    """A governance body (gremium) of the partnership."""

    class Kind(models.TextChoices):
        STEERING_GROUP = "stuurgroep", _("stuurgroep")
        BOARD_NETWORK = "bestuurdersnetwerk", _("bestuurdersnetwerk")
        DIRECTION_GROUP = "regiegroep", _("regiegroep")
        WORKING_GROUP = "werkgroep", _("werkgroep")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="bodies")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("taak"), blank=True)

    class Meta:
        ordering = ["kind", "name"]
        constraints = [models.UniqueConstraint(fields=["partnership", "name"], name="unique_body_name")]
        verbose_name = _("gremium")
        verbose_name_plural = _("gremia")

    def __str__(self) -> str:
        return self.name


class BodySeat(models.Model):
    class SeatRole(models.TextChoices):
        CHAIR = "chair", _("voorzitter")
        MEMBER = "member", _("lid")
        SECRETARY = "secretary", _("secretaris")

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="seats")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="seats")
    seat_role = models.CharField(_("functie"), max_length=10, choices=SeatRole.choices, default=SeatRole.MEMBER)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["body", "person"], name="unique_body_seat")]
        verbose_name = _("zetel")
        verbose_name_plural = _("zetels")

    def __str__(self) -> str:
        return f"{self.person} ({self.get_seat_role_display()})"
