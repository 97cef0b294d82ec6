"""The demo werkgroep (werkgroep/demo.py), loaded through the services."""

from io import StringIO

import pytest
from django.core.management import call_command

from werkgroep.constants import LidRol
from werkgroep.models import Bijeenkomst, Lid, Urenregistratie

pytestmark = pytest.mark.django_db


def test_the_demo_has_the_steenwijkerland_werkgroep(client):
    call_command("demo", stdout=StringIO())
    werkgroep_leden = Lid.objects.filter(
        werkgroep__plan__titel="Integraal Veiligheidsplan 2023–2026",
        werkgroep__plan__gemeente__naam="Steenwijkerland",
    )
    assert werkgroep_leden.count() == 8
    assert werkgroep_leden.filter(rol=LidRol.POLITIE_EXPERT, gebruiker__username="politie").exists()
    assert Bijeenkomst.objects.count() == 3
    assert Urenregistratie.objects.count() > 50
    call_command("demo", stdout=StringIO())
    assert Lid.objects.count() == 8
