"""Forms of the session part: own guides and their content, sessions, participants, and what the facilitator
records during a session."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.forms import DateInput, StyledFormMixin, VersionedFormMixin

from .models import ChecklistItem, Guide, GuideQuestion, GuideTheme, Level, Participant, Perspective, Session
from .session_content import DATA_KEYS

DATA_KEY_LABELS = {
    "students_per_institute": _("studenten per lerarenopleiding"),
    "students_trained": _("studenten die het partnerschap opleidt"),
    "places_per_cluster": _("plaatsen per cluster"),
    "places_per_school": _("plaatsen per school"),
    "partners": _("partners"),
}


class GuideForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Guide
        fields = ["title", "purpose", "source"]


class ThemeForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = GuideTheme
        fields = ["title", "core_question", "position"]
        help_texts = {"position": _("Leeg: achteraan bij een nieuwe, ongewijzigd bij een bestaande.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False


class QuestionForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = GuideQuestion
        fields = ["text", "sub_questions", "position"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"position": _("Leeg: achteraan bij een nieuwe, ongewijzigd bij een bestaande.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False


class ChecklistItemForm(StyledFormMixin, forms.ModelForm):
    data_key = forms.ChoiceField(
        label=_("Gegevens van het platform"),
        choices=[("", _("(geen: zelf afvinken)")), *[(key, DATA_KEY_LABELS[key]) for key in DATA_KEYS]],
        required=False,
    )

    class Meta:
        model = ChecklistItem
        fields = ["text", "data_key", "position"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"position": _("Leeg: achteraan bij een nieuwe, ongewijzigd bij een bestaande.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False


def _facilitators(partnership: Any):
    return (
        get_user_model()
        .objects.filter(people__partnership=partnership, is_active=True)
        .order_by("first_name", "last_name", "username")
        .distinct()
    )


class SessionForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Session
        fields = ["guide", "title", "date", "place", "facilitator", "facilitator_name", "summary"]
        widgets = {"date": DateInput()}
        labels = {"facilitator": _("Gespreksleider (account)"), "facilitator_name": _("of: naam van de gespreksleider")}
        help_texts = {
            "facilitator_name": _("Bijvoorbeeld een onafhankelijke gespreksleider van buiten het partnerschap."),
            "summary": _("Na afloop: de kern van het gesprek in een paar zinnen. Komt in het verslag."),
        }

    def __init__(self, *args: Any, partnership: Any, guides: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["guide"].queryset = guides
        self.fields["guide"].error_messages["invalid_choice"] = _("Kies een leidraad uit de lijst.")
        self.fields["facilitator"].queryset = _facilitators(partnership)
        self.fields["facilitator"].empty_label = _("(geen account)")
        self.fields["facilitator"].label_from_instance = lambda u: u.get_full_name() or u.get_username()
        self.fields["title"].required = False
        self.fields["date"].error_messages["invalid"] = _("Vul een geldige datum in (dd-mm-jjjj).")
        if self.instance.pk:
            self.fields["guide"].disabled = True


class ParticipantForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["name", "person", "perspective", "level"]
        labels = {"person": _("of: iemand van het partnerschap")}

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = partnership.people.order_by("first_name", "last_name", "pk")
        self.fields["person"].empty_label = _("(niemand gekozen)")
        self.fields["person"].error_messages["invalid_choice"] = _("Kies iemand uit de lijst.")
        self.fields["perspective"].choices = Perspective.choices
        self.fields["perspective"].error_messages["required"] = _("Kies het perspectief van de deelnemer.")
        self.fields["level"].choices = [("", _("(niet ingevuld)")), *Level.choices]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("person") and not (data.get("name") or "").strip() and "name" not in self.errors:
            self.add_error("name", _("Vul een naam in of kies iemand van het partnerschap."))
        return data


class NoteForm(StyledFormMixin, forms.Form):
    use_required_attribute = False  # several forms on one page: the server says what is missing
    prefix = "note"
    text = forms.CharField(
        label=_("Aantekeningen"), widget=forms.Textarea(attrs={"rows": 6}), required=False, max_length=20_000
    )


class DecisionForm(StyledFormMixin, forms.Form):
    use_required_attribute = False  # several forms on one page: the server says what is missing
    prefix = "decision"
    text = forms.CharField(
        label=_("Besluit"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        error_messages={"required": _("Beschrijf het besluit.")},
    )


class ActionForm(StyledFormMixin, forms.Form):
    use_required_attribute = False  # several forms on one page: the server says what is missing
    prefix = "action"
    title = forms.CharField(label=_("Actie"), max_length=200, error_messages={"required": _("Beschrijf de actie.")})
    owner = forms.ModelChoiceField(
        label=_("Eigenaar"),
        queryset=None,
        error_messages={
            "required": _("Een actie heeft een eigenaar: kies wie de actie oppakt."),
            "invalid_choice": _("Kies de eigenaar uit de lijst."),
        },
    )
    deadline = forms.DateField(
        label=_("Deadline"),
        required=False,
        widget=DateInput(),
        error_messages={"invalid": _("Vul een geldige datum in (dd-mm-jjjj).")},
    )

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = partnership.people.order_by("first_name", "last_name", "pk")
        self.fields["owner"].empty_label = _("(kies)")
