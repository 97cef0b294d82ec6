"""Frozen copy of the meeting page's forms as they were before issue 8's rows (agenda item,
actiepunt, attendance): their choices built from model instances through querysets, with the
reads the view gave them. `test_bijeenkomst_formulieren.py` renders these and today's forms on
the same meeting and compares the HTML. Do not change: it is the reference."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import Prefetch, QuerySet

from ivp.fields import DatumVeld
from ivp.forms import Keuzegroep
from stappen.constants import DocumentStatus
from stappen.models import Document, Opmerking, Versie
from werkgroep.constants import Aanwezigheid
from werkgroep.models import AGENDA_CITAAT_TEKENS, Lid


def versie_tekst(versie: Versie) -> str:
    return f"{versie.document.titel} — versie {versie.nummer}"


def draad_tekst(draad: Opmerking) -> str:
    sectie = draad.versie.sectie(draad.sectie)
    titel = sectie.get("titel") if sectie else draad.sectie
    tekst = " ".join(draad.tekst.split())
    if len(tekst) > AGENDA_CITAAT_TEKENS:
        tekst = tekst[:AGENDA_CITAAT_TEKENS].rstrip() + "…"
    return f"Opmerking van {draad.auteur} bij ‘{titel}’ ({versie_tekst(draad.versie)}): {tekst}"


def documenten_van(plan) -> QuerySet[Document]:
    return (
        Document.objects.filter(plan=plan).select_related("stap").order_by("stap__nummer", "jaar")
    )


def versies_van(plan) -> QuerySet[Versie]:
    return (
        Versie.objects.filter(document__plan=plan)
        .select_related("document")
        .defer("inhoud")
        .order_by("document__stap__nummer", "document__jaar", "document_id", "hoofd", "sub")
    )


def draden_van(plan) -> QuerySet[Opmerking]:
    return (
        Opmerking.objects.filter(
            versie__document__plan=plan, antwoord_op__isnull=True, opgelost_op__isnull=True
        )
        .exclude(versie__document__status=DocumentStatus.VASTGESTELD)
        .select_related("auteur")
        .prefetch_related(Prefetch("versie", queryset=Versie.objects.select_related("document")))
        .order_by(
            "versie__document__stap__nummer",
            "versie__document__jaar",
            "versie__document_id",
            "versie__hoofd",
            "versie__sub",
            "geplaatst_op",
            "pk",
        )
    )


def leden_keuze(werkgroep_id) -> QuerySet[Lid]:
    return Lid.objects.filter(werkgroep_id=werkgroep_id).select_related("gebruiker")


def zet_keuzes(form: forms.BaseForm, **keuzes: QuerySet[Any] | None) -> None:
    for naam, queryset in keuzes.items():
        cast(forms.ModelChoiceField, form.fields[naam]).queryset = queryset


class LedenKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Lid) -> str:
        return obj.weergavenaam


class VersieKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Versie) -> str:
        return versie_tekst(obj)


class DraadKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Opmerking) -> str:
        return draad_tekst(obj)


class AgendapuntForm(forms.Form):
    onderwerp = forms.CharField(label="Onderwerp", max_length=200)
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    document = forms.ModelChoiceField(
        label="Document",
        queryset=Document.objects.none(),
        required=False,
        empty_label="— geen document —",
        help_text="Het document dat op dit agendapunt besproken wordt.",
    )
    versie = VersieKeuze(
        label="Versie",
        queryset=Versie.objects.none(),
        required=False,
        empty_label="— geen versie —",
        help_text="Een vaste versie van een document. Kiest u ook een document, dan een "
        "versie van dat document.",
        error_messages={"invalid_choice": "Kies een versie van een document van dit plan."},
    )
    opmerking = DraadKeuze(
        label="Opmerking (draad)",
        queryset=Opmerking.objects.none(),
        required=False,
        empty_label="— geen opmerking —",
        help_text="De draad van opmerkingen die besproken wordt, bij de eerste opmerking. "
        "Alleen open draden bij documenten die nog niet zijn vastgesteld.",
        error_messages={
            "invalid_choice": "Kies een open draad (de eerste opmerking, geen antwoord) bij "
            "een document van dit plan dat nog niet is vastgesteld."
        },
    )

    def __init__(
        self, *args: Any, documenten=None, versies=None, draden=None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        zet_keuzes(self, document=documenten, versie=versies, opmerking=draden)


class PresentieForm(forms.Form):
    bound_field_class = Keuzegroep

    def __init__(self, *args: Any, leden: list[Lid], huidig: dict[int, str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        for lid in leden:
            self.fields[f"lid_{lid.pk}"] = forms.ChoiceField(
                label=lid.weergavenaam,
                choices=Aanwezigheid.choices,
                widget=forms.RadioSelect,
                initial=huidig.get(lid.pk),
                required=False,
            )


class ActiepuntForm(forms.Form):
    wat = forms.CharField(label="Wat", max_length=300)
    wie = LedenKeuze(label="Wie", queryset=Lid.objects.none(), empty_label=None)
    deadline = DatumVeld(label="Uiterlijk op")

    def __init__(self, *args: Any, leden=None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        zet_keuzes(self, wie=leden)
