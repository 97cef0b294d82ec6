"""Fixtures of the stappen tests.

`@pytest.mark.actieve_stap(n)` on a test, class or module gives the suite-wide `plan` fixture
its steps before `n` afgerond and step `n` actief, reached through the services
(`StapFactory(actief=True)`), so a test starts where a coordinator would be.
"""

from __future__ import annotations

import pytest

from ivp.constants import RolSoort
from ivp.models import Gebruiker, Gemeente, Plan
from stappen.constants import DocumentSoort, Keuze
from stappen.models import Document, Plaatsing
from tests.stappen.factories import StapFactory
from tests.stappen.stappenplan import TEKST, document, lid_van, schrijf


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "actieve_stap(nummer): the `plan` fixture has the steps before `nummer` afgerond and "
        "step `nummer` actief",
    )


@pytest.fixture
def plan(plan: Plan, coordinator: Gebruiker, request: pytest.FixtureRequest) -> Plan:
    if marker := request.node.get_closest_marker("actieve_stap"):
        StapFactory(plan=plan, nummer=marker.args[0], actief=True, door=coordinator)
    return plan


@pytest.fixture
def prioriteit(plan: Plan) -> Plaatsing:
    """The one priority (1.1) of a plan whose prioritering is afgerond (`actieve_stap(4)`)."""
    return plan.plaatsingen.get(keuze=Keuze.PRIORITEIT)


@pytest.fixture
def startnotitie(plan: Plan) -> Document:
    return document(plan, DocumentSoort.STARTNOTITIE)


@pytest.fixture
def startnotitie_met_tekst(startnotitie: Document, coordinator: Gebruiker) -> Document:
    """The startnotitie with its inleiding written (`TEKST`), ready for a review round."""
    schrijf(startnotitie, coordinator, {"inleiding": TEKST})
    return startnotitie


@pytest.fixture
def jeroen(gemeente: Gemeente) -> Gebruiker:
    """A werkgroeplid (the police) with a mail address."""
    return lid_van(gemeente, RolSoort.WERKGROEPLID, username="politie", email="politie@example.nl")


@pytest.fixture
def sanne(gemeente: Gemeente) -> Gebruiker:
    """A werkgroeplid (youth work) with a mail address."""
    return lid_van(gemeente, RolSoort.WERKGROEPLID, username="jeugd", email="jeugd@example.nl")
