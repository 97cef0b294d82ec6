"""The demo is alive (issue 16, item 3): dated relative to the day it is loaded, the current
plan is in step 3 with its deadlines ahead and the previous plan closed, whatever the day."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from ivp.models import Plan
from stappen.constants import StapStatus
from stappen.models import Besluit, Overgang, Raadsplanning, Vergadering
from werkgroep.models import Bijeenkomst

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "vandaag", [dt.date(2026, 12, 1), dt.date(2027, 3, 10), dt.date(2028, 8, 30)]
)
def test_the_demo_shows_a_cycle_in_motion_on_the_day_it_is_loaded(vandaag):
    with time_machine.travel(dt.datetime.combine(vandaag, dt.time(9)), tick=False):
        call_command("demo", stdout=StringIO())
        vorig, nieuw = Plan.objects.filter(gemeente__naam="Steenwijkerland").order_by(
            "periode_start"
        )
        assert {s.status for s in vorig.stappen.all()} == {StapStatus.AFGEROND}
        assert vorig.einde < vandaag
        assert nieuw.traject_start < vandaag - dt.timedelta(days=90)
        assert nieuw.periode_start > vorig.periode_eind
        status = {s.nummer: s for s in nieuw.stappen.all()}
        assert [status[n].status for n in range(1, 7)] == [
            "afgerond",
            "afgerond",
            "actief",
            "gepland",
            "gepland",
            "gepland",
        ]
        assert not [s for s in nieuw.stappen.all() if s.is_te_laat(vandaag)]
        assert status[3].gepland_eind > vandaag
        assert all(b.datum <= vandaag for b in Besluit.objects.all())
        assert all(o.betreft <= vandaag for o in Overgang.objects.all())
        # The werkgroep's own meetings lie in the past, the joint meeting just ahead.
        assert all(b.datum < vandaag for b in Bijeenkomst.objects.filter(gezamenlijk=None))
        assert all(b.datum > vandaag for b in Bijeenkomst.objects.exclude(gezamenlijk=None))
        assert f"{nieuw.periode_start.year}–{nieuw.periode_eind.year}" in nieuw.titel
        # The bestuurlijke planning: a calendar around today, the IVP planned for a raad
        # meeting ahead, its stukken date after today and before the college.
        planning = Raadsplanning.objects.get(stap=status[4])
        assert vandaag < planning.stukken_datum < planning.college_datum
        assert planning.college_datum < planning.commissie_datum < planning.raad_datum
        assert status[4].gepland_eind == planning.raad_datum
        assert Vergadering.objects.filter(datum__lt=vandaag).exists()
        vergaderingen = Vergadering.objects.count()

        aantallen = (Plan.objects.count(), Besluit.objects.count(), Overgang.objects.count())
        call_command("demo", stdout=StringIO())
        assert (
            Plan.objects.count(),
            Besluit.objects.count(),
            Overgang.objects.count(),
        ) == aantallen
        assert Vergadering.objects.count() == vergaderingen
        assert Raadsplanning.objects.count() == 1
