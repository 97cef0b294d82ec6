"""The demo carries the veiligheidsbeeld of Steenwijkerland and its three neighbours, read
from the shipped CSV download (fictional values, which the demo says)."""

import pytest

from veiligheidsvelden.cijfers.selectors import veiligheidsbeeld
from veiligheidsvelden.models import Cijferimport, Meting, Veld

pytestmark = pytest.mark.django_db


def test_de_demo_heeft_cijfers_voor_steenwijkerland_en_buren(demo):
    run = Cijferimport.objects.get(gemeente__naam="Steenwijkerland")
    assert run.status == "gelukt" and "Demo: fictieve cijfers" in run.melding
    assert set(Meting.objects.values_list("gebied_naam", flat=True)) == {
        "Steenwijkerland",
        "Zwartewaterland",
        "Staphorst",
        "Kampen",
        "Nederland",
    }
    beeld = veiligheidsbeeld(run.gemeente, Veld.objects.get(code="1"))
    assert [b.naam for b in beeld.buren] == ["Kampen", "Staphorst", "Zwartewaterland"]
    assert beeld.trends and all(len(t.jaren) == 10 for t in beeld.trends)
