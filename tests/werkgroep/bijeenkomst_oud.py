"""Frozen copy of the meeting page as it was before issue 8's rows: its forms (agenda item,
actiepunt, attendance, notulen) with their choices built from model instances through
querysets and every field rendered through the form templates, the page's selector reading
model instances, and its template (`bijeenkomst_oud.html`), with the reads the view gave them.
`test_bijeenkomst_formulieren.py` renders these and today's forms and page on the same meeting
and compares the HTML. Do not change: it is the reference."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from django import forms
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.template import engines
from django.utils import timezone

from ivp.fields import DatumVeld
from ivp.permissions import mag_plan_regisseren
from ivp.versies import VersieForm
from stappen.constants import DocumentStatus
from stappen.models import Document, Opmerking, Versie
from stappen.rechten import leest_concepten
from werkgroep.constants import MAX_BIJEENKOMSTEN, Aanwezigheid, bijeenkomst_nummer
from werkgroep.forms import ActiepuntStatusForm
from werkgroep.models import Actiepunt, Agendapunt, Bijeenkomst, Lid, Presentie
from werkgroep.selectors.bijeenkomsten import _gezamenlijk_met, _nummer, zichtbare_bijeenkomst
from werkgroep.teksten import AGENDA_CITAAT_TEKENS


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


class VerslagForm(VersieForm, forms.Form):
    notulen = forms.CharField(
        label="Notulen", required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    besluiten = forms.CharField(
        label="Besluiten",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Eén besluit per regel.",
    )


@dataclass
class BijeenkomstPagina:
    bijeenkomst: Bijeenkomst
    plan: Any
    nummer: int | None
    agendapunten: list[Agendapunt]
    leden: list[Lid]
    presentie: dict[int, Presentie]
    presentie_regels: list[tuple[Lid, Presentie | None]]
    actiepunten: list[Actiepunt]
    mag_regisseren: bool
    toont_werkstukken: bool = True
    max_bijeenkomsten: int = MAX_BIJEENKOMSTEN
    gezamenlijk_met: list[str] = field(default_factory=list)

    @property
    def nummer_tekst(self) -> str:
        return bijeenkomst_nummer(self.nummer) if self.nummer else ""


def bijeenkomst_pagina(user, bijeenkomst_id: int) -> BijeenkomstPagina:
    bijeenkomst = zichtbare_bijeenkomst(user, bijeenkomst_id)
    plan = bijeenkomst.werkgroep.plan
    if not leest_concepten(user, plan.gemeente_id):
        return BijeenkomstPagina(
            bijeenkomst=bijeenkomst,
            plan=plan,
            nummer=_nummer(bijeenkomst),
            agendapunten=[],
            leden=[],
            presentie={},
            presentie_regels=[],
            actiepunten=[],
            mag_regisseren=False,
            toont_werkstukken=False,
            gezamenlijk_met=_gezamenlijk_met(bijeenkomst),
        )
    leden = list(leden_keuze(bijeenkomst.werkgroep_id).order_by("pk"))
    presentie = {p.lid_id: p for p in bijeenkomst.presenties.all()}
    return BijeenkomstPagina(
        bijeenkomst=bijeenkomst,
        plan=plan,
        nummer=_nummer(bijeenkomst),
        agendapunten=list(
            bijeenkomst.agendapunten.select_related(
                "document", "versie__document", "opmerking__auteur", "opmerking__versie__document"
            )
            .defer("versie__inhoud")
            .order_by("volgorde", "pk")
        ),
        leden=leden,
        presentie=presentie,
        presentie_regels=[(lid, presentie.get(lid.pk)) for lid in leden],
        actiepunten=list(
            bijeenkomst.actiepunten.select_related("wie__gebruiker").order_by("deadline", "pk")
        ),
        mag_regisseren=mag_plan_regisseren(user, plan),
        gezamenlijk_met=_gezamenlijk_met(bijeenkomst),
    )


TEMPLATE = engines["django"].from_string(
    (Path(__file__).parent / "bijeenkomst_oud.html").read_text(encoding="utf-8")
)


def pagina_html(request: HttpRequest, bijeenkomst_id: int) -> str:
    """The page as the old view rendered it on a GET."""
    pagina = bijeenkomst_pagina(request.user, bijeenkomst_id)
    b, plan = pagina.bijeenkomst, pagina.plan
    forms_: dict[str, forms.Form] = {}
    if pagina.mag_regisseren:
        forms_ = {
            "agenda": AgendapuntForm(
                None,
                prefix="agenda",
                documenten=documenten_van(plan),
                versies=versies_van(plan),
                draden=draden_van(plan),
            ),
            "presentie": PresentieForm(
                None,
                prefix="presentie",
                leden=pagina.leden,
                huidig={lid_id: p.status for lid_id, p in pagina.presentie.items()},
            ),
            "verslag": VerslagForm(
                None,
                prefix="verslag",
                initial={"notulen": b.notulen, "besluiten": b.besluiten},
                versie_van=b,
            ),
            "actiepunt": ActiepuntForm(None, prefix="actiepunt", leden=leden_keuze(b.werkgroep_id)),
        }
    return TEMPLATE.render(
        {
            "pagina": pagina,
            "plan": plan,
            "b": b,
            "forms": forms_,
            "status_form": ActiepuntStatusForm(),
            "vandaag": timezone.localdate(),
        },
        request,
    )
