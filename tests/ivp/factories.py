"""factory_boy factories for the root models of `ivp`.

`PlanFactory` here makes the bare `Plan` row: `ivp` knows nothing of steps and documents, so
use `.build()` for model rules. A plan as the product makes it (six steps, their documents,
the prioritering record) comes from `tests.stappen.factories.PlanFactory`, which creates it
through `stappen.services.plan_create`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import factory

from ivp.constants import RolSoort
from ivp.models import Gebruiker, Gemeente, Plan, Regio, Rol


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente

    naam = factory.Sequence(lambda n: f"Gemeente {n}")
    cbs_code = factory.Sequence(lambda n: f"GM{n + 5000:04d}")


class RegioFactory(factory.django.DjangoModelFactory):
    """`RegioFactory(gemeenten=[a, b])` puts the gemeenten in the regio."""

    class Meta:
        model = Regio
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Regio {n}")

    gemeenten = factory.post_generation(
        lambda regio, create, gemeenten, **kwargs: _in_regio(regio, create, gemeenten)
    )


def _in_regio(regio: Regio, create: bool, gemeenten: Iterable[Gemeente] | None) -> None:
    if create and gemeenten:
        regio.gemeenten.add(*gemeenten)


def _met_rol(
    gebruiker: Gebruiker, create: bool, extracted: tuple[Gemeente, str] | None, **kwargs: Any
) -> None:
    """`GebruikerFactory(rol=(gemeente, RolSoort.COORDINATOR))` gives the user that role."""
    if create and extracted:
        gemeente, soort = extracted
        Rol.objects.create(gebruiker=gebruiker, gemeente=gemeente, soort=soort)
    if create:
        gebruiker.save()


class GebruikerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebruiker
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Kim"
    last_name = factory.Sequence(lambda n: f"de Tester {n}")
    password = factory.PostGenerationMethodCall("set_password", "wachtwoord")
    rol = factory.post_generation(_met_rol)


class RolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rol

    gebruiker = factory.SubFactory(GebruikerFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    soort = RolSoort.WERKGROEPLID


def _volgende_start(gemeente: Gemeente) -> dt.date:
    """1 January 2023; for a gemeente that has a plan already, four years after its latest
    start (one plan per gemeente and period, `Plan`'s constraint)."""
    laatste = (
        Plan.objects.filter(gemeente=gemeente).order_by("-periode_start").first()
        if gemeente.pk
        else None
    )
    if laatste is None:
        return dt.date(2023, 1, 1)
    return laatste.periode_start.replace(year=laatste.periode_start.year + 4)


class PlanFactory(factory.django.DjangoModelFactory):
    """The bare plan row; see the module docstring for a plan with its steps."""

    class Meta:
        model = Plan

    gemeente = factory.SubFactory(GemeenteFactory)
    titel = "Integraal Veiligheidsplan 2023–2026"
    traject_start = dt.date(2022, 6, 1)
    periode_start = factory.LazyAttribute(lambda o: _volgende_start(o.gemeente))
    # The method's four years from whatever start a test gives (the day before, four years on).
    periode_eind = factory.LazyAttribute(
        lambda o: o.periode_start.replace(year=o.periode_start.year + 4) - dt.timedelta(days=1)
    )
