"""Werkgroep reminders: a meeting 2 days before with its agenda, the notulen after it, an
overdue actiepunt to its holder, an hour budget passing 80 % and 100 % — each once."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.test import TestCase

from ivp import herinneringen
from ivp.models import Bericht
from stappen.models import Melding
from tests.werkgroep.factories import (
    ActiepuntFactory,
    AgendapuntFactory,
    BijeenkomstFactory,
    LidFactory,
    UrenbudgetFactory,
    UrenregistratieFactory,
)

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")


def veeg(dag: dt.date) -> None:
    moment = dt.datetime.combine(dag, dt.time(7), tzinfo=AMS)
    with time_machine.travel(moment, tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        herinneringen.veeg(vandaag=dag)


def aan(adres: str) -> list[str]:
    return [str(m.body) for m in mail.outbox if m.to == [adres]]


@pytest.fixture
def leden(plan, coordinator):
    coordinator.email = "oov@example.nl"
    coordinator.save()
    lid = LidFactory.create(plan=plan, door=coordinator)
    lid.gebruiker.email = "politie@example.nl"
    lid.gebruiker.save()
    extern = LidFactory.create(plan=plan, door=coordinator, extern=True)
    return lid, extern


def test_a_meeting_is_announced_2_days_before_with_its_agenda_once(plan, coordinator, leden):
    with time_machine.travel(dt.datetime(2022, 10, 1, 12, tzinfo=AMS), tick=False):
        bijeenkomst = BijeenkomstFactory.create(
            plan=plan, door=coordinator, datum=dt.date(2022, 10, 21), notulen="", besluiten=""
        )
        AgendapuntFactory.create(bijeenkomst=bijeenkomst, door=coordinator, onderwerp="Opening")
        AgendapuntFactory.create(bijeenkomst=bijeenkomst, door=coordinator, onderwerp="De analyse")
    veeg(dt.date(2022, 10, 18))  # three days before: not yet
    assert not any("21-10-2022 om 14:00" in b for b in aan("politie@example.nl"))
    veeg(dt.date(2022, 10, 19))
    veeg(dt.date(2022, 10, 20))
    (bericht,) = [b for b in aan("politie@example.nl") if "21-10-2022 om 14:00" in b]
    assert "Agenda:\n1. Opening\n2. De analyse" in bericht
    assert "Gemeentehuis Steenwijk" in bericht
    # The meeting is over and nobody wrote the notulen: the coordinator hears it, once.
    veeg(dt.date(2022, 10, 22))
    veeg(dt.date(2022, 10, 23))
    notulen = [b for b in aan("oov@example.nl") if "notulen" in b]
    assert len(notulen) == 1
    assert "De notulen van Werkgroep IVP van 21-10-2022 zijn nog niet ingevuld." in notulen[0]


def test_an_overdue_actiepunt_reaches_its_holder_once(plan, coordinator, leden, vandaag):
    lid, extern = leden
    bijeenkomst = BijeenkomstFactory.create(plan=plan, door=coordinator, verslagen=True)
    ActiepuntFactory.create(
        bijeenkomst=bijeenkomst, door=coordinator, wie=lid, wat="Cijfers opvragen"
    )
    ActiepuntFactory.create(bijeenkomst=bijeenkomst, door=coordinator, wie=extern)
    ActiepuntFactory.create(bijeenkomst=bijeenkomst, door=coordinator, wie=lid, afgerond=True)
    veeg(dt.date(2022, 10, 1))  # its day: not yet overdue
    veeg(dt.date(2022, 10, 2))
    veeg(dt.date(2022, 10, 3))
    (bericht,) = [b for b in aan("politie@example.nl") if "actiepunt" in b]
    assert "Uw actiepunt ‘Cijfers opvragen’ stond op 01-10-2022; het is nog open." in bericht
    assert Melding.objects.filter(gebruiker=lid.gebruiker, tekst__contains="actiepunt").count() == 1


def test_an_hour_budget_passing_80_and_100_percent(plan, coordinator, leden, vandaag):
    lid, _ = leden
    UrenbudgetFactory.create(lid=lid, door=coordinator, uren=Decimal(40))
    for dag in range(1, 5):  # 32 of 40 hours: 80 %
        UrenregistratieFactory.create(lid=lid, datum=dt.date(2022, 9, dag), uren=Decimal(8))
    veeg(dt.date(2022, 10, 20))
    veeg(dt.date(2022, 10, 20))
    UrenregistratieFactory.create(lid=lid, datum=dt.date(2022, 9, 5), uren=Decimal(7))
    veeg(dt.date(2022, 10, 20))  # 39 hours: still the 80 % notice only
    UrenregistratieFactory.create(lid=lid, datum=dt.date(2022, 9, 6), uren=Decimal(1))
    veeg(dt.date(2022, 10, 21))
    veeg(dt.date(2022, 10, 22))
    budget = [b for b in aan("politie@example.nl") if "uur besteed" in b]
    assert [b.splitlines()[0] for b in budget] == [
        f"{lid} heeft 32 van 40 uur besteed (80 % van het budget of meer).",
        f"{lid} heeft 40 van 40 uur besteed (100 % van het budget of meer).",
    ]
    assert len([b for b in aan("oov@example.nl") if "uur besteed" in b]) == 2
    assert Bericht.objects.filter(soort="urenbudget").count() == 4
