"""The columns of the regional overview (docs/regio.md) that apps above `regio` add.

The overview shows the member plans side by side. What `regio` knows itself (the step each
plan is in, its next deadline, the shared priorities it took, its local priorities, the
figures of the veiligheidsbeeld) it reads itself; what only a later app knows (the hours of
the werkgroep, the progress of the activities) that app registers here from its
`AppConfig.ready()`, so `regio` never imports it.

A column's `waarden` gets every member plan at once and returns one `Cel` per plan id, in a
fixed number of queries whatever the number of plans (the overview's query count stays
flat for 4 and for 25 members). A plan without a value gets none in the mapping.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ivp.models import Plan


@dataclass(frozen=True)
class Cel:
    """One value of the overview: the text in the cell, and an optional line under it."""

    tekst: str
    toelichting: str = ""


@dataclass(frozen=True)
class Kolom:
    sleutel: str
    titel: str
    waarden: Callable[[Sequence[Plan]], Mapping[int, Cel]]
    volgorde: int = 100


_KOLOMMEN: dict[str, Kolom] = {}


def registreer_kolom(kolom: Kolom) -> None:
    """Add a column (the same `sleutel` again replaces it, so a reload does no harm)."""
    _KOLOMMEN[kolom.sleutel] = kolom


def kolommen() -> list[Kolom]:
    return sorted(_KOLOMMEN.values(), key=lambda k: (k.volgorde, k.sleutel))
