"""Lost updates on the stappen edit forms: the plan, a veld analysis, a priority chapter and
a doelstelling (the chapters have their own tests in test_views_documenten.py)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ivp.models import Gebruiker, Plan
from stappen.models import Analyse, Doelstelling, Plaatsing
from tests.ivp.gelijktijdig import tweede_opslag_ziet_conflict
from tests.stappen.factories import DoelstellingFactory
from veiligheidsvelden.models import Veld

pytestmark = pytest.mark.django_db


def test_plan(client: Client, plan: Plan, coordinator: Gebruiker) -> None:
    client.force_login(coordinator)
    tweede_opslag_ziet_conflict(
        client,
        reverse("stappen:plan_bewerken", args=[plan.pk]),
        "titel",
        opgeslagen=lambda: Plan.objects.get(pk=plan.pk).titel,
    )


@pytest.mark.actieve_stap(2)
@pytest.mark.parametrize("bestaat", [False, True], ids=["nieuw", "bestaand"])
def test_veld_analysis(client: Client, plan: Plan, coordinator: Gebruiker, bestaat: bool) -> None:
    veld = Veld.objects.order_by("code").first()
    assert veld is not None
    if not bestaat:
        Analyse.objects.filter(plan=plan, veld=veld).delete()
    client.force_login(coordinator)
    tweede_opslag_ziet_conflict(
        client,
        reverse("stappen:analyse_veld", args=[plan.pk, veld.pk]),
        "problematiek",
        extra={"actie": "analyse"},
        opgeslagen=lambda: (
            Analyse.objects.get(plan=plan, veld=veld, thema__isnull=True).problematiek
        ),
    )


@pytest.mark.actieve_stap(4)
def test_priority_chapter(
    client: Client, plan: Plan, prioriteit: Plaatsing, coordinator: Gebruiker
) -> None:
    client.force_login(coordinator)
    tweede_opslag_ziet_conflict(
        client,
        reverse("stappen:prioriteit_bewerken", args=[plan.pk, prioriteit.pk]),
        "aanpak",
        opgeslagen=lambda: Plaatsing.objects.get(pk=prioriteit.pk).aanpak,
    )


@pytest.mark.actieve_stap(4)
def test_doelstelling(
    client: Client, plan: Plan, prioriteit: Plaatsing, coordinator: Gebruiker
) -> None:
    doelstelling = DoelstellingFactory.create(plaatsing=prioriteit, door=coordinator)
    client.force_login(coordinator)
    tweede_opslag_ziet_conflict(
        client,
        reverse("stappen:doelstelling_bewerken", args=[plan.pk, prioriteit.pk, doelstelling.pk]),
        "tekst",
        opgeslagen=lambda: Doelstelling.objects.get(pk=doelstelling.pk).tekst,
    )
