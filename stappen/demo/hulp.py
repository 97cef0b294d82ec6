"""The small steps the demo plans are made of, each through the services and guards."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ivp.models import Gebruiker, Plan
from stappen import selectors, services
from stappen.constants import (
    BESLUITORGAAN,
    BesluitUitkomst,
    BesluitVorm,
    DocumentSoort,
)
from stappen.demo.teksten import (
    BRONNEN,
    GEWICHTEN,
    MOTIVATIES,
    SCORES,
    VELDANALYSES,
)
from stappen.models import Document, Plaatsing, Stap
from veiligheidsvelden.models import Thema, Veld

D = dt.date


def schrijf(document: Document, door: Gebruiker, teksten: dict[str, str]) -> None:
    for hoofdstuk in document.hoofdstukken.filter(sleutel__in=teksten):
        services.hoofdstuk_save(
            hoofdstuk=hoofdstuk,
            door=door,
            tekst=teksten[hoofdstuk.sleutel],
            versie=hoofdstuk.versie,
        )


def bronnen(plan: Plan, door: Gebruiker) -> None:
    for veld in Veld.objects.all():
        for soort, titel, periode, link in BRONNEN.get(veld.code, []):
            services.bron_create(
                plan=plan,
                veld=veld,
                door=door,
                soort=soort,
                titel=titel,
                periode=periode,
                vindplaats=link,
            )


def scores(plan: Plan, door: Gebruiker) -> None:
    from stappen.constants import Criterium

    themas = {t.code: t for t in Thema.objects.filter(code__in=SCORES, gemeente=None)}
    services.wegingen_save(plan=plan, door=door, gewichten=GEWICHTEN)
    services.scores_save(
        plan=plan,
        door=door,
        scores={
            (themas[code].pk, criterium): waarde
            for code, waarden in SCORES.items()
            for criterium, waarde in zip(Criterium.values, waarden, strict=True)
        },
    )


def stel_vast(
    document: Document,
    door: Gebruiker,
    datum: dt.date,
    kenmerk: str = "",
) -> None:
    """Offered ter besluitvorming three weeks before the decision, then decided. The demo
    does not write every chapter: where points are open it says why (pas toe of leg uit)."""
    motivatie = (
        "In de demo zijn niet alle hoofdstukken uitgeschreven."
        if selectors.open_punten(document)
        else ""
    )
    services.document_submit(
        document=document, door=door, op=datum - dt.timedelta(weeks=3), motivatie=motivatie
    )
    services.besluit_record(
        document=document,
        door=door,
        orgaan=orgaan(document),
        datum=datum,
        uitkomst=BesluitUitkomst.VASTGESTELD,
        kenmerk=kenmerk,
    )


def orgaan(document: Document) -> str:
    return BESLUITORGAAN[DocumentSoort(document.soort)]


def document(plan: Plan, soort: str, jaar: int | None = None) -> Document:
    return Document.objects.get(plan=plan, soort=soort, jaar=jaar)


def stap(plan: Plan, nummer: int) -> Stap:
    return plan.stappen.get(nummer=nummer)


def analyseer(plan: Plan, door: Gebruiker) -> None:
    for veld in Veld.objects.all():
        problematiek, aanpak, verbeterpunten = VELDANALYSES[veld.code]
        services.analyse_save(
            plan=plan,
            veld=veld,
            door=door,
            problematiek=problematiek,
            huidige_aanpak=aanpak,
            verbeterpunten=verbeterpunten,
        )


# Why the werkgroep placed a theme where it did (new plan; fictional).


def plaats(plan: Plan, door: Gebruiker, keuzes: Mapping[str, str]) -> dict[str, Plaatsing]:
    themas = {t.code: t for t in Thema.objects.filter(code__in=keuzes, gemeente=None)}
    return {
        code: services.plaatsing_save(
            plan=plan,
            thema=themas[code],
            door=door,
            keuze=keuze,
            volgorde=n,
            motivatie=MOTIVATIES.get(code, ""),
        )
        for n, (code, keuze) in enumerate(keuzes.items(), start=1)
    }


def kennisname(document: Document, door: Gebruiker, datum: dt.date) -> None:
    """The raad informed of what the college adopted, by raadsinformatiebrief."""
    services.raad_informeer(
        document=document,
        door=door,
        vorm=BesluitVorm.RAADSINFORMATIEBRIEF,
        datum=datum,
        kenmerk=f"{datum.year}-RIB-{datum.month:02d}{datum.day:02d}",
        toelichting="Voor kennisgeving aangenomen.",
    )
