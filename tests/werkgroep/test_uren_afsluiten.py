"""Closed periods (issue 15, finding 12): once the coordinator closed the hours up to a
date, nobody writes, moves or deletes hours on or before it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from ivp.models import Gebruiker, Plan
from tests.werkgroep.factories import UrenregistratieFactory
from werkgroep.models import Lid, Urenregistratie
from werkgroep.uren import services as uren_services

pytestmark = pytest.mark.django_db


def test_a_member_cannot_move_hours_into_or_out_of_a_closed_period(
    client: Client, plan: Plan, coordinator: Gebruiker, lid_met_budget: Lid, vandaag
) -> None:
    open_ = UrenregistratieFactory.create(lid=lid_met_budget, datum=dt.date(2022, 10, 3))
    oud = UrenregistratieFactory.create(lid=lid_met_budget, datum=dt.date(2022, 9, 1))
    client.force_login(coordinator)
    response = client.post(reverse("werkgroep:uren_sluiten", args=[plan.pk]), {"tot": "30-09-2022"})
    assert response.status_code == 302
    lid = lid_met_budget.gebruiker
    assert lid is not None
    client.force_login(lid)
    response = client.post(
        reverse("werkgroep:uren_bewerken", args=[open_.pk]),
        {"datum": "15-09-2022", "uren": "2", "omschrijving": "Verplaatst", "stap": ""},
    )
    assert response.status_code == 200
    assert "De uren tot en met 30-09-2022 zijn afgesloten" in response.content.decode()
    assert 'value="15-09-2022"' in response.content.decode()  # the input is kept
    assert Urenregistratie.objects.get(pk=open_.pk).datum == dt.date(2022, 10, 3)
    with pytest.raises(ValidationError):
        uren_services.uren_update(
            registratie=oud,
            door=lid,
            datum=dt.date(2022, 10, 5),
            uren=Decimal(2),
            omschrijving="Uit de afgesloten periode",
        )
    with pytest.raises(ValidationError):
        uren_services.uren_log(
            lid=lid_met_budget,
            door=lid,
            datum=dt.date(2022, 9, 30),
            uren=Decimal(1),
            omschrijving="Te laat",
        )
    with pytest.raises(ValidationError):
        uren_services.uren_delete(registratie=oud, door=lid)
    # After the date all goes on as before; reopening (an empty date) lifts the lock.
    uren_services.uren_log(
        lid=lid_met_budget,
        door=lid,
        datum=dt.date(2022, 10, 1),
        uren=Decimal(1),
        omschrijving="Na de afsluiting",
    )
    uren_services.uren_sluit(plan=plan, door=coordinator, tot=None)
    uren_services.uren_delete(registratie=oud, door=lid)


def test_only_the_coordinator_closes_a_period(
    client: Client, plan: Plan, lid_met_budget: Lid
) -> None:
    assert lid_met_budget.gebruiker is not None
    client.force_login(lid_met_budget.gebruiker)
    response = client.post(reverse("werkgroep:uren_sluiten", args=[plan.pk]), {"tot": "30-09-2022"})
    assert response.status_code == 404
    plan.werkgroep.refresh_from_db()
    assert plan.werkgroep.uren_gesloten_tot is None
