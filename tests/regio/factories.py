"""factory_boy factories for the region's shared parts (model rows; the services that write
them in the product are in `regio.services`)."""

from __future__ import annotations

import datetime as dt

import factory

from regio.constants import DeelSoort, OvernameKeuze, VoorstelStatus
from regio.models import Overname, Regiodeel, Regiodeelversie, Regiovoorstel
from tests.ivp.factories import GebruikerFactory, RegioFactory
from tests.stappen.factories import PlanFactory, hoofdthema


class RegiodeelFactory(factory.django.DjangoModelFactory):
    """A bovenlokale prioriteit (VNG theme 5.2, ondermijning) unless told otherwise."""

    class Meta:
        model = Regiodeel

    regio = factory.SubFactory(RegioFactory)
    soort = DeelSoort.PRIORITEIT
    titel = "Ondermijning"
    thema = factory.LazyAttribute(
        lambda o: hoofdthema("5.2") if o.soort == DeelSoort.PRIORITEIT else None
    )
    tekst = "### Aanpak op hoofdlijnen\n\nSamen met het RIEC."


class RegiodeelversieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Regiodeelversie

    deel = factory.SubFactory(RegiodeelFactory)
    nummer = factory.Sequence(lambda n: n + 1)
    titel = factory.LazyAttribute(lambda o: o.deel.titel)
    tekst = factory.LazyAttribute(lambda o: o.deel.tekst)
    driehoek_op = dt.date(2026, 11, 2)
    gemaakt_door = factory.SubFactory(GebruikerFactory)


class OvernameFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Overname

    versie = factory.SubFactory(RegiodeelversieFactory)
    deel = factory.LazyAttribute(lambda o: o.versie.deel)
    plan = factory.SubFactory(PlanFactory)
    keuze = OvernameKeuze.OVERGENOMEN
    titel = factory.LazyAttribute(lambda o: o.versie.titel)
    tekst = factory.LazyAttribute(lambda o: o.versie.tekst)
    besloten_door = factory.SubFactory(GebruikerFactory)


class RegiovoorstelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Regiovoorstel

    naar = factory.SubFactory(RegiodeelversieFactory)
    deel = factory.LazyAttribute(lambda o: o.naar.deel)
    plan = factory.SubFactory(PlanFactory)
    status = VoorstelStatus.OPEN
