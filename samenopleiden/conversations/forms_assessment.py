"""Forms of the self-assessment (the lead's round, the respondent's answers) and of the good practices."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.forms import DateInput, StyledFormMixin, VersionedFormMixin, style

from .models import COMMENT_MAX, AssessmentRound, DilemmaAnswer, GoodPractice, Level, Perspective

NOT_APPLICABLE = "nvt"
SCORE_CHOICES = [(str(n), str(n)) for n in range(1, 6)] + [(NOT_APPLICABLE, _("n.v.t."))]


class RoundForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = AssessmentRound
        fields = ["title", "opened_on", "closes_on", "session"]
        widgets = {"opened_on": DateInput(), "closes_on": DateInput()}
        help_texts = {
            "closes_on": _("Leeg: open tot u de ronde sluit."),
            "session": _("Niet verplicht: het gesprek waarin u de uitkomsten bespreekt."),
        }

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = partnership.sessions.order_by("-date", "-pk")
        self.fields["session"].empty_label = _("(geen gesprek)")
        self.fields["session"].required = False


class ResponseForm(StyledFormMixin, forms.Form):
    """Every statement 1-5 or not applicable (with an optional comment), the barriers, and each dilemma."""

    perspective = forms.ChoiceField(
        label=_("Vanuit welk perspectief antwoordt u?"),
        choices=Perspective.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies uw perspectief.")},
    )
    level = forms.ChoiceField(
        label=_("Op welk niveau werkt u in het partnerschap?"),
        choices=[("", _("zeg ik liever niet")), *Level.choices],
        required=False,
    )

    def __init__(self, *args: Any, content: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.content = content
        for statement in content.all_statements:
            self.fields[f"s{statement.pk}"] = forms.ChoiceField(
                label=statement.text,
                choices=SCORE_CHOICES,
                widget=forms.RadioSelect,
                error_messages={"required": _("Kies een score van 1 tot en met 5, of n.v.t.")},
            )
            self.fields[f"c{statement.pk}"] = forms.CharField(
                label=_("Toelichting (niet verplicht)"),
                required=False,
                max_length=COMMENT_MAX,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={
                    "max_length": _("Een toelichting is ten hoogste %(limit_value)s tekens (nu %(show_value)s).")
                },
            )
        self.fields["barriers"] = forms.MultipleChoiceField(
            label=_("Welke belemmeringen ervaart u in het partnerschap?"),
            choices=[(str(b.pk), b.text) for b in content.barriers],
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )
        for dilemma in content.dilemmas:
            self.fields[f"d{dilemma.pk}"] = forms.ChoiceField(
                label=dilemma.title,
                choices=[(str(v), label) for v, label in DilemmaAnswer.Strength.choices],
                widget=forms.RadioSelect,
                error_messages={"required": _("Geef aan hoe sterk dit dilemma speelt.")},
            )
        style(self.fields)

    def sections(self) -> list[tuple[Any, list[tuple[Any, Any, Any]]]]:
        """(group, [(statement, score field, comment field)]) for the template."""
        return [
            (g, [(s, self[f"s{s.pk}"], self[f"c{s.pk}"]) for s in self.content.statements[g.pk]])
            for g in self.content.groups
        ]

    def dilemma_fields(self) -> list[tuple[Any, Any]]:
        return [(d, self[f"d{d.pk}"]) for d in self.content.dilemmas]

    def answers(self) -> dict[str, Any]:
        """The cleaned answers in the shape `services_assessment.response_save` takes."""
        data = self.cleaned_data
        statements = self.content.all_statements
        return {
            "perspective": data["perspective"],
            "level": data.get("level") or "",
            "scores": {s.pk: None if data[f"s{s.pk}"] == NOT_APPLICABLE else int(data[f"s{s.pk}"]) for s in statements},
            "comments": {s.pk: data.get(f"c{s.pk}", "") for s in statements if data.get(f"c{s.pk}")},
            "barriers": {int(b) for b in data.get("barriers", [])},
            "dilemmas": {d.pk: int(data[f"d{d.pk}"]) for d in self.content.dilemmas},
        }

    @staticmethod
    def initial_from(response: Any) -> dict[str, Any]:
        initial: dict[str, Any] = {"perspective": response.perspective, "level": response.level}
        for a in response.statement_answers.all():
            initial[f"s{a.statement_id}"] = NOT_APPLICABLE if a.score is None else str(a.score)
            initial[f"c{a.statement_id}"] = a.comment
        initial["barriers"] = [str(b.barrier_id) for b in response.barrier_answers.all()]
        for d in response.dilemma_answers.all():
            initial[f"d{d.dilemma_id}"] = str(d.strength)
        return initial


class PracticeForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = GoodPractice
        fields = ["dilemma", "title", "what_we_did", "contact"]
        widgets = {"what_we_did": forms.Textarea(attrs={"rows": 6})}
        help_texts = {"contact": _("Naam en e-mailadres of telefoonnummer van wie er meer over kan vertellen.")}


class ReviewForm(StyledFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("approve", _("Opnemen in de bibliotheek")), ("reject", _("Niet opnemen"))],
        widget=forms.RadioSelect,
    )
    review_note = forms.CharField(
        label=_("Toelichting voor de indiener"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PracticeFilterForm(forms.Form):
    dilemma = forms.ChoiceField(label=_("Dilemma"), required=False)

    def __init__(self, *args: Any, dilemmas: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["dilemma"].choices = [("", _("Alle dilemma's")), *[(str(d.pk), d.title) for d in dilemmas]]
        style(self.fields)
