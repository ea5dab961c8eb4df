from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.forms import DateInput, VersionedFormMixin

from .models import Action


class ActionForm(VersionedFormMixin, forms.ModelForm):
    """The programme lead's form: every field."""

    class Meta:
        model = Action
        fields = ["title", "description", "owner", "deadline", "status", "progress_note"]
        widgets = {"deadline": DateInput(), "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = partnership.people.order_by("last_name", "first_name")
        self.fields["owner"].empty_label = _("(nog niemand)")
        self.fields["progress_note"].widget = forms.Textarea(attrs={"rows": 3})
        if self.instance.pk is None:
            del self.fields["status"]
            del self.fields["progress_note"]


class ProgressForm(VersionedFormMixin, forms.ModelForm):
    """The owner's form: status and progress."""

    class Meta:
        model = Action
        fields = ["status", "progress_note"]
        widgets = {"progress_note": forms.Textarea(attrs={"rows": 4})}
