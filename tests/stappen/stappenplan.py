"""Driving a plan through the method with the services only, as a coordinator would: the
step-by-step path the factories' lifecycle traits take (`StapFactory(actief=True)` …), and
the small look-ups and builders the tests share. Nothing here sets a protected status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from ivp.constants import RolSoort
from ivp.models import Gebruiker, Gemeente, Plan
from stappen import guards, services
from stappen.constants import (
    BESLUITORGAAN,
    BesluitUitkomst,
    BronSoort,
    DocumentSoort,
    DocumentStatus,
    Keuze,
    Orgaan,
    StapStatus,
)
from stappen.models import (
    Analyse,
    Besluit,
    Bespreking,
    Document,
    Hoofdstuk,
    Plaatsing,
    Stap,
    Versie,
)
from stappen.selectors import laad_stand
from tests.ivp.factories import GebruikerFactory
from veiligheidsvelden.models import Thema, Veld

# The dates of the demo's trajectory (startnotitie June 2022, analysis September, …).
STARTNOTITIE_OP = dt.date(2022, 6, 21)
ANALYSE_OP = dt.date(2022, 9, 27)
PRIORITERING_OP = dt.date(2022, 10, 25)
IVP_OP = dt.date(2023, 3, 28)
UITVOERINGSPLAN_OP = dt.date(2023, 4, 4)
KENNISNAME_OP = dt.date(2023, 4, 25)
# When a test offers a document ter besluitvorming: before any decision a test records.
AANGEBODEN_OP = dt.date(2018, 1, 2)
# The motivation a test gives for offering a document with chapters or comments still open.
AANGEBODEN_ONDANKS_OPEN_PUNTEN = "Voor de test: open punten bewust geaccepteerd."

VASTSTELDATUM = {
    DocumentSoort.STARTNOTITIE: STARTNOTITIE_OP,
    DocumentSoort.VEILIGHEIDSANALYSE: ANALYSE_OP,
    DocumentSoort.PRIORITERING: PRIORITERING_OP,
    DocumentSoort.IVP: IVP_OP,
    DocumentSoort.UITVOERINGSPLAN: UITVOERINGSPLAN_OP,
    DocumentSoort.VOORTGANGSRAPPORTAGE: KENNISNAME_OP,
}


# A review round that is still open whatever the date of the run, and the inleiding the
# comments in the tests quote from.
SLUIT = dt.date(2099, 1, 1)
TEKST = "Veiligheid is een belangrijke voorwaarde om fijn te kunnen leven en wonen."


def regisseur(gemeente: Gemeente) -> Gebruiker:
    """The coordinator OOV of `gemeente`: the first there is, else a new one."""
    bestaand = Gebruiker.objects.filter(
        rollen__gemeente=gemeente, rollen__soort=RolSoort.COORDINATOR
    ).first()
    return bestaand or coordinator_van(gemeente)


def open_bespreking(
    doc: Document, door: Gebruiker, *, sluit_op: dt.date | None = None, bericht: str = ""
) -> Bespreking:
    services.document_open_review(
        document=doc,
        door=door,
        sluit_op=sluit_op or timezone.localdate() + dt.timedelta(days=14),
        bericht=bericht,
    )
    return doc.besprekingen.latest("geopend_op")


def _standaarddatum(soort: DocumentSoort) -> dt.date:
    """The date `stel_vast` records unless told: the startnotitie's, or for the IVP and the
    uitvoeringsplan their own (the college adopts the uitvoeringsplan on or after the IVP)."""
    if soort in (DocumentSoort.IVP, DocumentSoort.UITVOERINGSPLAN):
        return VASTSTELDATUM[soort]
    return STARTNOTITIE_OP


def open_ronde(doc: Document, door: Gebruiker, bericht: str = "Graag jullie reactie.") -> Versie:
    """Open a review round (until `SLUIT`) and return the version it is about, read through
    `doc` so that `versie.document` is `doc` itself."""
    open_bespreking(doc, door, sluit_op=SLUIT, bericht=bericht)
    return doc.versies.latest("hoofd", "sub")


def stel_vast(
    document: Document,
    door: Gebruiker,
    datum: dt.date | None = None,
    kenmerk: str = "",
) -> Besluit:
    """Offer `document` to the body that decides it and record that it adopted it; an
    uitvoeringsplan waits for the IVP, which is adopted first when it is not yet."""
    soort = DocumentSoort(document.soort)
    if soort == DocumentSoort.UITVOERINGSPLAN:
        ivp = document.plan.documenten.get(soort=DocumentSoort.IVP)
        if ivp.status != DocumentStatus.VASTGESTELD:
            stel_vast(ivp, door)
    if document.status == DocumentStatus.IN_BESPREKING:
        services.document_close_review(document=document, door=door, bevestigd=True)
    datum = datum or _standaarddatum(soort)
    # Offered on the day of the decision, whatever is still open (tests decide fast).
    services.document_submit(
        document=document, door=door, op=datum, motivatie=AANGEBODEN_ONDANKS_OPEN_PUNTEN
    )
    return services.besluit_record(
        document=document,
        door=door,
        orgaan=BESLUITORGAAN[soort],
        datum=datum,
        uitkomst=BesluitUitkomst.VASTGESTELD,
        kenmerk=kenmerk,
    )


def _inhoud_af(plan: Plan, door: Gebruiker, nummer: int) -> None:
    """Whatever step `nummer` needs besides its document, as the demo does it."""
    if nummer == 2:
        analyseer(plan, door)
    elif nummer == 3:
        plaats_alle_hoofdthemas(plan, door)
        services.prioritering_update(
            plan=plan,
            door=door,
            raad_bijeenkomst_op=dt.date(2022, 10, 4),
            driehoek_op=dt.date(2022, 10, 12),
        )
    elif nummer == 4:
        for prioriteit in plan.plaatsingen.filter(keuze=Keuze.PRIORITEIT):
            if not prioriteit.doelstellingen.exists():
                services.doelstelling_create(
                    plaatsing=prioriteit, door=door, tekst="Minder overlast"
                )
            if not prioriteit.aanpak.strip():
                services.prioriteit_set_aanpak(plaatsing=prioriteit, door=door, aanpak="Samen")


def start(plan: Plan, door: Gebruiker, nummer: int) -> Stap:
    """Step `nummer` actief: the steps before it afgerond first (step 5 needs step 4
    started only: the uitvoeringsplan is written beside the IVP)."""
    s = stap(plan, nummer)
    if s.status != StapStatus.GEPLAND:
        return s
    if nummer == 5:
        start(plan, door, 4)
    elif nummer > 1:
        rond_af(plan, door, nummer - 1)
    return services.stap_start(stap=stap(plan, nummer), door=door)


def rond_af(plan: Plan, door: Gebruiker, nummer: int) -> Stap:
    """Drive `plan` through the method until step `nummer` is afgerond (1 to 5), using only
    services, as a coordinator would."""
    if nummer == 6:
        raise NotImplementedError("Stap 6 sluit pas na de looptijd; zet de tijd en doe het zelf.")
    s = stap(plan, nummer)
    if s.status == StapStatus.AFGEROND:
        return s
    if nummer == 5:
        rond_af(plan, door, 4)
    start(plan, door, nummer)
    soort = {1: "startnotitie", 2: "veiligheidsanalyse", 3: "prioritering", 4: "ivp"}.get(nummer)
    if soort is None:  # step 5: the uitvoeringsplan, adopted by the college, noted by the raad
        uitvoeringsplan = document(plan, DocumentSoort.UITVOERINGSPLAN, plan.periode_start.year)
        if uitvoeringsplan.status != DocumentStatus.VASTGESTELD:
            stel_vast(uitvoeringsplan, door)
        services.besluit_record(
            document=uitvoeringsplan,
            door=door,
            orgaan=Orgaan.RAAD,
            datum=KENNISNAME_OP,
            uitkomst=BesluitUitkomst.KENNISGENOMEN,
        )
    else:
        doc = document(plan, soort)
        if doc.status != DocumentStatus.VASTGESTELD:
            _inhoud_af(plan, door, nummer)
            stel_vast(doc, door, VASTSTELDATUM[DocumentSoort(soort)])
    return services.stap_close(stap=stap(plan, nummer), door=door)


# --- look-ups and builders ---------------------------------------------------------------


def coordinator_van(gemeente: Gemeente) -> Gebruiker:
    """A new coordinator OOV of `gemeente`."""
    return lid_van(gemeente, RolSoort.COORDINATOR)


def lid_van(gemeente: Gemeente, soort: str = RolSoort.WERKGROEPLID, **kwargs: Any) -> Gebruiker:
    """A user with one role in `gemeente` (a werkgroeplid unless told otherwise)."""
    gebruiker: Gebruiker = GebruikerFactory.create(rol=(gemeente, soort), **kwargs)
    return gebruiker


def document(plan: Plan, soort: str, jaar: int | None = None) -> Document:
    return plan.documenten.get(soort=soort, jaar=jaar)


def stap(plan: Plan, nummer: int) -> Stap:
    return plan.stappen.get(nummer=nummer)


def hoofdstuk(document: Document, sleutel: str = "inleiding") -> Hoofdstuk:
    return document.hoofdstukken.get(sleutel=sleutel)


def veld(code: str = "5") -> Veld:
    return Veld.objects.get(code=code)


def hoofdthema(code: str) -> Thema:
    """A hoofdthema of the VNG list."""
    return Thema.objects.get(code=code, gemeente=None)


def voeg_bronnen_toe(plan: Plan, door: Gebruiker | None = None) -> None:
    """Two sources for veld 5: the (confidential) ondermijningsbeeld and police open data."""
    door = door or regisseur(plan.gemeente)
    services.bron_create(
        plan=plan,
        veld=veld("5"),
        door=door,
        soort=BronSoort.ONDERMIJNINGSBEELD,
        titel="Ondermijningsbeeld RIEC 2021",
    )
    services.bron_create(
        plan=plan,
        veld=veld("5"),
        door=door,
        soort=BronSoort.POLITIE,
        titel="Politie open data",
        vindplaats="https://data.politie.nl/",
        periode="2019–2021",
    )


def draag_over(plan: Plan, auteur: Gebruiker | None, code: str = "5") -> Analyse:
    """The coordinator hands the analysis of veld `code` to `auteur` (None: takes it back)."""
    return services.analyse_set_auteur(
        plan=plan, veld=veld(code), door=regisseur(plan.gemeente), auteur=auteur
    )


def analyseer(plan: Plan, door: Gebruiker, velden: Iterable[Veld] | None = None) -> None:
    for veld in velden or Veld.objects.all():
        services.analyse_save(
            plan=plan,
            veld=veld,
            door=door,
            problematiek="Wat speelt er",
            huidige_aanpak="Wat we doen",
            verbeterpunten="Wat beter kan",
        )


def plaats_alle_hoofdthemas(
    plan: Plan, door: Gebruiker, prioriteiten: Iterable[str] = ("1.1",)
) -> dict[str, Plaatsing]:
    """Every VNG hoofdthema placed: the given codes as prioriteit, the rest as beheer."""
    codes = set(prioriteiten)
    plaatsingen = {}
    for thema in Thema.objects.voor_gemeente(plan.gemeente_id).hoofdthemas():
        keuze = Keuze.PRIORITEIT if thema.code in codes else Keuze.BEHEER
        plaatsingen[thema.code] = services.plaatsing_save(
            plan=plan, thema=thema, door=door, keuze=keuze
        )
    return plaatsingen


def tot_en_met_stap(plan: Plan, door: Gebruiker, nummer: int) -> None:
    """Steps 1 to `nummer` afgerond (see `rond_af`)."""
    rond_af(plan, door, nummer)


def schrijf(document: Document, door: Gebruiker, teksten: dict[str, str]) -> None:
    """Save chapter texts through the service, each from its current version."""
    for sleutel, tekst in teksten.items():
        h = hoofdstuk(document, sleutel)
        services.hoofdstuk_save(hoofdstuk=h, door=door, tekst=tekst, versie=h.versie)


def startblokkades(stap: Stap) -> list[str]:
    """What blocks `stap` from starting, read as the services read it."""
    return guards.startblokkades(laad_stand(stap.plan), stap)


def sluitblokkades(stap: Stap) -> list[str]:
    """What blocks `stap` from closing, read as the services read it."""
    return guards.sluitblokkades(laad_stand(stap.plan), stap)
