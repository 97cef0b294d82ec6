"""Every URL of the resolver × every kind of user (issue 15, "Must hold").

Each URL pattern is requested with GET and with an empty POST as anonymous, as each role of
gemeente A, as the coordinator of gemeente B and as a regional coordinator of a region of A
and B (no role in either), with the ids of gemeente A's objects (three gemeenten have data).
The test fails on
- a status other than the table below says (`VERWACHT`), and on any 500;
- a URL without a line in the table (a new URL must get one: run it once with
  URL_MATRIX_OPNEMEN=1 -s to print what every URL answers now, and check each status);
- a leak: gemeente B's or C's data to a user of A, A's data to B's coordinator or to
  anonymous, draft text to a lezer or the griffie, the ondermijningsbeeld to anyone the
  coordinator did not grant it, local content (drafts, notulen) to the regional coordinator;
- a response without the Content-Security-Policy header (or with 'unsafe-inline').

The table: one line per URL name (unnamed patterns by their route), two strings of eight
statuses, GET then POST, in the order of `ROLLEN`. Names ending in `*` cover a namespace
(the admin: every page sends anyone who is not staff to its login). Named rows (`REGIE`, …)
are the usual cases; write the statuses out where a URL differs. Every POST runs in a
rolled-back savepoint, so one request never changes what the next one sees.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from ivp.constants import RolSoort
from ivp.models import Download, Gebruiker, Gemeente, Plan
from regio import services as regio_services
from regio.constants import DeelSoort
from regio.models import Regiovoorstel
from stappen import services as stappen_services
from stappen.constants import (
    BronSoort,
    DocumentSoort,
    Keuze,
    Orgaan,
    VergaderOrgaan,
    WeergaveSoort,
    WeergaveStatus,
)
from stappen.models import Analyse, Bron, Document, Vergadering, Weergave
from tests.ivp.downloads import gestreamd
from tests.ivp.factories import GebruikerFactory, GemeenteFactory, RegioFactory
from tests.stappen.factories import DoelstellingFactory, PlanFactory, StapFactory
from tests.stappen.stappenplan import coordinator_van, lid_van, schrijf
from tests.uitvoering.factories import (
    ActiviteitFactory,
    RegionaleActiviteitFactory,
    UitvoeringsplanFactory,
)
from tests.werkgroep.factories import (
    ActiepuntFactory,
    AgendafeedFactory,
    BijeenkomstFactory,
    LidFactory,
    UrenbudgetFactory,
    UrenregistratieFactory,
)
from werkgroep.gezamenlijk import services as gezamenlijk_services

pytestmark = pytest.mark.django_db

ROLLEN = (
    "anoniem",
    "coordinator",
    "werkgroeplid",
    "bestuurder",
    "griffie",
    "lezer",
    "ander",
    "regio",  # a regional coordinator of a region with A and B: no role in either
)

# Usual rows.                 anoniem coord  lid  best grif lezer ander regio
REGIE = "302 200 404 404 404 404 404 404"  # the coordinator's page or form (empty POST: errors)
REGIE_POST = "302 302 404 404 404 404 404 404"  # the coordinator's action, then a redirect
LEZEN = "302 200 200 200 404 200 404 404"  # every role that sees the plan, not the griffie
CONCEPT = "302 200 200 200 404 404 404 404"  # drafts and working material: no lezer, no griffie
IEDEREEN = "302 200 200 200 200 200 200 200"  # one's own page, whatever the role
NIEMAND = "302 404 404 404 404 404 404 404"  # the fixture has no such object
ALLEEN_POST = "302 405 405 405 405 405 405 405"  # a GET to an action
DOORGESTUURD = "302 302 302 302 302 302 302 302"
OPEN = "200 200 200 200 200 200 200 200"  # a page without login (password reset)
GEEN_POST = "405 405 405 405 405 405 405 405"
REGIO_REGIE = "302 404 404 404 404 404 404 200"  # the regional coordinator's page or form
BEHEER = DOORGESTUURD  # the admin: to its login unless staff (no role is staff)

VERWACHT: dict[str, tuple[str, str]] = {
    # name (or route)                  GET      POST
    "start": (IEDEREEN, IEDEREEN),
    "login": ("200 302 302 302 302 302 302 302", "200 302 302 302 302 302 302 302"),
    "logout": ("405 405 405 405 405 405 405 405", DOORGESTUURD),
    "veiligheidsvelden:themas": (REGIE, REGIE),
    "veiligheidsvelden:beleid": (REGIE, REGIE),
    "veiligheidsvelden:beleidsdocument_nieuw": (REGIE, REGIE),
    "veiligheidsvelden:beleidsdocument": (NIEMAND, NIEMAND),  # the id is no beleidsdocument
    "stappen:plan_nieuw": ("302 200 404 404 404 404 200 404", "302 200 404 404 404 404 200 404"),
    "stappen:griffie": ("302 404 404 404 200 404 404 404", "302 404 404 404 200 404 404 404"),
    "stappen:plan": (LEZEN, LEZEN),
    "stappen:plan_bewerken": (REGIE, REGIE),
    "stappen:herinneringen_versturen": (ALLEEN_POST, REGIE_POST),
    "stappen:stap_planning": (REGIE, REGIE),
    "stappen:stap_overgang": (ALLEEN_POST, REGIE_POST),
    "stappen:analyse": (LEZEN, LEZEN),
    "stappen:analyse_veld": (REGIE, REGIE),
    "stappen:analyse_auteur": (ALLEEN_POST, REGIE_POST),
    "stappen:analyse_thema": (REGIE, REGIE),
    "stappen:bron_verwijderen": (ALLEEN_POST, REGIE_POST),
    "stappen:prioritering": (LEZEN, LEZEN),
    "stappen:prioritering_scores": (REGIE, REGIE),
    "stappen:prioritering_plaatsing": (REGIE, REGIE),
    "stappen:prioritering_raadpleging": (REGIE, REGIE),
    "stappen:ivp": (CONCEPT, CONCEPT),
    "stappen:prioriteit": (CONCEPT, CONCEPT),
    "stappen:prioriteit_bewerken": (REGIE, REGIE),
    "stappen:doelstelling_nieuw": (REGIE, REGIE),
    "stappen:doelstelling_bewerken": (REGIE, REGIE),
    "stappen:doelstelling_verwijderen": (ALLEEN_POST, REGIE_POST),
    "stappen:documenten": (LEZEN, LEZEN),
    "stappen:document": (CONCEPT, CONCEPT),
    "stappen:hoofdstuk_bewerken": (REGIE, REGIE),
    "stappen:hoofdstuk_auteur": (ALLEEN_POST, REGIE_POST),
    "stappen:bespreking": (REGIE, REGIE),
    "stappen:besluit": (REGIE, REGIE),
    "stappen:raad_informeren": (REGIE, REGIE),
    "stappen:versie_nieuw": (ALLEEN_POST, REGIE_POST),
    "stappen:vergelijken": (NIEMAND, NIEMAND),  # needs ?van=&tot=
    "stappen:versie": (CONCEPT, CONCEPT),
    "stappen:opmerking_plaatsen": (ALLEEN_POST, "302 302 302 302 404 404 404 404"),
    "stappen:reactienota": (CONCEPT, CONCEPT),
    "stappen:sectie_draden": (CONCEPT, CONCEPT),
    "stappen:document_overgang": (ALLEEN_POST, NIEMAND),
    "stappen:opmerking": (NIEMAND, NIEMAND),  # no thread in the fixture
    "stappen:opmerking_actie": (ALLEEN_POST, NIEMAND),
    "stappen:meldingen_gelezen": (ALLEEN_POST, DOORGESTUURD),
    "stappen:meldingen_aantal": (IEDEREEN, IEDEREEN),
    "stappen:meldingvoorkeuren": (IEDEREEN, IEDEREEN),
    "stappen:inzage": (REGIE, REGIE),
    "werkgroep:werkgroep": (LEZEN, LEZEN),
    "werkgroep:lid_nieuw": (REGIE, REGIE),
    "werkgroep:lid_bewerken": (REGIE, REGIE),
    "werkgroep:lid_verwijderen": (ALLEEN_POST, REGIE_POST),
    "werkgroep:urenbudget": (REGIE, REGIE),
    "werkgroep:bijeenkomst_nieuw": (REGIE, REGIE),
    "werkgroep:bijeenkomst": (LEZEN, LEZEN),
    "werkgroep:bijeenkomst_bewerken": (REGIE, REGIE),
    "werkgroep:agendapunt_nieuw": (REGIE, REGIE),
    "werkgroep:bijeenkomst_afzeggen": (REGIE, REGIE),  # an empty POST: the reason is asked
    "werkgroep:bijeenkomst_ics": (CONCEPT, CONCEPT),
    "werkgroep:actiepunt_status": (ALLEEN_POST, "302 302 302 404 404 404 404 404"),
    "werkgroep:uren": (CONCEPT, "302 200 200 404 404 404 404 404"),
    "werkgroep:uren_sluiten": (ALLEEN_POST, REGIE_POST),
    "werkgroep:uren_csv": (CONCEPT, CONCEPT),
    "werkgroep:uren_xlsx": (ALLEEN_POST, "302 302 302 302 404 404 404 404"),  # to its download
    "werkgroep:uren_bewerken": (
        "302 200 200 404 404 404 404 404",
        "302 200 200 404 404 404 404 404",
    ),
    "werkgroep:agenda": (IEDEREEN, DOORGESTUURD),
    "werkgroep:feed": ("200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200"),
    # Issue 15 (inlog): the account pages are everyone's own; without a pending login the code
    # page sends back; OIDC answers 404 until it is configured.
    "inlog:code": (DOORGESTUURD, DOORGESTUURD),
    "inlog:account": (IEDEREEN, IEDEREEN),
    "inlog:tweestaps_instellen": (IEDEREEN, IEDEREEN),
    "inlog:herstelcodes": (IEDEREEN, DOORGESTUURD),
    "inlog:wachtwoord": (IEDEREEN, IEDEREEN),
    "inlog:wachtwoord_vergeten": (OPEN, OPEN),
    "inlog:wachtwoord_vergeten_verstuurd": (OPEN, GEEN_POST),
    "inlog:wachtwoord_herstellen": (OPEN, OPEN),  # an invalid link: the page says so
    "inlog:wachtwoord_hersteld": (OPEN, GEEN_POST),
    "inlog:gemeente": (REGIE, REGIE),
    "inlog:ontgrendel": (ALLEEN_POST, REGIE_POST),
    "oidc_authentication_callback": ("404 404 404 404 404 404 404 404", GEEN_POST),
    "oidc_authentication_init": ("404 404 404 404 404 404 404 404", GEEN_POST),
    "oidc_logout": (GEEN_POST, DOORGESTUURD),
    # Downloads made in the background: only the person who asked (the coordinator); the
    # file is not ready in the fixture.
    "download": (REGIE, REGIE_POST),
    "download_bestand": (NIEMAND, NIEMAND),
    # Own themes (the fixture's theme is of the VNG list: nobody's to edit).
    "veiligheidsvelden:thema": (NIEMAND, NIEMAND),
    "veiligheidsvelden:thema_verwijderen": (ALLEEN_POST, NIEMAND),
    # Issue 12: the veiligheidsbeeld is open data, for everyone who sees the plan.
    "veiligheidsvelden:veiligheidsbeeld": (LEZEN, LEZEN),
    "veiligheidsvelden:veiligheidsbeeld_veld": (LEZEN, LEZEN),
    "veiligheidsvelden:cijfers": (REGIE, REGIE),
    "stappen:analyse_citeer": (ALLEEN_POST, REGIE_POST),
    "stappen:analyse_thema_citeer": (ALLEEN_POST, REGIE_POST),
    # Issue 10: the stuk, its PDFs, the griffie's downloads, the record.
    "stappen:griffie_metadata": (
        "302 404 404 404 200 404 404 404",
        "302 404 404 404 200 404 404 404",
    ),
    "stappen:griffie_zip": (NIEMAND, NIEMAND),  # no meeting with stukken in the fixture
    "stappen:stuk": (REGIE, REGIE),
    "stappen:voorstel": (REGIE, REGIE),
    "stappen:weergave_aanvragen": (ALLEEN_POST, REGIE_POST),
    "stappen:weergave_download": (CONCEPT, CONCEPT),  # a public PDF of a draft version
    "stappen:weergave_opnieuw": (ALLEEN_POST, REGIE_POST),
    "stappen:weergave_vrijgeven": (ALLEEN_POST, REGIE_POST),
    "stappen:hoofdstuk_vertrouwelijk": (REGIE, REGIE),
    "stappen:analyse_veld_vertrouwelijk": (REGIE, REGIE),
    "stappen:analyse_thema_vertrouwelijk": (NIEMAND, NIEMAND),  # the theme is of another veld
    "stappen:logboek": (CONCEPT, CONCEPT),
    "stappen:woo_export": (REGIE, REGIE),
    "stappen:document_geschiedenis": (CONCEPT, CONCEPT),
    "stappen:hoofdstuk_geschiedenis": (CONCEPT, CONCEPT),
    # Issue 14: the follow-up of a plan (the fixture's plan follows none).
    "stappen:plan_vervolg": (REGIE, REGIE),
    "stappen:evaluatie": (NIEMAND, NIEMAND),
    "stappen:evaluatie_motivatie": (ALLEEN_POST, NIEMAND),
    "stappen:evaluatie_score": (ALLEEN_POST, NIEMAND),
    # Issue 9: the vergaderkalender and the counting back.
    "stappen:vergaderkalender": (REGIE, REGIE),
    "stappen:vergadering_nieuw": (REGIE, REGIE),
    "stappen:vergadering_bewerken": (REGIE, REGIE),
    "stappen:vergadering_verwijderen": (ALLEEN_POST, REGIE_POST),
    "stappen:vergaderkalender_importeren": (REGIE, REGIE),
    "stappen:vergadertermijnen": (REGIE, REGIE),
    "stappen:raadsplanning": (REGIE, REGIE),
    # Issue 11: the uitvoering is working material: not for a lezer or the griffie.
    "uitvoering:overzicht": (CONCEPT, CONCEPT),
    "uitvoering:uitvoeringsplan_nieuw": (ALLEEN_POST, REGIE_POST),
    "uitvoering:keten": (CONCEPT, CONCEPT),
    "uitvoering:plan": (CONCEPT, CONCEPT),
    "uitvoering:matrix": (CONCEPT, CONCEPT),
    "uitvoering:activiteit_nieuw": (REGIE, REGIE),
    "uitvoering:voortgang": (CONCEPT, CONCEPT),
    "uitvoering:rapportage": (ALLEEN_POST, REGIE_POST),
    "uitvoering:volgend_jaar": (REGIE, REGIE_POST),
    "uitvoering:export_xlsx": (CONCEPT, CONCEPT),
    "uitvoering:export_csv": (CONCEPT, CONCEPT),
    "uitvoering:activiteit_bewerken": (REGIE, REGIE),
    "uitvoering:voortgang_bewerken": (REGIE, REGIE),  # the fixture's member is no trekker
    "uitvoering:indicator": (CONCEPT, REGIE),
    # Issue 13 (delen): the regional coordinator's pages. No role of this table coordinates a
    # region (the lead adds that column); the member's coordinator may take its gemeente out.
    "regio:regio": (REGIO_REGIE, REGIO_REGIE),
    "regio:leden": (REGIO_REGIE, REGIO_REGIE),
    "regio:lid_verlaten": ("302 405 405 405 405 405 405 405", "302 302 404 404 404 404 404 302"),
    "regio:deel_nieuw": (REGIO_REGIE, REGIO_REGIE),
    "regio:deel": (REGIO_REGIE, REGIO_REGIE),
    "regio:deel_verwijderen": (
        "302 405 405 405 405 405 405 405",
        "302 404 404 404 404 404 404 302",
    ),
    "regio:deel_publiceren": (REGIO_REGIE, REGIO_REGIE),
    "regio:deel_geschiedenis": (
        REGIO_REGIE,
        REGIO_REGIE,
    ),
    "regio:regiodoelstelling_nieuw": (
        REGIO_REGIE,
        REGIO_REGIE,
    ),
    "regio:regiodoelstelling": (
        REGIO_REGIE,
        REGIO_REGIE,
    ),
    "regio:regiodoelstelling_verwijderen": (
        "302 405 405 405 405 405 405 405",
        "302 404 404 404 404 404 404 302",
    ),
    # Regional overview (branch overzicht): only the region's coordinators, no role of this
    # table (a member's coordinator too: the overview holds every member's figures).
    "regio:overzicht": (REGIO_REGIE, REGIO_REGIE),
    # Issue 13, joint werkgroep meetings (branch gezamenlijk): the regional coordinator's
    # pages; no role of a gemeente has them (the regional coordinator's column comes later).
    "werkgroep:gezamenlijk_lijst": (
        REGIO_REGIE,
        REGIO_REGIE,
    ),
    "werkgroep:gezamenlijk_nieuw": (
        REGIO_REGIE,
        REGIO_REGIE,
    ),
    "werkgroep:gezamenlijk_bewerken": (
        REGIO_REGIE,
        REGIO_REGIE,
    ),
    "werkgroep:gezamenlijk_afzeggen": (REGIO_REGIE, REGIO_REGIE),  # empty POST: reason asked
    # Issue 13 (overname): the member's regio page and a proposal; those who work on the plan
    # read them, its coordinator decides (an empty POST: the form's errors).
    "regio:plan": (CONCEPT, CONCEPT),
    "regio:voorstel": (CONCEPT, CONCEPT),
    "regio:voorstel_aanvaarden": (ALLEEN_POST, REGIE),
    "regio:voorstel_afwijzen": (ALLEEN_POST, REGIE),
    "regio:deel_heroverwegen": (ALLEEN_POST, NIEMAND),  # the plan declined no part
    # Regional activities: the regional coordinator's pages (not a matrix role), and the
    # progress form of the fixture's werkgroeplid, who is the regional trekker.
    "uitvoering:regio_activiteiten": (
        REGIO_REGIE,
        REGIO_REGIE,
    ),
    "uitvoering:regionale_activiteit_nieuw": (
        REGIO_REGIE,
        REGIO_REGIE,
    ),
    "uitvoering:regionale_activiteit_bewerken": (
        REGIO_REGIE,
        REGIO_REGIE,
    ),
    "uitvoering:regionale_voortgang_bewerken": (
        "302 404 200 404 404 404 404 200",
        "302 404 200 404 404 404 404 200",
    ),
    "admin:*": (BEHEER, BEHEER),
    "admin:login": ("200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200"),
    "admin:logout": (DOORGESTUURD, DOORGESTUURD),
    "beheer/*": (BEHEER, BEHEER),  # the admin's unnamed patterns, by route
}
# Rows given by a namespace pattern (`admin:*`) are requested as anoniem and as coordinator
# only: the admin asks is_staff, which no role sets, so every other role answers the same.
STEEKPROEF = ("anoniem", "coordinator")

# Leak markers: text that only some users may ever see.
A_PLAN = "Plan-van-Aaa"
A_CONCEPT = "Concepttekst-Aaa-ivp"
A_NOTULEN = "Notulen-Aaa-bijeenkomst"
A_ONDERMIJNING = "Ondermijningsbeeld-Aaa-RIEC"
ANDEREN = ["Plan-van-Bbb", "Notulen-Bbb", "Plan-van-Ccc", "Notulen-Ccc"]


@dataclass
class Wereld:
    gebruikers: dict[str, Gebruiker | None]
    waarden: dict[str, str]  # converter name -> the value of gemeente A's object


def _gemeente_met_plan(naam: str, code: str, merk: str) -> tuple[Gemeente, Plan, Gebruiker]:
    gemeente: Gemeente = GemeenteFactory.create(naam=naam, cbs_code=code)
    coordinator = coordinator_van(gemeente)
    plan: Plan = PlanFactory.create(gemeente=gemeente, titel=f"Plan-van-{merk}")
    BijeenkomstFactory.create(plan=plan, door=coordinator, notulen=f"Notulen-{merk}")
    return gemeente, plan, coordinator


def _wereld() -> Wereld:
    _gemeente_met_plan("Bbbstad", "GM0901", "Bbb")
    _gemeente_met_plan("Cccdorp", "GM0902", "Ccc")
    gemeente: Gemeente = GemeenteFactory.create(naam="Aaastad", cbs_code="GM0900")
    coordinator = coordinator_van(gemeente)
    plan: Plan = PlanFactory.create(gemeente=gemeente, titel=A_PLAN)
    StapFactory(plan=plan, nummer=4, actief=True, door=coordinator)
    ivp = plan.documenten.get(soort=DocumentSoort.IVP)
    schrijf(ivp, coordinator, {"inleiding": A_CONCEPT})
    versie = stappen_services.versie_create(document=ivp, door=coordinator, aanleiding="Test")
    analyse = Analyse.objects.filter(plan=plan, thema__isnull=True).order_by("veld__code").first()
    assert analyse is not None
    bron = Bron.objects.create(
        analyse=analyse, soort=BronSoort.ONDERMIJNINGSBEELD, titel=A_ONDERMIJNING
    )
    prioriteit = plan.plaatsingen.filter(keuze=Keuze.PRIORITEIT).first()
    assert prioriteit is not None
    doelstelling = DoelstellingFactory.create(plaatsing=prioriteit, door=coordinator)
    werkgroeplid = lid_van(gemeente, RolSoort.WERKGROEPLID)
    lid = LidFactory.create(plan=plan, door=coordinator, gebruiker=werkgroeplid)
    UrenbudgetFactory.create(lid=lid, door=coordinator)
    registratie = UrenregistratieFactory.create(lid=lid, door=werkgroeplid)
    bijeenkomst = BijeenkomstFactory.create(plan=plan, door=coordinator, notulen=A_NOTULEN)
    actiepunt = ActiepuntFactory.create(bijeenkomst=bijeenkomst, door=coordinator, wie=lid)
    feed = AgendafeedFactory.create(gebruiker=werkgroeplid)
    ander: Gebruiker = Gebruiker.objects.get(rollen__gemeente__naam="Bbbstad")
    document: Document = ivp
    hoofdstuk = document.hoofdstukken.order_by("volgorde", "pk").first()
    assert hoofdstuk is not None
    eerste_draad = None
    # The objects of the pages that came with issues 9–14, all of gemeente A.
    up = UitvoeringsplanFactory.create(plan=plan, jaar=plan.periode_start.year, door=coordinator)
    activiteit = ActiviteitFactory.create(uitvoeringsplan=up, doelstelling=doelstelling)
    inhoud = b"%PDF-1.7 matrix"
    weergave = Weergave(
        versie=versie,
        orgaan=Orgaan.RAAD,
        soort=WeergaveSoort.OPENBAAR,
        status=WeergaveStatus.KLAAR,
        sha256=hashlib.sha256(inhoud).hexdigest(),
        aangevraagd_door=coordinator,
    )
    weergave.bestand.save("matrix.pdf", ContentFile(inhoud), save=False)
    weergave.save()
    vergadering = Vergadering.objects.create(
        gemeente=gemeente, orgaan=VergaderOrgaan.RAAD, datum=plan.periode_start
    )
    download = Download.objects.create(
        gebruiker=coordinator, soort="uren_xlsx", titel="Uren", bestandsnaam="uren.xlsx"
    )
    # Issue 13: a region of A and B with its regional coordinator (no role in either); (delen)
    # a published bovenlokale priority with a doelstelling; (gezamenlijk) one joint meeting of
    # both werkgroepen.
    regio = RegioFactory.create(naam="Regio Aaa", gemeenten=[gemeente, ander.rollen.get().gemeente])
    regisseur = GebruikerFactory.create()
    regio.coordinatoren.add(regisseur)
    regiodeel = regio_services.deel_create(
        regio=regio,
        door=regisseur,
        soort=DeelSoort.PRIORITEIT,
        titel="Ondermijning",
        tekst="Samen met het RIEC.",
        thema=prioriteit.thema,
    )
    regiodoelstelling = regio_services.regiodoelstelling_create(
        deel=regiodeel, door=regisseur, tekst="Minder ondermijning"
    )
    regio_services.deel_publiceer(deel=regiodeel, door=regisseur, driehoek_op=timezone.localdate())
    gezamenlijk = gezamenlijk_services.gezamenlijk_plan(
        regio=regio,
        door=regisseur,
        gemeenten=list(regio.gemeenten.all()),
        titel="Gezamenlijke werkgroep",
        datum=plan.traject_start,
        begintijd=dt.time(14, 0),
        eindtijd=dt.time(16, 0),
        locatie="Aaastad",
    )
    # Issue 13 (overname): the publication's open proposal to plan A.
    regiovoorstel = Regiovoorstel.objects.get(plan=plan, deel=regiodeel)
    # Regional activities (branch activiteiten): one regional activity shown in A's plan,
    # its trekker A's werkgroeplid.
    regionaal = RegionaleActiviteitFactory.create(
        regio=regio,
        jaar=up.jaar,
        door=regisseur,
        trekker_organisatie="",
        trekker_gebruiker=werkgroeplid,
    )
    return Wereld(
        gebruikers={
            "anoniem": None,
            "coordinator": coordinator,
            "werkgroeplid": werkgroeplid,
            "bestuurder": lid_van(gemeente, RolSoort.BESTUURDER),
            "griffie": lid_van(gemeente, RolSoort.GRIFFIE),
            "lezer": lid_van(gemeente, RolSoort.LEZER),
            "ander": ander,
            "regio": regisseur,
        },
        waarden={
            "plan_id": str(plan.pk),
            "gemeente_id": str(gemeente.pk),
            "document_id": str(document.pk),
            "sleutel": hoofdstuk.sleutel,
            "nummer": str(versie.nummer),
            "stap_nummer": "4",
            "actie": "start",
            "veld_id": str(analyse.veld_id),
            "thema_id": str(prioriteit.thema_id),
            "bron_id": str(bron.pk),
            "plaatsing_id": str(prioriteit.pk),
            "doelstelling_id": str(doelstelling.pk),
            "opmerking_id": str(eerste_draad or 1),
            "lid_id": str(lid.pk),
            "bijeenkomst_id": str(bijeenkomst.pk),
            "actiepunt_id": str(actiepunt.pk),
            "registratie_id": str(registratie.pk),
            "token": feed.token,
            "uitvoeringsplan_id": str(up.pk),
            "activiteit_id": str(activiteit.pk),
            "weergave_id": str(weergave.pk),
            "vergadering_id": str(vergadering.pk),
            "download_id": str(download.pk),
            "regio_id": str(regio.pk),
            "soort": "prioriteit",
            "deel_id": str(regiodeel.pk),
            "regiodoelstelling_id": str(regiodoelstelling.pk),
            "gezamenlijk_id": str(gezamenlijk.pk),
            "voorstel_id": str(regiovoorstel.pk),  # overname
            "regionale_activiteit_id": str(regionaal.pk),
            "gebruiker_id": str(werkgroeplid.pk),
            "uidb64": "MQ",
            "formaat": "json",
            "pk": "1",
            "content_type_id": "1",
            "object_id": "1",
            "id": "1",
        },
    )


def _patronen(
    resolver: URLResolver | None = None, prefix: str = "", ns: str = ""
) -> Iterator[tuple[str, str]]:
    """(key, route) of every pattern: the key is `ns:name`, or the route when unnamed."""
    for patroon in (resolver or get_resolver()).url_patterns:
        if isinstance(patroon, URLResolver):
            naam = f"{ns}{patroon.namespace}:" if patroon.namespace else ns
            yield from _patronen(patroon, prefix + str(patroon.pattern), naam)
        elif isinstance(patroon, URLPattern):
            route = prefix + str(patroon.pattern)
            yield (f"{ns}{patroon.name}" if patroon.name else route), route


def _pad(sleutel: str, route: str, waarden: dict[str, str]) -> str:
    """A concrete path for `route`, with gemeente A's ids."""

    def waarde(naam: str) -> str:
        if naam == "nummer" and ("stappen/" in route or "raadsvergadering/" in route):
            return waarden["stap_nummer"]
        if naam == "sleutel" and route.startswith("griffie/"):
            return "niet-geagendeerd"  # a meeting of the griffie's page
        if naam == "token" and route.startswith("wachtwoord-herstellen/"):
            return "geen-geldige-code"
        return waarden[naam]

    pad = re.sub(r"\(\?P<app_label>[^)]*\)", "ivp", route)
    pad = pad.replace("^([^/]+)/history/([^/]+)/$", "1/history/1/")
    pad = pad.replace("(?P<url>.*)$", "bestaat-niet/")
    pad = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: waarde(m.group(1)), pad)
    return "/" + pad.replace("^", "").replace("$", "")


def _verwachting(sleutel: str) -> tuple[tuple[str, str] | None, tuple[str, ...]]:
    """The row of `sleutel` and the roles to ask."""
    if sleutel in VERWACHT:
        return VERWACHT[sleutel], ROLLEN
    for patroon, rij in VERWACHT.items():
        if patroon.endswith("*") and fnmatch.fnmatchcase(sleutel, patroon):
            return rij, STEEKPROEF
    return None, ROLLEN


# The token in the URL is the key to the owner's own calendar: whoever has it gets the feed.
SLEUTEL_IN_URL = {"werkgroep:feed"}


def _lekken(sleutel: str, rol: str, html: str) -> list[str]:
    if sleutel in SLEUTEL_IN_URL:
        return [v for v in ANDEREN if v in html]
    verboden = list(ANDEREN)
    if rol in ("anoniem", "ander"):
        verboden += [A_PLAN, A_CONCEPT, A_NOTULEN, A_ONDERMIJNING]
    if rol in ("griffie", "lezer"):
        verboden += [A_CONCEPT, A_NOTULEN, A_ONDERMIJNING]
    if rol in ("werkgroeplid", "bestuurder"):  # nobody was granted it
        verboden += [A_ONDERMIJNING]
    if rol == "regio":  # the member plans (A's and B's) by name, never their local content
        verboden = [v for v in verboden if v != "Plan-van-Bbb"]
        verboden += [A_CONCEPT, A_NOTULEN, A_ONDERMIJNING]
    if rol == "ander":
        verboden = [v for v in verboden if "Bbb" not in v]
    return [v for v in verboden if v in html]


@pytest.fixture
def wereld() -> Wereld:
    return _wereld()


def test_every_url_answers_every_user_as_the_table_says(wereld: Wereld) -> None:
    opnemen = os.environ.get("URL_MATRIX_OPNEMEN") == "1"
    fouten: list[str] = []
    gezien: dict[str, list[str]] = {}
    clients = {}
    for rol, gebruiker in wereld.gebruikers.items():
        client = Client(raise_request_exception=False)
        if gebruiker is not None:
            client.force_login(gebruiker)
        clients[rol] = client
    for sleutel, route in _patronen():
        pad = _pad(sleutel, route, wereld.waarden)
        verwacht, rollen = _verwachting(sleutel)
        if verwacht is None and not opnemen:
            fouten.append(f"{sleutel} ({pad}): geen regel in VERWACHT")
            continue
        for methode, rij in zip(("GET", "POST"), verwacht or ("", ""), strict=True):
            statussen = rij.split()
            werkelijk = []
            for i, rol in enumerate(ROLLEN):
                if rol not in rollen and not opnemen:
                    continue
                client = clients[rol]
                if methode == "GET":
                    response = client.get(pad)
                else:
                    with transaction.atomic():
                        response = client.post(pad, {})
                        transaction.set_rollback(True)
                gebruiker = wereld.gebruikers[rol]
                if gebruiker is not None and "sessionid" in response.cookies:
                    client.force_login(gebruiker)  # a logout URL ended the session
                werkelijk.append(str(response.status_code))
                if response.status_code >= 500:
                    fouten.append(f"{methode} {pad} als {rol}: {response.status_code}")
                if statussen and statussen[i] != str(response.status_code):
                    fouten.append(
                        f"{methode} {pad} als {rol}: {response.status_code}, "
                        f"verwacht {statussen[i]} ({sleutel})"
                    )
                beleid = response.get("Content-Security-Policy", "")
                if not beleid or "unsafe-inline" in beleid:
                    fouten.append(f"{methode} {pad} als {rol}: geen strikte CSP")
                ruw = gestreamd(response) if response.streaming else response.content
                inhoud = ruw.decode(errors="replace")
                for lek in _lekken(sleutel, rol, inhoud):
                    fouten.append(f"LEK {methode} {pad} als {rol}: {lek!r}")
            gezien.setdefault(sleutel, []).append(" ".join(werkelijk))
    if opnemen:
        for sleutel, rijen in gezien.items():
            print(f'    "{sleutel}": ("{rijen[0]}", "{rijen[1]}"),')
    assert fouten == [], "\n".join(fouten)
