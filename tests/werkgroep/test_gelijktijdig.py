"""Lost updates on the werkgroep's edit forms: meeting, notulen, member, budget."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ivp.models import Gebruiker, Plan
from tests.ivp.gelijktijdig import tweede_opslag_ziet_conflict
from tests.werkgroep.factories import BijeenkomstFactory
from werkgroep.models import Bijeenkomst, Lid, Urenbudget

pytestmark = pytest.mark.django_db


@pytest.fixture
def bijeenkomst(plan: Plan, coordinator: Gebruiker, vandaag) -> Bijeenkomst:
    return BijeenkomstFactory.create(plan=plan, door=coordinator)


def test_meeting(client: Client, bijeenkomst: Bijeenkomst, coordinator: Gebruiker) -> None:
    client.force_login(coordinator)
    tweede_opslag_ziet_conflict(
        client,
        reverse("werkgroep:bijeenkomst_bewerken", args=[bijeenkomst.pk]),
        "locatie",
        opgeslagen=lambda: Bijeenkomst.objects.get(pk=bijeenkomst.pk).locatie,
    )


def test_notulen(client: Client, bijeenkomst: Bijeenkomst, coordinator: Gebruiker) -> None:
    client.force_login(coordinator)
    tweede_opslag_ziet_conflict(
        client,
        reverse("werkgroep:bijeenkomst", args=[bijeenkomst.pk]),
        "verslag-notulen",
        form=lambda context: context["forms"]["verslag"],
        extra={"formulier": "verslag"},
        opgeslagen=lambda: Bijeenkomst.objects.get(pk=bijeenkomst.pk).notulen,
    )


def test_member(client: Client, lid_met_budget: Lid, coordinator: Gebruiker) -> None:
    client.force_login(coordinator)
    tweede_opslag_ziet_conflict(
        client,
        reverse("werkgroep:lid_bewerken", args=[lid_met_budget.pk]),
        "organisatie",
        opgeslagen=lambda: Lid.objects.get(pk=lid_met_budget.pk).organisatie,
    )


def test_budget(client: Client, lid_met_budget: Lid, coordinator: Gebruiker) -> None:
    client.force_login(coordinator)
    tweede_opslag_ziet_conflict(
        client,
        reverse("werkgroep:urenbudget", args=[lid_met_budget.pk]),
        "motivatie",
        opgeslagen=lambda: Urenbudget.objects.get(lid=lid_met_budget).motivatie,
    )
