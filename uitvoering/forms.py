"""The forms of the uitvoering pages. They check only the form of the input; the services
check the rest (doelstelling or theme, planning within the year, who may write) and their
refusals land on the fields named here, so nothing entered is lost."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet

from ivp.fields import DatumVeld
from ivp.models import Gebruiker
from regio.models import Regiodoelstelling
from stappen.models import Doelstelling, Plaatsing
from uitvoering.constants import (
    KWARTAAL_KEUZES,
    ActiviteitSoort,
    ActiviteitStatus,
    VoortgangStatus,
)
from werkgroep.forms import LedenKeuze, UrenVeld, zet_keuzes
from werkgroep.models import Lid

KWARTAAL_OPTIES = [("", "—"), *KWARTAAL_KEUZES]


class BedragVeld(UrenVeld):
    """An amount in euros, entered the Dutch way (1250,50) or with a dot."""

    default_error_messages = {"invalid": "Vul een bedrag in euro's in, bijvoorbeeld 1250,50."}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(**kwargs)


class DoelstellingKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Doelstelling) -> str:
        return f"{obj.plaatsing.thema.naam}: {obj.tekst[:90]}"


class ThemaKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Plaatsing) -> str:
        return f"{obj.thema.code} {obj.thema.naam}"


class RegiodoelstellingKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Regiodoelstelling) -> str:
        return f"{obj.deel.titel}: {obj.tekst[:90]}"


class PersoonKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Gebruiker) -> str:
        return obj.get_full_name() or obj.username


# The order of the fields on both activity forms (a name a form lacks is skipped).
VELDVOLGORDE = [
    "titel",
    "soort",
    "omschrijving",
    "doelstelling",
    "regiodoelstelling",
    "beheer_thema",
    "resultaat",
    "resultaat_aantal",
    "resultaat_eenheid",
    "trekker",
    "trekker_gebruiker",
    "trekker_organisatie",
]


class _ActiviteitVelden(forms.Form):
    """The fields a local and a regional activity share."""

    field_order = VELDVOLGORDE

    titel = forms.CharField(label="Activiteit", max_length=200)
    soort = forms.ChoiceField(
        label="Soort",
        choices=ActiviteitSoort.choices,
        initial=ActiviteitSoort.MAATREGEL,
        required=False,  # a maatregel unless told otherwise
    )
    omschrijving = forms.CharField(
        label="Omschrijving", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    resultaat = forms.CharField(
        label="Beoogd resultaat", max_length=300, required=False, help_text="Zo meetbaar mogelijk."
    )
    resultaat_aantal = UrenVeld(
        label="Aantal", required=False, max_digits=12, decimal_places=2, help_text="Bijv. 2."
    )
    resultaat_eenheid = forms.CharField(
        label="Eenheid", max_length=60, required=False, help_text="Bijv. bijeenkomsten."
    )
    trekker_organisatie = forms.CharField(
        label="Of: trekker (partnerorganisatie)", max_length=150, required=False
    )
    partners = forms.CharField(
        label="Betrokken partners",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Eén partner per regel.",
    )
    start = DatumVeld(label="Start", required=False, help_text="Of kies hieronder kwartalen.")
    eind = DatumVeld(label="Eind", required=False)
    kwartaal_van = forms.TypedChoiceField(
        label="Eerste kwartaal",
        choices=KWARTAAL_OPTIES,
        coerce=int,
        required=False,
        empty_value=None,
    )
    kwartaal_tot = forms.TypedChoiceField(
        label="Laatste kwartaal",
        choices=KWARTAAL_OPTIES,
        coerce=int,
        required=False,
        empty_value=None,
    )
    begroot = BedragVeld(label="Begroot (€)", initial=Decimal(0))
    besteed = BedragVeld(label="Besteed (€)", initial=Decimal(0))
    dekking = forms.CharField(
        label="Dekking", max_length=200, required=False, help_text="Begrotingspost of partner."
    )
    status = forms.ChoiceField(
        label="Status", choices=ActiviteitStatus.choices, initial=ActiviteitStatus.GEPLAND
    )

    def clean_soort(self) -> str:
        return self.cleaned_data.get("soort") or ActiviteitSoort.MAATREGEL


class ActiviteitForm(_ActiviteitVelden):
    """An activity of a member's uitvoeringsplan."""

    doelstelling = DoelstellingKeuze(
        label="Draagt bij aan doelstelling",
        queryset=Doelstelling.objects.none(),
        required=False,
        empty_label="— kies een doelstelling —",
        help_text="Verplicht, tenzij de activiteit onder een regulier thema (beheer) valt.",
    )
    beheer_thema = ThemaKeuze(
        label="Of: regulier thema (beheer)",
        queryset=Plaatsing.objects.none(),
        required=False,
        empty_label="— geen —",
    )
    trekker = LedenKeuze(
        label="Trekker (werkgroeplid)",
        queryset=Lid.objects.none(),
        required=False,
        empty_label="— geen werkgroeplid —",
    )

    def __init__(
        self,
        *args: Any,
        doelstellingen: QuerySet[Doelstelling] | list[Doelstelling],
        beheer: QuerySet[Plaatsing] | list[Plaatsing],
        leden: QuerySet[Lid],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        pks = [d.pk for d in doelstellingen]
        zet_keuzes(
            self,
            doelstelling=Doelstelling.objects.filter(pk__in=pks)
            .select_related("plaatsing__thema")
            .order_by("plaatsing__volgorde", "pk"),
            beheer_thema=Plaatsing.objects.filter(pk__in=[p.pk for p in beheer])
            .select_related("thema")
            .order_by("thema__code"),
            trekker=leden,
        )


class RegionaleActiviteitForm(_ActiviteitVelden):
    """A regional activity: a shared doelstelling instead of a member's, a person of the
    region or a partner organisation as trekker."""

    regiodoelstelling = RegiodoelstellingKeuze(
        label="Draagt bij aan bovenlokale doelstelling",
        queryset=Regiodoelstelling.objects.none(),
        required=False,
        empty_label="— geen: in het plan van elke gemeente —",
        help_text="Staat in het uitvoeringsplan van elke gemeente die deze bovenlokale "
        "prioriteit overnam; zonder doelstelling in dat van elke gemeente van de regio.",
    )
    trekker_gebruiker = PersoonKeuze(
        label="Trekker (persoon)",
        queryset=Gebruiker.objects.none(),
        required=False,
        empty_label="— geen persoon —",
        help_text="Legt de voortgang vast, voor de hele regio.",
    )

    def __init__(
        self,
        *args: Any,
        doelstellingen: QuerySet[Regiodoelstelling],
        trekkers: QuerySet[Gebruiker],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        zet_keuzes(self, regiodoelstelling=doelstellingen, trekker_gebruiker=trekkers)


class VoortgangForm(forms.Form):
    kwartaal = forms.TypedChoiceField(label="Kwartaal", choices=KWARTAAL_KEUZES, coerce=int)
    status = forms.ChoiceField(
        label="Voortgang", choices=VoortgangStatus.choices, widget=forms.RadioSelect
    )
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Verplicht bij ‘aandacht nodig’ of ‘achter op schema’.",
    )
    besteed = BedragVeld(label="Besteed tot nu toe (€)", initial=Decimal(0))
    activiteit_status = forms.ChoiceField(
        label="Status van de activiteit",
        choices=[("", "— ongewijzigd —"), *ActiviteitStatus.choices],
        required=False,
    )


class MetingForm(forms.Form):
    jaar = forms.IntegerField(label="Jaar", min_value=2000, max_value=2100)
    waarde = UrenVeld(label="Waarde", max_digits=14, decimal_places=3)


class IndicatorForm(forms.Form):
    naam = forms.CharField(label="Naam van de indicator", max_length=200)
    eenheid = forms.CharField(label="Eenheid", max_length=60, help_text="Bijv. aantal, %.")
    richting = forms.ChoiceField(
        label="Richting",
        choices=[("lager", "Lager is beter"), ("hoger", "Hoger is beter")],
    )
