"""What a new plan can take over from the previous one: a registry, so that an app above
`stappen` (the werkgroep: its members and their hour budgets) offers its own part without
`stappen` importing it. `stappen.services.plan_vervolg_create` copies what was chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ivp.models import Gebruiker, Plan

# The line above every text taken over: a starting point, never the adopted text itself.
MARKERING = "*Uit het vorige IVP ({titel}); werk deze tekst bij.*"

# keuzes(vorig_plan) -> [(sleutel, label)]; kopieer(vorig, nieuw, gekozen, door) -> what
# was copied, one Dutch line each. `gekozen` holds the chosen keys of every overname.
Keuzes = Callable[["Plan"], list[tuple[str, str]]]
Kopieer = Callable[["Plan", "Plan", Mapping[str, Sequence[str]], "Gebruiker"], list[str]]


@dataclass(frozen=True)
class Overname:
    sleutel: str
    titel: str
    uitleg: str
    keuzes: Keuzes
    kopieer: Kopieer | None = None
    standaard_aan: bool = False


_OVERNAMES: dict[str, Overname] = {}


def registreer_overname(overname: Overname) -> None:
    """Offer something of the previous plan to take over; registering again replaces it."""
    _OVERNAMES[overname.sleutel] = overname


def overnames() -> list[Overname]:
    return list(_OVERNAMES.values())


def markeer(tekst: str, vorig_plan: Plan) -> str:
    return f"{MARKERING.format(titel=vorig_plan.titel)}\n\n{tekst.strip()}"
