"""The reads of the document pages: who of the werkgroep has not responded yet."""

import pytest
from django.urls import reverse

from stappen import services
from stappen.selectors import nog_niet_gereageerd, werkgroepleden_van
from tests.stappen.stappenplan import open_ronde

pytestmark = pytest.mark.django_db


def test_the_coordinator_sees_who_has_not_responded(
    client, startnotitie_met_tekst, coordinator, jeroen, sanne
):
    versie = open_ronde(startnotitie_met_tekst, coordinator)
    bespreking = startnotitie_met_tekst.besprekingen.get()
    leden = werkgroepleden_van(startnotitie_met_tekst.plan)
    assert nog_niet_gereageerd(bespreking, leden) == [jeroen, sanne] or set(
        nog_niet_gereageerd(bespreking, leden)
    ) == {jeroen, sanne}
    services.opmerking_create(versie=versie, door=jeroen, sectie="inleiding", tekst="Akkoord.")
    assert nog_niet_gereageerd(bespreking, leden) == [sanne]
    client.force_login(coordinator)
    html = client.get(
        reverse("stappen:document", args=[startnotitie_met_tekst.pk])
    ).content.decode()
    lijst = html[html.index('id="nog-niet-gereageerd"') :][:400]
    assert sanne.get_full_name() in lijst and jeroen.get_full_name() not in lijst
    client.force_login(jeroen)
    html = client.get(
        reverse("stappen:document", args=[startnotitie_met_tekst.pk])
    ).content.decode()
    assert "nog-niet-gereageerd" not in html
