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


class VertrouwelijkForm(forms.Form):
    vertrouwelijk = forms.BooleanField(
        label="Vertrouwelijk",
        required=False,
        help_text="Niet in de openbare PDF: daar staat alleen dat dit deel is weggelaten en "
        "waarom. De besloten PDF bevat het wel.",
    )
    reden = forms.CharField(
        label="Reden van vertrouwelijkheid",
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Staat in de openbare PDF, bijvoorbeeld: het hoofdstuk bevat het "
        "ondermijningsbeeld van politie en RIEC.",
    )

    def clean(self) -> dict[str, object]:
        gegevens = super().clean() or {}
        if gegevens.get("vertrouwelijk") and not str(gegevens.get("reden", "")).strip():
            self.add_error("reden", "Vul in waarom dit deel vertrouwelijk is.")
        return gegevens
