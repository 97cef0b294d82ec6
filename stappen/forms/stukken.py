"""The voorstel form (docs/pdf.md)."""

from __future__ import annotations

from django import forms

from ivp.fields import DatumVeld
from stappen.models import Voorstel
from stappen.services.stukken import VOORSTEL_VELDEN

_TEKSTVAK = {"rows": 4}


class VoorstelForm(forms.ModelForm):
    vergaderdatum = DatumVeld(
        label="Datum vergadering",
        required=False,
        help_text="De vergadering die besluit, bijvoorbeeld 15-12-2026.",
    )

    class Meta:
        model = Voorstel
        fields = list(VOORSTEL_VELDEN)
        widgets = {
            naam: forms.Textarea(attrs=_TEKSTVAK)
            for naam in (
                "beslispunten",
                "inleiding",
                "beoogd_effect",
                "argumenten",
                "kanttekeningen",
                "alternatieven",
                "financien",
                "communicatie",
                "vervolg",
                "bijlagen",
            )
        }
        error_messages = {
            "onderwerp": {"required": "Vul het onderwerp in."},
            "portefeuillehouder": {"required": "Vul de portefeuillehouder in."},
            "beslispunten": {"required": "Vul ten minste één beslispunt in."},
        }
