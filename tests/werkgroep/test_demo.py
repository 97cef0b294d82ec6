"""The demo werkgroep (werkgroep/demo.py), loaded through the services."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from werkgroep.constants import LidRol
from werkgroep.gezamenlijk.models import GezamenlijkeBijeenkomst
from werkgroep.models import Bijeenkomst, Lid, Urenregistratie

pytestmark = pytest.mark.django_db


def test_the_demo_has_the_steenwijkerland_werkgroep(demo):
    # The demo is dated relative to the day it is loaded: the current plan is the newest.
    werkgroep_leden = Lid.objects.filter(
        werkgroep__plan__gemeente__naam="Steenwijkerland",
        werkgroep__plan__periode_start__gt=dt.date.today(),
    )
    assert werkgroep_leden.count() == 8
    assert werkgroep_leden.filter(rol=LidRol.POLITIE_EXPERT, gebruiker__username="politie").exists()
    assert Bijeenkomst.objects.filter(gezamenlijk=None).count() == 3
    assert Urenregistratie.objects.count() > 50
    # The joint meeting of the four werkgroepen (the neighbours' have their coordinator).
    (gezamenlijk,) = GezamenlijkeBijeenkomst.objects.all()
    assert gezamenlijk.datum > dt.date.today()
    assert sorted(
        gezamenlijk.bijeenkomsten.values_list("werkgroep__plan__gemeente__naam", flat=True)
    ) == ["Kampen", "Staphorst", "Steenwijkerland", "Zwartewaterland"]
    assert Lid.objects.count() == 8 + 3
    call_command("demo", stdout=StringIO())
    assert Lid.objects.count() == 8 + 3
