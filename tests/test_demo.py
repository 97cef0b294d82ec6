from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

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


def test_the_demo_tells_the_story_of_the_startnotitie(demo):
    """The previous IVP is done; the current one is in step 3, dated around the day the demo
    is loaded (issue 16, item 3: the demo is alive, so no fixed years here)."""
    plannen = Plan.objects.filter(gemeente__naam="Steenwijkerland").order_by("periode_start")
    vorig, nieuw = plannen
    assert vorig.einde < timezone.localdate()
    assert set(vorig.stappen.values_list("status", flat=True)) == {StapStatus.AFGEROND}

    status = dict(nieuw.stappen.values_list("nummer", "status"))
    assert status == {
        1: "afgerond",
        2: "afgerond",
        3: "actief",
        4: "gepland",
        5: "gepland",
        6: "gepland",
    }
    assert nieuw.traject_start < timezone.localdate() <= nieuw.stappen.get(nummer=3).gepland_eind
    werkgroep = Gebruiker.objects.filter(
        rollen__gemeente=nieuw.gemeente, rollen__soort="werkgroeplid"
    )
    assert werkgroep.count() == 7
    assert Plan.objects.filter(gemeente__naam="Staphorst").exists()


def test_the_current_plan_starts_from_the_previous_one_with_its_goals_scored(demo):
    """Issue 14: the demo's current plan follows IVP 2019–2022 (moved to the load day); every
    doelstelling of that plan has a score, and the adopted startnotitie has the evaluation."""
    from stappen.models import Doelstelling, Evaluatie, Vervolg
    from stappen.selectors.vervolg import EVALUATIE_SLEUTEL

    vorig, nieuw = Plan.objects.filter(gemeente__naam="Steenwijkerland").order_by("periode_start")
    vervolg = Vervolg.objects.get(plan=nieuw)
    assert vervolg.vorig_plan == vorig
    doelen = Doelstelling.objects.filter(plaatsing__plan=vorig)
    assert doelen.count() == Evaluatie.objects.filter(vervolg=vervolg).count() > 0
    startnotitie = nieuw.documenten.get(soort="startnotitie")
    inhoud = startnotitie.versies.latest("hoofd", "sub").inhoud
    evaluatie = next(s for s in inhoud if s["sleutel"] == EVALUATIE_SLEUTEL)
    for doel in doelen:
        assert evaluatie["tekst"].count(doel.tekst) == 1
