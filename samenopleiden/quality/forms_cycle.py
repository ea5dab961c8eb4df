"""Forms of the quality cycle. They parse what was typed; the services check the domain rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.forms import DateInput, StyledFormMixin, VersionedFormMixin, style
from samenopleiden.students import schoolyear

from .models import (
    AnnualPlan,
    CalendarEvent,
    CertificationCriterion,
    CriterionAssessment,
    GoalMeasurement,
    Panelist,
    PeerReview,
    QualityGoal,
    SafeguardKey,
    SchoolCertification,
    Survey,
    SurveyQuestion,
)


def fields_of(form: Any, data: dict[str, Any]) -> dict[str, Any]:
    return {name: data[name] for name in form.Meta.fields if name in data}


def _year(value: str) -> str:
    parsed = schoolyear.parse(value)
    if parsed is None:
        raise forms.ValidationError(_("Schrijf het schooljaar als 2026-2027."))
    return parsed


class GoalForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = QualityGoal
        fields = [
            "title",
            "safeguard",
            "indicator",
            "source",
            "unit",
            "baseline",
            "target",
            "higher_is_better",
            "deadline",
            "owner",
            "note",
        ]
        widgets = {"deadline": DateInput, "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = partnership.people.order_by("last_name", "first_name")
        self.fields["source"].help_text = _(
            "Kies een bron uit het platform om metingen met één klik toe te voegen; anders voert u ze zelf in."
        )
        self.fields["unit"].help_text = _("Bijvoorbeeld % of studenten.")


class MeasurementForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = GoalMeasurement
        fields = ["measured_on", "value", "note"]
        widgets = {"measured_on": DateInput}


class EventForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = CalendarEvent
        fields = ["kind", "title", "date", "done"]
        widgets = {"date": DateInput}


class PlanCreateForm(StyledFormMixin, forms.Form):
    cluster = forms.ModelChoiceField(label=_("Cluster"), queryset=None)
    school_year = forms.CharField(label=_("Schooljaar"), max_length=9, help_text=_("Bijvoorbeeld 2026-2027."))

    def __init__(self, *args: Any, clusters: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = clusters.order_by("name")

    def clean_school_year(self) -> str:
        return _year(self.cleaned_data.get("school_year") or "")


class PlanForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = AnnualPlan
        fields = ["development", "activities"]
        widgets = {name: forms.Textarea(attrs={"rows": 8}) for name in fields}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["development"].help_text = _("Wat wil het cluster dit jaar ontwikkelen, en waarom?")
        self.fields["activities"].help_text = _("Welke activiteiten horen daarbij, wie doet ze, wanneer?")


class PlanLeadForm(PlanForm):
    """The programme lead also says whether the plan was discussed."""

    class Meta(PlanForm.Meta):
        fields = ["development", "activities", "status"]


class MidEvaluationForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = AnnualPlan
        fields = ["mid_evaluation", "mid_evaluated_on"]
        widgets = {"mid_evaluation": forms.Textarea(attrs={"rows": 8}), "mid_evaluated_on": DateInput}


class EndEvaluationForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = AnnualPlan
        fields = ["end_evaluation", "end_evaluated_on"]
        widgets = {"end_evaluation": forms.Textarea(attrs={"rows": 8}), "end_evaluated_on": DateInput}


class SurveyForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["title", "school_year", "intro", "opens_on", "closes_on"]
        widgets = {"opens_on": DateInput, "closes_on": DateInput, "intro": forms.Textarea(attrs={"rows": 3})}

    def clean_school_year(self) -> str:
        return _year(self.cleaned_data.get("school_year") or "")


class QuestionForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = SurveyQuestion
        fields = ["order", "kind", "text", "options", "required"]
        widgets = {"options": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False
        self.fields["options"].help_text = _("Alleen voor een keuzevraag: elke optie op een eigen regel.")


class ResponseForm(StyledFormMixin, forms.Form):
    """The student's questionnaire: one field per question, and the school within the cluster (optional)."""

    def __init__(self, *args: Any, questions: list[SurveyQuestion], schools: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.fields["school"] = forms.TypedChoiceField(
            label=_("Op welke school loopt u stage?"),
            choices=[("", _("Zeg ik liever niet"))] + [(s.pk, s.name) for s in schools],
            coerce=int,
            empty_value=None,
            required=False,
        )
        for q in questions:
            name = f"q{q.pk}"
            if q.kind == SurveyQuestion.Kind.SCALE:
                self.fields[name] = forms.TypedChoiceField(
                    label=q.text,
                    choices=[(str(i), str(i)) for i in range(1, 6)],
                    coerce=int,
                    empty_value=None,
                    widget=forms.RadioSelect,
                    required=q.required,
                    help_text=_("1 = helemaal niet mee eens, 5 = helemaal mee eens"),
                )
            elif q.kind == SurveyQuestion.Kind.CHOICE:
                self.fields[name] = forms.ChoiceField(
                    label=q.text,
                    choices=[(o, o) for o in q.option_list],
                    widget=forms.RadioSelect,
                    required=q.required,
                )
            else:
                self.fields[name] = forms.CharField(
                    label=q.text, widget=forms.Textarea(attrs={"rows": 3}), required=q.required, max_length=2000
                )
        style(self.fields)

    def answers(self) -> dict[int, Any]:
        return {q.pk: self.cleaned_data.get(f"q{q.pk}") for q in self.questions}

    @staticmethod
    def initial_from(response: Any) -> dict[str, Any]:
        initial: dict[str, Any] = {"school": response.school_id or ""}
        for a in response.answers.all():
            initial[f"q{a.question_id}"] = str(a.score) if a.score is not None else (a.choice or a.text)
        return initial


class ReviewForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = PeerReview
        fields = ["title", "planned_on", "held_on", "outcome", "summary"]
        widgets = {"planned_on": DateInput, "held_on": DateInput, "summary": forms.Textarea(attrs={"rows": 5})}


class PanelistForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Panelist
        fields = ["name", "role", "organisation"]


class RecommendationForm(StyledFormMixin, forms.Form):
    text = forms.CharField(label=_("Aanbeveling"), max_length=300)
    safeguard = forms.ChoiceField(label=_("Waarborg"), choices=[("", "–"), *SafeguardKey.choices], required=False)
    owner = forms.ModelChoiceField(label=_("Eigenaar van de actie"), queryset=None, required=False)
    deadline = forms.DateField(label=_("Deadline"), widget=DateInput, required=False)

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = partnership.people.order_by("last_name", "first_name")


class CriterionForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = CertificationCriterion
        fields = ["order", "title", "description", "safeguard", "active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class CertificationCreateForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = SchoolCertification
        fields = ["school", "assessed_on", "assessors"]
        widgets = {"assessed_on": DateInput}

    def __init__(self, *args: Any, schools: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools


class CertificationForm(VersionedFormMixin, forms.ModelForm):
    """The outcome and validity, and per criterion a verdict with its evidence (fields `v<id>` and `e<id>`)."""

    class Meta:
        model = SchoolCertification
        fields = ["assessed_on", "assessors", "outcome", "valid_until", "note"]
        widgets = {"assessed_on": DateInput, "valid_until": DateInput, "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, criteria: list[Any], current: dict[int, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for c in criteria:
            row = current.get(c.pk)
            self.fields[f"v{c.pk}"] = forms.ChoiceField(
                label=c.title,
                choices=CriterionAssessment.Verdict.choices,
                required=False,
                initial=row.verdict if row else "",
                help_text=c.description,
            )
            self.fields[f"e{c.pk}"] = forms.CharField(
                label=_("Onderbouwing: %(title)s") % {"title": c.title},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                max_length=4000,
                initial=row.evidence if row else "",
            )
        style(self.fields)

    def verdicts(self) -> dict[int, tuple[str, str]]:
        return {
            c.pk: (self.cleaned_data.get(f"v{c.pk}") or "", self.cleaned_data.get(f"e{c.pk}") or "")
            for c in self.criteria
        }
