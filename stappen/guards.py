"""The method's rules for starting and closing each step (design.md, the stappenplan table).

Guards are pure functions: every guard reads a `PlanStand`, the whole state of one plan that
`stappen.selectors.laad_stand` loads in a fixed number of queries (the parts only some guards
read on first use), so that the plan page can show the blockers of all six steps at a flat
cost; this module runs no query itself and imports the models only for typing. The services
call the guards once, before a transition. A guard returns the list of what is missing, each
item a Dutch sentence a coordinator can act on; an empty list means the step may move.
Warnings (pas toe of leg uit) never block.

Apps below `stappen` add checks for content they own with `registreer_sluitcontrole`
(the uitvoering app checks its activities for step 5) instead of being imported here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from django.utils import timezone

from stappen.constants import (
    BESLUITORGAAN,
    JAARLIJKSE_SOORTEN,
    PRIORITEITEN_ZONDER_MOTIVATIE,
    PRIORITEITEN_ZONDER_WAARSCHUWING,
    STAP_DOCUMENT,
    VASTSTELLENDE_UITKOMSTEN,
    DocumentSoort,
    Keuze,
    Orgaan,
    StapNummer,
    StapStatus,
)

if TYPE_CHECKING:
    from ivp.models import Plan
    from stappen.models import Analyse, Besluit, Document, Plaatsing, Prioritering, Stap
    from veiligheidsvelden.models import Thema, Veld


class Lader(Protocol):
    """Reads the parts of a `PlanStand` that only some guards need (`stappen.selectors.
    proces.StandLader`): each is asked at most once, when a guard first reads it."""

    def velden(self) -> list[Veld]: ...
    def analyses(self) -> list[Analyse]: ...
    def plaatsingen(self) -> list[Plaatsing]: ...
    def aantal_doelstellingen(self) -> dict[int, int]: ...
    def hoofdthemas(self) -> list[Thema]: ...
    def prioritering(self) -> Prioritering | None: ...


@dataclass
class PlanStand:
    """The state of one plan the guards read. The steps and documents (with their decisions)
    are read with it; the rest on first use, through `lader`, so that a page that checks some
    steps reads only what their guards need (the plan page: the blockers of the steps in
    progress), still in a fixed number of queries."""

    plan: Plan
    stappen: dict[int, Stap]
    documenten: list[Document]
    lader: Lader
    vandaag: dt.date = field(default_factory=timezone.localdate)

    @cached_property
    def velden(self) -> list[Veld]:
        return self.lader.velden()

    @cached_property
    def analyses(self) -> list[Analyse]:
        return self.lader.analyses()

    @cached_property
    def plaatsingen(self) -> list[Plaatsing]:
        return self.lader.plaatsingen()

    @cached_property
    def aantal_doelstellingen(self) -> dict[int, int]:
        """The number of doelstellingen per plaatsing (pk)."""
        return self.lader.aantal_doelstellingen()

    @cached_property
    def hoofdthemas(self) -> list[Thema]:
        return self.lader.hoofdthemas()

    @cached_property
    def prioritering(self) -> Prioritering | None:
        return self.lader.prioritering()

    def document(self, soort: str, jaar: int | None = None) -> Document | None:
        for document in self.documenten:
            if document.soort == soort and document.jaar == jaar:
                return document
        return None

    def informatie(self, document: Document | None) -> Besluit | None:
        """The last time the raad was informed of `document` (brief or agendapunt)."""
        if document is None:
            return None
        besluiten = [b for b in document.besluiten.all() if b.is_informatie]
        return besluiten[-1] if besluiten else None

    def vaststelling(self, document: Document | None) -> Besluit | None:
        """The decision that adopted `document`, if it is vastgesteld."""
        if document is None or not document.is_vastgesteld:
            return None
        besluiten = [b for b in document.besluiten.all() if b.uitkomst in VASTSTELLENDE_UITKOMSTEN]
        return besluiten[-1] if besluiten else None

    @property
    def prioriteiten(self) -> list[Plaatsing]:
        return [p for p in self.plaatsingen if p.keuze == Keuze.PRIORITEIT]


SluitControle = Callable[[PlanStand, "Stap"], list[str]]
_extra_sluitcontroles: dict[int, list[SluitControle]] = {}


def registreer_sluitcontrole(nummer: int, controle: SluitControle) -> None:
    """Let an app below `stappen` add a condition for closing step `nummer`."""
    if controle not in _extra_sluitcontroles.setdefault(nummer, []):
        _extra_sluitcontroles[nummer].append(controle)


def _datum(d: dt.date) -> str:
    return f"{d:%d-%m-%Y}"


def _orgaan_naam(orgaan: str) -> str:
    return {
        Orgaan.COLLEGE: "het college",
        Orgaan.RAAD: "de gemeenteraad",
        Orgaan.WERKGROEP: "de werkgroep",
        Orgaan.DRIEHOEK: "de driehoek",
    }[Orgaan(orgaan)]


# How a guard names a document in a sentence.
_DOCUMENTNAAM = {
    DocumentSoort.STARTNOTITIE: "De startnotitie",
    DocumentSoort.VEILIGHEIDSANALYSE: "De veiligheidsanalyse",
    DocumentSoort.PRIORITERING: "De prioritering",
    DocumentSoort.IVP: "Het IVP",
    DocumentSoort.UITVOERINGSPLAN: "Het uitvoeringsplan",
    DocumentSoort.VOORTGANGSRAPPORTAGE: "De voortgangsrapportage",
}


def _vastgesteld(stand: PlanStand, soort: DocumentSoort, jaar: int | None = None) -> list[str]:
    """Empty when the document of `soort` is vastgesteld by the body that decides it."""
    naam = _DOCUMENTNAAM[soort] + (f" {jaar}" if jaar else "")
    besluit = stand.vaststelling(stand.document(soort, jaar))
    if besluit is not None and besluit.orgaan == BESLUITORGAAN[soort]:
        return []
    if soort == DocumentSoort.VEILIGHEIDSANALYSE:
        return [f"{naam} is nog niet door de werkgroep afgerond (leg het besluit vast)."]
    return [f"{naam} is nog niet vastgesteld door {_orgaan_naam(BESLUITORGAAN[soort])}."]


def _vorige_afgerond(stand: PlanStand, nummer: int) -> list[str]:
    vorige = stand.stappen[nummer - 1]
    if vorige.status != StapStatus.AFGEROND:
        return [
            f"Stap {vorige.nummer} ({vorige.get_nummer_display().lower()}) is nog niet afgerond."
        ]
    return []


def startblokkades(stand: PlanStand, stap: Stap) -> list[str]:
    nummer = StapNummer(stap.nummer)
    if nummer == StapNummer.STARTNOTITIE:
        return []
    if nummer == StapNummer.UITVOERINGSPLAN:
        # The IVP and the first uitvoeringsplan are written side by side.
        ivp = stand.stappen[StapNummer.OPSTELLEN_IVP]
        if ivp.status == StapStatus.GEPLAND:
            return [
                "Stap 4 (opstellen IVP) is nog niet gestart; het uitvoeringsplan wordt "
                "daarnaast geschreven."
            ]
        return []
    return _vorige_afgerond(stand, nummer)


def sluitblokkades(stand: PlanStand, stap: Stap) -> list[str]:
    nummer = StapNummer(stap.nummer)
    blokkades = {
        StapNummer.STARTNOTITIE: _sluit_startnotitie,
        StapNummer.VEILIGHEIDSANALYSE: _sluit_analyse,
        StapNummer.PRIORITERING: _sluit_prioritering,
        StapNummer.OPSTELLEN_IVP: _sluit_ivp,
        StapNummer.UITVOERINGSPLAN: _sluit_uitvoeringsplan,
        StapNummer.UITVOERING: _sluit_uitvoering,
    }[nummer](stand)
    for controle in _extra_sluitcontroles.get(nummer, []):
        blokkades += controle(stand, stap)
    return blokkades


def waarschuwingen(stand: PlanStand, stap: Stap) -> list[str]:
    """Deviations from the startnotitie's numbers that do not block (pas toe of leg uit)."""
    if stap.nummer != StapNummer.PRIORITERING:
        return []
    aantal = len(stand.prioriteiten)
    if aantal <= PRIORITEITEN_ZONDER_WAARSCHUWING:
        return []  # "drie à vier": 3 and 4 are within the norm; none blocks (step 3's guard)
    motivatie = stand.prioritering.motivatie_aantal.strip() if stand.prioritering else ""
    if aantal > PRIORITEITEN_ZONDER_MOTIVATIE and motivatie:
        return [
            f"Er zijn {aantal} prioriteiten, meer dan de drie à vier van de startnotitie. "
            f"Motivatie: {motivatie}"
        ]
    return []


def _sluit_startnotitie(stand: PlanStand) -> list[str]:
    return _vastgesteld(stand, DocumentSoort.STARTNOTITIE)


def _sluit_analyse(stand: PlanStand) -> list[str]:
    per_veld = {a.veld_id: a for a in stand.analyses}
    blokkades = []
    for veld in stand.velden:
        analyse = per_veld.get(veld.pk)
        ontbreekt = (
            analyse.ontbrekende_blokken
            if analyse
            else ["problematiek", "huidige aanpak", "verbeterpunten"]
        )
        if ontbreekt:
            blokkades.append(f"Veld {veld.code} ({veld.naam}) mist nog: {', '.join(ontbreekt)}.")
    return blokkades + _vastgesteld(stand, DocumentSoort.VEILIGHEIDSANALYSE)


def _sluit_prioritering(stand: PlanStand) -> list[str]:
    blokkades = []
    prioriteiten = stand.prioriteiten
    prioritering = stand.prioritering
    if not prioriteiten:
        blokkades.append("Er is nog geen prioriteit gekozen.")
    if len(prioriteiten) > PRIORITEITEN_ZONDER_MOTIVATIE and not (
        prioritering and prioritering.motivatie_aantal.strip()
    ):
        blokkades.append(
            f"Er zijn {len(prioriteiten)} prioriteiten. Bij meer dan vier is een motivatie "
            "nodig (pas toe of leg uit)."
        )
    if not prioritering or not (
        prioritering.raad_bijeenkomst_op or prioritering.raad_niet_geraadpleegd_reden.strip()
    ):
        blokkades.append(
            "De raad is nog niet geraadpleegd in een opiniërende bijeenkomst. Leg de "
            "bijeenkomst vast, of leg uit waarom die er niet is."
        )
    if not prioritering or not prioritering.driehoek_op:
        blokkades.append("De driehoek is nog niet geraadpleegd over de prioriteiten.")
    geplaatst = {p.thema_id for p in stand.plaatsingen} | {
        p.thema.hoofdthema_id for p in stand.plaatsingen if p.thema.hoofdthema_id
    }
    niet_geplaatst = [t for t in stand.hoofdthemas if t.pk not in geplaatst]
    if niet_geplaatst:
        namen = ", ".join(f"{t.code} {t.naam}" for t in niet_geplaatst)
        blokkades.append(
            f"Nog niet geplaatst als prioriteit, overig strategisch thema of beheer: {namen}."
        )
    return blokkades + _vastgesteld(stand, DocumentSoort.PRIORITERING)


def _sluit_ivp(stand: PlanStand) -> list[str]:
    blokkades = []
    for prioriteit in stand.prioriteiten:
        naam = prioriteit.thema.naam
        if not stand.aantal_doelstellingen.get(prioriteit.pk):
            blokkades.append(f"Prioriteit ‘{naam}’ heeft nog geen doelstelling.")
        if not prioriteit.aanpak.strip():
            blokkades.append(f"Prioriteit ‘{naam}’ heeft nog geen aanpak op hoofdlijnen.")
    return blokkades + _vastgesteld(stand, DocumentSoort.IVP)


def _geinformeerd(stand: PlanStand, soort: DocumentSoort, jaar: int | None = None) -> list[str]:
    """Empty when the raad was informed of the adopted document of `soort` (and `jaar`):
    the document page records the raadsinformatiebrief or agendapunt."""
    document = stand.document(soort, jaar or stand.plan.periode_start.year)
    if document is None or stand.informatie(document) is not None:
        return []
    naam = _DOCUMENTNAAM[soort].lower() + (f" {jaar}" if jaar else "")
    return [f"De raad heeft {naam} nog niet ter informatie ontvangen."]


def _sluit_uitvoeringsplan(stand: PlanStand) -> list[str]:
    jaar = stand.plan.periode_start.year
    blokkades = _vastgesteld(stand, DocumentSoort.IVP)
    blokkades += _vastgesteld(stand, DocumentSoort.UITVOERINGSPLAN, jaar)
    return blokkades + _geinformeerd(stand, DocumentSoort.UITVOERINGSPLAN)


def sluitdatum(stand: PlanStand, stap: Stap) -> dt.date | None:
    """The day a step closed by a decision closes: the date of that decision (for step 5 the
    later of the college's adoption and the raad informed). None for a step no decision
    closes (step 6) or while the decision is missing."""
    nummer = StapNummer(stap.nummer)
    if nummer == StapNummer.UITVOERING:
        return None
    soort = STAP_DOCUMENT[nummer]
    jaar = stand.plan.periode_start.year if soort in JAARLIJKSE_SOORTEN else None
    document = stand.document(soort, jaar)
    besluit = stand.vaststelling(document)
    if besluit is None:
        return None
    if nummer == StapNummer.UITVOERINGSPLAN:
        informatie = stand.informatie(document)
        return max(besluit.datum, informatie.datum) if informatie else None
    return besluit.datum


def _sluit_uitvoering(stand: PlanStand) -> list[str]:
    plan = stand.plan
    blokkades = []
    if stand.vandaag <= plan.einde:
        blokkades.append(f"De looptijd van het plan loopt nog tot en met {_datum(plan.einde)}.")
    for jaar in range(plan.periode_start.year, plan.periode_eind.year + 1):
        for soort in (DocumentSoort.UITVOERINGSPLAN, DocumentSoort.VOORTGANGSRAPPORTAGE):
            blokkades += _vastgesteld(stand, soort, jaar)
        blokkades += _geinformeerd(stand, DocumentSoort.VOORTGANGSRAPPORTAGE, jaar)
    return blokkades
