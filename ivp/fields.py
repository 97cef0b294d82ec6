from __future__ import annotations

from typing import Any

from django import forms

DATUMVOORBEELD = "Bijvoorbeeld 28-11-2026."


class DatumVeld(forms.DateField):
    """A date entered and shown the Dutch way: 28-11-2026."""

    widget = forms.DateInput(format="%d-%m-%Y", attrs={"inputmode": "numeric"})
    input_formats = ["%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"]
    default_error_messages = {
        "invalid": "Vul een datum in als dag-maand-jaar, bijvoorbeeld 28-11-2026.",
    }

    def __init__(self, *args: Any, help_text: str = "", **kwargs: Any) -> None:
        help_text = f"{help_text} {DATUMVOORBEELD}".strip()
        super().__init__(*args, help_text=help_text, **kwargs)
