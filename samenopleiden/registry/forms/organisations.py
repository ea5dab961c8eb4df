from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.forms import DateInput, StyledFormMixin, VersionedFormMixin
from samenopleiden.registry.models import (
    Cluster,
    Institute,
    Membership,
    Partnership,
    Programme,
    Region,
    School,
    SchoolBoard,
    branch_validator,
    brin_validator,
)


class PartnershipForm(VersionedFormMixin, forms.ModelForm):
    new_region = forms.CharField(
        label=_("Nieuwe educatieve regio toevoegen"),
        max_length=200,
        required=False,
        help_text=_("Staat uw regio niet in de lijst? Vul hier de naam in."),
    )

    class Meta:
        model = Partnership
        fields = [
            "name",
            "short_name",
            "sector_po",
            "sector_vo",
            "sector_mbo",
            "status",
            "aspirant_since",
            "recognised_since",
            "last_peer_review",
            "regions",
            "website",
            "vision",
            "max_schools_per_cluster",
            "lead_member",
            "is_public",
        ]
        widgets = {
            "aspirant_since": DateInput(),
            "recognised_since": DateInput(),
            "last_peer_review": DateInput(),
            "regions": forms.CheckboxSelectMultiple,
            "vision": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["regions"].queryset = Region.objects.order_by("name")
        self.fields["lead_member"].queryset = self.instance.memberships.select_related("board", "school", "institute")
        self.fields["lead_member"].label_from_instance = lambda mb: str(mb.party)


class MembershipFieldsForm(StyledFormMixin, forms.Form):
    role = forms.ChoiceField(label=_("Soort deelname"), choices=Membership.Role.choices, initial="partner")
    start_date = forms.DateField(label=_("Begindatum"), required=False, widget=DateInput())
    agreement_signed_on = forms.DateField(label=_("Convenant getekend op"), required=False, widget=DateInput())


class BoardAddForm(MembershipFieldsForm):
    existing = forms.ModelChoiceField(
        label=_("Bestaand schoolbestuur"),
        queryset=SchoolBoard.objects.none(),
        required=False,
        help_text=_("Kies een bestuur dat al op het platform staat, of vul hieronder een nieuw bestuur in."),
    )
    name = forms.CharField(label=_("Naam van een nieuw bestuur"), max_length=300, required=False)
    authority_code = forms.CharField(label=_("Bevoegd-gezagnummer"), max_length=10, required=False)
    city = forms.CharField(label=_("Plaats"), max_length=100, required=False)
    field_order = ["existing", "name", "authority_code", "city", "role", "start_date", "agreement_signed_on"]

    def __init__(self, *args: Any, partnership: Partnership, search: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        boards = SchoolBoard.objects.exclude(memberships__partnership=partnership).order_by("name")
        if search:
            boards = boards.filter(name__icontains=search)
            self.fields["existing"].help_text = _(
                "Besturen waarvan de naam '%(search)s' bevat. Staat het bestuur er niet bij, vul dan hieronder "
                "een nieuw bestuur in."
            ) % {"search": search}
        self.fields["existing"].queryset = boards

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("existing") and not data.get("name"):
            raise forms.ValidationError(_("Kies een bestaand bestuur of vul de naam van een nieuw bestuur in."))
        return data


class BoardForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = SchoolBoard
        fields = ["name", "authority_code", "city", "website"]


class SchoolAddForm(MembershipFieldsForm):
    brin = forms.CharField(
        label=_("BRIN"), max_length=4, help_text=_("Twee cijfers en twee letters, bijvoorbeeld 12AB.")
    )
    branch_code = forms.CharField(
        label=_("Vestigingsnummer"),
        max_length=2,
        initial="00",
        validators=[branch_validator],
        help_text=_("Twee cijfers, bijvoorbeeld 00 voor de hoofdvestiging."),
    )
    name = forms.CharField(
        label=_("Naam"),
        max_length=300,
        required=False,
        help_text=_("Alleen nodig als de school nog niet op het platform staat (bijvoorbeeld uit het DUO-bestand)."),
    )
    board = forms.ModelChoiceField(label=_("Bestuur"), queryset=SchoolBoard.objects.none(), required=False)
    sector = forms.ChoiceField(label=_("Sector"), choices=School._meta.get_field("sector").choices, initial="po")
    denomination = forms.CharField(label=_("Denominatie"), max_length=100, required=False)
    concept = forms.CharField(label=_("Onderwijsconcept"), max_length=100, required=False)
    street = forms.CharField(label=_("Straat en huisnummer"), max_length=200, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=7, required=False)
    city = forms.CharField(label=_("Plaats"), max_length=100, required=False)
    municipality = forms.CharField(label=_("Gemeente"), max_length=100, required=False)
    field_order = [
        "brin",
        "branch_code",
        "name",
        "board",
        "sector",
        "denomination",
        "concept",
        "street",
        "postcode",
        "city",
        "municipality",
        "role",
        "start_date",
        "agreement_signed_on",
    ]

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["board"].queryset = SchoolBoard.objects.filter(memberships__partnership=partnership)

    def clean_brin(self) -> str:
        brin = self.cleaned_data["brin"].strip().upper()
        brin_validator(brin)
        return brin


class SchoolForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = School
        fields = [
            "name",
            "board",
            "sector",
            "denomination",
            "concept",
            "street",
            "postcode",
            "city",
            "municipality",
            "website",
        ]


class InstituteAddForm(MembershipFieldsForm):
    existing = forms.ModelChoiceField(
        label=_("Bestaande lerarenopleiding"), queryset=Institute.objects.none(), required=False
    )
    code = forms.SlugField(label=_("Code van een nieuwe opleiding"), max_length=40, required=False)
    name = forms.CharField(label=_("Naam"), max_length=300, required=False)
    level = forms.ChoiceField(label=_("Niveau"), choices=Institute.Level.choices, required=False)
    city = forms.CharField(label=_("Plaats"), max_length=100, required=False)
    field_order = ["existing", "code", "name", "level", "city", "role", "start_date", "agreement_signed_on"]

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["existing"].queryset = Institute.objects.exclude(memberships__partnership=partnership)
        self.fields["role"].choices = [c for c in Membership.Role.choices if c[0] != "satellite"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("existing") and not (data.get("code") and data.get("name") and data.get("level")):
            raise forms.ValidationError(
                _("Kies een bestaande lerarenopleiding, of vul code, naam en niveau van een nieuwe in.")
            )
        return data


class InstituteForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Institute
        fields = ["name", "level", "city", "website"]


class ProgrammeForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["name", "sector"]


class MembershipForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "start_date", "end_date", "agreement_signed_on"]
        widgets = {"start_date": DateInput(), "end_date": DateInput(), "agreement_signed_on": DateInput()}


class ClusterForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Cluster
        fields = ["name", "board", "target_places"]

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["board"].queryset = SchoolBoard.objects.filter(memberships__partnership=partnership)
        if self.instance.pk:
            self.fields["board"].disabled = True
            self.fields["board"].help_text = _("Het bestuur van een bestaande cluster ligt vast.")


class ClusterSchoolForm(StyledFormMixin, forms.Form):
    school = forms.ModelChoiceField(label=_("School toevoegen"), queryset=School.objects.none())

    def __init__(self, *args: Any, cluster: Cluster, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = (
            School.objects.filter(
                memberships__partnership_id=cluster.partnership_id, memberships__end_date__isnull=True
            )
            .exclude(clusters=cluster)
            .select_related("board")
            .order_by("name")
        )
        self.fields["school"].label_from_instance = lambda s: f"{s.name} ({s.brin_code}, {s.board or '-'})"
        # offer only the schools that fit (the cluster's board); the service still checks whatever is posted
        fitting = self.fields["school"].queryset.filter(board_id=cluster.board_id)
        self.fields["school"].widget.choices = [("", _("Kies een school van dit bestuur"))] + [
            (school.pk, f"{school.name} ({school.brin_code})") for school in fitting
        ]
        self.has_choices = len(self.fields["school"].widget.choices) > 1
