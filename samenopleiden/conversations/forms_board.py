"""Forms of the live board. Limits are checked again in services_board; a form only shapes the input."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ANSWER_MAX, POSTIT_MAX, Colour, Level, Perspective


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Sessiecode"),
        max_length=40,
        help_text=_("Acht tekens, zoals de gespreksleider ze laat zien."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "class": "utrecht-textbox"}
        ),
    )


class JoinForm(forms.Form):
    perspective = forms.ChoiceField(label=_("Ik doe mee vanuit"), choices=Perspective.choices, widget=forms.RadioSelect)
    level = forms.ChoiceField(label=_("Niveau"), choices=[("", _("(niet opgegeven)")), *Level.choices], required=False)
    name = forms.CharField(
        label=_("Naam"),
        max_length=200,
        required=False,
        help_text=_("Niet verplicht. Uw naam staat niet bij uw post-its."),
        widget=forms.TextInput(attrs={"class": "utrecht-textbox", "autocomplete": "name"}),
    )


class PostItForm(forms.Form):
    colour = forms.ChoiceField(label=_("Soort post-it"), choices=Colour.choices, widget=forms.RadioSelect)
    # no max_length here: an overlong text gets the service's message, and stays in the form
    text = forms.CharField(
        label=_("Tekst"),
        help_text=_("Ten hoogste %(max)s tekens.") % {"max": POSTIT_MAX},
        widget=forms.Textarea(attrs={"rows": 3, "class": "utrecht-textarea", "maxlength": POSTIT_MAX}),
    )


class GroupForm(forms.Form):
    name = forms.CharField(
        label=_("Naam van de groep"), max_length=120, widget=forms.TextInput(attrs={"class": "utrecht-textbox"})
    )


class OptionForm(forms.Form):
    title = forms.CharField(
        label=_("Dilemma dat de groep toevoegt"),
        max_length=200,
        widget=forms.TextInput(attrs={"class": "utrecht-textbox"}),
    )


class VotingForm(forms.Form):
    votes_per_participant = forms.IntegerField(
        label=_("Stippen per deelnemer"),
        min_value=1,
        max_value=20,
        initial=3,
        widget=forms.NumberInput(attrs={"class": "utrecht-textbox"}),
    )


class AnswerForm(forms.Form):
    question = forms.IntegerField(min_value=1, max_value=6, widget=forms.HiddenInput)
    seen = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Antwoord"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "class": "utrecht-textarea", "maxlength": ANSWER_MAX}),
    )
