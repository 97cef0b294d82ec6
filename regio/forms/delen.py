"""The regional coordinator's forms on shared parts (docs/regio.md)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from ivp.fields import DatumVeld
from ivp.models import Gemeente
from ivp.versies import VersieForm
from regio.constants import DeelSoort
from regio.models import MAX_DEEL_TEKENS, Regiodoelstelling
from veiligheidsvelden.models import Thema, Veld


class _Keuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.code} {obj.naam}"


class DeelForm(VersieForm, forms.Form):
    """A shared part; `soort` decides which of thema (a priority) and veld (an analysis) it
    asks. A published part keeps its thema or veld: the field is then not shown."""

    titel = forms.CharField(
        label="Titel",
        max_length=200,
        error_messages={"required": "Geef het deel een titel."},
    )
    thema = _Keuze(
        label="Thema",
        queryset=Thema.objects.none(),
        help_text="Een thema van de VNG-lijst: dat kan elke gemeente van de regio gebruiken.",
        error_messages={"required": "Kies het thema van de bovenlokale prioriteit."},
    )
    veld = _Keuze(
        label="Veiligheidsveld",
        queryset=Veld.objects.none(),
        error_messages={"required": "Kies het veiligheidsveld van de regionale analyse."},
    )
    tekst = forms.CharField(
        label="Tekst",
        required=False,
        max_length=MAX_DEEL_TEKENS,
        widget=forms.Textarea(attrs={"rows": 14}),
        error_messages={
            "max_length": f"Deze tekst is te lang (hoogstens {MAX_DEEL_TEKENS:,} tekens).".replace(
                ",", "."
            )
        },
    )
    volgorde = forms.IntegerField(
        label="Volgorde",
        min_value=0,
        max_value=999,
        initial=0,
        required=False,
        help_text="Kleinere getallen staan eerder in het document.",
        error_messages={"invalid": "Vul een heel getal in."},
    )

    def __init__(self, *args: Any, soort: str, gepubliceerd: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if soort == DeelSoort.PRIORITEIT and not gepubliceerd:
            self.fields["thema"].queryset = Thema.objects.filter(gemeente__isnull=True).order_by(  # type: ignore[attr-defined]
                "code"
            )
        else:
            del self.fields["thema"]
        if soort == DeelSoort.ANALYSE and not gepubliceerd:
            self.fields["veld"].queryset = Veld.objects.order_by("code")  # type: ignore[attr-defined]
        else:
            del self.fields["veld"]
        hulp: dict[str, str] = {
            DeelSoort.PRIORITEIT.value: (
                "Aanleiding en aanpak op hoofdlijnen, in Markdown (### voor een kopje). De "
                "doelstellingen voegt u hierna toe; ze komen als tabel onder de tekst."
            ),
            DeelSoort.ANALYSE.value: "De regionale analyse van het veld, in Markdown.",
            DeelSoort.HOOFDSTUK.value: "De tekst van het gedeelde hoofdstuk, in Markdown.",
        }
        self.fields["tekst"].help_text = hulp.get(soort, "")


class RegiodoelstellingForm(VersieForm, forms.ModelForm):
    class Meta:
        model = Regiodoelstelling
        fields = [
            "tekst",
            "indicator",
            "nulmeting",
            "nulmeting_jaar",
            "streefwaarde",
            "streefjaar",
            "bron",
        ]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "tekst": {"required": "Beschrijf de doelstelling."},
            "nulmeting_jaar": {"invalid": "Vul een jaartal in, bijvoorbeeld 2022."},
            "streefjaar": {"invalid": "Vul een jaartal in, bijvoorbeeld 2026."},
        }
        help_texts = {
            "tekst": "Een effectdoel op strategisch niveau, zo SMART mogelijk; hetzelfde voor "
            "elke gemeente die de prioriteit overneemt.",
            "nulmeting": "Bijvoorbeeld 5,9 per 1.000 inwoners of 12%.",
        }


class PubliceerForm(VersieForm, forms.Form):
    driehoek_op = DatumVeld(
        label="Besproken in de interlokale driehoek op",
        error_messages={
            "required": "Vul de datum in waarop de interlokale driehoek dit deel besprak."
        },
    )
    driehoek_kenmerk = forms.CharField(
        label="Kenmerk van het verslag",
        max_length=50,
        required=False,
        help_text="Niet verplicht.",
    )
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Wat er veranderd is en waarom; de gemeenten zien dit bij het voorstel.",
    )


class LidToevoegenForm(forms.Form):
    gemeente = forms.ModelChoiceField(
        label="Gemeente",
        queryset=Gemeente.objects.none(),
        error_messages={"required": "Kies de gemeente die lid wordt."},
    )

    def __init__(self, *args: Any, kandidaten: QuerySet[Gemeente], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = kandidaten  # type: ignore[attr-defined]
