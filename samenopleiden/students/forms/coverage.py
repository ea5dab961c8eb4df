"""The coverage monitor's forms: an institute's total student numbers per programme and variant (one line each),
and the partnership's target year."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.forms import StyledFormMixin
from samenopleiden.registry.models import Sector

from .. import schoolyear
from ..models import CoverageTarget, Mode
from ..services.coverage import EnrolmentRow

NUMBER_ERRORS = {
    "invalid": _("Vul een heel getal in, zonder punt of komma."),
    "min_value": _("Een aantal studenten kan niet negatief zijn."),
    "max_value": _("Dat is meer studenten dan een opleiding kan hebben; controleer het aantal."),
}


class EnrolmentForm(StyledFormMixin, forms.Form):
    """One line: a programme in one variant (and sector, subject) with its number of students."""

    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    programme = forms.CharField(
        label=_("opleiding"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"list": "opleidingen", "size": 28}),
    )
    mode = forms.ChoiceField(label=_("variant"), choices=Mode.choices)
    sector = forms.ChoiceField(label=_("sector"), choices=[("", _("(geen)")), *Sector.choices], required=False)
    subject = forms.CharField(
        label=_("vak"), max_length=100, required=False, widget=forms.TextInput(attrs={"list": "vakken", "size": 16})
    )
    total = forms.IntegerField(
        label=_("aantal studenten"),
        required=False,
        min_value=0,
        max_value=100_000,
        error_messages=NUMBER_ERRORS,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 6}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("total") is not None and not (data.get("programme") or "").strip():
            self.add_error("programme", _("Vul de naam van de opleiding in."))
        return data

    def row(self) -> EnrolmentRow | None:
        data = self.cleaned_data
        if not data or (data.get("id") is None and data.get("total") is None):
            return None  # a blank new line
        return EnrolmentRow(
            programme=data.get("programme") or "",
            mode=data["mode"],
            sector=data.get("sector") or "",
            subject=data.get("subject") or "",
            total=data.get("total"),
            pk=data.get("id"),
            version=data.get("version"),
        )


EnrolmentFormSet = forms.formset_factory(EnrolmentForm, extra=3, max_num=200, absolute_max=250, validate_max=True)


def enrolment_rows(formset: Any) -> list[EnrolmentRow]:
    return [row for form in formset.forms if (row := form.row()) is not None]


def target_year_choices(today: dt.date, stored: CoverageTarget | None) -> list[tuple[str, str]]:
    current = schoolyear.current(today)
    years = [schoolyear.shift(current, k) for k in range(0, 16)]
    if stored is not None and stored.target_year not in years:
        years.insert(0, stored.target_year)  # a passed target stays choosable until a new one is chosen
    return [(y, y) for y in years]


class CoverageTargetForm(StyledFormMixin, forms.Form):
    target_year = forms.ChoiceField(
        label=_("doeljaar (studiejaar)"),
        help_text=_("In dit studiejaar wil het partnerschap dat het doel is bereikt."),
    )
    target_share = forms.IntegerField(
        label=_("doel (%)"),
        min_value=1,
        max_value=100,
        initial=100,
        help_text=_("Meestal 100%: alle studenten van de opleidingen samen opgeleid."),
        error_messages={
            "invalid": _("Vul een heel getal in van 1 tot en met 100."),
            "min_value": _("Een doel is minstens %(limit_value)s%%."),
            "max_value": _("Een doel is hoogstens %(limit_value)s%%."),
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 4}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, today: dt.date, stored: CoverageTarget | None, **kwargs: Any) -> None:
        initial = {"version": stored.version if stored else None}
        if stored is not None:
            initial |= {"target_year": stored.target_year, "target_share": stored.target_share}
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["target_year"].choices = target_year_choices(today, stored)
