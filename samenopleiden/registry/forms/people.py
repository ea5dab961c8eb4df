from __future__ import annotations

from typing import Any

from django import forms
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

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = School.objects.filter(
            memberships__partnership=partnership, memberships__end_date__isnull=True
        ).order_by("name")
        self.fields["institute"].queryset = Institute.objects.filter(memberships__partnership=partnership)

    def validate_unique(self) -> None:
        """Duplicates are a domain rule with a clearer message (services.people)."""


class RoleForm(StyledFormMixin, forms.Form):
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices)
    cluster = forms.ModelChoiceField(label=_("Cluster"), queryset=Cluster.objects.none(), required=False)
    start_date = forms.DateField(label=_("Begindatum"), required=False, widget=DateInput())

    def __init__(self, *args: Any, partnership: Partnership, labels: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(value, labels.get(value, label)) for value, label in Role.choices]
        self.fields["cluster"].queryset = partnership.clusters.order_by("name")


class CredentialForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Credential
        fields = ["kind", "obtained_on", "expires_on", "reference"]
        widgets = {"obtained_on": DateInput(), "expires_on": DateInput()}


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
        self.fields["person"].queryset = body.partnership.people.exclude(seats__body=body).order_by("last_name")


class RoleNamesForm(StyledFormMixin, forms.Form):
    def __init__(self, *args: Any, current: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for value, label in Role.choices:
            self.fields[value] = forms.CharField(
                label=label,
                max_length=100,
                required=False,
                initial=current.get(value, ""),
                help_text=_("Leeg laten: '%(name)s'.") % {"name": label},
            )
