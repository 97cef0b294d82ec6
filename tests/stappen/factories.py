"""Test data of the stappenplan, made the way the product makes it.

Every factory here creates through the services (`plan_create`, `stap_start`,
`document_submit`, `besluit_record`, `opmerking_create`, …), so what a test gets has passed
the same permission, state and guard checks as what a coordinator makes; no factory ever sets
a protected FSM status. The lifecycle traits name the state a test starts from:

    StapFactory(plan=plan, nummer=3, actief=True)   # steps 1 and 2 afgerond, step 3 actief
    StapFactory(plan=plan, nummer=2, afgerond=True)
    DocumentFactory(in_bespreking=True)             # a review round open on version 0.1
    DocumentFactory(ter_besluitvorming=True)
    DocumentFactory(soort=DocumentSoort.IVP, vastgesteld=True)
    OpmerkingFactory(opgelost=True)

`door` (or `auteur`) is the acting user; it defaults to the coordinator OOV of the plan's
gemeente (the one there is, else a new one). The path the traits take, step by step, and
the builders the tests used before the factories live in `tests.stappen.stappenplan`;
`maak_plan` and `coordinator_van` stay importable from here for `tests/werkgroep`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.utils import timezone

from ivp.models import Gebruiker, Gemeente, Plan
from stappen import services
from stappen.constants import (
    BESLUITORGAAN,
    JAARLIJKSE_SOORTEN,
    BesluitUitkomst,
    BronSoort,
    Criterium,
    DocumentSoort,
    DocumentStatus,
    Keuze,
    StapStatus,
)
from stappen.models import (
    Analyse,
    Besluit,
    Bespreking,
    Bron,
    Document,
    Doelstelling,
    Hoofdstuk,
    Melding,
    Opmerking,
    Overgang,
    Plaatsing,
    Prioritering,
    Score,
    Stap,
    Versie,
    Weging,
)
from tests.ivp import factories as ivp_factories
from tests.ivp.factories import GebruikerFactory
from tests.stappen.stappenplan import (
    AANGEBODEN_ONDANKS_OPEN_PUNTEN,
    VASTSTELDATUM,
    coordinator_van,
    hoofdthema,
    open_bespreking,
    regisseur,
    rond_af,
    start,
    stel_vast,
    veld,
)
from veiligheidsvelden.models import Thema


# The dates of the demo's trajectory (startnotitie June 2022, analysis September, …).
def _geen_velden(factory_naam: str, velden: dict[str, Any]) -> None:
    if velden:
        raise TypeError(
            f"{factory_naam} zet {', '.join(sorted(velden))} niet: dat gaat via de services."
        )


# --- plan, steps and documents --------------------------------------------------------------


class PlanFactory(ivp_factories.PlanFactory):
    """A plan made by `services.plan_create`: six steps planned, the documents of steps 1–5
    in concept with their standard chapters, an empty prioritering record."""

    class Meta:
        model = Plan

    @classmethod
    def _create(cls, model_class: type[Plan], *args: Any, **kwargs: Any) -> Plan:
        return services.plan_create(**kwargs)


class StapFactory(factory.django.DjangoModelFactory):
    """A step of a plan in the status asked for. `plan_create` made the step; the factory
    takes the plan there through the services, step by step, as a coordinator would."""

    class Meta:
        model = Stap

    class Params:
        actief = factory.Trait(status=StapStatus.ACTIEF)
        afgerond = factory.Trait(status=StapStatus.AFGEROND)

    plan = factory.SubFactory(PlanFactory)
    nummer = 1
    status = StapStatus.GEPLAND
    door = None

    @classmethod
    def _create(
        cls,
        model_class: type[Stap],
        *,
        plan: Plan,
        nummer: int,
        status: str,
        door: Gebruiker | None,
        **velden: Any,
    ) -> Stap:
        _geen_velden("StapFactory", velden)
        door = door or regisseur(plan.gemeente)
        if status == StapStatus.AFGEROND:
            rond_af(plan, door, nummer)
        elif status == StapStatus.ACTIEF:
            start(plan, door, nummer)
        return plan.stappen.get(nummer=nummer)


class DocumentFactory(factory.django.DjangoModelFactory):
    """A document of a plan in the status asked for. The documents of steps 1–5 come with the
    plan; a later year's uitvoeringsplan or a voortgangsrapportage is made by
    `jaardocument_create` (give `jaar`)."""

    class Meta:
        model = Document

    class Params:
        in_bespreking = factory.Trait(status=DocumentStatus.IN_BESPREKING)
        ter_besluitvorming = factory.Trait(status=DocumentStatus.TER_BESLUITVORMING)
        vastgesteld = factory.Trait(status=DocumentStatus.VASTGESTELD)

    plan = factory.SubFactory(PlanFactory)
    soort = DocumentSoort.STARTNOTITIE
    jaar = factory.LazyAttribute(
        lambda o: o.plan.periode_start.year if o.soort in JAARLIJKSE_SOORTEN else None
    )
    status = DocumentStatus.CONCEPT
    door = None

    @classmethod
    def _create(
        cls,
        model_class: type[Document],
        *,
        plan: Plan,
        soort: str,
        jaar: int | None,
        status: str,
        door: Gebruiker | None,
        **velden: Any,
    ) -> Document:
        _geen_velden("DocumentFactory", velden)
        door = door or regisseur(plan.gemeente)
        doc = plan.documenten.filter(soort=soort, jaar=jaar).first()
        if doc is None:
            doc = services.jaardocument_create(
                plan=plan, soort=soort, jaar=jaar or plan.periode_start.year, door=door
            )
        if status == DocumentStatus.IN_BESPREKING:
            open_bespreking(doc, door)
        elif status == DocumentStatus.TER_BESLUITVORMING:
            # Offered on or before the day a BesluitFactory decides it.
            services.document_submit(
                document=doc,
                door=door,
                op=VASTSTELDATUM[DocumentSoort(soort)],
                motivatie=AANGEBODEN_ONDANKS_OPEN_PUNTEN,
            )
        elif status == DocumentStatus.VASTGESTELD:
            stel_vast(doc, door)
        doc.refresh_from_db()
        return doc


class BesluitFactory(factory.django.DjangoModelFactory):
    """A decision recorded by `besluit_record` on a document ter besluitvorming, by the body
    that decides that kind of document (vastgesteld unless told otherwise)."""

    class Meta:
        model = Besluit

    document = factory.SubFactory(DocumentFactory, ter_besluitvorming=True)
    orgaan = factory.LazyAttribute(lambda o: BESLUITORGAAN[DocumentSoort(o.document.soort)])
    datum = factory.LazyAttribute(lambda o: VASTSTELDATUM[DocumentSoort(o.document.soort)])
    uitkomst = BesluitUitkomst.VASTGESTELD
    kenmerk = ""
    toelichting = ""
    vastgelegd_door = factory.LazyAttribute(lambda o: regisseur(o.document.plan.gemeente))

    @classmethod
    def _create(
        cls, model_class: type[Besluit], *, vastgelegd_door: Gebruiker, **kwargs: Any
    ) -> Besluit:
        return services.besluit_record(door=vastgelegd_door, **kwargs)


class OvergangFactory(factory.django.DjangoModelFactory):
    """The log line of a real transition: step 1 of a new plan started (`stap_start`)."""

    class Meta:
        model = Overgang

    stap = factory.SubFactory(StapFactory)
    door = factory.LazyAttribute(lambda o: regisseur(o.stap.plan.gemeente))
    toelichting = ""

    @classmethod
    def _create(
        cls, model_class: type[Overgang], *, stap: Stap, door: Gebruiker, toelichting: str
    ) -> Overgang:
        services.stap_start(stap=stap, door=door, toelichting=toelichting)
        return stap.overgangen.latest("op")


# --- writing: chapters, versions, review rounds, comments, notifications ---------------------


class HoofdstukFactory(factory.django.DjangoModelFactory):
    """A standard chapter of a document (made with the document), with `tekst` saved and
    `auteur` handed the chapter through the services when given."""

    class Meta:
        model = Hoofdstuk

    document = factory.SubFactory(DocumentFactory)
    sleutel = "inleiding"
    tekst = ""
    auteur = None
    door = factory.LazyAttribute(lambda o: regisseur(o.document.plan.gemeente))

    @classmethod
    def _create(
        cls,
        model_class: type[Hoofdstuk],
        *,
        document: Document,
        sleutel: str,
        tekst: str,
        auteur: Gebruiker | None,
        door: Gebruiker,
        **velden: Any,
    ) -> Hoofdstuk:
        _geen_velden("HoofdstukFactory", velden)
        h = document.hoofdstukken.get(sleutel=sleutel)
        if auteur is not None:
            h = services.hoofdstuk_set_auteur(hoofdstuk=h, door=door, auteur=auteur)
        if tekst:
            h = services.hoofdstuk_save(
                hoofdstuk=h, door=auteur or door, tekst=tekst, versie=h.versie
            )
        return h


class VersieFactory(factory.django.DjangoModelFactory):
    """A version on demand (`versie_create`) of a document in concept: 0.1, then 0.2 …"""

    class Meta:
        model = Versie

    document = factory.SubFactory(DocumentFactory)
    gemaakt_door = factory.LazyAttribute(lambda o: regisseur(o.document.plan.gemeente))
    aanleiding = ""

    @classmethod
    def _create(
        cls, model_class: type[Versie], *, document: Document, gemaakt_door: Gebruiker, **kw: Any
    ) -> Versie:
        return services.versie_create(document=document, door=gemaakt_door, **kw)


class BesprekingFactory(factory.django.DjangoModelFactory):
    """A review round opened by `document_open_review` (which makes its version)."""

    class Meta:
        model = Bespreking

    document = factory.SubFactory(DocumentFactory)
    geopend_door = factory.LazyAttribute(lambda o: regisseur(o.document.plan.gemeente))
    sluit_op = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=14))
    bericht = ""

    @classmethod
    def _create(
        cls,
        model_class: type[Bespreking],
        *,
        document: Document,
        geopend_door: Gebruiker,
        sluit_op: dt.date,
        bericht: str,
    ) -> Bespreking:
        return open_bespreking(document, geopend_door, sluit_op=sluit_op, bericht=bericht)


class OpmerkingFactory(factory.django.DjangoModelFactory):
    """A comment on a section of a version (`opmerking_create`), or with `antwoord_op` a reply
    in that thread (`opmerking_reply`). Trait `opgelost`: resolved by the coordinator."""

    class Meta:
        model = Opmerking

    class Params:
        coordinator = factory.LazyAttribute(lambda o: regisseur(o.versie.document.plan.gemeente))
        opgelost = factory.Trait(opgelost_door=factory.SelfAttribute("coordinator"))

    antwoord_op = None
    versie = factory.Maybe(
        "antwoord_op",
        yes_declaration=factory.SelfAttribute("antwoord_op.versie"),
        no_declaration=factory.SubFactory(VersieFactory),
    )
    sectie = "inleiding"
    citaat = ""
    tekst = factory.Sequence(lambda n: f"Opmerking {n}")
    auteur = factory.SelfAttribute("coordinator")
    opgelost_door = None

    @classmethod
    def _create(
        cls,
        model_class: type[Opmerking],
        *,
        versie: Versie,
        sectie: str,
        citaat: str,
        tekst: str,
        auteur: Gebruiker,
        antwoord_op: Opmerking | None,
        opgelost_door: Gebruiker | None,
        **velden: Any,
    ) -> Opmerking:
        _geen_velden("OpmerkingFactory", velden)
        if antwoord_op is not None:
            opmerking = services.opmerking_reply(opmerking=antwoord_op, door=auteur, tekst=tekst)
        else:
            opmerking = services.opmerking_create(
                versie=versie, door=auteur, sectie=sectie, tekst=tekst, citaat=citaat
            )
        if opgelost_door is not None:
            services.opmerking_resolve(opmerking=opmerking, door=opgelost_door)
        return opmerking


class MeldingFactory(factory.django.DjangoModelFactory):
    """An in-app notification, made by the notification service (which also mails, after the
    commit, when the user has an address)."""

    class Meta:
        model = Melding

    gebruiker = factory.SubFactory(GebruikerFactory)
    tekst = factory.Sequence(lambda n: f"Melding {n}")
    url = ""

    @classmethod
    def _create(
        cls, model_class: type[Melding], *, gebruiker: Gebruiker, tekst: str, url: str
    ) -> Melding:
        # A mention, about the user itself: once per text (the moment keeps them apart).
        services.melding_maak(
            [gebruiker], tekst, url, soort="noeming", onderwerp=gebruiker, moment=tekst
        )
        return gebruiker.meldingen.latest("pk")


# --- structured content: analysis, prioritering, doelstellingen ------------------------------


class AnalyseFactory(factory.django.DjangoModelFactory):
    """The analysis of a veld (or of one thema in it) saved by `analyse_save`, all three
    blocks filled; with `auteur` the veld is then handed to that werkgroeplid
    (`analyse_set_auteur`)."""

    class Meta:
        model = Analyse

    plan = factory.SubFactory(PlanFactory)
    veld = factory.LazyFunction(lambda: veld("1"))
    thema = None
    problematiek = "Wat speelt er"
    huidige_aanpak = "Wat we doen"
    verbeterpunten = "Wat beter kan"
    auteur = None
    door = factory.LazyAttribute(lambda o: regisseur(o.plan.gemeente))

    @classmethod
    def _create(
        cls,
        model_class: type[Analyse],
        *,
        auteur: Gebruiker | None,
        door: Gebruiker,
        **kwargs: Any,
    ) -> Analyse:
        analyse = services.analyse_save(door=door, **kwargs)
        if auteur is not None:
            analyse = services.analyse_set_auteur(
                plan=analyse.plan, veld=analyse.veld, door=door, auteur=auteur
            )
        return analyse


class BronFactory(factory.django.DjangoModelFactory):
    """A source of the analysis of a veld (or thema), added by `bron_create`, which makes the
    analysis when there is none yet (an ondermijningsbeeld is always confidential)."""

    class Meta:
        model = Bron

    plan = factory.SubFactory(PlanFactory)
    veld = factory.LazyFunction(lambda: veld("1"))
    thema = None
    soort = BronSoort.OVERIG
    titel = factory.Sequence(lambda n: f"Bron {n}")
    vindplaats = ""
    periode = ""
    vertrouwelijk = False
    door = factory.LazyAttribute(lambda o: regisseur(o.plan.gemeente))

    @classmethod
    def _create(cls, model_class: type[Bron], **kwargs: Any) -> Bron:
        return services.bron_create(**kwargs)


class PrioriteringFactory(factory.django.DjangoModelFactory):
    """The plan's prioritering record (made with the plan), updated by
    `prioritering_update` with the fields given (raad and driehoek consulted by default)."""

    class Meta:
        model = Prioritering

    plan = factory.SubFactory(PlanFactory)
    raad_bijeenkomst_op = dt.date(2022, 10, 4)
    raad_bijeenkomst_uitkomst = "De raad herkent de keuze."
    driehoek_op = dt.date(2022, 10, 12)
    driehoek_uitkomst = "Akkoord."
    door = factory.LazyAttribute(lambda o: regisseur(o.plan.gemeente))

    @classmethod
    def _create(
        cls, model_class: type[Prioritering], *, plan: Plan, door: Gebruiker, **velden: Any
    ) -> Prioritering:
        return services.prioritering_update(plan=plan, door=door, **velden)


class WegingFactory(factory.django.DjangoModelFactory):
    """The weight of one criterion, saved by `wegingen_save`."""

    class Meta:
        model = Weging

    plan = factory.SubFactory(PlanFactory)
    criterium = Criterium.ERNST
    gewicht = 2
    door = factory.LazyAttribute(lambda o: regisseur(o.plan.gemeente))

    @classmethod
    def _create(
        cls, model_class: type[Weging], *, plan: Plan, criterium: str, gewicht: int, door: Gebruiker
    ) -> Weging:
        services.wegingen_save(plan=plan, door=door, gewichten={criterium: gewicht})
        return plan.wegingen.get(criterium=criterium)


class ScoreFactory(factory.django.DjangoModelFactory):
    """The score of a candidate theme on one criterion, saved by `scores_save`."""

    class Meta:
        model = Score

    plan = factory.SubFactory(PlanFactory)
    thema = factory.LazyFunction(lambda: hoofdthema("1.1"))
    criterium = Criterium.ERNST
    waarde = 3
    door = factory.LazyAttribute(lambda o: regisseur(o.plan.gemeente))

    @classmethod
    def _create(
        cls,
        model_class: type[Score],
        *,
        plan: Plan,
        thema: Thema,
        criterium: str,
        waarde: int,
        door: Gebruiker,
    ) -> Score:
        services.scores_save(plan=plan, door=door, scores={(thema.pk, criterium): waarde})
        return plan.scores.get(thema=thema, criterium=criterium)


class PlaatsingFactory(factory.django.DjangoModelFactory):
    """A hoofdthema placed (`plaatsing_save`) as prioriteit unless told otherwise."""

    class Meta:
        model = Plaatsing

    plan = factory.SubFactory(PlanFactory)
    thema = factory.LazyFunction(lambda: hoofdthema("1.1"))
    keuze = Keuze.PRIORITEIT
    motivatie = ""
    door = factory.LazyAttribute(lambda o: regisseur(o.plan.gemeente))

    @classmethod
    def _create(cls, model_class: type[Plaatsing], **kwargs: Any) -> Plaatsing:
        return services.plaatsing_save(**kwargs)


class DoelstellingFactory(factory.django.DjangoModelFactory):
    """A doelstelling of a priority, made by `doelstelling_create`."""

    class Meta:
        model = Doelstelling

    plaatsing = factory.SubFactory(PlaatsingFactory)
    tekst = "Minder woninginbraken"
    indicator = "Geregistreerde woninginbraken"
    nulmeting = "96"
    nulmeting_jaar = 2022
    streefwaarde = "70"
    streefjaar = 2026
    bron = "Politie"
    door = factory.LazyAttribute(lambda o: regisseur(o.plaatsing.plan.gemeente))

    @classmethod
    def _create(cls, model_class: type[Doelstelling], **kwargs: Any) -> Doelstelling:
        return services.doelstelling_create(**kwargs)


def maak_plan(gemeente: Gemeente | None = None, **kwargs: Any) -> Plan:
    if gemeente is not None:
        kwargs["gemeente"] = gemeente
    plan: Plan = PlanFactory.create(**kwargs)
    return plan


# `tests/werkgroep` imports these from here.
__all__ = ["coordinator_van", "maak_plan"]
