"""The content of a document as plain sections: the contract between the narrative chapters
(this module, `Hoofdstuk` rows) and the structured content of the steps (`stappen.structuur`,
which registers one builder per document type).

A `Versie` stores exactly what `bouw_secties` returns, so a section's `sleutel` must be stable
across versions: comments (`Opmerking`) anchor to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from stappen.models import Document


# tekst is Markdown; it is sanitised when rendered, never when stored.
class Sectie(TypedDict):
    sleutel: str
    titel: str
    tekst: str


_BOUWERS: dict[str, Callable[[Document], list[Sectie]]] = {}


def registreer_bouwer(soort: str, bouwer: Callable[[Document], list[Sectie]]) -> None:
    """Register the builder of the structured sections of documents of `soort`.

    Registering the same soort again replaces the builder (so a reload does no harm)."""
    _BOUWERS[str(soort)] = bouwer


def bouw_secties(document: Document) -> list[Sectie]:
    """The document's narrative chapters in order, then the sections of its soort's builder."""
    secties: list[Sectie] = [
        {"sleutel": h.sleutel, "titel": h.titel, "tekst": h.tekst}
        for h in document.hoofdstukken.order_by("volgorde", "pk")
    ]
    bouwer = _BOUWERS.get(str(document.soort))
    if bouwer is not None:
        secties.extend(bouwer(document))
    return secties


def bouw_structuur(document: Document) -> list[Sectie]:
    """Only the structured sections (from the registered builder), for the live page."""
    bouwer = _BOUWERS.get(str(document.soort))
    return list(bouwer(document)) if bouwer is not None else []
