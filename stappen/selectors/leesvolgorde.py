"""A document page's chapters and structured sections in reading order (issue 16, item 8):
the IVP's priorities under "Prioriteiten", a generated section inside the chapter of the
same sleutel. No query: it orders what `document_pagina` loaded."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from stappen.secties import Sectie, orden


@dataclass
class InhoudRegel:
    """One chapter (a `HoofdstukRegel`, with the generated part of the same sleutel, if
    any) or one generated section; `onder`: a sub-chapter of the chapter before it."""

    regel: Any
    sectie: Sectie | None
    onder: bool
    draden: Any

    @property
    def sleutel(self) -> str:
        if self.regel:
            return str(self.regel.hoofdstuk.sleutel)
        assert self.sectie is not None
        return self.sectie["sleutel"]

    @property
    def titel(self) -> str:
        if self.regel:
            return str(self.regel.hoofdstuk.titel)
        assert self.sectie is not None
        return self.sectie["titel"]


def leesvolgorde(
    soort: str,
    hoofdstukken: Sequence[Any],
    structuur: Sequence[tuple[Sectie, Any]],
    geen_draden: Callable[[], Any],
) -> list[InhoudRegel]:
    draden = {sectie["sleutel"]: d for sectie, d in structuur}
    return [
        InhoudRegel(
            regel=regel,
            sectie=sectie,
            onder=onder,
            draden=regel.draden
            if regel
            else draden.get(sectie["sleutel"] if sectie else "") or geen_draden(),
        )
        for regel, sectie, onder in orden(
            soort, hoofdstukken, [s for s, _ in structuur], lambda r: r.hoofdstuk.sleutel
        )
    ]
