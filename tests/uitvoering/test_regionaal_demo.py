"""The demo's regional activities: two for the region's first year, entered by the regional
coordinator with progress, shown in Steenwijkerland's uitvoeringsplan marked as regional."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from ivp.models import Gebruiker, Plan, Regio
from uitvoering.models import Activiteit, Uitvoeringsplan

pytestmark = pytest.mark.django_db


def test_the_demo_region_has_two_regional_activities_with_progress(demo):
    regio = Regio.objects.get()
    plan = Plan.objects.filter(gemeente__naam="Steenwijkerland").order_by("periode_start").last()
    jaar = plan.periode_start.year
    regionaal = Activiteit.objects.filter(regio=regio, jaar=jaar)
    assert regionaal.count() == 2
    assert all(a.voortgang.exists() for a in regionaal)
    up = Uitvoeringsplan.objects.get(plan=plan, jaar=jaar)
    coordinator = Gebruiker.objects.get(username="coordinator")
    client = Client()
    client.force_login(coordinator)
    html = client.get(reverse("uitvoering:plan", args=[up.pk])).content.decode()
    riec = regionaal.get(titel__startswith="Gezamenlijke RIEC-aanpak")
    # Tied to the shared priority when the region has one that Steenwijkerland took.
    if riec.regiodoelstelling is None or riec.regiodoelstelling.deel.overnames.filter(
        plan=plan, keuze="overgenomen"
    ):
        assert riec.titel in html
    assert "Regionaal</span>" in html
    regisseur = Client()
    regisseur.force_login(Gebruiker.objects.get(username="regio"))
    pagina = regisseur.get(
        reverse("uitvoering:regio_activiteiten", args=[regio.pk]) + f"?jaar={jaar}"
    ).content.decode()
    assert all(a.titel in pagina for a in regionaal)
    # Loading the demo's uitvoering again adds nothing.
    call_command("demo", stdout=StringIO())
    assert Activiteit.objects.filter(regio=regio).count() == 2
