"""The shared parts in a member's documents: one section per part the plan decided on, after
the document's own structured sections (the IVP's: under its chapter "Prioriteiten").

A section shows the member's own copy (`Overname.tekst`), never the region's live text, so a
member's document changes only when that member accepts a proposal; and since every version
freezes `bouw_secties`, old versions keep the old copy. One query per document, whatever the
number of parts. A bovenlokale priority of a theme the plan also prioritises itself is one
chapter with the plan's own (`bij`, `stappen.secties.bouw_structuur`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef
from django.utils.formats import date_format

from regio.constants import DeelSoort, OvernameKeuze, document_soort
from regio.models import Overname
from stappen.constants import Keuze
from stappen.models import Plaatsing

if TYPE_CHECKING:
    from stappen.models import Document
    from stappen.secties import Sectie

SOORTEN_PER_DOCUMENT: dict[str, list[str]] = {}
for _soort in DeelSoort:
    SOORTEN_PER_DOCUMENT.setdefault(document_soort(_soort), []).append(str(_soort))


def _herkomst(overname: Overname) -> str:
    versie = overname.versie
    kenmerk = f", kenmerk {versie.driehoek_kenmerk}" if versie.driehoek_kenmerk else ""
    return (
        f"afgesproken in de interlokale driehoek op {date_format(versie.driehoek_op, 'j F Y')}"
        f"{kenmerk} (versie {versie.nummer}); gelijk voor de gemeenten van "
        f"{overname.deel.regio.naam}"
    )


def sectie(overname: Overname) -> Sectie:
    """The section of one part in the member's document (`overname` with its deel, regio and
    versie loaded)."""
    prioriteit = overname.deel.soort == DeelSoort.PRIORITEIT
    if overname.keuze == OvernameKeuze.NIET_OVERGENOMEN:
        wat = "deze bovenlokale prioriteit" if prioriteit else "dit regionale deel"
        kop = "Bovenlokale prioriteit" if prioriteit else "Regionaal deel"
        titel = f"{overname.titel} ({kop.lower()}, niet overgenomen)"
        tekst = (
            f"*{kop}, "
            f"{_herkomst(overname)}.*\n\n"
            f"De gemeente {overname.plan.gemeente.naam} neemt {wat} niet over.\n\n"
            f"**Motivatie:** {overname.motivatie.strip()}"
        )
    else:
        titel = f"{overname.titel} ({'bovenlokaal' if prioriteit else 'regionaal'})"
        kop = "Bovenlokale prioriteit" if prioriteit else "Regionaal deel"
        tekst = f"*{kop}, {_herkomst(overname)}.*\n\n{overname.tekst.strip()}"
    resultaat: Sectie = {"sleutel": overname.deel.sleutel, "titel": titel, "tekst": tekst}
    thema = overname.deel.thema
    if (
        thema is not None
        and getattr(overname, "ook_lokaal", False)
        and overname.keuze == OvernameKeuze.OVERGENOMEN
    ):
        # The plan prioritises the theme itself too: one chapter with its own
        # (`stappen.structuur.bouw_ivp`), not the theme twice.
        resultaat["bij"] = f"prioriteit-{thema.code}"
    return resultaat


def regionale_secties(document: Document) -> list[Sectie]:
    """The sections of the parts the document's plan decided on that land in this soort."""
    soorten = SOORTEN_PER_DOCUMENT.get(str(document.soort))
    if not soorten or document.jaar is not None:
        return []
    lokaal = Plaatsing.objects.filter(
        plan_id=OuterRef("plan_id"), thema_id=OuterRef("deel__thema_id"), keuze=Keuze.PRIORITEIT
    )
    overnames = (
        Overname.objects.filter(plan_id=document.plan_id, deel__soort__in=soorten)
        .annotate(ook_lokaal=Exists(lokaal))
        .select_related("deel__regio", "deel__thema", "versie", "plan__gemeente")
        .order_by("deel__soort", "deel__volgorde", "deel__pk")
    )
    return [sectie(overname) for overname in overnames]
