from __future__ import annotations

from typing import Any

from django import forms


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def style(fields: Any) -> None:
    """Adds the NL Design System classes to the widgets of `fields` (a form's fields, or some of them)."""
    for field in fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            css = "utrecht-checkbox utrecht-checkbox--html-input"
        elif isinstance(widget, (forms.CheckboxSelectMultiple, forms.RadioSelect)):
            css = ""
        elif isinstance(widget, (forms.Select, forms.SelectMultiple)):
            css = "utrecht-select utrecht-select--html-select"
        elif isinstance(widget, forms.Textarea):
            css = "utrecht-textarea utrecht-textarea--html-textarea"
        else:
            css = "utrecht-textbox utrecht-textbox--html-input"
        if css and css not in widget.attrs.get("class", ""):
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


class StyledFormMixin:
    """Adds the NL Design System classes to every widget, so templates stay plain. A form that adds fields in its
    own __init__ calls `style(self.fields)` after adding them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        style(self.fields)  # type: ignore[attr-defined]


class VersionedFormMixin(StyledFormMixin):
    """Carries the row's version so that a save over someone else's newer change is refused."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        self.fields["version"] = forms.IntegerField(  # type: ignore[attr-defined]
            widget=forms.HiddenInput, initial=getattr(instance, "version", None), required=False
        )
