"""The allocation key: the central share and three weights, and a fixed share per partner."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.forms import StyledFormMixin, style

from ..models import AllocationKey

PERCENT_ERRORS = {
    "invalid": _("Vul een getal in, bijvoorbeeld 12,5."),
    "min_value": _("Een percentage is niet negatief."),
    "max_value": _("Een percentage is hoogstens 100."),
    "max_digits": _("Vul een percentage in van 0 tot en met 100, met hoogstens twee decimalen."),
    "max_decimal_places": _("Gebruik hoogstens twee decimalen."),
    "max_whole_digits": _("Een percentage is hoogstens 100."),
}


def percent_field(label: Any, *, required: bool = True, help_text: Any = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=Decimal(0),
        max_value=Decimal(100),
        max_digits=5,
        decimal_places=2,
        localize=True,
        help_text=help_text,
        error_messages=PERCENT_ERRORS,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 6}),
    )


class AllocationKeyForm(StyledFormMixin, forms.Form):
    """The key's own fields and its version; the service checks that the weights add up to 100."""

    central_share = percent_field(
        _("centraal deel (%)"),
        help_text=_("Gaat eerst van het totaal af, voor gezamenlijke kosten zoals de programmaleiding."),
    )
    weight_students = percent_field(
        _("naar geplaatste studenten (%)"),
        help_text=_("Per getelde student van het vorige jaar, bij het bestuur van de school waar de student leert."),
    )
    weight_clusters = percent_field(
        _("naar opleidingsclusters (%)"), help_text=_("Per opleidingscluster van het bestuur.")
    )
    weight_fixed = percent_field(
        _("naar vaste aandelen (%)"), help_text=_("Volgens de vaste aandelen hieronder, die samen 100% zijn.")
    )
    note = forms.CharField(
        label=_("afspraak in woorden"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld waar het besluit over de sleutel is genomen."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, key: AllocationKey | None, **kwargs: Any) -> None:
        source = key or AllocationKey()
        initial = {
            name: getattr(source, name)
            for name in ("central_share", "weight_students", "weight_clusters", "weight_fixed", "note")
        }
        initial["version"] = key.version if key else None
        super().__init__(*args, initial=initial, **kwargs)


class SharesForm(StyledFormMixin, forms.Form):
    """One field per partner: its fixed share in percent (empty: none)."""

    def __init__(self, *args: Any, partners: list[Any], initial_shares: dict[int, Decimal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partners = partners
        for partner in partners:
            pk = partner.membership.pk
            self.fields[f"share_{pk}"] = percent_field(partner.name, required=False)
            if initial_shares.get(pk):
                self.initial[f"share_{pk}"] = initial_shares[pk]
        style(self.fields)

    def shares(self) -> dict[int, Decimal | None]:
        return {p.membership.pk: self.cleaned_data.get(f"share_{p.membership.pk}") for p in self.partners}

    def rows(self) -> list[tuple[Any, Any]]:
        """(partner, bound field) for the template's table."""
        return [(p, self[f"share_{p.membership.pk}"]) for p in self.partners]
