"""Forms of the document part. They parse what was typed; the rules live in services_document."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.forms import DateInput, StyledFormMixin, VersionedFormMixin, style

from .models import CoreDocument, CoreSection, Element, FacilitationNorm, Safeguard


def _people(form: forms.Form, partnership: Any, *names: str) -> None:
    people = partnership.people.order_by("last_name", "first_name")
    for name in names:
        form.fields[name].queryset = people


class StartForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200, initial=_("Kerndocument Samen Opleiden"))
    goal = forms.CharField(
        label=_("Doel van het project"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Het resultaat dat er aan het eind ligt, bijvoorbeeld: vastgesteld vóór de peer review."),
    )
    project_lead = forms.ModelChoiceField(label=_("Projectleider"), queryset=None, required=False)
    target_date = forms.DateField(label=_("Klaar en vastgesteld op"), required=False, widget=DateInput())

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _people(self, partnership, "project_lead")


class DocumentForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = CoreDocument
        fields = ["title", "goal", "project_lead", "writing_group", "target_date", "summary"]
        widgets = {
            "goal": forms.Textarea(attrs={"rows": 3}),
            "summary": forms.Textarea(attrs={"rows": 8}),
            "target_date": DateInput(),
            "writing_group": forms.CheckboxSelectMultiple,
        }
        help_texts = {"summary": _("Markdown. Staat vooraan in de export, na de inhoudsopgave.")}

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _people(self, partnership, "project_lead", "writing_group")


class LogoForm(StyledFormMixin, forms.Form):
    logo = forms.FileField(label=_("Logo (PNG of JPEG, ten hoogste 2 MB)"))


class MinimumForm(StyledFormMixin, forms.Form):
    codes = forms.MultipleChoiceField(
        label=_("Minimaal zichtbaar in het kerndocument"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, items: list, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["codes"].choices = [(item.code, item.text) for item in items]


class SectionAddForm(StyledFormMixin, forms.Form):
    element = forms.ModelChoiceField(
        label=_("Onderdeel"),
        queryset=Element.objects.none(),
        required=False,
        help_text=_("Laat leeg voor een sectie die bij de waarborg als geheel hoort."),
    )
    safeguard = forms.ModelChoiceField(label=_("Waarborg"), queryset=Safeguard.objects.none())
    title = forms.CharField(label=_("Titel"), max_length=200)
    writer = forms.ModelChoiceField(label=_("Schrijver"), queryset=None, required=False)

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["safeguard"].queryset = Safeguard.objects.order_by("number")
        self.fields["element"].queryset = Element.objects.select_related("safeguard")
        _people(self, partnership, "writer")


class SectionForm(VersionedFormMixin, forms.ModelForm):
    """The editor: title, text, status, writer, suggested length and the guiding questions addressed."""

    addressed = forms.MultipleChoiceField(
        label=_("Behandelde hulpvragen"), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = CoreSection
        fields = ["title", "body", "status", "writer", "suggested_words"]
        widgets = {"body": forms.Textarea(attrs={"rows": 22})}
        help_texts = {
            "body": _(
                "Markdown: # kop, **vet**, *schuin*, - opsomming. Een regel [[gegevens:profiel]] zet gegevens van "
                "het platform in de tekst."
            )
        }

    def __init__(self, *args: Any, partnership: Any, lead: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _people(self, partnership, "writer")
        self.fields["addressed"].choices = [(q, q) for q in self.instance.questions]
        self.fields["addressed"].initial = list(self.instance.addressed or [])
        self.fields["body"].required = False
        # the status "vastgesteld" follows from the approval by the board meeting, not from the editor
        choices = [c for c in CoreSection.Status.choices if c[0] != CoreSection.Status.ADOPTED]
        if self.instance.status == CoreSection.Status.ADOPTED:
            choices.append((CoreSection.Status.ADOPTED, CoreSection.Status.ADOPTED.label))
        self.fields["status"].choices = choices
        if not lead:  # a writer who is not the lead writes; the lead hands out the sections
            del self.fields["writer"]
            del self.fields["suggested_words"]
        style(self.fields)


class RoundForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200, initial=_("Feedbackronde"))
    deadline = forms.DateField(label=_("Reageren vóór"), widget=DateInput())
    message = forms.CharField(label=_("Vraag aan de lezers"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    sections = forms.ModelMultipleChoiceField(
        label=_("Secties"), queryset=CoreSection.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    reviewers = forms.ModelMultipleChoiceField(
        label=_("Lezers"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vertegenwoordigers van scholen, besturen en opleidingen, van alle niveaus."),
    )

    def __init__(self, *args: Any, document: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sections"].queryset = document.sections.exclude(status=CoreSection.Status.ADOPTED)
        _people(self, document.partnership, "reviewers")
        self.fields["reviewers"].queryset = self.fields["reviewers"].queryset.select_related("school", "institute")


class CommentForm(StyledFormMixin, forms.Form):
    body = forms.CharField(label=_("Opmerking"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ApprovalForm(StyledFormMixin, forms.Form):
    body = forms.ModelChoiceField(label=_("Gremium"), queryset=None, required=False)
    approved_by = forms.CharField(
        label=_("Vastgesteld door"),
        max_length=300,
        initial=_("Bestuurlijk overleg"),
        help_text=_("Het overleg of de personen die het document vaststelden."),
    )
    approved_on = forms.DateField(label=_("Vastgesteld op"), widget=DateInput())
    note = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = partnership.bodies.order_by("kind", "name")


class NormForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = FacilitationNorm
        fields = ["role", "hours_per_student", "note"]

    def validate_unique(self) -> None:
        """The service updates the existing norm of a role."""
