"""The bijlagen of a stuk, copied into the rendering when it is asked for (docs/pdf.md).

A bouwer takes the `Document` and returns bijlagen: `{"titel", "tekst"}` (Markdown, for the
public rendering) and optionally `"besloten"` (the text of the closed rendering, when it has
more). `stappen` registers the reactienota and the prioritering matrix; a higher app adds its
own with `registreer_bijlage` (the uitvoeringsplan's activities table, from `uitvoering`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NotRequired, TypedDict

from stappen.constants import DocumentSoort

if TYPE_CHECKING:
    from stappen.models import Document


class Bijlage(TypedDict):
    titel: str
    tekst: str
    besloten: NotRequired[str]


Bouwer = Callable[["Document"], list[Bijlage]]

# Per soort ("*": every soort), in the order of registration.
_BOUWERS: dict[str, dict[str, Bouwer]] = {}


def registreer_bijlage(soort: str, bouwer: Bouwer, *, naam: str | None = None) -> None:
    """Add a bijlage for documents of `soort` (or "*" for all). The same `naam` again
    replaces it, so a reload does no harm."""
    _BOUWERS.setdefault(str(soort), {})[naam or f"{bouwer.__module__}.{bouwer.__name__}"] = bouwer


def bouw_bijlagen(document: Document) -> list[Bijlage]:
    bouwers = [*_BOUWERS.get("*", {}).values(), *_BOUWERS.get(str(document.soort), {}).values()]
    return [bijlage for bouwer in bouwers for bijlage in bouwer(document)]


def _cel(tekst: object) -> str:
    return " ".join(str(tekst).split()).replace("|", "\\|") or "–"


def reactienota(document: Document) -> list[Bijlage]:
    """The comments of the last closed review round with what became of them. Comments on a
    confidential section stand only in the closed rendering."""
    from stappen.models import Opmerking

    ronde = document.besprekingen.filter(gesloten_op__isnull=False).select_related("versie")
    laatste = ronde.order_by("-gesloten_op", "-pk").first()
    if laatste is None:
        return []
    versie = laatste.versie
    secties = {s["sleutel"]: s for s in versie.inhoud}
    draden = Opmerking.objects.filter(versie=versie, antwoord_op__isnull=True).order_by(
        "geplaatst_op", "pk"
    )
    kop = [
        "| Hoofdstuk | Opmerking | Verwerking | Toelichting |",
        "| --- | --- | --- | --- |",
    ]
    openbaar, besloten = list(kop), list(kop)
    for draad in draden:
        sectie = secties.get(draad.sectie, {})
        regel = (
            f"| {_cel(sectie.get('titel', draad.sectie))} | {_cel(draad.tekst)} | "
            f"{_cel(draad.get_uitkomst_display() or 'Nog niet verwerkt')} | "
            f"{_cel(draad.uitkomst_reden)} |"
        )
        besloten.append(regel)
        if not sectie.get("vertrouwelijk"):
            openbaar.append(regel)
    inleiding = (
        f"De opmerkingen van de werkgroep op versie {versie.nummer} (bespreking tot en met "
        f"{laatste.sluit_op:%d-%m-%Y}) en wat ermee is gedaan.\n\n"
    )

    def tekst(regels: list[str]) -> str:
        return inleiding + ("\n".join(regels) if len(regels) > 2 else "*Geen opmerkingen.*")

    bijlage: Bijlage = {"titel": "Reactienota", "tekst": tekst(openbaar)}
    if len(besloten) != len(openbaar):
        bijlage["besloten"] = tekst(besloten)
    return [bijlage]


def prioriteringsmatrix(document: Document) -> list[Bijlage]:
    """The scoring matrix of the prioritering: from the prioritering document's last
    version, else as it stands."""
    from stappen.models import Versie
    from stappen.secties import bouw_structuur
    from stappen.selectors.documenten import plan_document

    prioritering = plan_document(document.plan, DocumentSoort.PRIORITERING)
    if prioritering is None:
        return []
    versie = Versie.objects.filter(document=prioritering).order_by("-hoofd", "-sub").first()
    secties = versie.inhoud if versie is not None else bouw_structuur(prioritering)
    delen = [
        s for s in secties if s["sleutel"] in ("prioritering-werkwijze", "prioritering-rangorde")
    ]
    if not delen:
        return []
    herkomst = (
        f"Uit versie {versie.nummer} van {prioritering.titel}."
        if versie
        else "Zoals nu vastgelegd."
    )
    tekst = "\n\n".join([herkomst, *(f"### {d['titel']}\n\n{d['tekst']}" for d in delen)])
    return [{"titel": "Prioriteringsmatrix", "tekst": tekst}]


registreer_bijlage("*", reactienota, naam="reactienota")
registreer_bijlage(DocumentSoort.IVP, prioriteringsmatrix, naam="prioriteringsmatrix")
