"""What apps above stappen add to a plan's page and its documents' pages: entries of the
plan's sub-navigation ("Onderdelen van het plan") and notices (the region's open proposals,
`regio.selectors.overname`). An app registers one function from its `AppConfig.ready()`;
it returns nothing (and should ask nothing) for a user it has nothing to show, and asks at
most one query otherwise, so the pages keep a flat query count. With `document_soorten` it
says on which documents' pages its notices can stand: the pages of other documents do not
ask it (and so ask nothing for it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
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
# Per registered function: itself and the document soorts its notices can name (None: any).
_LEVERANCIERS: dict[str, tuple[Leverancier, frozenset[str] | None]] = {}


def registreer(leverancier: Leverancier, document_soorten: Iterable[str] | None = None) -> None:
    """Register a function; the same function again replaces itself. `document_soorten`: the
    only soorts whose document pages its notices (`Signaal.document_soort`) can stand on."""
    _LEVERANCIERS[f"{leverancier.__module__}.{leverancier.__qualname__}"] = (
        leverancier,
        None if document_soorten is None else frozenset(str(s) for s in document_soorten),
    )


def _samen(user: Gebruiker, plan: Plan, leveranciers: Iterable[Leverancier]) -> Aanvulling:
    samen = Aanvulling()
    for leverancier in leveranciers:
        deel = leverancier(user, plan)
        samen.navigatie += deel.navigatie
        samen.signalen += deel.signalen
    return samen


def voor_plan(user: Gebruiker, plan: Plan) -> Aanvulling:
    """Everything the registered apps add for `user` on the pages of `plan`."""
    return _samen(user, plan, (leverancier for leverancier, _ in _LEVERANCIERS.values()))


def voor_document(user: Gebruiker, plan: Plan, soort: str) -> list[Signaal]:
    """The notices for the page of the plan's document of `soort`: only the functions whose
    notices can stand there are asked."""
    soort = str(soort)
    leveranciers = (
        leverancier
        for leverancier, soorten in _LEVERANCIERS.values()
        if soorten is None or soort in soorten
    )
    return [s for s in _samen(user, plan, leveranciers).signalen if s.document_soort == soort]
