"""The griffie's page (issue 10): per raad meeting the stukken the raad decides or decided and
the documents it receives ter informatie, each with its PDF, version, SHA-256, decision and
date; and the metadata a raadsinformatiesysteem takes. Never a draft, never what the college
alone decided.

Which meeting a stuk belongs to is decided in one place, `raadsvergadering()`: the date of
the raad's Besluit, else the meeting the voorstel names (`Voorstel.vergaderdatum`), else
"nog niet geagendeerd". When the vergaderkalender exists, that function is the one to switch
to it. Everything is generic over the document type: a type the raad decides
(`BESLUITORGAAN`) or that the raad was informed of appears by itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.http import Http404
from django.utils import timezone

from ivp.models import Gebruiker
from ivp.permissions import gemeenten_met_rol
from stappen.archief import Bestand, als_csv, als_json
from stappen.constants import (
    BESLUITORGAAN,
    INFORMATIEVORMEN,
    JAARLIJKSE_SOORTEN,
    VASTSTELLENDE_UITKOMSTEN,
    DocumentStatus,
    Orgaan,
)
from stappen.models import Besluit, Document, Versie, Voorstel, Weergave
from stappen.rechten import GRIFFIE
from stappen.selectors.stukken import griffie_weergaven, stuk_orgaan

RAADSSTUKKEN = frozenset(s for s, orgaan in BESLUITORGAAN.items() if orgaan == Orgaan.RAAD)
NIET_GEAGENDEERD = "niet-geagendeerd"


@dataclass
class Stuk:
    """One document as the griffie sees it: the version that reaches the raad, its public
    PDF (and the closed one once released), the decision and the meeting."""

    document: Document
    versie: Versie | None
    voorstel: Voorstel | None
    besluiten: list[Besluit]
    pdf: Weergave | None = None
    besloten: Weergave | None = None

    @property
    def ter_informatie(self) -> bool:
        """Not the raad's to decide: it receives it ter informatie (uitvoeringsplan,
        voortgangsrapportage, or any type the raad was informed of)."""
        return stuk_orgaan(self.document.soort) != Orgaan.RAAD

    @property
    def soort_stuk(self) -> str:
        if self.ter_informatie:
            informatie = self.raadsinformatie
            vorm = informatie.get_vorm_display().lower() if informatie else "ter informatie"
            return f"Ter informatie ({vorm})"
        return "Raadsvoorstel"

    @property
    def raadsbesluit(self) -> Besluit | None:
        """The raad's last decision on it (not an informatie record)."""
        besluiten = [b for b in self.besluiten if b.orgaan == Orgaan.RAAD and not b.is_informatie]
        return besluiten[-1] if besluiten else None

    @property
    def raadsinformatie(self) -> Besluit | None:
        besluiten = [b for b in self.besluiten if b.orgaan == Orgaan.RAAD and b.is_informatie]
        return besluiten[-1] if besluiten else None

    @property
    def vaststelling(self) -> Besluit | None:
        """The decision that adopted it (the raad's, or the college's for ter informatie)."""
        besluiten = [b for b in self.besluiten if b.uitkomst in VASTSTELLENDE_UITKOMSTEN]
        return besluiten[-1] if besluiten else None

    @property
    def besluit(self) -> str:
        """The decision in words, as the page and the metadata show it."""
        if self.document.status == DocumentStatus.TER_BESLUITVORMING:
            return "Ter besluitvorming: de raad besluit"
        vaststelling = self.vaststelling
        if vaststelling is None:
            return "—"
        tekst = (
            f"{vaststelling.get_uitkomst_display()} door "
            f"{'de raad' if vaststelling.orgaan == Orgaan.RAAD else 'het college'}"
        )
        if self.ter_informatie:
            informatie = self.raadsinformatie
            tekst += (
                f"; de raad geïnformeerd op {informatie.datum:%d-%m-%Y}"
                if informatie
                else "; de raad ontvangt het ter informatie"
            )
        return tekst

    @property
    def datum(self) -> dt.date | None:
        """The date of the decision, else of the version that went to the raad."""
        vaststelling = self.vaststelling
        if vaststelling is not None:
            return vaststelling.datum
        return self.versie.gemaakt_op.date() if self.versie else None

    @property
    def kenmerk(self) -> str:
        besluit = self.raadsbesluit or self.raadsinformatie or self.vaststelling
        return besluit.kenmerk if besluit else ""

    @property
    def vergadering(self) -> dt.date | None:
        return raadsvergadering(self)


def raadsvergadering(stuk: Stuk) -> dt.date | None:
    """The raad meeting a stuk belongs to: the date of the raad's Besluit (or of the raad
    being informed), else the meeting its raadsvoorstel is planned for, else None ("nog
    niet geagendeerd"). The one place to switch to the vergaderkalender."""
    besluit = stuk.raadsinformatie if stuk.ter_informatie else stuk.raadsbesluit
    if besluit is not None:
        return besluit.datum
    # Only a raadsvoorstel names a raad meeting (a collegevoorstel names the college's).
    voorstel = stuk.voorstel
    if voorstel is not None and voorstel.is_raadsvoorstel and voorstel.vergaderdatum:
        return voorstel.vergaderdatum
    return None


@dataclass
class Vergadering:
    datum: dt.date | None
    stukken: list[Stuk] = field(default_factory=list)

    @property
    def sleutel(self) -> str:
        """How a URL names the meeting: its date (2023-03-14) or `niet-geagendeerd`."""
        return self.datum.isoformat() if self.datum else NIET_GEAGENDEERD

    @property
    def titel(self) -> str:
        if self.datum is None:
            return "Nog niet geagendeerd"
        return f"Raadsvergadering van {self.datum:%d-%m-%Y}"


def _gemeenten(user: Gebruiker) -> list[int]:
    gemeenten = gemeenten_met_rol(user, GRIFFIE)
    if not gemeenten:
        raise Http404("Pagina niet gevonden.")
    return gemeenten


def griffie_stukken(user: Gebruiker) -> list[Stuk]:
    """The documents of the griffie's gemeenten that the raad will decide (ter
    besluitvorming) or adopted, and those adopted by the college that the raad receives ter
    informatie; never a draft. Each with the version that reaches the raad (the latest),
    its voorstel and its PDFs. Six queries; 404 without the griffie role."""
    gemeenten = _gemeenten(user)
    laatste = (
        Versie.objects.filter(document=OuterRef("pk")).order_by("-hoofd", "-sub").values("pk")[:1]
    )
    documenten = list(
        Document.objects.filter(plan__gemeente_id__in=gemeenten)
        .filter(
            Q(
                soort__in=RAADSSTUKKEN,
                status__in=[DocumentStatus.TER_BESLUITVORMING, DocumentStatus.VASTGESTELD],
            )
            | Q(soort__in=JAARLIJKSE_SOORTEN, status=DocumentStatus.VASTGESTELD)
            | Q(
                status=DocumentStatus.VASTGESTELD,
                pk__in=Besluit.objects.filter(orgaan=Orgaan.RAAD, vorm__in=INFORMATIEVORMEN).values(
                    "document_id"
                ),
            )
        )
        .select_related("plan__gemeente")
        .annotate(stuk_versie_id=Subquery(laatste))
        .prefetch_related(
            Prefetch("besluiten", queryset=Besluit.objects.order_by("datum", "vastgelegd_op"))
        )
        .order_by("plan__gemeente__naam", "-plan__periode_start", "stap__nummer", "jaar")
    )
    versies = (
        Versie.objects.defer("inhoud")
        .select_related("gemaakt_door")
        .in_bulk([d.stuk_versie_id for d in documenten if d.stuk_versie_id])
    )
    voorstellen = {
        (v.versie_id, v.orgaan): v for v in Voorstel.objects.filter(versie_id__in=list(versies))
    }
    pdfs: dict[int, Weergave] = {}
    besloten: dict[int, Weergave] = {}
    for weergave in (
        griffie_weergaven(user)
        .filter(versie_id__in=list(versies))
        .defer("gegevens", "versie__inhoud")
    ):
        doel = besloten if weergave.is_besloten else pdfs
        doel.setdefault(weergave.versie_id, weergave)  # newest first per version
    stukken = []
    for document in documenten:
        versie = versies.get(document.stuk_versie_id)
        if versie is not None:
            versie.document = document
        stukken.append(
            Stuk(
                document=document,
                versie=versie,
                voorstel=voorstellen.get((versie.pk, stuk_orgaan(document.soort)))
                if versie
                else None,
                besluiten=list(document.besluiten.all()),
                pdf=pdfs.get(versie.pk) if versie else None,
                besloten=besloten.get(versie.pk) if versie else None,
            )
        )
    return stukken


def griffie_vergaderingen(user: Gebruiker) -> list[Vergadering]:
    """The griffie's stukken grouped per raad meeting (`raadsvergadering`), the newest
    meeting first, the stukken not yet on an agenda last."""
    per_datum: dict[dt.date | None, Vergadering] = {}
    for stuk in griffie_stukken(user):
        datum = raadsvergadering(stuk)
        per_datum.setdefault(datum, Vergadering(datum)).stukken.append(stuk)
    return sorted(
        per_datum.values(), key=lambda v: (v.datum is None, -(v.datum or dt.date.min).toordinal())
    )


def griffie_vergadering(user: Gebruiker, sleutel: str) -> Vergadering:
    """One meeting by its key (a date or `niet-geagendeerd`); 404 when it has no stukken."""
    for vergadering in griffie_vergaderingen(user):
        if vergadering.sleutel == sleutel:
            return vergadering
    raise Http404("Vergadering niet gevonden.")


def metadata(stuk: Stuk, vergadering: Vergadering) -> dict[str, str]:
    """What a raadsinformatiesysteem takes of one stuk, as text (dates dd-mm-yyyy)."""
    voorstel = stuk.voorstel
    pdf = stuk.pdf
    datum = stuk.datum
    return {
        "titel": stuk.document.titel,
        "gemeente": stuk.document.plan.gemeente.naam,
        "type_stuk": stuk.soort_stuk,
        "documentsoort": stuk.document.get_soort_display(),
        "datum": f"{datum:%d-%m-%Y}" if datum else "",
        "versie": stuk.versie.nummer if stuk.versie else "",
        "portefeuillehouder": voorstel.portefeuillehouder if voorstel else "",
        "voorstelnummer": voorstel.voorstelnummer if voorstel else "",
        "vergadering": f"{vergadering.datum:%d-%m-%Y}" if vergadering.datum else "",
        "besluit": stuk.besluit,
        "kenmerk": stuk.kenmerk,
        "bestand": pdf.bestandsnaam if pdf else "",
        "sha256": pdf.sha256 if pdf else "",
    }


METADATA_VELDEN = (
    "titel",
    "gemeente",
    "type_stuk",
    "documentsoort",
    "datum",
    "versie",
    "portefeuillehouder",
    "voorstelnummer",
    "vergadering",
    "besluit",
    "kenmerk",
    "bestand",
    "sha256",
)


def vergadering_bestanden(vergadering: Vergadering, rijen: list[dict[str, str]]) -> list[Bestand]:
    """The files of a meeting's ZIP: each stuk's public PDF (a closed one never, also when
    released: it is handed over apart), and the metadata as CSV and JSON."""
    bestanden = [
        Bestand(
            naam=stuk.pdf.bestandsnaam,
            openen=_opener(stuk.pdf),
            tijd=timezone.localtime(stuk.pdf.klaar_op) if stuk.pdf.klaar_op else None,
        )
        for stuk in vergadering.stukken
        if stuk.pdf is not None
    ]
    bestanden.append(Bestand("metadata.csv", inhoud=als_csv(rijen, METADATA_VELDEN)))
    bestanden.append(
        Bestand(
            "metadata.json",
            inhoud=als_json({"vergadering": vergadering.titel, "stukken": rijen}),
        )
    )
    return bestanden


def _opener(weergave: Weergave) -> Callable[[], IO[bytes]]:
    return lambda: weergave.bestand.open("rb")
