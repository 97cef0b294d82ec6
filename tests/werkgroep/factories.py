"""Werkgroep test data. Members, meetings and hours go through the services like in the
product; the factory_boy classes are for bulk fixtures (query counts)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from ivp.constants import RolSoort
from tests.ivp.factories import GebruikerFactory
from werkgroep import services
from werkgroep.constants import LidRol
from werkgroep.models import Bijeenkomst, Lid, Urenregistratie, Werkgroep


class WerkgroepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Werkgroep


class LidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lid

    werkgroep = factory.SubFactory(WerkgroepFactory)
    naam = factory.Sequence(lambda n: f"Partner {n}")
    organisatie = "Veiligheidsregio IJsselland"
    rol = LidRol.LID


class BijeenkomstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bijeenkomst

    werkgroep = factory.SubFactory(WerkgroepFactory)
    datum = dt.date(2022, 9, 13)
    begintijd = dt.time(14, 0)
    eindtijd = dt.time(16, 0)
    locatie = "Gemeentehuis"


class UrenregistratieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Urenregistratie

    lid = factory.SubFactory(LidFactory)
    datum = dt.date(2022, 9, 1)
    uren = Decimal("2")
    omschrijving = "Werk aan de analyse"


def werkgroeplid_van(gemeente, **kwargs):
    return GebruikerFactory(rol=(gemeente, RolSoort.WERKGROEPLID), **kwargs)


def trekker(plan, coordinator):
    return services.lid_add(plan=plan, door=coordinator, gebruiker=coordinator, rol=LidRol.TREKKER)


def lid(plan, coordinator, gebruiker=None, **kwargs):
    gebruiker = gebruiker or werkgroeplid_van(plan.gemeente)
    return services.lid_add(
        plan=plan,
        door=coordinator,
        gebruiker=gebruiker,
        rol=kwargs.pop("rol", LidRol.LID),
        **kwargs,
    )


def bijeenkomst(plan, coordinator, datum=dt.date(2022, 9, 13), **kwargs):
    waarden = {
        "begintijd": dt.time(14, 0),
        "eindtijd": dt.time(16, 30),
        "locatie": "Gemeentehuis Steenwijk",
    } | kwargs
    return services.bijeenkomst_plan(plan=plan, door=coordinator, datum=datum, **waarden)


def versie_met_draad(plan, coordinator, tekst="Kunnen we de cijfers van de politie toevoegen?"):
    """Version 0.1 of the plan's startnotitie with one comment thread (and one reply) on its
    inleiding, through the services. Returns the version, the thread and the reply."""
    from stappen import services as services_documenten
    from stappen.constants import DocumentSoort

    document = plan.documenten.get(soort=DocumentSoort.STARTNOTITIE)
    versie = services_documenten.versie_create(document=document, door=coordinator)
    draad = services_documenten.opmerking_create(
        versie=versie, door=coordinator, sectie="inleiding", tekst=tekst
    )
    antwoord = services_documenten.opmerking_reply(
        opmerking=draad, door=coordinator, tekst="Goed idee, ik vraag ze op."
    )
    return versie, draad, antwoord
