from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

DATUMVOORBEELD = "Bijvoorbeeld 28-11-2026."
# The dates a plan can sensibly name: a date outside is a typo (31-12-9999), and arithmetic on
# it (four years on) would overflow.
DATUM_MIN = dt.date(2000, 1, 1)
DATUM_MAX = dt.date(2100, 12, 31)


class DatumVeld(forms.DateField):
    """A date entered and shown the Dutch way: 28-11-2026, between 2000 and 2100."""

    widget = forms.DateInput(format="%d-%m-%Y", attrs={"inputmode": "numeric"})
    input_formats = ["%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"]
    default_error_messages = {
        "invalid": "Vul een datum in als dag-maand-jaar, bijvoorbeeld 28-11-2026.",
        "buiten_bereik": "Vul een datum in tussen {vanaf} en {tot}.",
    }

    def __init__(
        self,
        *args: Any,
        help_text: str = "",
        vanaf: dt.date = DATUM_MIN,
        tot: dt.date = DATUM_MAX,
        **kwargs: Any,
    ) -> None:
        help_text = f"{help_text} {DATUMVOORBEELD}".strip()
        self.vanaf, self.tot = vanaf, tot
        super().__init__(*args, help_text=help_text, **kwargs)

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value and not self.vanaf <= value <= self.tot:
            raise ValidationError(
                self.error_messages["buiten_bereik"].format(
                    vanaf=f"{self.vanaf:%d-%m-%Y}", tot=f"{self.tot:%d-%m-%Y}"
                ),
                code="buiten_bereik",
            )
