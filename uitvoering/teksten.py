"""Markdown generated from the data: the activities of an uitvoeringsplan (the builder of its
document's section "Activiteiten per prioriteit", the regional ones it shows included and
marked, so a version of the document freezes them too) and the chapters of a voortgangsrapportage
(per priority and doelstelling what was done, what slipped and why, the indicator against its
target, the spending against the budget). Pure functions over what the selectors loaded."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from stappen.constants import DocumentSoort
from stappen.secties import Sectie
from uitvoering.constants import ActiviteitStatus, VoortgangStatus, bedrag
from uitvoering.selectors import (
    activiteiten_van,
    als_getal,
    doelstellingen_van,
    groepeer,
    laatste_voortgang,
    metingen_per_indicator,
)
from veiligheidsvelden.constants import Richting

if TYPE_CHECKING:
    from stappen.models import Document, Doelstelling
    from uitvoering.models import Activiteit, Uitvoeringsplan
    from uitvoering.selectors import Blok


def _cel(tekst: object) -> str:
    return " ".join(str(tekst).split()).replace("|", "\\|") or "–"


def _getal(waarde: Decimal | None) -> str:
    if waarde is None:
        return "–"
    return f"{waarde.normalize():f}".replace(".", ",")


def resultaat_tekst(a: Activiteit) -> str:
    delen = [a.resultaat.strip()]
    if a.resultaat_aantal is not None:
        delen.append(f"{_getal(a.resultaat_aantal)} {a.resultaat_eenheid}".strip())
    return "; ".join(d for d in delen if d)


def titel_tekst(a: Activiteit) -> str:
    """The title, marked when the region carries it out."""
    return f"{a.titel} (regionaal)" if a.regio_id is not None else a.titel


def activiteitentabel(blokken: list[Blok]) -> str:
    """Per priority and doelstelling a table of its activities, with totals."""
    if not blokken:
        return "*Nog geen activiteiten.*\n"
    delen = []
    for blok in blokken:
        delen.append(f"### {blok.titel}\n")
        for groep in blok.groepen:
            delen.append(f"**{groep.kop}:** {_cel(groep.titel)}\n")
            regels = [
                "| Activiteit | Beoogd resultaat | Trekker | Partners | Planning | Begroot | "
                "Dekking | Status |",
                "| --- | --- | --- | --- | --- | ---: | --- | --- |",
            ]
            for a in groep.activiteiten:
                regels.append(
                    f"| {_cel(titel_tekst(a))} | {_cel(resultaat_tekst(a))} | "
                    f"{_cel(a.trekker_naam)} | "
                    f"{_cel(', '.join(a.partnerlijst))} | {a.planning_tekst} | "
                    f"{bedrag(a.begroot)} | {_cel(a.dekking)} | {a.get_status_display()} |"
                )
            delen.append("\n".join(regels) + "\n")
        delen.append(f"Begroot voor {blok.titel}: {bedrag(blok.begroot)}.\n")
    return "\n".join(delen)


def bouw_uitvoeringsplan(document: Document) -> list[Sectie]:
    """The builder registered for the uitvoeringsplan: its activities under the chapter
    "Activiteiten per prioriteit" (same sleutel, so one heading)."""
    up = getattr(document, "uitvoeringsplan", None)
    if up is None:
        return []
    blokken = groepeer(activiteiten_van(up), doelstellingen_van(up.plan))
    return [
        {
            "sleutel": "activiteiten",
            "titel": "Activiteiten per prioriteit",
            "tekst": activiteitentabel(blokken),
        }
    ]


BOUWERS = {DocumentSoort.UITVOERINGSPLAN: bouw_uitvoeringsplan}


def _gedaan(a: Activiteit) -> str:
    v = laatste_voortgang(a)
    besteed = f"besteed {bedrag(a.besteed)} van {bedrag(a.begroot)}"
    regel = f"- **{titel_tekst(a)}** ({a.get_status_display().lower()}; {besteed})"
    if a.boven_budget:
        regel += " — **boven budget**"
    if v and v.toelichting:
        regel += f": {' '.join(v.toelichting.split())}"
    return regel


def _achter(a: Activiteit) -> bool:
    v = laatste_voortgang(a)
    return a.status == ActiviteitStatus.VERTRAAGD or (
        v is not None and v.status in (VoortgangStatus.AANDACHT, VoortgangStatus.ACHTER)
    )


def rapportage_teksten(up: Uitvoeringsplan) -> dict[str, str]:
    """The generated chapters "resultaten" and "voortgang" of the year's rapportage."""
    activiteiten = list(activiteiten_van(up))
    doelstellingen = doelstellingen_van(up.plan)
    blokken = groepeer(activiteiten, doelstellingen)
    waarden = metingen_per_indicator(
        up.plan, {d.meetindicator_id for d in doelstellingen if d.meetindicator_id}
    )
    resultaten = []
    for blok in blokken:
        resultaten.append(f"### {blok.titel}\n")
        for groep in blok.groepen:
            d = groep.doelstelling
            if d is not None:
                resultaten.append(f"**Doelstelling:** {_cel(d.tekst)}\n")
                reeks = waarden.get(d.meetindicator_id or 0, {})
                waarde = reeks.get(up.jaar)
                naam = d.meetindicator.naam if d.meetindicator else (d.indicator or "indicator")
                resultaten.append(
                    f"Indicator {_cel(naam)}: {up.jaar} {_getal(waarde)}; nulmeting "
                    f"{_cel(d.nulmeting or '–')}"
                    + (f" ({d.nulmeting_jaar})" if d.nulmeting_jaar else "")
                    + f"; streefwaarde {_cel(d.streefwaarde or '–')}"
                    + (f" ({d.streefjaar})" if d.streefjaar else "")
                    + _oordeel(waarde, d)
                    + "\n"
                )
            else:
                resultaten.append(f"**{groep.kop}:** {_cel(groep.titel)}\n")
            gedaan = [_gedaan(a) for a in groep.activiteiten if not _achter(a)]
            resultaten.append(
                "Gedaan en lopend:\n\n" + "\n".join(gedaan) + "\n"
                if gedaan
                else "*Niets afgerond.*\n"
            )
        resultaten.append(
            f"Besteed voor {blok.titel}: {bedrag(blok.besteed)} van {bedrag(blok.begroot)}.\n"
        )
    achter = [a for a in activiteiten if _achter(a)]
    voortgang = ["### Wat achterbleef en waarom\n"]
    voortgang += [_gedaan(a) for a in achter] or ["*Geen activiteit liep achter.*"]
    # The gemeente's own budget; a regional activity's budget is the region's.
    eigen = [a for a in activiteiten if a.regio_id is None]
    totaal_b = sum((a.begroot for a in eigen), Decimal(0))
    totaal_u = sum((a.besteed for a in eigen), Decimal(0))
    voortgang.append(
        f"\n### Budget\n\nBesteed {bedrag(totaal_u)} van {bedrag(totaal_b)} begroot over "
        f"{len(eigen)} activiteiten."
    )
    if len(eigen) < len(activiteiten):
        voortgang.append(
            f"Daarnaast {len(activiteiten) - len(eigen)} regionale activiteiten; hun budget "
            "staat bij de regio."
        )
    boven = [a for a in activiteiten if a.boven_budget]
    if boven:
        voortgang.append(
            "Boven budget: " + ", ".join(f"{a.titel} ({bedrag(a.besteed)})" for a in boven) + "."
        )
    return {
        "resultaten": "\n".join(resultaten) if blokken else "*Geen activiteiten.*\n",
        "voortgang": "\n".join(voortgang) + "\n",
    }


def _oordeel(waarde: Decimal | None, d: Doelstelling) -> str:
    streef = als_getal(d.streefwaarde)
    if waarde is None or streef is None or d.meetindicator is None:
        return "."
    lager = d.meetindicator.richting == Richting.LAGER
    gehaald = waarde <= streef if lager else waarde >= streef
    return ": streefwaarde gehaald." if gehaald else ": streefwaarde nog niet gehaald."
