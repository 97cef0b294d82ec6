"""Forms of the bestuurlijke planning: a meeting, an .ics upload, the feed, the lead times,
and the counted-back planning the coordinator accepts or adjusts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from ivp.fields import DatumVeld
from stappen.constants import VergaderOrgaan
from stappen.models import Stap, Vergadering, Vergadertermijnen

# An .ics upload larger than this is not a meeting calendar.
MAX_ICS_BYTES = 5 * 1024 * 1024
HERKEN = [("", "Herkennen aan de titel (college, commissie, raad)"), *VergaderOrgaan.choices]


class VergaderingForm(forms.ModelForm):
    class Meta:
        model = Vergadering
        fields = ["orgaan", "datum", "begintijd", "naam"]
        field_classes = {"datum": DatumVeld}
        widgets = {"begintijd": forms.TimeInput(format="%H:%M", attrs={"inputmode": "numeric"})}
        help_texts = {"begintijd": "Bijvoorbeeld 19:30. Mag leeg blijven."}


class IcsUploadForm(forms.Form):
    bestand = forms.FileField(
        label="iCalendar-bestand (.ics)",
        help_text="Exporteer de vergaderkalender uit het raadsinformatiesysteem (iBabs, "
        "NotuBiz, GO) en kies het bestand.",
        error_messages={"required": "Kies het .ics-bestand dat u wilt inlezen."},
    )
    orgaan = forms.ChoiceField(label="Vergaderingen in het bestand", choices=HERKEN, required=False)

    def clean_bestand(self) -> bytes:
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_ICS_BYTES:
            raise forms.ValidationError("Dit bestand is te groot (meer dan 5 MB).")
        return bytes(bestand.read())


class FeedForm(forms.ModelForm):
    class Meta:
        model = Vergadertermijnen
        fields = ["feed_url", "feed_orgaan"]
        labels = {"feed_orgaan": "Vergaderingen in de agenda"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        orgaan = self.fields["feed_orgaan"]
        assert isinstance(orgaan, forms.ChoiceField)
        orgaan.choices = HERKEN
        self.fields["feed_url"].error_messages["invalid"] = (
            "Vul een volledig webadres in, beginnend met https://."
        )


class TermijnenForm(forms.ModelForm):
    class Meta:
        model = Vergadertermijnen
        fields = ["college_werkdagen", "commissie_werkdagen", "raad_werkdagen"]


class RaadKeuzeForm(forms.Form):
    """Which raad meeting should decide the step's product (GET: shows the proposal)."""

    raad = forms.ModelChoiceField(
        label="Raadsvergadering",
        queryset=Vergadering.objects.none(),
        empty_label="Kies een raadsvergadering",
        error_messages={
            "required": "Kies de raadsvergadering.",
            "invalid_choice": "Kies de raadsvergadering uit de lijst.",
        },
    )

    def __init__(self, *args: Any, vergaderingen: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        raad = self.fields["raad"]
        assert isinstance(raad, forms.ModelChoiceField)
        raad.queryset = vergaderingen


class AccepteerForm(forms.Form):
    """The proposal, prefilled: the stukken date and every deadline that changes."""

    raad = forms.IntegerField(widget=forms.HiddenInput)
    stukken_datum = DatumVeld(label="Stukken gereed voor het college")

    def __init__(
        self,
        *args: Any,
        deadlines: dict[int, tuple[dt.date, dt.date]],
        stappen: dict[int, Stap],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for nummer, (nu, voorstel) in deadlines.items():
            stap = stappen[nummer]
            self.fields[f"deadline_{nummer}"] = DatumVeld(
                label=f"Deadline stap {nummer}: {stap.get_nummer_display()}",
                help_text=f"Nu {nu:%d-%m-%Y}; voorgesteld {voorstel:%d-%m-%Y}.",
                initial=voorstel,
            )

    def deadlines(self) -> dict[int, dt.date]:
        return {
            int(naam.removeprefix("deadline_")): waarde
            for naam, waarde in self.cleaned_data.items()
            if naam.startswith("deadline_")
        }
