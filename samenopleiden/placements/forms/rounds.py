from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.forms import StyledFormMixin, style
from samenopleiden.students import schoolyear
from samenopleiden.students.forms.students import year_choices

from ..models import MatchingRound

# The engine's weights (points of the objective), with the labels a placement office reads.
WEIGHTS = [
    ("place", _("Een student geplaatst"), 1000),
    ("shortage", _("Extra voor een student in een tekortvak"), 100),
    ("rank", _("Aftrek per plek lager op de wensenlijst"), 20),
    ("km", _("Aftrek per kilometer reisafstand"), 1),
    ("floor", _("Per plaats tot de ondergrens van een partner (verdeelsleutel)"), 100),
    ("variety", _("Extra voor een ander soort school dan vorig jaar"), 10),
    ("pressure", _("Aftrek voor een sectie onder druk"), 30),
]


class RoundForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = MatchingRound
        fields = ["name", "school_year", "period", "institute", "mode", "band"]

    def __init__(self, *args: Any, institutes: Any, institute_required: bool, today: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school_year"] = forms.ChoiceField(
            label=_("studiejaar"), choices=year_choices(today), initial=schoolyear.current(today)
        )
        self.fields["institute"].queryset = institutes
        self.fields["institute"].required = institute_required
        if institute_required:  # a placement office: its own institute, chosen already when it has one
            self.fields["institute"].empty_label = None
            self.fields["institute"].initial = institutes.first()
        current = (self.instance.weights or {}) if self.instance.pk else {}
        for name, label, default in WEIGHTS:
            self.fields[f"weight_{name}"] = forms.FloatField(
                label=label, initial=current.get(name, default), min_value=0, max_value=100000
            )
        style(self.fields)

    def weights(self) -> dict[str, float]:
        return {name: self.cleaned_data[f"weight_{name}"] for name, _label, _default in WEIGHTS}


class RankingForm(StyledFormMixin, forms.Form):
    students = forms.CharField(
        label=_("Studentnummers in volgorde van voorkeur, één per regel"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=5000,
    )
    only_ranked = forms.BooleanField(label=_("Alleen deze studenten zijn welkom"), required=False)
