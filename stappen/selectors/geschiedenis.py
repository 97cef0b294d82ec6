"""The record a user can read (issue 10): the "Geschiedenis" of a document and of a chapter
(every history row django-simple-history wrote, with who, when, the change reason and the
changed text as a comparison), and the log of a plan (transitions and decisions, each with
the date it concerns).

Every page is paged and costs a fixed number of queries however long the history grows: one
count and one page of keys (a UNION over the historied tables, ordered in the database),
then per kind of row on the page one query for the rows and one for the rows before them
(for the comparison). The comparisons of one page share one budget (`vergelijk.TOTAAL_LIMIET`),
as on the comparison page, so a page of long chapters cannot hold a worker.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import F, Model, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, TruncDate
from django.http import Http404

from ivp.models import Gebruiker, Plan
from ivp.permissions import heeft_rol
from ivp.selectors import zichtbaar_plan
from stappen.constants import BesluitUitkomst, BesluitVorm, DocumentStatus, Orgaan
from stappen.models import Besluit, Bespreking, Document, Hoofdstuk, Overgang
from stappen.rechten import CONCEPT_LEZERS
from stappen.selectors.documenten import zichtbaar_concept
from stappen.vergelijk import TOTAAL_LIMIET, WOORD_LIMIET, TekstVergelijking, vergelijk

# Rows a history page shows at once.
PER_PAGINA = 25

_TYPE = {"+": "Aangemaakt", "~": "Gewijzigd", "-": "Verwijderd"}


def _naam(gebruiker: Gebruiker | None) -> str:
    if gebruiker is None:
        return "—"
    return gebruiker.get_full_name() or gebruiker.get_username()


def _datum(waarde: Any) -> str:
    return f"{waarde:%d-%m-%Y}" if waarde else "—"


def _keuze(keuzes: Any) -> Any:
    labels = dict(keuzes.choices)
    return lambda waarde: str(labels.get(waarde, waarde or "—"))


def _tekst(waarde: Any) -> str:
    return str(waarde) if waarde not in (None, "") else "—"


@dataclass(frozen=True)
class _Soort:
    """A historied model as the history pages read it: which fields they compare (name,
    label, how a value is shown) and what the row is called."""

    sleutel: str
    model: type[Model]
    velden: tuple[tuple[str, str, Any], ...]
    tekstveld: str = ""
    gerelateerd: tuple[str, ...] = ()

    @property
    def historie(self) -> Any:
        return self.model.history.model  # type: ignore[attr-defined]  # simple-history

    def wat(self, rij: Any) -> str:
        if self.sleutel == "hoofdstuk":
            return f"Hoofdstuk ‘{rij.titel}’"
        if self.sleutel == "besluit":
            return f"Besluit van {Orgaan(rij.orgaan).label.lower()}"
        if self.sleutel == "bespreking":
            return "Bespreking door de werkgroep"
        return "Document"


_DOCUMENT = _Soort(
    "document",
    Document,
    (
        ("titel", "Titel", _tekst),
        ("status", "Status", _keuze(DocumentStatus)),
        ("bespreking_sluit_op", "Reactietermijn tot en met", _datum),
    ),
)
_HOOFDSTUK = _Soort(
    "hoofdstuk",
    Hoofdstuk,
    (("titel", "Titel", _tekst), ("auteur", "Auteur", _naam)),
    tekstveld="tekst",
    gerelateerd=("auteur",),
)
_BESLUIT = _Soort(
    "besluit",
    Besluit,
    (
        ("orgaan", "Orgaan", _keuze(Orgaan)),
        ("vorm", "Vorm", _keuze(BesluitVorm)),
        ("datum", "Datum", _datum),
        ("kenmerk", "Kenmerk", _tekst),
        ("uitkomst", "Uitkomst", _keuze(BesluitUitkomst)),
        ("toelichting", "Toelichting", _tekst),
    ),
)
_BESPREKING = _Soort(
    "bespreking",
    Bespreking,
    (
        ("sluit_op", "Reactietermijn tot en met", _datum),
        ("gesloten_op", "Gesloten op", _datum),
        ("bericht", "Bericht aan de werkgroep", _tekst),
    ),
)
_SOORTEN = {s.sleutel: s for s in (_DOCUMENT, _HOOFDSTUK, _BESLUIT, _BESPREKING)}


@dataclass
class Veldwijziging:
    label: str
    oud: str
    nieuw: str


@dataclass
class Wijziging:
    """One history row: who changed what when and why, and what changed."""

    wat: str
    wanneer: dt.datetime
    door: str
    type: str
    reden: str
    velden: list[Veldwijziging] = field(default_factory=list)
    tekst: TekstVergelijking | None = None


@dataclass
class Geschiedenis:
    document: Document
    hoofdstuk: Hoofdstuk | None
    pagina: Page
    wijzigingen: list[Wijziging]


def _sleutels(soort: _Soort, filter: Q) -> QuerySet[Any]:
    return (
        soort.historie.objects.filter(filter)
        .annotate(ivp_soort=Value(soort.sleutel))
        .values_list("ivp_soort", "history_id", "history_date")
        .order_by()
    )


def _met_vorige(soort: _Soort, ids: list[int]) -> list[tuple[Any, Any]]:
    """The history rows `ids` of one kind, each with the row of the same object before it
    (None for the first): two queries."""
    historie = soort.historie
    vorige = (
        historie.objects.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date"))
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    rijen = list(
        historie.objects.filter(history_id__in=ids)
        .select_related("history_user", *soort.gerelateerd)
        .annotate(vorige_id=Subquery(vorige))
    )
    eerder = historie.objects.select_related("history_user", *soort.gerelateerd).in_bulk(
        [r.vorige_id for r in rijen if r.vorige_id is not None]
    )
    return [(rij, eerder.get(rij.vorige_id)) for rij in rijen]


def _wijziging(soort: _Soort, rij: Any, vorige: Any, budget: list[int]) -> Wijziging:
    velden = []
    for naam, label, toon in soort.velden:
        nieuw = toon(getattr(rij, naam))
        oud = toon(getattr(vorige, naam)) if vorige is not None else "—"
        if rij.history_type == "+" and nieuw == "—":
            continue
        if oud != nieuw or rij.history_type == "+":
            velden.append(Veldwijziging(label, oud, nieuw))
    tekst = None
    if soort.tekstveld:
        oud_tekst = getattr(vorige, soort.tekstveld) if vorige is not None else ""
        nieuw_tekst = getattr(rij, soort.tekstveld)
        if oud_tekst != nieuw_tekst:
            tekst = vergelijk(oud_tekst, nieuw_tekst, limiet=min(WOORD_LIMIET, budget[0]))
            if not tekst.per_alinea:
                budget[0] -= tekst.kosten
    return Wijziging(
        wat=soort.wat(rij),
        wanneer=rij.history_date,
        door=_naam(rij.history_user),
        type=_TYPE.get(rij.history_type, rij.history_type),
        reden=rij.history_change_reason or "",
        velden=velden,
        tekst=tekst,
    )


def _pagina(sleutels: QuerySet[Any], pagina: str) -> tuple[Page, list[Wijziging]]:
    page = Paginator(sleutels.order_by("-history_date", "-history_id"), PER_PAGINA).get_page(pagina)
    per_soort: dict[str, list[int]] = {}
    for soort, history_id, _ in page.object_list:
        per_soort.setdefault(soort, []).append(history_id)
    gelezen = {}
    budget = [TOTAAL_LIMIET]
    for sleutel, ids in per_soort.items():
        soort = _SOORTEN[sleutel]
        for rij, vorige in _met_vorige(soort, ids):
            gelezen[(sleutel, rij.history_id)] = (soort, rij, vorige)
    wijzigingen = []
    for sleutel, history_id, _ in page.object_list:
        soort, rij, vorige = gelezen[(sleutel, history_id)]
        wijzigingen.append(_wijziging(soort, rij, vorige, budget))
    return page, wijzigingen


def document_geschiedenis(user: Gebruiker, document_id: int, *, pagina: str = "1") -> Geschiedenis:
    """Every change of the document, its chapters, its review rounds and its decisions, the
    newest first. For the readers of drafts only (404 for a lezer and the griffie)."""
    document = zichtbaar_concept(user, document_id)
    sleutels = _sleutels(_DOCUMENT, Q(id=document.pk)).union(
        _sleutels(_HOOFDSTUK, Q(document_id=document.pk)),
        _sleutels(_BESLUIT, Q(document_id=document.pk)),
        _sleutels(_BESPREKING, Q(document_id=document.pk)),
        all=True,
    )
    page, wijzigingen = _pagina(sleutels, pagina)
    return Geschiedenis(document, None, page, wijzigingen)


def hoofdstuk_geschiedenis(
    user: Gebruiker, document_id: int, sleutel: str, *, pagina: str = "1"
) -> Geschiedenis:
    """Every change of one chapter, the newest first, with its text compared to the save
    before it. For the readers of drafts only."""
    document = zichtbaar_concept(user, document_id)
    hoofdstuk = document.hoofdstukken.filter(sleutel=sleutel).first()
    if hoofdstuk is None:
        raise Http404("Hoofdstuk niet gevonden.")
    hoofdstuk.document = document
    page, wijzigingen = _pagina(_sleutels(_HOOFDSTUK, Q(id=hoofdstuk.pk)), pagina)
    return Geschiedenis(document, hoofdstuk, page, wijzigingen)


# --- The plan's log ------------------------------------------------------------------------


@dataclass
class Logregel:
    """A transition or a decision, with the day it concerns and when it was recorded."""

    betreft: dt.date
    vastgelegd: dt.datetime
    wat: str
    door: str
    toelichting: str
    overgang: Overgang | None = None
    besluit: Besluit | None = None


@dataclass
class Logboek:
    plan: Plan
    pagina: Page
    regels: list[Logregel]


def mag_logboek_zien(user: Gebruiker, plan: Plan) -> bool:
    return heeft_rol(user, plan.gemeente_id, CONCEPT_LEZERS)


def plan_logboek(user: Gebruiker, plan_id: int, *, pagina: str = "1") -> Logboek:
    """The plan's transitions (steps and documents) and decisions, ordered by the date each
    concerns (a step closed on its Besluit's date stands on that date), newest first. Four
    queries at most a page; for the readers of drafts only."""
    plan = zichtbaar_plan(user, plan_id)
    if not mag_logboek_zien(user, plan):
        raise Http404("Plan niet gevonden.")
    overgangen = (
        Overgang.objects.filter(Q(stap__plan=plan) | Q(document__plan=plan))
        .annotate(soort=Value("overgang"), datum=Coalesce(F("betreft"), TruncDate("op")))
        .values_list("soort", "pk", "datum", "op")
        .order_by()
    )
    besluiten = (
        Besluit.objects.filter(document__plan=plan)
        .annotate(soort=Value("besluit"), dag=F("datum"))
        .values_list("soort", "pk", "dag", "vastgelegd_op")
        .order_by()
    )
    sleutels = overgangen.union(besluiten, all=True).order_by("-datum", "-op", "-id")
    page = Paginator(sleutels, PER_PAGINA).get_page(pagina)
    ids: dict[str, list[int]] = {"overgang": [], "besluit": []}
    for soort, pk, _, _ in page.object_list:
        ids[soort].append(pk)
    per_overgang = (
        Overgang.objects.select_related("stap", "document", "door").in_bulk(ids["overgang"])
        if ids["overgang"]
        else {}
    )
    per_besluit = (
        Besluit.objects.select_related("document", "vastgelegd_door").in_bulk(ids["besluit"])
        if ids["besluit"]
        else {}
    )
    regels = []
    for soort, pk, datum, op in page.object_list:
        if soort == "overgang":
            o = per_overgang[pk]
            onderwerp = f"Stap {o.stap.nummer}" if o.stap else str(o.document)
            regels.append(
                Logregel(
                    betreft=datum,
                    vastgelegd=op,
                    wat=f"{onderwerp}: {o.van_label} → {o.naar_label}",
                    door=_naam(o.door),
                    toelichting=o.toelichting,
                    overgang=o,
                )
            )
        else:
            b = per_besluit[pk]
            uitkomst = b.get_vorm_display() if b.is_informatie else b.get_uitkomst_display()
            kenmerk = f" ({b.kenmerk})" if b.kenmerk else ""
            regels.append(
                Logregel(
                    betreft=datum,
                    vastgelegd=op,
                    wat=f"{b.document.titel}: besluit van {b.get_orgaan_display().lower()}, "
                    f"{uitkomst.lower()}{kenmerk}",
                    door=_naam(b.vastgelegd_door),
                    toelichting=b.toelichting,
                    besluit=b,
                )
            )
    return Logboek(plan, page, regels)
