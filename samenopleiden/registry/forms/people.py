"""Forms for people, roles, credentials, governance bodies and local role names. Input shape only: the
rules (duplicates, affiliation, last lead) live in services.people."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.forms import DateInput, StyledFormMixin, VersionedFormMixin
from samenopleiden.registry.models import (
    Body,
    BodySeat,
    Cluster,
    Credential,
    Institute,
    Partnership,
    Person,
    Role,
    School,
)


class PersonForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Person
        fields = ["first_name", "last_name", "email", "phone", "school", "institute"]
        labels = {"institute": _("Lerarenopleiding")}
        help_texts = {
            "email": _("Nodig om de persoon toegang tot het platform te geven."),
            "school": _("Voor wie op een school werkt: een school van het partnerschap."),
            "institute": _("Voor wie bij een lerarenopleiding van het partnerschap werkt."),
        }

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        active = Q(memberships__partnership=partnership, memberships__end_date__isnull=True)
        keep_school = Q(pk=self.instance.school_id) if self.instance.school_id else Q(pk__in=[])
        keep_institute = Q(pk=self.instance.institute_id) if self.instance.institute_id else Q(pk__in=[])
        self.fields["school"].queryset = School.objects.filter(active | keep_school).distinct().order_by("name")
        self.fields["institute"].queryset = (
            Institute.objects.filter(active | keep_institute).distinct().order_by("name")
        )
        self.fields["school"].empty_label = _("(geen school)")
        self.fields["institute"].empty_label = _("(geen lerarenopleiding)")

    def validate_unique(self) -> None:
        """Duplicates are a domain rule with a clearer message (services.people.check_duplicate)."""


class RoleForm(StyledFormMixin, forms.Form):
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices)
    cluster = forms.ModelChoiceField(
        label=_("Cluster"), queryset=Cluster.objects.none(), required=False, empty_label=_("(geen cluster)")
    )
    start_date = forms.DateField(label=_("Begindatum"), required=False, widget=DateInput())
    end_date = forms.DateField(label=_("Einddatum"), required=False, widget=DateInput())

    def __init__(self, *args: Any, partnership: Partnership, labels: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(value, labels.get(value) or label) for value, label in Role.choices]
        self.fields["cluster"].queryset = partnership.clusters.order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("De einddatum ligt vóór de begindatum."))
        return data


class CredentialForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Credential
        fields = ["kind", "obtained_on", "expires_on", "reference"]
        widgets = {"obtained_on": DateInput(), "expires_on": DateInput()}
        help_texts = {"reference": _("Bijvoorbeeld het registratienummer of certificaatnummer.")}


class BodyForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Body
        fields = ["name", "kind", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def validate_unique(self) -> None:
        """Checked by services.people.body_save with a Dutch message."""


class SeatForm(StyledFormMixin, forms.Form):
    person = forms.ModelChoiceField(label=_("Persoon"), queryset=Person.objects.none())
    seat_role = forms.ChoiceField(label=_("Functie"), choices=BodySeat.SeatRole.choices, initial="member")

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = (
            Person.objects.filter(partnership_id=body.partnership_id)
            .exclude(seats__body=body)
            .order_by("last_name", "first_name")
        )


class RoleNamesForm(StyledFormMixin, forms.Form):
    """One input per canonical role; empty means: use the canonical name."""

    def __init__(self, *args: Any, current: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for value, label in Role.choices:
            self.fields[value] = forms.CharField(
                label=capfirst(label),
                max_length=100,
                required=False,
                initial=current.get(value, ""),
                help_text=_("Leeg laten: '%(name)s'.") % {"name": label},
            )
