"""Every page a user reaches in the demo is valid HTML for the W3C Nu HTML Checker.

The demo is loaded and, as each kind of user (coordinator, werkgroeplid, bestuurder, griffie),
every page reachable by links from the start page is fetched (GET only, so nothing changes),
as well as a few pages with a form in its error state. All pages are checked in one run of
the checker: one JVM start for a few hundred pages.
"""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from tests.vnu import java, vnu_fouten

GEBRUIKERS = ["coordinator", "politie", "burgemeester", "griffie"]
# Not our pages (Django's admin) or not pages at all.
OVERSLAAN = ("/beheer/", "/static/", "/uitloggen/")
MAX_PER_GEBRUIKER = 700


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def _interne_links(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    links = []
    for href in parser.links:
        href = urldefrag(href).url
        delen = urlsplit(href)
        if delen.scheme or delen.netloc or not delen.path.startswith("/"):
            continue
        if delen.path.startswith(OVERSLAAN):
            continue
        links.append(href)
    return links


def _bestandsnaam(gebruiker: str, url: str) -> str:
    return f"{gebruiker}{re.sub(r'[^A-Za-z0-9]+', '_', url)}.html"


def _crawl(client: Client, gebruiker: str, map: Path) -> dict[str, str]:
    """Save every HTML page reachable from the start page; returns file name -> URL."""
    gezien = {"/"}
    rij = deque(["/"])
    opgeslagen: dict[str, str] = {}
    while rij and len(opgeslagen) < MAX_PER_GEBRUIKER:
        url = rij.popleft()
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        naam = _bestandsnaam(gebruiker, url)
        (map / naam).write_text(html, encoding="utf-8")
        opgeslagen[naam] = url
        for link in _interne_links(html):
            if link not in gezien:
                gezien.add(link)
                rij.append(link)
    return opgeslagen


@pytest.mark.django_db
def test_every_demo_page_is_valid_html(tmp_path: Path, settings) -> None:
    java()  # skips (or fails in CI) before the crawl when the checker cannot run
    settings.IVP_DEMO_PDF = True  # the griffie's page with its PDFs, as in `make run`
    call_command("demo", stdout=StringIO())
    from ivp.models import Gebruiker

    bestanden: dict[str, str] = {}
    anoniem = Client()
    response = anoniem.get("/inloggen/")
    (tmp_path / "anoniem_inloggen.html").write_bytes(response.content)
    bestanden["anoniem_inloggen.html"] = "/inloggen/"
    response = anoniem.post("/inloggen/", {"username": "coordinator", "password": "fout"})
    (tmp_path / "anoniem_inloggen_fout.html").write_bytes(response.content)
    bestanden["anoniem_inloggen_fout.html"] = "/inloggen/ (fout)"
    for url in ("/wachtwoord-vergeten/", "/wachtwoord-vergeten/verstuurd/"):
        naam = _bestandsnaam("anoniem", url)
        (tmp_path / naam).write_bytes(anoniem.get(url).content)
        bestanden[naam] = url
    geblokkeerd = Client(REMOTE_ADDR="10.20.30.40")
    for _ in range(6):  # past the lockout limit: the page of django-axes
        response = geblokkeerd.post("/inloggen/", {"username": "iemand", "password": "fout"})
    (tmp_path / "anoniem_geblokkeerd.html").write_bytes(response.content)
    bestanden["anoniem_geblokkeerd.html"] = "/inloggen/ (geblokkeerd)"

    for gebruiker in GEBRUIKERS:
        client = Client()
        client.force_login(Gebruiker.objects.get(username=gebruiker))
        bestanden |= _crawl(client, gebruiker, tmp_path)

    coordinator = Client()
    coordinator.force_login(Gebruiker.objects.get(username="coordinator"))
    response = coordinator.post("/plannen/nieuw/", {"titel": ""})
    (tmp_path / "coordinator_plan_nieuw_fout.html").write_bytes(response.content)
    bestanden["coordinator_plan_nieuw_fout.html"] = "/plannen/nieuw/ (fout)"

    # Issue 14: the follow-up form and the evaluation, crawled and in their error states.
    gecrawld = " ".join(bestanden.values())
    assert "/vervolg/" in gecrawld and "/evaluatie/" in gecrawld, sorted(bestanden.values())
    from stappen.models import Vervolg

    vervolg = Vervolg.objects.select_related("plan").get(plan__gemeente__naam="Steenwijkerland")
    fout_paginas = {
        "coordinator_vervolg_fout.html": (
            f"/plannen/{vervolg.plan_id}/vervolg/",
            {"titel": "", "periode_start": "31-12-9999"},
        ),
        "coordinator_evaluatie_fout.html": (
            f"/plannen/{vervolg.plan_id}/evaluatie/motivatie/",
            {"motivatie": "x" * 2001},
        ),
    }
    for naam, (url, data) in fout_paginas.items():
        response = coordinator.post(url, data)
        assert response.status_code == 200, url
        (tmp_path / naam).write_bytes(response.content)
        bestanden[naam] = f"{url} (fout)"
    # The bestuurlijke planning: the counted-back proposal (reached after choosing in a
    # form), and the import and lead-time forms in their error state.
    from stappen.models import Raadsplanning

    planning = Raadsplanning.objects.select_related("stap").get()
    for naam, url, gegevens in (
        (
            "coordinator_raadsplanning_voorstel.html",
            f"/plannen/{planning.stap.plan_id}/raadsvergadering/4/",
            {"raad": planning.raadsvergadering_id},
        ),
        (
            "coordinator_kalender_import_fout.html",
            f"/gemeenten/{planning.stap.plan.gemeente_id}/vergaderkalender/importeren/",
            {"bestand": SimpleUploadedFile("kapot.ics", b"kapot"), "orgaan": ""},
        ),
        (
            "coordinator_kalender_termijnen_fout.html",
            f"/gemeenten/{planning.stap.plan.gemeente_id}/vergaderkalender/termijnen/",
            {"college_werkdagen": "99"},
        ),
    ):
        if "bestand" in gegevens or "college_werkdagen" in gegevens:
            response = coordinator.post(url, gegevens)
        else:
            response = coordinator.get(url, gegevens)
        assert response.status_code == 200, url
        (tmp_path / naam).write_bytes(response.content)
        bestanden[naam] = url
    assert sum(1 for naam in bestanden if naam.startswith("coordinator")) < MAX_PER_GEBRUIKER

    assert len(bestanden) > 50, sorted(bestanden.values())
    fouten = vnu_fouten(tmp_path / naam for naam in sorted(bestanden))
    assert not fouten, f"{len(fouten)} fout(en) in {len(bestanden)} pagina's:\n" + "\n".join(fouten)
