"""What apps above stappen add to a plan's page and its documents' pages: entries of the
plan's sub-navigation ("Onderdelen van het plan") and notices (the region's open proposals,
`regio.selectors.overname`). An app registers one function from its `AppConfig.ready()`;
it returns nothing (and should ask nothing) for a user it has nothing to show, and asks at
most one query otherwise, so the pages keep a flat query count.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ivp.models import Gebruiker, Plan


@dataclass(frozen=True)
class Signaal:
    """A notice with a link. `document_soort`: it also stands on the page of the plan's
    document of that soort (empty: the plan page only)."""

    tekst: str
    url: str
    linktekst: str
    document_soort: str = ""


@dataclass
class Aanvulling:
    navigatie: list[tuple[str, str]] = field(default_factory=list)  # (label, url)
    signalen: list[Signaal] = field(default_factory=list)


Leverancier = Callable[["Gebruiker", "Plan"], Aanvulling]
_LEVERANCIERS: dict[str, Leverancier] = {}


def registreer(leverancier: Leverancier) -> None:
    """Register a function; the same function again replaces itself."""
    _LEVERANCIERS[f"{leverancier.__module__}.{leverancier.__qualname__}"] = leverancier


def voor_plan(user: Gebruiker, plan: Plan) -> Aanvulling:
    """Everything the registered apps add for `user` on the pages of `plan`."""
    samen = Aanvulling()
    for leverancier in _LEVERANCIERS.values():
        deel = leverancier(user, plan)
        samen.navigatie += deel.navigatie
        samen.signalen += deel.signalen
    return samen


def voor_document(user: Gebruiker, plan: Plan, soort: str) -> list[Signaal]:
    """The notices for the page of the plan's document of `soort`."""
    return [s for s in voor_plan(user, plan).signalen if s.document_soort == str(soort)]
