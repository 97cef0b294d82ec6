"""A lezer sees adopted text only (issue 15, finding 2): of the werkgroep the meetings
themselves, not their agenda (with links to drafts), attendance, notulen, besluiten or
actiepunten with names, and no hours."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ivp.constants import RolSoort
from ivp.models import Gebruiker, Plan
from stappen.constants import DocumentSoort
from tests.stappen.stappenplan import document, lid_van
from tests.werkgroep.factories import (
    ActiepuntFactory,
    AgendapuntFactory,
    BijeenkomstFactory,
    PresentieFactory,
)
from werkgroep.models import Bijeenkomst

pytestmark = pytest.mark.django_db


@pytest.fixture
def bijeenkomst(plan: Plan, coordinator: Gebruiker, vandaag) -> Bijeenkomst:
    b = BijeenkomstFactory.create(plan=plan, door=coordinator, verslagen=True)
    AgendapuntFactory.create(
        bijeenkomst=b,
        door=coordinator,
        onderwerp="Concept van de startnotitie",
        document=document(plan, DocumentSoort.STARTNOTITIE),
    )
    actie = ActiepuntFactory.create(bijeenkomst=b, door=coordinator, wat="Cijfers politie")
    PresentieFactory.create(bijeenkomst=b, door=coordinator, lid=actie.wie)
    return b


@pytest.fixture
def lezer(plan: Plan) -> Gebruiker:
    return lid_van(plan.gemeente, RolSoort.LEZER)


GEHEIM = [
    "De werkgroep bespreekt de analyse.",
    "De analyse is akkoord.",
    "Cijfers politie",
    "Concept van de startnotitie",
    "Aanwezigheid van de leden",
]


def test_the_coordinator_sees_the_working_material(
    client: Client, bijeenkomst: Bijeenkomst, coordinator: Gebruiker
) -> None:
    client.force_login(coordinator)
    html = client.get(reverse("werkgroep:bijeenkomst", args=[bijeenkomst.pk])).content.decode()
    for tekst in GEHEIM:
        assert tekst in html


def test_a_lezer_sees_the_meeting_but_none_of_its_working_material(
    client: Client, bijeenkomst: Bijeenkomst, lezer: Gebruiker
) -> None:
    client.force_login(lezer)
    response = client.get(reverse("werkgroep:bijeenkomst", args=[bijeenkomst.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert bijeenkomst.locatie in html
    for tekst in GEHEIM:
        assert tekst not in html
    assert (
        reverse(
            "stappen:document",
            args=[document(bijeenkomst.werkgroep.plan, DocumentSoort.STARTNOTITIE).pk],
        )
        not in html
    )
    assert (
        client.get(reverse("werkgroep:bijeenkomst_ics", args=[bijeenkomst.pk])).status_code == 404
    )
    # Posting the coordinator's forms is refused as well.
    response = client.post(
        reverse("werkgroep:bijeenkomst", args=[bijeenkomst.pk]),
        {"formulier": "verslag", "verslag-notulen": "x", "verslag-besluiten": ""},
    )
    assert response.status_code == 404


def test_a_lezer_sees_no_hours_nor_open_actiepunten(
    client: Client, bijeenkomst: Bijeenkomst, lezer: Gebruiker
) -> None:
    plan = bijeenkomst.werkgroep.plan
    client.force_login(lezer)
    html = client.get(reverse("werkgroep:werkgroep", args=[plan.pk])).content.decode()
    assert "open actiepunt" not in html
    assert reverse("werkgroep:uren", args=[plan.pk]) not in html
    for naam in ("uren", "uren_csv"):
        assert client.get(reverse(f"werkgroep:{naam}", args=[plan.pk])).status_code == 404
    assert client.post(reverse("werkgroep:uren_xlsx", args=[plan.pk])).status_code == 404
