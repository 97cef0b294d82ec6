"""Factories of the uitvoering models, each made through its service."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import factory

from ivp.models import Gebruiker
from tests.stappen.factories import DoelstellingFactory, PlaatsingFactory, maak_plan
from tests.stappen.stappenplan import coordinator_van
from uitvoering import services
from uitvoering.constants import VoortgangStatus
from uitvoering.models import Activiteit, Uitvoeringsplan, Voortgang


def regisseur(plan: Any) -> Gebruiker:
    gebruiker = plan.gemeente.rollen.filter(soort="coordinator").first()
    return gebruiker.gebruiker if gebruiker else coordinator_van(plan.gemeente)


class UitvoeringsplanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Uitvoeringsplan

    plan = factory.LazyFunction(maak_plan)
    jaar = factory.LazyAttribute(lambda o: o.plan.periode_start.year)
    door = factory.LazyAttribute(lambda o: regisseur(o.plan))

    @classmethod
    def _create(cls, model_class: type[Uitvoeringsplan], **kwargs: Any) -> Uitvoeringsplan:
        return services.uitvoeringsplan_maak(**kwargs)


def _doelstelling(o: Any) -> Any:
    plan = o.uitvoeringsplan.plan
    bestaand = plan.plaatsingen.filter(keuze="prioriteit").first()
    plaatsing = bestaand or PlaatsingFactory.create(plan=plan)
    doel = plaatsing.doelstellingen.first()
    return doel or DoelstellingFactory.create(plaatsing=plaatsing)


class ActiviteitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activiteit

    uitvoeringsplan = factory.SubFactory(UitvoeringsplanFactory)
    titel = factory.Sequence(lambda n: f"Activiteit {n + 1}")
    doelstelling = factory.LazyAttribute(_doelstelling)
    resultaat = "Twee bijeenkomsten"
    trekker_organisatie = "Politie basisteam"
    partners = "RIEC\nLTO"
    start = factory.LazyAttribute(lambda o: dt.date(o.uitvoeringsplan.jaar, 4, 1))
    eind = factory.LazyAttribute(lambda o: dt.date(o.uitvoeringsplan.jaar, 9, 30))
    begroot = Decimal("5000")
    dekking = "Programma OOV"
    door = factory.LazyAttribute(lambda o: regisseur(o.uitvoeringsplan.plan))

    @classmethod
    def _create(cls, model_class: type[Activiteit], **kwargs: Any) -> Activiteit:
        return services.activiteit_create(**kwargs)


class VoortgangFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Voortgang

    activiteit = factory.SubFactory(ActiviteitFactory)
    kwartaal = 1
    status = VoortgangStatus.OP_SCHEMA
    toelichting = "Loopt volgens plan."
    besteed = Decimal("1000")
    door = factory.LazyAttribute(lambda o: regisseur(o.activiteit.uitvoeringsplan.plan))
    vandaag = factory.LazyAttribute(lambda o: dt.date(o.activiteit.uitvoeringsplan.jaar, 12, 31))

    @classmethod
    def _create(cls, model_class: type[Voortgang], **kwargs: Any) -> Voortgang:
        return services.voortgang_save(**kwargs)


class RegionaleActiviteitFactory(factory.django.DjangoModelFactory):
    """A regional activity, made by a regional coordinator of `regio` through the service
    (`door`: one is added when not given)."""

    class Meta:
        model = Activiteit

    regio = factory.SubFactory("tests.ivp.factories.RegioFactory")
    jaar = 2023
    titel = factory.Sequence(lambda n: f"Regionale activiteit {n + 1}")
    resultaat = "Eén aanpak voor de regio"
    trekker_organisatie = "RIEC Oost-Nederland"
    partners = "Politie\nOM"
    start = factory.LazyAttribute(lambda o: dt.date(o.jaar, 1, 1))
    eind = factory.LazyAttribute(lambda o: dt.date(o.jaar, 12, 31))
    begroot = Decimal("10000")
    dekking = "Bijdrage per gemeente"
    door = None

    @classmethod
    def _create(cls, model_class: type[Activiteit], **kwargs: Any) -> Activiteit:
        if kwargs.get("door") is None:
            from tests.ivp.factories import GebruikerFactory

            kwargs["door"] = GebruikerFactory.create()
            kwargs["regio"].coordinatoren.add(kwargs["door"])
        return services.regionale_activiteit_create(**kwargs)
