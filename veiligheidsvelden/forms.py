from __future__ import annotations

from typing import Any, cast

from django import forms

from ivp.fields import DatumVeld
from veiligheidsvelden.constants import BeleidsdocumentSoort
from veiligheidsvelden.models import Thema, Veld


class ThemaForm(forms.Form):
    naam = forms.CharField(
        label="Naam van het thema",
        max_length=150,
        error_messages={"required": "Geef het thema een naam."},
    )
    hoofdthema = forms.ModelChoiceField(
        label="Onder hoofdthema",
        required=False,
        queryset=Thema.objects.none(),
        empty_label="Geen: het is zelf een hoofdthema",
        help_text="Een thema onder een hoofdthema hoort bij het veld van dat hoofdthema.",
    )
    veld = forms.ModelChoiceField(
        label="Veiligheidsveld (voor een eigen hoofdthema)",
        required=False,
        queryset=Veld.objects.order_by("code"),
        empty_label="Veldoverstijgend",
    )
    omschrijving = forms.CharField(
        label="Omschrijving",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, hoofdthemas: list[Thema], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = cast(forms.ModelChoiceField, self.fields["hoofdthema"])
        veld.queryset = Thema.objects.filter(pk__in=[t.pk for t in hoofdthemas]).order_by("code")


class ThemaWijzigForm(forms.Form):
    naam = forms.CharField(
        label="Naam van het thema",
        max_length=150,
        error_messages={"required": "Geef het thema een naam."},
    )
    omschrijving = forms.CharField(
        label="Omschrijving",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class BeleidsdocumentForm(forms.Form):
    soort = forms.ChoiceField(
        label="Soort beleid",
        choices=BeleidsdocumentSoort.choices,
        error_messages={"required": "Kies de soort beleid."},
    )
    titel = forms.CharField(
        label="Titel", max_length=200, error_messages={"required": "Geef de titel van het beleid."}
    )
    vastgesteld_op = DatumVeld(label="Vastgesteld op", required=False)
    vindplaats = forms.URLField(
        label="Vindplaats",
        required=False,
        help_text="De link naar het beleid, bijvoorbeeld op lokaleregelgeving.overheid.nl.",
        error_messages={"invalid": "Vul een volledige link in, beginnend met https://."},
    )
    themas = forms.ModelMultipleChoiceField(
        label="Thema's",
        required=False,
        queryset=Thema.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="De thema's waar dit beleid op aansluit.",
    )

    def __init__(self, *args: Any, themas: list[Thema], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = cast(forms.ModelMultipleChoiceField, self.fields["themas"])
        veld.queryset = Thema.objects.filter(pk__in=[t.pk for t in themas]).order_by("code")


class CijferbestandForm(forms.Form):
    """The CSV download of StatLine, for servers that cannot reach CBS."""

    MAX_GROOTTE = 20 * 1024 * 1024

    bestand = forms.FileField(
        label="CSV-bestand van StatLine",
        help_text="De ‘onbewerkte dataset’ van 83648NED, 47022NED of 85146NED, als CSV "
        "gedownload van opendata.cbs.nl of data.politie.nl (hoogstens 20 MB).",
        error_messages={
            "required": "Kies het CSV-bestand dat u van StatLine hebt gedownload.",
            "empty": "Het gekozen bestand is leeg.",
        },
    )

    def clean_bestand(self) -> bytes:
        bestand = self.cleaned_data["bestand"]
        if bestand.size > self.MAX_GROOTTE:
            raise forms.ValidationError("Het bestand is groter dan 20 MB.")
        inhoud: bytes = bestand.read()
        return inhoud
