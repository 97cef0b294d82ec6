"""The follow-up form (a new plan from the previous one) and the score of a doelstelling."""

from __future__ import annotations

from typing import Any

from django import forms

from ivp.fields import DATUMVOORBEELD, DatumVeld
from stappen.constants import EvaluatieScore
from stappen.models.vervolg import MAX_TOELICHTING_TEKENS
from stappen.selectors.vervolg import Voorstel


class VervolgForm(forms.Form):
    titel = forms.CharField(label="Titel", max_length=200)
    traject_start = DatumVeld(
        label="Start traject", help_text="De dag waarop het traject begint met de startnotitie."
    )
    periode_start = DatumVeld(label="Looptijd vanaf")
    periode_eind = DatumVeld(
        label="Looptijd tot en met",
        required=False,
        help_text="Leeg laten voor vier jaar vanaf de begindatum.",
    )
    looptijd_motivatie = forms.CharField(
        label="Motivatie van de looptijd",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Verplicht als de looptijd geen vier jaar is (pas toe of leg uit).",
    )
    overlap_reden = forms.CharField(
        label="Reden van de overlap met het vorige plan",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Verplicht als de looptijd begint voordat het vorige plan (met verlenging) "
        "afloopt.",
    )

    def __init__(self, *args: Any, voorstel: Voorstel, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "titel": voorstel.titel,
                "traject_start": voorstel.traject_start,
                "periode_start": voorstel.periode_start,
            },
        )
        super().__init__(*args, **kwargs)
        eind = self.fields["periode_eind"]
        eind.help_text = f"Leeg laten voor vier jaar vanaf de begindatum. {DATUMVOORBEELD}"
        self.overnames = []
        for overname, keuzes in voorstel.keuzes:
            naam = f"overnemen_{overname.sleutel}"
            self.fields[naam] = forms.MultipleChoiceField(
                label=overname.titel,
                required=False,
                choices=keuzes,
                widget=forms.CheckboxSelectMultiple,
                help_text=overname.uitleg,
                initial=[k for k, _ in keuzes] if overname.standaard_aan else [],
            )
            self.overnames.append(overname.sleutel)

    def overnemen(self) -> dict[str, list[str]]:
        return {s: list(self.cleaned_data.get(f"overnemen_{s}", [])) for s in self.overnames}

    def plangegevens(self) -> dict[str, Any]:
        return {
            naam: self.cleaned_data[naam]
            for naam in (
                "titel",
                "traject_start",
                "periode_start",
                "periode_eind",
                "looptijd_motivatie",
                "overlap_reden",
            )
        }


class EvaluatieForm(forms.Form):
    score = forms.ChoiceField(
        label="Score",
        choices=EvaluatieScore.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies een score."},
    )
    toelichting = forms.CharField(
        label="Toelichting",
        max_length=MAX_TOELICHTING_TEKENS,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Kort: waarom deze score.",
        error_messages={"required": "Licht de score kort toe."},
    )


class EvaluatieMotivatieForm(forms.Form):
    motivatie = forms.CharField(
        label="Motivatie: waarom sluit stap 1 zonder een score voor elke doelstelling?",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Pas toe of leg uit; de motivatie staat in de evaluatie in de startnotitie. "
        "Leeg laten om zonder motivatie te werken.",
    )
