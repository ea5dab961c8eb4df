"""Forms of the workspace part. Domain rules (years, dates of steps) are checked by the services; the forms only
parse what was typed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.forms import DateInput, VersionedFormMixin
from samenopleiden.students import schoolyear

from .models import Candidate, CandidateStep, GrowthProfile, PlacesForecast, RegionalTable, VariantScore


def _year(value: str) -> str:
    parsed = schoolyear.parse(value)
    if parsed is None:
        raise forms.ValidationError(_("Schrijf het schooljaar als 2026-2027."))
    return parsed


class ProfileForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = GrowthProfile
        fields = ["catchment", "education_region", "regional_agenda"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}


class ForecastForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = PlacesForecast
        fields = ["school_year", "places", "note"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school_year"].validators = []
        self.fields["school_year"].help_text = _("Bijvoorbeeld 2027-2028.")

    def clean_school_year(self) -> str:
        return _year(self.cleaned_data.get("school_year") or "")

    def validate_unique(self) -> None:
        """The service says it in words when the year is taken (the partnership is not a field here)."""


class TableForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = RegionalTable
        fields = ["name", "kind", "position", "represented_by", "contact", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class ScoreForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = VariantScore
        fields = ["fit", "reasoning"]
        widgets = {"fit": forms.RadioSelect, "reasoning": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["fit"].choices = [c for c in self.fields["fit"].choices if c[0] != ""]

    def validate_unique(self) -> None:
        """One score per variant and partnership: the service updates the existing one."""


class CandidateForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Candidate
        fields = [
            "name",
            "kind",
            "contact_name",
            "contact_email",
            "owner",
            "start_year",
            "intake_date",
            "status",
            "note",
        ]
        widgets = {"intake_date": DateInput(), "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = partnership.people.order_by("last_name", "first_name")
        self.fields["owner"].empty_label = _("(nog niemand)")
        self.fields["start_year"].validators = []
        self.fields["start_year"].help_text = _(
            "Het schooljaar waarin de nieuwe partner begint, bijvoorbeeld 2027-2028."
        )
        if self.instance.pk is None:
            del self.fields["status"]

    def clean_start_year(self) -> str:
        return _year(self.cleaned_data.get("start_year") or "")


class StepForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = CandidateStep
        fields = ["title", "deadline", "done_on", "note"]
        widgets = {"deadline": DateInput(), "done_on": DateInput(), "note": forms.Textarea(attrs={"rows": 3})}
