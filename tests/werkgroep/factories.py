"""Test data of the werkgroep, made the way the product makes it.

Every factory creates through the werkgroep services (`lid_add`, `bijeenkomst_plan`,
`uren_log`, …), so what a test gets has passed the same permission and "pas toe of leg uit"
checks as what a coordinator makes. The lifecycle traits name the state a test starts from:

    LidFactory(plan=plan, trekker=True)        # the coordinator as trekker, with 350 hours
    LidFactory(plan=plan, politie_expert=True)
    LidFactory(plan=plan, extern=True)         # an external partner by name, no account
    BijeenkomstFactory(plan=plan, verslagen=True)  # with notulen and besluiten
    PresentieFactory(afgemeld=True)
    ActiepuntFactory(afgerond=True)            # or vervallen=True
    UrenregistratieFactory(gecorrigeerd=True)  # corrected by the coordinator, with a reason

A revoked agenda feed is deleted (its token must stop working), so `AgendafeedFactory` has
no trait for it: call `services.agendafeed_revoke`.

`door` is the acting user; it defaults to the coordinator OOV of the plan's gemeente (the
one there is, else a new one). The large fixture of the query-count test uses bulk_create
instead (see test_selectors.py): 5,000 entries through the services would be slow.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import factory
from django.db.models import Model

from ivp.constants import RolSoort
from ivp.models import Gebruiker, Gemeente, Plan
from stappen import services as stappen_services
from stappen.constants import DocumentSoort
from stappen.models import Opmerking, Versie
from tests.ivp.factories import GebruikerFactory
from tests.stappen.factories import coordinator_van, maak_plan
from werkgroep import services
from werkgroep.constants import Aanwezigheid, ActiepuntStatus, LidRol
from werkgroep.models import (
    Actiepunt,
    Agendafeed,
    Agendapunt,
    Bijeenkomst,
    Lid,
    Presentie,
    Urenbudget,
    Urenregistratie,
    Werkgroep,
)
from werkgroep.uren import services as uren_services


def regisseur_van(gemeente: Gemeente) -> Gebruiker:
    """The coordinator OOV of `gemeente`: the first there is, else a new one."""
    bestaand = Gebruiker.objects.filter(
        rollen__gemeente=gemeente, rollen__soort=RolSoort.COORDINATOR
    ).first()
    return bestaand or coordinator_van(gemeente)


def werkgroeplid_van(gemeente: Gemeente, **kwargs: Any) -> Gebruiker:
    """A new user with the role werkgroeplid in `gemeente` (not yet a member)."""
    return GebruikerFactory.create(rol=(gemeente, RolSoort.WERKGROEPLID), **kwargs)


class _ViaService[M: Model](factory.django.DjangoModelFactory[M]):
    """Creates with `_maak(**kwargs)`, a werkgroep service; `build()` is not supported.
    In typed code, `LidFactory.create(...)` is typed as a `Lid`."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class: type[M], *args: Any, **kwargs: Any) -> M:
        return cls._maak(**kwargs)

    @classmethod
    def _maak(cls, **kwargs: Any) -> M:
        raise NotImplementedError


class WerkgroepFactory(_ViaService[Werkgroep]):
    class Meta:
        model = Werkgroep

    plan = factory.LazyFunction(maak_plan)
    door = factory.LazyAttribute(lambda o: regisseur_van(o.plan.gemeente))

    @classmethod
    def _maak(cls, **kwargs: Any) -> Werkgroep:
        return services.werkgroep_ensure(**kwargs)


class LidFactory(_ViaService[Lid]):
    """A member of the werkgroep of `plan` (made the first time), by default a user of the
    gemeente with the role werkgroeplid."""

    class Meta:
        model = Lid

    class Params:
        trekker = factory.Trait(rol=LidRol.TREKKER, gebruiker=factory.SelfAttribute("door"))
        politie_expert = factory.Trait(rol=LidRol.POLITIE_EXPERT)
        extern = factory.Trait(
            gebruiker=None,
            naam=factory.Sequence(lambda n: f"Partner {n}"),
            organisatie="Openbaar Ministerie",
        )

    plan = factory.LazyFunction(maak_plan)
    door = factory.LazyAttribute(lambda o: regisseur_van(o.plan.gemeente))
    gebruiker = factory.LazyAttribute(lambda o: werkgroeplid_van(o.plan.gemeente))
    rol = LidRol.LID

    @classmethod
    def _maak(cls, **kwargs: Any) -> Lid:
        return services.lid_add(**kwargs)


class BijeenkomstFactory(_ViaService[Bijeenkomst]):
    """A meeting of the werkgroep of `plan`, on 13-09-2022 from 14:00 to 16:30."""

    class Meta:
        model = Bijeenkomst

    class Params:
        verslagen = factory.Trait(
            notulen="De werkgroep bespreekt de analyse.", besluiten="De analyse is akkoord."
        )
        # Called off (its date must be today or later).
        afgezegd = factory.Trait(reden_afzegging="De zaal is niet beschikbaar.")

    plan = factory.LazyFunction(maak_plan)
    door = factory.LazyAttribute(lambda o: regisseur_van(o.plan.gemeente))
    datum = dt.date(2022, 9, 13)
    begintijd = dt.time(14, 0)
    eindtijd = dt.time(16, 30)
    locatie = "Gemeentehuis Steenwijk"
    notulen = ""
    besluiten = ""
    reden_afzegging = ""

    @classmethod
    def _maak(cls, **kwargs: Any) -> Bijeenkomst:
        notulen, besluiten = kwargs.pop("notulen"), kwargs.pop("besluiten")
        reden = kwargs.pop("reden_afzegging")
        bijeenkomst = services.bijeenkomst_plan(**kwargs)
        if notulen or besluiten:
            services.bijeenkomst_verslag(
                bijeenkomst=bijeenkomst, door=kwargs["door"], notulen=notulen, besluiten=besluiten
            )
        if reden:
            services.bijeenkomst_afzeggen(bijeenkomst=bijeenkomst, door=kwargs["door"], reden=reden)
        return bijeenkomst


def _regisseur_van_bijeenkomst(o: Any) -> Gebruiker:
    return regisseur_van(o.bijeenkomst.werkgroep.plan.gemeente)


def _lid_van_bijeenkomst(o: Any) -> Lid:
    return LidFactory.create(plan=o.bijeenkomst.werkgroep.plan, door=o.door)


class AgendapuntFactory(_ViaService[Agendapunt]):
    class Meta:
        model = Agendapunt

    bijeenkomst = factory.SubFactory(BijeenkomstFactory)
    door = factory.LazyAttribute(_regisseur_van_bijeenkomst)
    onderwerp = factory.Sequence(lambda n: f"Agendapunt {n}")

    @classmethod
    def _maak(cls, **kwargs: Any) -> Agendapunt:
        return services.agendapunt_add(**kwargs)


class PresentieFactory(_ViaService[Presentie]):
    """The attendance of one member (by default a new one) at a past meeting."""

    class Meta:
        model = Presentie

    class Params:
        afgemeld = factory.Trait(status=Aanwezigheid.AFGEMELD)
        afwezig = factory.Trait(status=Aanwezigheid.AFWEZIG)

    bijeenkomst = factory.SubFactory(BijeenkomstFactory)
    door = factory.LazyAttribute(_regisseur_van_bijeenkomst)
    lid = factory.LazyAttribute(_lid_van_bijeenkomst)
    status = Aanwezigheid.AANWEZIG

    @classmethod
    def _maak(cls, **kwargs: Any) -> Presentie:
        lid, status = kwargs.pop("lid"), kwargs.pop("status")
        (presentie,) = services.presentie_record(statussen={lid.pk: status}, **kwargs)
        return presentie


class ActiepuntFactory(_ViaService[Actiepunt]):
    """An open actiepunt of a meeting, held by a member (by default a new one)."""

    class Meta:
        model = Actiepunt

    class Params:
        afgerond = factory.Trait(status=ActiepuntStatus.GEREED)
        vervallen = factory.Trait(status=ActiepuntStatus.VERVALLEN)

    bijeenkomst = factory.SubFactory(BijeenkomstFactory)
    door = factory.LazyAttribute(_regisseur_van_bijeenkomst)
    wie = factory.LazyAttribute(_lid_van_bijeenkomst)
    wat = factory.Sequence(lambda n: f"Actie {n}")
    deadline = dt.date(2022, 10, 1)
    status = ActiepuntStatus.OPEN

    @classmethod
    def _maak(cls, **kwargs: Any) -> Actiepunt:
        status = kwargs.pop("status")
        punt = services.actiepunt_add(**kwargs)
        if status != ActiepuntStatus.OPEN:
            services.actiepunt_set_status(actiepunt=punt, door=kwargs["door"], status=status)
        return punt


class UrenbudgetFactory(_ViaService[Urenbudget]):
    class Meta:
        model = Urenbudget

    lid = factory.SubFactory(LidFactory)
    door = factory.LazyAttribute(lambda o: regisseur_van(o.lid.werkgroep.plan.gemeente))
    uren = Decimal(40)

    @classmethod
    def _maak(cls, **kwargs: Any) -> Urenbudget:
        return uren_services.urenbudget_set(**kwargs)


class UrenregistratieFactory(_ViaService[Urenregistratie]):
    """Hours logged by the member themself (the coordinator for an external partner)."""

    class Meta:
        model = Urenregistratie

    class Params:
        gecorrigeerd = factory.Trait(correctie="Dubbel geteld met de bijeenkomst")

    lid = factory.SubFactory(LidFactory)
    door = factory.LazyAttribute(
        lambda o: o.lid.gebruiker or regisseur_van(o.lid.werkgroep.plan.gemeente)
    )
    datum = dt.date(2022, 9, 1)
    uren = Decimal(2)
    omschrijving = "Werk aan de analyse"
    stap = None
    correctie = ""  # a reason: the coordinator then corrects the entry to one hour less

    @classmethod
    def _maak(cls, **kwargs: Any) -> Urenregistratie:
        correctie = kwargs.pop("correctie")
        registratie = uren_services.uren_log(**kwargs)
        if correctie:
            registratie = uren_services.uren_update(
                registratie=registratie,
                door=regisseur_van(registratie.lid.werkgroep.plan.gemeente),
                datum=registratie.datum,
                uren=registratie.uren - 1,
                omschrijving=registratie.omschrijving,
                stap=registratie.stap,
                reden=correctie,
            )
        return registratie


class AgendafeedFactory(_ViaService[Agendafeed]):
    class Meta:
        model = Agendafeed

    gebruiker = factory.SubFactory(GebruikerFactory)

    @classmethod
    def _maak(cls, **kwargs: Any) -> Agendafeed:
        return services.agendafeed_create(**kwargs)


def versie_met_draad(
    plan: Plan,
    coordinator: Gebruiker,
    tekst: str = "Kunnen we de cijfers van de politie toevoegen?",
) -> tuple[Versie, Opmerking, Opmerking]:
    """Version 0.1 of the plan's startnotitie with one comment thread (and one reply) on its
    inleiding, through the services. Returns the version, the thread and the reply."""
    document = plan.documenten.get(soort=DocumentSoort.STARTNOTITIE)
    versie = stappen_services.versie_create(document=document, door=coordinator)
    draad = stappen_services.opmerking_create(
        versie=versie, door=coordinator, sectie="inleiding", tekst=tekst
    )
    antwoord = stappen_services.opmerking_reply(
        opmerking=draad, door=coordinator, tekst="Goed idee, ik vraag ze op."
    )
    return versie, draad, antwoord
