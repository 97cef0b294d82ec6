"""The content of a document as plain sections: the contract between the narrative chapters
(this module, `Hoofdstuk` rows) and the structured content of the steps (`stappen.structuur`,
which registers one builder per document type).

A `Versie` stores exactly what `bouw_secties` returns, so a section's `sleutel` must be stable
across versions: comments (`Opmerking`) anchor to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NotRequired, TypedDict

if TYPE_CHECKING:
    from stappen.models import Document


class BeslotenDeel(TypedDict):
    """A confidential part of a section (a source of the ondermijningsbeeld): only the closed
    PDF shows it; the public one says, in its place, that a part was left out and why."""

    titel: str
    tekst: str
    reden: str


# tekst is Markdown; it is sanitised when rendered, never when stored.
# `vertrouwelijk` (the reason) marks the whole section confidential: the public PDF shows
# only its heading and the reason; web pages show it only to those who read drafts.
# `besloten` holds confidential parts that no web page and no public PDF shows.
class Sectie(TypedDict):
    sleutel: str
    titel: str
    tekst: str
    vertrouwelijk: NotRequired[str]
    besloten: NotRequired[list[BeslotenDeel]]
    # Only from an aanvulling, never stored: the sleutel of the main builder's section this
    # one is the same chapter as (a bovenlokale priority of a theme the plan prioritises
    # itself), see `bouw_structuur`.
    bij: NotRequired[str]


_BOUWERS: dict[str, Callable[[Document], list[Sectie]]] = {}
# Per soort: builders of other apps whose sections follow the main builder's (the shared
# parts a member took in from its region, `regio.teksten`), keyed by the builder's name.
_AANVULLINGEN: dict[str, dict[str, Callable[[Document], list[Sectie]]]] = {}
# Per soort: the chapter after which the builder's sections stand (else at the end).
_NA_HOOFDSTUK: dict[str, str] = {}


def registreer_bouwer(soort: str, bouwer: Callable[[Document], list[Sectie]]) -> None:
    """Register the builder of the structured sections of documents of `soort`.

    Registering the same soort again replaces the builder (so a reload does no harm)."""
    _BOUWERS[str(soort)] = bouwer


def registreer_aanvulling(soort: str, bouwer: Callable[[Document], list[Sectie]]) -> None:
    """Register a builder whose sections follow those of the soort's main builder (they
    stand where the main builder's do). The same builder again replaces itself."""
    _AANVULLINGEN.setdefault(str(soort), {})[f"{bouwer.__module__}.{bouwer.__qualname__}"] = bouwer


def registreer_plaats(soort: str, na: str) -> None:
    """The builder's sections of `soort` stand under the chapter `na` (the IVP's priorities
    under its chapter "Prioriteiten") instead of at the end."""
    _NA_HOOFDSTUK[str(soort)] = na


def orden[H](
    soort: str,
    hoofdstukken: Sequence[H],
    structuur: Sequence[Sectie],
    sleutel: Callable[[H], str],
) -> list[tuple[H | None, Sectie | None, bool]]:
    """Chapters and structured sections in reading order, each with whether it stands under
    the chapter before it. A section with a chapter's own sleutel belongs to that chapter
    (one heading, one anchor: the IVP's "Overige strategische thema's"); the others stand
    under the soort's chapter `na` (the IVP's priorities under "Prioriteiten"), or at the
    end."""
    eigen = {sectie["sleutel"]: sectie for sectie in structuur}
    sleutels = {sleutel(h) for h in hoofdstukken}
    los = [sectie for sectie in structuur if sectie["sleutel"] not in sleutels]
    na = _NA_HOOFDSTUK.get(str(soort))
    volgorde: list[tuple[H | None, Sectie | None, bool]] = []
    for h in hoofdstukken:
        volgorde.append((h, eigen.get(sleutel(h)), False))
        if sleutel(h) == na:
            volgorde += [(None, sectie, True) for sectie in los]
            los = []
    return volgorde + [(None, sectie, False) for sectie in los]


def bouw_secties(document: Document) -> list[Sectie]:
    """The document's narrative chapters and its soort's structured sections, in reading
    order (`orden`); a chapter and the generated section of the same sleutel are one."""
    hoofdstukken: list[Sectie] = []
    for h in document.hoofdstukken.order_by("volgorde", "pk"):
        eigen: Sectie = {"sleutel": h.sleutel, "titel": h.titel, "tekst": h.tekst}
        if h.vertrouwelijk:
            eigen["vertrouwelijk"] = h.vertrouwelijk_reden.strip() or "vertrouwelijk"
        hoofdstukken.append(eigen)
    secties: list[Sectie] = []
    for hoofdstuk, sectie, _onder in orden(
        document.soort, hoofdstukken, bouw_structuur(document), lambda h: h["sleutel"]
    ):
        if hoofdstuk and sectie:
            tekst = "\n\n".join(t for t in (hoofdstuk["tekst"].strip(), sectie["tekst"]) if t)
            samen: Sectie = {**sectie, **hoofdstuk, "tekst": tekst}
            if "vertrouwelijk" in sectie and "vertrouwelijk" not in hoofdstuk:
                samen["vertrouwelijk"] = sectie["vertrouwelijk"]
            secties.append(samen)
        elif hoofdstuk is not None:
            secties.append(hoofdstuk)
        elif sectie is not None:
            secties.append(sectie)
    return secties


def bouw_structuur(document: Document) -> list[Sectie]:
    """Only the structured sections (from the registered builder), for the live page.

    An aanvulling's section `bij` a main section is one chapter with it: in the main
    section's place and under its sleutel (anchors and comments keep pointing at it), with
    the aanvulling's title and text, and the main section's text after it under "Lokale
    uitwerking", its headings one level down."""
    bouwer = _BOUWERS.get(str(document.soort))
    secties = list(bouwer(document)) if bouwer is not None else []
    plek = {sectie["sleutel"]: i for i, sectie in enumerate(secties)}
    for aanvulling in _AANVULLINGEN.get(str(document.soort), {}).values():
        for sectie in aanvulling(document):
            bij = sectie.pop("bij", None)
            if bij is None or bij not in plek:
                secties.append(sectie)
                continue
            eigen = secties[plek[bij]]
            lokaal = re.sub(r"(?m)^(#{1,5}) ", r"#\1 ", eigen["tekst"].strip())
            secties[plek[bij]] = {
                **eigen,
                "titel": sectie["titel"],
                "tekst": f"{sectie['tekst'].strip()}\n\n### Lokale uitwerking\n\n{lokaal}\n",
            }
    return secties
