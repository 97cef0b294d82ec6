"""The start page's plan cards written by one tag (`stappen/templatetags/start.py`, issue 8)
give the page the frozen copy of the old template (`start_oud.html`) gave, with the same
context, on the demo plus plans with `<` and `&` in their title, extended, with and without an
active step, as coordinator, bestuurder, griffie and regional coordinator. Whitespace between
tags is the only difference allowed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.template import engines
from django.urls import reverse

from ivp.models import Gebruiker
from tests.ivp.test_keuzes import gelijk
from tests.stappen.factories import maak_plan

pytestmark = pytest.mark.django_db

OUD = engines["django"].from_string(
    (Path(__file__).parent / "start_oud.html").read_text(encoding="utf-8")
)
CONTEXT = ("plannen", "mag_plan_maken", "is_griffie", "meldingen", "bestuur", "kalender_gemeenten")


def _zonder_tokens(html: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return gelijk(re.sub(r'"X-CSRFToken": "[^"]+"', "", html))


@pytest.mark.parametrize("gebruikersnaam", ["coordinator", "burgemeester", "griffie", "regio"])
def test_the_start_page_is_the_page_it_was(client, demo, gebruikersnaam):
    gebruiker = Gebruiker.objects.get(username=gebruikersnaam)
    steenwijkerland = Gebruiker.objects.get(username="coordinator").rollen.first().gemeente
    maak_plan(steenwijkerland, titel="Plan <nieuw> & beter", periode_start=dt.date(2035, 1, 1))
    verlengd = maak_plan(steenwijkerland, titel="Verlengd", periode_start=dt.date(2039, 1, 1))
    verlengd.verlengd_tot = verlengd.periode_eind + dt.timedelta(days=100)
    verlengd.save()
    client.force_login(gebruiker)
    antwoord = client.get(reverse("start"))
    assert antwoord.status_code == 200
    context = {naam: antwoord.context[naam] for naam in CONTEXT}
    vroeger = OUD.render(context, antwoord.wsgi_request)
    nieuw = antwoord.content.decode()
    assert _zonder_tokens(nieuw) == _zonder_tokens(vroeger)
    if gebruikersnaam == "coordinator":
        assert "Plan &lt;nieuw&gt; &amp; beter" in nieuw
        assert "(verlengd)" in nieuw
        assert "Nu: stap " in nieuw
