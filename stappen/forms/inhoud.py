"""Forms of the structured content pages. Every form re-renders with what was entered and a
Dutch message next to the field when something is wrong; the services check again."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.utils import timezone

from ivp.fields import DatumVeld
from ivp.versies import VersieForm
from stappen.constants import (
    GEWICHT_MAX,
    SCORE_MAX,
    SCORE_MIN,
    BronSoort,
    Criterium,
    Keuze,
)
from stappen.models import Bron, Doelstelling, Prioritering
from veiligheidsvelden.cijfers.selectors import Trend, citaat, indicatoren_voor
from veiligheidsvelden.models import Beleidsdocument, Indicator

TEKST_MAX = 20_000  # characters in one Markdown block


def _tekstvak(label: str, help_text: str = "", rows: int = 6, required: bool = False):
    return forms.CharField(
        label=label,
        required=required,
        max_length=TEKST_MAX,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "max_length": f"Deze tekst is te lang (hoogstens {TEKST_MAX:,} tekens).".replace(
                ",", "."
            )
        },
    )


class AnalyseForm(VersieForm, forms.Form):
    problematiek = _tekstvak(
        "Problematiek", "Wat speelt er: cijfers, trend en het verhaal achter de cijfers."
    )
    huidige_aanpak = _tekstvak("Huidige aanpak", "Wat de gemeente en partners al doen.")
    verbeterpunten = _tekstvak("Verbeterpunten", "Wat beter kan of ontbreekt.")


class AnalyseAuteurForm(forms.Form):
    """Who writes the analysis of one veld: a werkgroeplid, or the coordinator (empty)."""

    auteur = forms.ChoiceField(
        label="Schrijver van dit veld",
        required=False,
        error_messages={"invalid_choice": "Kies een lid van de werkgroep van deze gemeente."},
    )

    def __init__(self, *args: Any, leden: Iterable = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.leden = {str(lid.pk): lid for lid in leden}
        cast(forms.ChoiceField, self.fields["auteur"]).choices = [
            ("", "Coördinator (terugnemen)")
        ] + [(pk, lid.get_full_name() or lid.get_username()) for pk, lid in self.leden.items()]

    def gekozen(self):
        """The chosen werkgroeplid, or None for the coordinator (after `is_valid`)."""
        return self.leden.get(self.cleaned_data["auteur"])


class BronForm(forms.ModelForm):
    class Meta:
        model = Bron
        fields = ["soort", "titel", "periode", "vindplaats", "vertrouwelijk"]
        error_messages = {
            "titel": {"required": "Geef de titel van de bron."},
            "soort": {"required": "Kies de soort bron."},
            "vindplaats": {"invalid": "Vul een volledige link in, beginnend met https://."},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["soort"]).choices = [
            ("", "Kies een soort"),
            *BronSoort.choices,
        ]


class GewichtenScoresForm(forms.Form):
    """One weight per criterion and a 1–5 score per candidate theme and criterion."""

    def __init__(self, *args: Any, kandidaten: list, gewichten: dict[str, int], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.kandidaten = kandidaten
        for criterium, label in Criterium.choices:
            self.fields[f"gewicht_{criterium}"] = forms.IntegerField(
                label=f"Gewicht {label.lower()}",
                min_value=0,
                max_value=GEWICHT_MAX,
                initial=gewichten[criterium],
                error_messages={
                    "required": "Vul een gewicht in (0 laat het criterium weg).",
                    "invalid": "Vul een heel getal in.",
                    "min_value": "Een gewicht is 0 of meer.",
                    "max_value": f"Een gewicht is hoogstens {GEWICHT_MAX}.",
                },
                widget=forms.NumberInput(attrs={"class": "ivp-getal"}),
            )
        for kandidaat in kandidaten:
            for criterium, label in Criterium.choices:
                self.fields[f"score_{kandidaat.thema.pk}_{criterium}"] = forms.IntegerField(
                    label=f"{label} van {kandidaat.thema.code} {kandidaat.thema.naam}",
                    required=False,
                    min_value=SCORE_MIN,
                    max_value=SCORE_MAX,
                    initial=kandidaat.scores.get(criterium),
                    error_messages={
                        "invalid": "Vul een heel getal in.",
                        "min_value": f"Een score is {SCORE_MIN} tot en met {SCORE_MAX}.",
                        "max_value": f"Een score is {SCORE_MIN} tot en met {SCORE_MAX}.",
                    },
                    widget=forms.NumberInput(attrs={"class": "ivp-getal"}),
                )

    def gewicht_velden(self) -> list:
        return [self[f"gewicht_{c}"] for c in Criterium.values]

    def rijen(self) -> list[tuple[Any, list]]:
        return [
            (k, [self[f"score_{k.thema.pk}_{c}"] for c in Criterium.values])
            for k in self.kandidaten
        ]

    def gewichten(self) -> dict[str, int]:
        return {c: self.cleaned_data[f"gewicht_{c}"] for c in Criterium.values}

    def scores(self) -> dict[tuple[int, str], int | None]:
        return {
            (k.thema.pk, c): self.cleaned_data.get(f"score_{k.thema.pk}_{c}")
            for k in self.kandidaten
            for c in Criterium.values
        }


class PlaatsingenForm(forms.Form):
    """Each candidate theme placed as prioriteit, overig strategisch thema or beheer."""

    motivatie_aantal = _tekstvak(
        "Motivatie voor meer dan vier prioriteiten",
        "Pas toe of leg uit: de startnotitie gaat uit van drie à vier prioriteiten. Deze "
        "motivatie komt in het prioriteringsdocument.",
        rows=3,
    )

    def __init__(self, *args: Any, kandidaten: list, motivatie_aantal: str, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.kandidaten = kandidaten
        self.fields["motivatie_aantal"].initial = motivatie_aantal
        for kandidaat in kandidaten:
            plaatsing = kandidaat.plaatsing
            thema = kandidaat.thema
            self.fields[f"keuze_{thema.pk}"] = forms.ChoiceField(
                label=f"Plaatsing van {thema.code} {thema.naam}",
                required=False,
                choices=[("", "Nog niet geplaatst"), *Keuze.choices],
                initial=plaatsing.keuze if plaatsing else "",
            )
            self.fields[f"motivatie_{thema.pk}"] = forms.CharField(
                label=f"Motivatie bij {thema.code} {thema.naam}",
                required=False,
                max_length=2000,
                initial=plaatsing.motivatie if plaatsing else "",
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={
                    "max_length": "Deze motivatie is te lang (hoogstens 2.000 tekens)."
                },
            )

    def rijen(self) -> list[tuple[Any, Any, Any]]:
        return [
            (k, self[f"keuze_{k.thema.pk}"], self[f"motivatie_{k.thema.pk}"])
            for k in self.kandidaten
        ]

    def keuzes(self) -> dict[int, tuple[str, str]]:
        return {
            k.thema.pk: (
                self.cleaned_data[f"keuze_{k.thema.pk}"],
                self.cleaned_data[f"motivatie_{k.thema.pk}"],
            )
            for k in self.kandidaten
        }


class RaadplegingForm(forms.ModelForm):
    """The opiniërende bijeenkomst with the raad and the driehoek consultation."""

    class Meta:
        model = Prioritering
        fields = [
            "raad_bijeenkomst_op",
            "raad_bijeenkomst_uitkomst",
            "raad_niet_geraadpleegd_reden",
            "driehoek_op",
            "driehoek_uitkomst",
            "driehoek_kenmerk",
        ]
        field_classes = {"raad_bijeenkomst_op": DatumVeld, "driehoek_op": DatumVeld}
        widgets = {
            "raad_bijeenkomst_uitkomst": forms.Textarea(attrs={"rows": 3}),
            "raad_niet_geraadpleegd_reden": forms.Textarea(attrs={"rows": 3}),
            "driehoek_uitkomst": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        vandaag = timezone.localdate()
        for datum, uitkomst, wie in (
            ("raad_bijeenkomst_op", "raad_bijeenkomst_uitkomst", "de bijeenkomst"),
            ("driehoek_op", "driehoek_uitkomst", "het driehoeksoverleg"),
        ):
            if data.get(datum) and data[datum] > vandaag:
                self.add_error(datum, "Leg een raadpleging vast nadat die is gehouden.")
            if data.get(datum) and not (data.get(uitkomst) or "").strip():
                self.add_error(uitkomst, f"Vul de uitkomst van {wie} in.")
            if (data.get(uitkomst) or "").strip() and not data.get(datum):
                self.add_error(datum, f"Vul de datum van {wie} in.")
        if (
            data.get("raad_bijeenkomst_op")
            and (data.get("raad_niet_geraadpleegd_reden") or "").strip()
        ):
            self.add_error(
                "raad_niet_geraadpleegd_reden",
                "Er is een bijeenkomst met de raad vastgelegd; laat de reden waarom niet leeg.",
            )
        return data


class PrioriteitForm(VersieForm, forms.Form):
    aanleiding = _tekstvak("Aanleiding", "Kerncijfers en trend uit de analyse: waarom dit thema.")
    aanpak = _tekstvak(
        "Aanpak op hoofdlijnen",
        "Preventie, zorg en repressie; gebieds-, groeps- of persoonsgericht.",
    )
    partners = _tekstvak(
        "Partners en hun rollen",
        "Eén partner per regel met zijn rol, bijvoorbeeld: Politie – handhaving.",
        rows=4,
    )
    portefeuillehouder = forms.CharField(
        label="Portefeuillehouder",
        required=False,
        max_length=200,
        help_text="Bijvoorbeeld: burgemeester.",
    )
    beleidsdocumenten = forms.ModelMultipleChoiceField(
        label="Flankerend beleid",
        required=False,
        queryset=Beleidsdocument.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Het beleid van de gemeente waar deze prioriteit op aansluit.",
    )

    def __init__(self, *args: Any, beleidsdocumenten: list[Beleidsdocument], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = cast(forms.ModelMultipleChoiceField, self.fields["beleidsdocumenten"])
        veld.queryset = Beleidsdocument.objects.filter(
            pk__in=[b.pk for b in beleidsdocumenten]
        ).order_by("titel")
        if not beleidsdocumenten:
            del self.fields["beleidsdocumenten"]


class DoelstellingForm(VersieForm, forms.ModelForm):
    class Meta:
        model = Doelstelling
        fields = [
            "tekst",
            "indicator",
            "meetindicator",
            "nulmeting",
            "nulmeting_jaar",
            "streefwaarde",
            "streefjaar",
            "bron",
            "beleidsdocumenten",
        ]
        widgets = {
            "tekst": forms.Textarea(attrs={"rows": 3}),
            "beleidsdocumenten": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "tekst": {"required": "Beschrijf de doelstelling."},
            "nulmeting_jaar": {"invalid": "Vul een jaartal in, bijvoorbeeld 2022."},
            "streefjaar": {"invalid": "Vul een jaartal in, bijvoorbeeld 2026."},
        }
        help_texts = {
            "tekst": "Een effectdoel op strategisch niveau, zo SMART mogelijk.",
            "nulmeting": "Bijvoorbeeld 5,9 per 1.000 inwoners of 12%.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = cast(forms.ModelMultipleChoiceField, self.fields["beleidsdocumenten"])
        veld.queryset = Beleidsdocument.objects.filter(
            gemeente_id=self.instance.plaatsing.plan.gemeente_id
        ).order_by("titel")
        if not veld.queryset.exists():
            del self.fields["beleidsdocumenten"]
        _meetindicator_keuzes(self)


def _meetindicator_keuzes(form: DoelstellingForm) -> None:
    """The indicators with figures for the plan's gemeente (and its own); the service takes
    the nulmeting from the chosen one."""
    veld = cast(forms.ModelChoiceField, form.fields["meetindicator"])
    gemeente_id = form.instance.plaatsing.plan.gemeente_id
    veld.queryset = Indicator.objects.filter(
        pk__in=[i.pk for i in indicatoren_voor(gemeente_id)]
    ).order_by("naam", "pk")
    veld.empty_label = "Geen: ik vul de nulmeting zelf in"
    veld.help_text = (
        "Met een indicator uit het veiligheidsbeeld wordt de nulmeting de meting van het jaar "
        "van de nulmeting (leeg: de laatste meting), met de bron erbij."
    )


class CiteerForm(forms.Form):
    """A figure of the veiligheidsbeeld to cite: which indicator and year, and the version of
    the chapter the page showed. The sentence is made on the server, never taken from the
    form."""

    indicator = forms.IntegerField(widget=forms.HiddenInput)
    jaar = forms.IntegerField(widget=forms.HiddenInput)
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, trends: list[Trend], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.trends = {t.indicator.pk: t for t in trends}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        trend = self.trends.get(data.get("indicator", 0))
        if trend is None or data.get("jaar") not in trend.eigen.waarden:
            raise forms.ValidationError("Dit cijfer staat niet (meer) in het veiligheidsbeeld.")
        self.trend = trend
        return data

    def zin(self) -> str:
        return citaat(self.trend, self.cleaned_data["jaar"])
