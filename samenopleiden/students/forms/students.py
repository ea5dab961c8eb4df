from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.forms import DateInput, StyledFormMixin, VersionedFormMixin, style
from samenopleiden.registry.models import Institute, School

from .. import schoolyear
from ..models import Student


def year_choices(today: Any) -> list[tuple[str, str]]:
    current = schoolyear.current(today)
    return [(y, y) for y in (schoolyear.shift(current, k) for k in (1, 0, -1, -2, -3))]


class StudentForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Student
        fields = [
            "school_year",
            "student_number",
            "institute",
            "programme_type",
            "practice_percentage",
            "practice_ec",
            "appointed_as_teacher",
            "suitability_statement",
            "external",
            "mode",
            "subject",
            "study_year",
            "school",
            "start_date",
            "end_date",
        ]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def __init__(self, *args: Any, partnership: Any, institutes: set[int] | None, today: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = Institute.objects.filter(memberships__partnership=partnership)
        if institutes is not None:
            allowed = allowed.filter(pk__in=institutes)
        self.fields["institute"].queryset = allowed.order_by("name")
        self.fields["school"].queryset = (
            School.objects.filter(memberships__partnership=partnership).distinct()
            | School.objects.filter(clusters__partnership=partnership).distinct()
        ).order_by("name")
        self.fields["school"].label_from_instance = lambda s: f"{s.name} ({s.brin_code})"
        self.fields["school_year"] = forms.ChoiceField(
            label=_("studiejaar"), choices=year_choices(today), initial=schoolyear.current(today)
        )
        if self.instance.pk:  # who a student is does not change; a wrong number is a new student
            for name in ("school_year", "student_number", "institute"):
                del self.fields[name]
        style(self.fields)


class UploadForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("Bestand (CSV of XLSX)"))
    school_year = forms.ChoiceField(label=_("Studiejaar"))
    replace = forms.BooleanField(
        label=_("Volledige lijst: verwijder studenten van deze opleiding(en) die niet in het bestand staan"),
        required=False,
    )

    def __init__(self, *args: Any, today: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school_year"].choices = year_choices(today)
        self.fields["school_year"].initial = schoolyear.current(today)
