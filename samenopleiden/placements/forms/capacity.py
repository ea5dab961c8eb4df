from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.forms import StyledFormMixin, VersionedFormMixin, style
from samenopleiden.students.forms.students import year_choices

from ..models import CapacityOffer, SubjectStatus


class OfferForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = CapacityOffer
        fields = [
            "school_year",
            "period",
            "school",
            "subject",
            "places",
            "required_days",
            "reserved_places",
            "reserved_category",
            "under_pressure",
            "note",
        ]

    def __init__(self, *args: Any, schools: Any, today: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools.order_by("name")
        self.fields["school"].label_from_instance = lambda s: f"{s.name} ({s.brin_code})"
        self.fields["school_year"] = forms.ChoiceField(label=_("studiejaar"), choices=year_choices(today))
        self.fields["reserved_places"].required = False
        style(self.fields)

    def clean_reserved_places(self) -> int:
        return self.cleaned_data.get("reserved_places") or 0


class SubjectForm(StyledFormMixin, forms.Form):
    subject = forms.CharField(label=_("Vak"), max_length=100)
    status = forms.ChoiceField(label=_("Soort"), choices=SubjectStatus.Status.choices)


class ClusterCapForm(StyledFormMixin, forms.Form):
    places = forms.IntegerField(label=_("Plaatsen in het cluster"), min_value=0, max_value=500)
    shortage_reserved = forms.IntegerField(
        label=_("Waarvan alleen voor tekortvakken"),
        min_value=0,
        max_value=500,
        initial=0,
        help_text=_("Zo blijft er ruimte voor tekortvakken, ook als er veel studenten van overschotvakken zijn."),
    )

    def clean(self):
        data = super().clean()
        if data.get("shortage_reserved", 0) > data.get("places", 0):
            raise forms.ValidationError(_("Er kunnen niet meer plaatsen voor tekortvakken zijn dan er zijn."))
        return data
