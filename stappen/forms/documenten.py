from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from django import forms

from ivp.fields import DatumVeld
from ivp.models import Gebruiker
from stappen.constants import INFORMATIEVORMEN, BesluitUitkomst, OpmerkingUitkomst
from stappen.models import (
    MAX_CITAAT_TEKENS,
    MAX_HOOFDSTUK_TEKENS,
    MAX_OPMERKING_TEKENS,
)


class HoofdstukForm(forms.Form):
    tekst = forms.CharField(
        label="Tekst",
        required=False,
        max_length=MAX_HOOFDSTUK_TEKENS,
        widget=forms.Textarea(attrs={"rows": 18, "class": "ivp-markdown"}),
        help_text=(
            "In Markdown: een lege regel begint een nieuwe alinea, **vet**, *cursief*, "
            "- voor een opsomming, ## voor een tussenkop en ### voor een kop daaronder "
            "(de titel van het hoofdstuk staat er al boven), [tekst](https://…) voor een link."
        ),
        error_messages={
            "max_length": "Een hoofdstuk mag hoogstens %(limit_value)d tekens zijn "
            "(nu %(show_value)d). Splits het hoofdstuk of kort het in."
        },
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)


class BesprekingForm(forms.Form):
    sluit_op = DatumVeld(label="Reactietermijn tot en met")
    bericht = forms.CharField(
        label="Bericht aan de werkgroep",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Komt in de melding en de e-mail aan de werkgroepleden.",
    )


class OpmerkingForm(forms.Form):
    sectie = forms.CharField(widget=forms.HiddenInput)
    citaat = forms.CharField(
        label="Passage (optioneel)",
        required=False,
        max_length=MAX_CITAAT_TEKENS,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Kopieer de zin of zinnen waar uw opmerking over gaat.",
        error_messages={"max_length": "Citeer hoogstens %(limit_value)d tekens uit de tekst."},
    )
    tekst = forms.CharField(
        label="Opmerking",
        max_length=MAX_OPMERKING_TEKENS,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Noem een collega met @gebruikersnaam; die krijgt dan een melding.",
        error_messages={
            "required": "Schrijf uw opmerking.",
            "max_length": "Een opmerking mag hoogstens %(limit_value)d tekens zijn "
            "(nu %(show_value)d).",
        },
    )


class AntwoordForm(forms.Form):
    tekst = forms.CharField(
        label="Uw reactie",
        max_length=MAX_OPMERKING_TEKENS,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Noem een collega met @gebruikersnaam; die krijgt dan een melding.",
        error_messages={
            "required": "Schrijf uw reactie.",
            "max_length": "Een reactie mag hoogstens %(limit_value)d tekens zijn "
            "(nu %(show_value)d).",
        },
    )


class UitkomstForm(forms.Form):
    uitkomst = forms.ChoiceField(
        label="Wat is er met deze opmerking gedaan?",
        choices=OpmerkingUitkomst.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies wat er met de opmerking is gedaan."},
    )
    reden = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Verplicht bij deels of niet verwerkt; komt in de reactienota.",
    )


class BesluitForm(forms.Form):
    datum = DatumVeld(label="Datum van het besluit")
    kenmerk = forms.CharField(
        label="Kenmerk", required=False, max_length=50, help_text="Bijvoorbeeld 2023-RAAD-00012."
    )
    uitkomst = forms.ChoiceField(
        label="Uitkomst",
        choices=[c for c in BesluitUitkomst.choices if c[0] != BesluitUitkomst.KENNISGENOMEN],
        widget=forms.RadioSelect,
    )
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Verplicht als het besluit is aangehouden of verworpen.",
    )


class RaadInformatieForm(forms.Form):
    """The raad informed of a document the college adopted (ter kennisname)."""

    vorm = forms.ChoiceField(
        label="Hoe is de raad geïnformeerd?",
        choices=[(v.value, v.label) for v in INFORMATIEVORMEN],
        widget=forms.RadioSelect,
        error_messages={"required": "Kies een raadsinformatiebrief of een agendapunt."},
    )
    datum = DatumVeld(label="Datum van de brief of de raadsvergadering")
    kenmerk = forms.CharField(
        label="Kenmerk",
        required=False,
        max_length=50,
        help_text="Het nummer van de raadsinformatiebrief of het agendapunt, bijvoorbeeld "
        "2023-RIB-0012.",
    )
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bijvoorbeeld: voor kennisgeving aangenomen, of de vragen die de raad stelde.",
    )


class AuteurForm(forms.Form):
    auteur = forms.ChoiceField(label="Auteur", required=False)

    def __init__(self, *args: Any, leden: Iterable[Gebruiker] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["auteur"]).choices = [
            ("", "De coördinator (terugnemen)")
        ] + [(str(lid.pk), lid.get_full_name() or lid.get_username()) for lid in leden]


class VersieForm(forms.Form):
    aanleiding = forms.CharField(
        label="Waarom deze versie?",
        required=False,
        max_length=200,
        help_text="Bijvoorbeeld: voor het ambtelijk overleg met de politie.",
    )
