"""The demo's uitvoering: the current plan's first year with activities for each priority and
two quarters of progress, and the previous plan's last rapportage with its evaluation."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ivp.demo import Demo
from ivp.models import Gebruiker, Plan
from stappen.constants import DocumentSoort, Keuze
from uitvoering import demo, services
from uitvoering.models import Activiteit, Uitvoeringsplan, Voortgang

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("demo")  # the fixture; `demo` here is the app's module
def test_the_demo_has_an_uitvoeringsplan_with_progress_and_the_last_rapportage():
    vorig, nieuw = Plan.objects.filter(gemeente__naam="Steenwijkerland").order_by("periode_start")
    up = Uitvoeringsplan.objects.get(plan=nieuw, jaar=nieuw.periode_start.year)
    prioriteiten = set(
        nieuw.plaatsingen.filter(keuze=Keuze.PRIORITEIT).values_list("pk", flat=True)
    )
    assert len(prioriteiten) == 4
    assert {
        a.doelstelling.plaatsing_id for a in up.activiteiten.exclude(doelstelling=None)
    } == prioriteiten
    assert set(
        Voortgang.objects.filter(activiteit__uitvoeringsplan=up).values_list("kwartaal", flat=True)
    ) == {1, 2}
    assert up.activiteiten.filter(trekker__gebruiker__username="politie").exists()

    laatste = vorig.documenten.get(
        soort=DocumentSoort.VOORTGANGSRAPPORTAGE, jaar=vorig.periode_eind.year
    )
    assert laatste.is_vastgesteld
    document, evaluatie = services.vorige_evaluatie(up)
    assert document == laatste
    assert "voortgangsoverleg" in dict(evaluatie)["Evaluatie"]

    # loading the uitvoering part again changes nothing
    aantal = Activiteit.objects.count()
    opnieuw = Demo()
    opnieuw.gebruikers["coordinator"] = Gebruiker.objects.get(username="coordinator")
    opnieuw.gemeenten["Steenwijkerland"] = nieuw.gemeente
    demo.laad(opnieuw)
    assert Activiteit.objects.count() == aantal

    # the trekker (werkgroeplid) sees the progress page of their activities
    client = Client()
    client.force_login(Gebruiker.objects.get(username="politie"))
    html = client.get(reverse("uitvoering:voortgang", args=[up.pk])).content.decode()
    assert "Informatieavond agrarische ondernemers" in html
    assert "Bibob-toets" not in html
