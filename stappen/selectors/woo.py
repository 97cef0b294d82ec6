"""The decision record of a plan for a Wet open overheid request (issue 10): per step which
version was offered to which body when and by whom, the Besluiten (body, date, kenmerk,
outcome), and the public PDFs with their SHA-256, with an index as CSV and JSON. A closed
rendering is never part of it, released or not.

The coordinator downloads it as a ZIP streamed as it is written (`stappen.archief`): the
PDFs are stored already and read in chunks, so there is no work to queue and memory stays at
one chunk however large the plan. Eight queries whatever its size.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.text import slugify

from ivp.models import Gebruiker, Plan
from ivp.selectors import regie_plan
from stappen.archief import Bestand, als_csv, als_json
from stappen.constants import BESLUITORGAAN, DocumentSoort, Orgaan, WeergaveSoort, WeergaveStatus
from stappen.models import Besluit, Document, Overgang, Stap, Versie, Weergave

INDEX_VELDEN = (
    "stap",
    "document",
    "gebeurtenis",
    "datum",
    "versie",
    "orgaan",
    "door",
    "vastgelegd_op",
    "kenmerk",
    "uitkomst",
    "toelichting",
    "bestand",
    "sha256",
)


def _naam(gebruiker: Gebruiker) -> str:
    return gebruiker.get_full_name() or gebruiker.get_username()


@dataclass
class Dossierregel:
    """One line of the index: an offer, a decision or a PDF."""

    stap: Stap
    document: Document
    gebeurtenis: str
    datum: dt.date | None
    versie: Versie | None = None
    orgaan: str = ""
    door: str = ""
    vastgelegd_op: dt.datetime | None = None
    kenmerk: str = ""
    uitkomst: str = ""
    toelichting: str = ""
    weergave: Weergave | None = None

    @property
    def bestand(self) -> str:
        return f"{map_van(self.stap)}/{self.weergave.bestandsnaam}" if self.weergave else ""

    def als_rij(self) -> dict[str, str]:
        vastgelegd = timezone.localtime(self.vastgelegd_op) if self.vastgelegd_op else None
        return {
            "stap": f"Stap {self.stap.nummer}: {self.stap.get_nummer_display()}",
            "document": self.document.titel,
            "gebeurtenis": self.gebeurtenis,
            "datum": f"{self.datum:%d-%m-%Y}" if self.datum else "",
            "versie": self.versie.nummer if self.versie else "",
            "orgaan": self.orgaan,
            "door": self.door,
            "vastgelegd_op": f"{vastgelegd:%d-%m-%Y %H:%M}" if vastgelegd else "",
            "kenmerk": self.kenmerk,
            "uitkomst": self.uitkomst,
            "toelichting": self.toelichting,
            "bestand": self.bestand,
            "sha256": self.weergave.sha256 if self.weergave else "",
        }


@dataclass
class Dossier:
    plan: Plan
    regels: list[Dossierregel] = field(default_factory=list)

    @property
    def weergaven(self) -> list[Dossierregel]:
        return [r for r in self.regels if r.weergave is not None]

    @property
    def bestandsnaam(self) -> str:
        return f"besluitvorming-{slugify(self.plan.titel)}-{self.plan.pk}.zip"


def map_van(stap: Stap) -> str:
    return f"stap-{stap.nummer}-{slugify(stap.get_nummer_display())}"


def _versie_na(versies: list[Versie], op: dt.datetime) -> Versie | None:
    """The version an offer made: the first made at or after it (in the same transaction)."""
    return next((v for v in versies if v.gemaakt_op >= op), None)


def besluitvormingsdossier(user: Gebruiker, plan_id: int) -> Dossier:
    """The decision record of a plan for its coordinator (404 for anyone else)."""
    plan = regie_plan(user, plan_id)
    stappen = {s.pk: s for s in Stap.objects.filter(plan=plan)}
    documenten = list(
        Document.objects.filter(plan=plan)
        .prefetch_related(
            Prefetch(
                "versies",
                queryset=Versie.objects.defer("inhoud").order_by("gemaakt_op", "hoofd", "sub"),
            ),
            Prefetch(
                "overgangen",
                queryset=Overgang.objects.filter(transitie="aanbieden")
                .select_related("door")
                .order_by("op", "pk"),
            ),
            Prefetch(
                "besluiten",
                queryset=Besluit.objects.select_related("vastgelegd_door").order_by(
                    "datum", "vastgelegd_op"
                ),
            ),
        )
        .order_by("stap__nummer", "jaar", "soort")
    )
    # The public renderings only: a closed one never enters the record.
    weergaven = Weergave.objects.filter(
        versie__document__plan=plan, soort=WeergaveSoort.OPENBAAR, status=WeergaveStatus.KLAAR
    ).order_by("versie__hoofd", "versie__sub", "klaar_op", "pk")
    per_versie: dict[int, list[Weergave]] = {}
    for weergave in weergaven.defer("gegevens"):
        per_versie.setdefault(weergave.versie_id, []).append(weergave)

    dossier = Dossier(plan)
    for document in documenten:
        document.plan = plan
        stap = stappen[document.stap_id]
        stap.plan = plan
        versies = list(document.versies.all())
        for versie in versies:
            versie.document = document
        orgaan = Orgaan(BESLUITORGAAN[DocumentSoort(document.soort)]).label
        for overgang in document.overgangen.all():
            aangeboden = _versie_na(versies, overgang.op)
            dossier.regels.append(
                Dossierregel(
                    stap=stap,
                    document=document,
                    gebeurtenis="Aangeboden ter besluitvorming",
                    datum=overgang.betreft or timezone.localdate(overgang.op),
                    versie=aangeboden,
                    orgaan=orgaan,
                    door=_naam(overgang.door),
                    vastgelegd_op=overgang.op,
                    toelichting=(aangeboden.motivatie if aangeboden else "")
                    or overgang.toelichting,
                )
            )
        for besluit in document.besluiten.all():
            dossier.regels.append(
                Dossierregel(
                    stap=stap,
                    document=document,
                    gebeurtenis="Raad geïnformeerd" if besluit.is_informatie else "Besluit",
                    datum=besluit.datum,
                    orgaan=besluit.get_orgaan_display(),
                    door=_naam(besluit.vastgelegd_door),
                    vastgelegd_op=besluit.vastgelegd_op,
                    kenmerk=besluit.kenmerk,
                    uitkomst=besluit.get_vorm_display()
                    if besluit.is_informatie
                    else besluit.get_uitkomst_display(),
                    toelichting=besluit.toelichting,
                )
            )
        for versie in versies:
            for weergave in per_versie.get(versie.pk, []):
                weergave.versie = versie
                dossier.regels.append(
                    Dossierregel(
                        stap=stap,
                        document=document,
                        gebeurtenis="PDF (openbaar)",
                        datum=timezone.localdate(weergave.klaar_op) if weergave.klaar_op else None,
                        versie=versie,
                        orgaan=weergave.get_orgaan_display(),
                        vastgelegd_op=weergave.klaar_op,
                        weergave=weergave,
                    )
                )
    return dossier


def _opener(weergave: Weergave) -> Callable[[], IO[bytes]]:
    return lambda: weergave.bestand.open("rb")


def dossier_bestanden(dossier: Dossier) -> list[Bestand]:
    """The files of the record's ZIP: the public PDFs per step, and the index."""
    rijen = [r.als_rij() for r in dossier.regels]
    bestanden = [
        Bestand(
            naam=regel.bestand,
            openen=_opener(regel.weergave),
            tijd=timezone.localtime(regel.weergave.klaar_op) if regel.weergave.klaar_op else None,
        )
        for regel in dossier.weergaven
        if regel.weergave is not None
    ]
    bestanden.append(Bestand("index.csv", inhoud=als_csv(rijen, INDEX_VELDEN)))
    bestanden.append(
        Bestand(
            "index.json",
            inhoud=als_json(
                {
                    "plan": dossier.plan.titel,
                    "gemeente": dossier.plan.gemeente.naam,
                    "samengesteld_op": f"{timezone.localtime():%d-%m-%Y %H:%M}",
                    "toelichting": "Besluitvorming per stap: welke versie wanneer door wie aan "
                    "welk orgaan is aangeboden, de besluiten en de openbare PDF's met hun "
                    "SHA-256. Besloten (geheime) weergaven zijn nooit opgenomen.",
                    "regels": rijen,
                }
            ),
        )
    )
    return bestanden
