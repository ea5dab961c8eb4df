from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.forms import StyledFormMixin, VersionedFormMixin, style
from samenopleiden.students.forms.students import year_choices

from ..models import Period, Preference
from ..services.preferences import parse_days

WISH_FIELDS = [f"wish{i}" for i in range(1, 6)]


class PreferenceForm(VersionedFormMixin, forms.ModelForm):
    """A student's preference for one period; five wish fields (schools and clusters of the partnership)."""

    class Meta:
        model = Preference
        fields = ["available_days", "denominations", "concepts", "postcode", "max_km", "previous_school_type"]

    def __init__(self, *args: Any, targets: list[tuple[str, str]], wishes: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for index, name in enumerate(WISH_FIELDS):
            self.fields[name] = forms.ChoiceField(
                label=_("Wens %(n)s") % {"n": index + 1},
                choices=[("", _("(geen)"))] + targets,
                required=False,
                initial=wishes[index] if index < len(wishes) else "",
            )
        style(self.fields)

    def clean_available_days(self) -> str:
        days, wrong = parse_days(self.cleaned_data["available_days"])
        if wrong:
            raise forms.ValidationError(
                _("Onbekende dag(en): %(days)s. Gebruik ma, di, wo, do en vr.") % {"days": ", ".join(wrong)}
            )
        return days

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        chosen = [data.get(name) for name in WISH_FIELDS if data.get(name)]
        if len(chosen) != len(set(chosen)):
            raise forms.ValidationError(_("Een school of cluster staat twee keer in de wensen."))
        data["wishes"] = chosen
        return data


class PreferenceUploadForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("Bestand (CSV of XLSX)"))
    school_year = forms.ChoiceField(label=_("Studiejaar"))
    period = forms.ChoiceField(label=_("Periode"), choices=Period.choices)

    def __init__(self, *args: Any, today: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school_year"].choices = year_choices(today)
