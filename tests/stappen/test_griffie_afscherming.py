"""The griffie reaches its own pages and nothing else (issue 10), also not by guessing URLs:
every pattern of the URL resolver is walked as the griffie, with the ids of this gemeente's
real objects (and a guessed one), by GET and by POST. Only the griffie's pages, the PDFs it
may have, and the pages every user has (start, login, logout, own notices) answer; the rest
is 404, or 405 for a wrong method. (The full URL × role matrix is issue 15's.)"""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from stappen.constants import WeergaveSoort
from stappen.selectors import griffie_weergaven
from tests.stappen.factories import OpmerkingFactory, VersieFactory, maak_plan
from tests.stappen.griffie_hulp import klare_weergave, laatste_versie, plan_bij_de_raad
from tests.stappen.stappenplan import document
from tests.werkgroep.factories import (
    ActiepuntFactory,
    BijeenkomstFactory,
    UrenregistratieFactory,
)
from werkgroep.models import Agendafeed

pytestmark = pytest.mark.django_db

# Pages every signed-in user has, the griffie included.
# The personal agenda link is everyone's too; the griffie's feed stays empty (checked below).
IEDEREEN = {
    "start",
    "stappen:meldingen_aantal",
    "stappen:meldingen_gelezen",
    "stappen:meldingvoorkeuren",
    "werkgroep:agenda",
    # One's own account (issue 15): second factor, password, and the reset pages.
    "inlog:account",
    "inlog:code",
    "inlog:herstelcodes",
    "inlog:tweestaps_instellen",
    "inlog:wachtwoord",
    "inlog:wachtwoord_hersteld",
    "inlog:wachtwoord_herstellen",
    "inlog:wachtwoord_vergeten",
    "inlog:wachtwoord_vergeten_verstuurd",
}
GRIFFIE = {"stappen:griffie", "stappen:griffie_metadata", "stappen:griffie_zip"}

# Which model an id in a URL names; the walk tries this gemeente's objects of that model.
MODELLEN = {
    "gemeente_id": "ivp.Gemeente",
    "plan_id": "ivp.Plan",
    "document_id": "stappen.Document",
    "veld_id": "veiligheidsvelden.Veld",
    "thema_id": "veiligheidsvelden.Thema",
    "bron_id": "stappen.Bron",
    "plaatsing_id": "stappen.Plaatsing",
    "doelstelling_id": "stappen.Doelstelling",
    "opmerking_id": "stappen.Opmerking",
    "lid_id": "werkgroep.Lid",
    "bijeenkomst_id": "werkgroep.Bijeenkomst",
    "actiepunt_id": "werkgroep.Actiepunt",
    "registratie_id": "werkgroep.Urenregistratie",
    "weergave_id": "stappen.Weergave",
    "gebruiker_id": "ivp.Gebruiker",
    "download_id": "ivp.Download",
    "vergadering_id": "stappen.Vergadering",
    "uitvoeringsplan_id": "uitvoering.Uitvoeringsplan",
    "activiteit_id": "uitvoering.Activiteit",
    # Issue 13 (delen): the region and its shared parts.
    "regio_id": "ivp.Regio",
    "deel_id": "regio.Regiodeel",
    "regiodoelstelling_id": "regio.Regiodoelstelling",
    # Joint werkgroep meetings (branch gezamenlijk).
    "gezamenlijk_id": "werkgroep.GezamenlijkeBijeenkomst",
    "voorstel_id": "regio.Regiovoorstel",  # overname: a member's proposal
    "regionale_activiteit_id": "uitvoering.Activiteit",  # activiteiten
}
WOORDEN = {
    "slug": ["inleiding", "afronden", "aanbieden", "oplossen", "csv", "json"],
    "str": ["1.0", "0.1", "token"],
    "path": ["x"],
}
GERADEN = 999_999


def patronen(resolvers=None, voorvoegsel="", namespace=""):
    """Every URL pattern as (route, name); Django's admin has its own staff check."""
    for patroon in resolvers if resolvers is not None else get_resolver().url_patterns:
        if isinstance(patroon, URLResolver):
            if str(patroon.pattern).startswith("beheer"):
                continue
            ns = f"{patroon.namespace}:" if patroon.namespace else namespace
            yield from patronen(patroon.url_patterns, voorvoegsel + str(patroon.pattern), ns)
        elif isinstance(patroon, URLPattern):
            yield voorvoegsel + str(patroon.pattern), f"{namespace}{patroon.name}"


def waarden(soort: str, naam: str) -> list[str]:
    if soort == "int":
        if naam == "nummer":
            return ["1", "4"]
        model = apps.get_model(MODELLEN[naam])
        return [str(pk) for pk in model.objects.values_list("pk", flat=True)[:8]] + [str(GERADEN)]
    return WOORDEN[soort]


def urls(route: str) -> list[str]:
    """The route with each parameter filled in with every value it may take (first ones
    combined with the rest, so the number of URLs stays small)."""
    delen = re.split(r"<(?:(\w+):)?(\w+)>", route)
    gevuld = [""]
    for i in range(0, len(delen), 3):
        gevuld = [g + delen[i] for g in gevuld]
        if i + 2 < len(delen):
            keuzes = waarden(delen[i + 1] or "str", delen[i + 2])
            gevuld = [g + k for g in gevuld for k in keuzes][:40]
    return ["/" + g for g in gevuld]


def test_the_griffie_reaches_only_its_own_pages_whatever_url_it_tries(
    client, plan, coordinator, griffie, werkgroeplid
):
    stukken = plan_bij_de_raad(plan, coordinator)
    # Something of everything a guess could aim at: a draft, a comment, a meeting, hours,
    # a closed rendering not released, the PDF of a document the college alone decided.
    versie = laatste_versie(stukken["ivp"])
    klare_weergave(versie, coordinator, soort=WeergaveSoort.BESLOTEN)
    concept = document(maak_plan(gemeente=plan.gemeente, titel="IVP 2027–2030"), "startnotitie")
    OpmerkingFactory(versie=VersieFactory(document=concept), auteur=werkgroeplid)
    ActiepuntFactory(bijeenkomst=BijeenkomstFactory(plan=plan))
    UrenregistratieFactory(lid__plan=plan)
    toegestaan = {str(w.pk) for w in griffie_weergaven(griffie)}
    assert toegestaan  # the prioritering's, the IVP's and the uitvoeringsplan's public PDFs

    client.force_login(griffie)
    bereikt = []
    gevraagd = 0
    for route, naam in patronen():
        if naam in ("login", "logout", "oidc_logout"):  # would end the griffie's session
            continue
        for url in urls(route):
            for methode in (client.get, client.post):
                status = methode(url).status_code
                gevraagd += 1
                if naam in IEDEREEN | GRIFFIE:
                    continue
                if (
                    naam == "stappen:weergave_download"
                    and url.strip("/").split("/")[-1] in toegestaan
                ):
                    assert methode is client.post or status == 200, url
                    continue
                if status not in (403, 404, 405):
                    bereikt.append((methode.__name__, url, status))
    assert bereikt == [], "\n".join(map(str, bereikt))
    assert gevraagd > 1000  # every pattern, with real ids of every kind (about 1,500)
    # The walk asked for an agenda link: the griffie's feed holds no meeting and no step.
    feed = client.get(f"/agenda/{Agendafeed.objects.get(gebruiker=griffie).token}.ics")
    assert feed.status_code == 200 and b"BEGIN:VEVENT" not in feed.content


def test_the_griffie_sees_no_draft_comment_or_hours_link_on_its_pages(
    client, plan, coordinator, griffie
):
    plan_bij_de_raad(plan, coordinator)
    client.force_login(griffie)
    for url in ("/", "/griffie/"):
        html = client.get(url).content.decode()
        for verboden in ("/plannen/", "/documenten/", "/opmerkingen/", "/uren", "/werkgroep"):
            assert verboden not in html, (url, verboden)
