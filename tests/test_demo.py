from io import StringIO

import pytest
from django.core.management import call_command

from ivp.models import Gebruiker, Gemeente, Plan
from stappen.constants import StapStatus

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once_and_tells_the_logins():
    uitvoer = StringIO()
    call_command("demo", stdout=uitvoer)
    assert "Demodata geladen." in uitvoer.getvalue()
    assert "coordinator" in uitvoer.getvalue() and "Coördinator OOV" in uitvoer.getvalue()
    aantallen = (Gemeente.objects.count(), Gebruiker.objects.count(), Plan.objects.count())

    nogmaals = StringIO()
    call_command("demo", stdout=nogmaals)
    assert "De demodata staat er al" in nogmaals.getvalue()
    assert (Gemeente.objects.count(), Gebruiker.objects.count(), Plan.objects.count()) == aantallen


def test_the_demo_tells_the_story_of_the_startnotitie():
    call_command("demo", stdout=StringIO())
    vorig = Plan.objects.get(gemeente__naam="Steenwijkerland", titel__contains="2019")
    assert vorig.verlengd_tot.isoformat() == "2023-04-30"
    assert set(vorig.stappen.values_list("status", flat=True)) == {StapStatus.AFGEROND}

    nieuw = Plan.objects.get(gemeente__naam="Steenwijkerland", titel__contains="2023")
    status = dict(nieuw.stappen.values_list("nummer", "status"))
    assert status == {
        1: "afgerond",
        2: "afgerond",
        3: "actief",
        4: "gepland",
        5: "gepland",
        6: "gepland",
    }
    assert nieuw.traject_start.isoformat() == "2022-06-01"
    werkgroep = Gebruiker.objects.filter(
        rollen__gemeente=nieuw.gemeente, rollen__soort="werkgroeplid"
    )
    assert werkgroep.count() == 7
    assert Plan.objects.filter(gemeente__naam="Staphorst").exists()
