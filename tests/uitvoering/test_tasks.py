"""The quarter-end reminders: each trekker once per quarter, not for recorded progress."""

from __future__ import annotations

import datetime as dt

import time_machine

from ivp import herinneringen
from ivp.models import Bericht
from tests.uitvoering.factories import ActiviteitFactory, VoortgangFactory
from uitvoering import tasks
from uitvoering.constants import ActiviteitStatus


def test_the_trekkers_are_reminded_once_at_the_end_of_a_quarter(up, coordinator, trekker):
    eigen = ActiviteitFactory.create(uitvoeringsplan=up, trekker=trekker, trekker_organisatie="")
    ActiviteitFactory.create(uitvoeringsplan=up, trekker=trekker, trekker_organisatie="")
    ActiviteitFactory.create(
        uitvoeringsplan=up, trekker=trekker, trekker_organisatie="", status=ActiviteitStatus.GEREED
    )
    assert tasks.voortgang_herinneringen(dt.date(2023, 5, 15)) == 0  # mid-quarter
    with time_machine.travel(dt.datetime(2023, 6, 26, 8, 0), tick=False):
        assert herinneringen.veeg(vandaag=dt.date(2023, 6, 26)) >= 1
        assert herinneringen.veeg(vandaag=dt.date(2023, 6, 27)) == 0
    bericht = Bericht.objects.get(soort="voortgang_kwartaal")
    assert bericht.ontvanger == trekker.gebruiker
    assert "K2 2023" in bericht.onderwerp and "2 activiteiten" in bericht.onderwerp
    assert f"/uitvoeringsplannen/{up.pk}/voortgang/" in bericht.url
    # next quarter, with the progress of one recorded: reminded of the other only
    VoortgangFactory.create(activiteit=eigen, kwartaal=3)
    assert tasks.voortgang_herinneringen(dt.date(2023, 10, 2)) == 1
    assert (
        "1 activiteit " in Bericht.objects.filter(soort="voortgang_kwartaal").latest("pk").onderwerp
    )
