from __future__ import annotations

from typing import Any, cast

from django import forms

from ivp.fields import DATUMVOORBEELD, DatumVeld
from ivp.forms import Veldenformulier
from ivp.models import Gemeente, Plan
from ivp.versies import VersieForm
from stappen.models import Stap


class PlanForm(VersieForm, forms.ModelForm):
    """A new plan (with its gemeente) or the period and extension of an existing one."""

    class Meta:
        model = Plan
        fields = [
            "gemeente",
            "titel",
            "traject_start",
            "periode_start",
            "periode_eind",
            "verlengd_tot",
            "verlenging_reden",
            "looptijd_motivatie",
        ]
        field_classes = {
            "traject_start": DatumVeld,
            "periode_start": DatumVeld,
            "periode_eind": DatumVeld,
            "verlengd_tot": DatumVeld,
        }
        widgets = {
            "verlenging_reden": forms.Textarea(attrs={"rows": 3}),
            "looptijd_motivatie": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, gemeenten: list[Gemeente] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["gemeente"]
        else:
            gemeente = cast(forms.ModelChoiceField, self.fields["gemeente"])
            gemeente.queryset = Gemeente.objects.filter(pk__in=[g.pk for g in gemeenten or []])
            gemeente.empty_label = None
            self.fields["periode_eind"].required = False
            self.fields[
                "periode_eind"
            ].help_text = f"Leeg laten voor vier jaar vanaf de begindatum. {DATUMVOORBEELD}"


class StapPlanningForm(forms.ModelForm):
    class Meta:
        model = Stap
        fields = ["gepland_start", "gepland_eind"]
        field_classes = {"gepland_start": DatumVeld, "gepland_eind": DatumVeld}


class OvergangForm(forms.Form):
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Komt in het logboek van het plan.",
    )


class HeropenForm(Veldenformulier, forms.Form):
    toelichting = forms.CharField(
        label="Reden om de stap te heropenen",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Geef de reden waarom deze stap weer open gaat."},
    )


class AanbiedenForm(OvergangForm):
    motivatie = forms.CharField(
        label="Motivatie: waarom gaat het document met open punten ter besluitvorming?",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Verplicht als er punten open staan (pas toe of leg uit); de motivatie "
        "blijft bij de versie.",
    )


class BesprekingSluitenForm(OvergangForm):
    bevestigd = forms.BooleanField(
        label="Ik sluit de bespreking vóór het einde van de reactietermijn",
        required=False,
    )
