"""The plan page after issue 8 (speed at 50×): the six steps written by one tag
(`stappen/templatetags/plan.py`, `{% stap_regels %}`), the dates by `datum` (each value
formatted once), the heropen field groups by `ivp.forms.Veldgroep`. The page gives what the
frozen copy of the old template (`plan_oud.html`) gave with the same context: every plan of
the demo (a cycle under way, a closed one, its successor) and a new plan with `<` and `&`
in its title, with a step past its deadline and a mail that failed after midnight in
Amsterdam, as coordinator, werkgroeplid, bestuurder, lezer and the coordinator of a
neighbour. Whitespace between tags is the only difference allowed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.template import engines
from django.urls import reverse

from ivp.constants import RolSoort
from ivp.models import Bericht, BerichtStatus, Gebruiker, Plan
from stappen.templatetags.plan import datum
from tests.ivp.test_keuzes import gelijk
from tests.stappen.factories import maak_plan
from tests.stappen.stappenplan import lid_van

pytestmark = pytest.mark.django_db

OUD = engines["django"].from_string(
    (Path(__file__).parent / "plan_oud.html").read_text(encoding="utf-8")
)
CONTEXT = ("pagina", "plan", "herkomst", "mag_logboek", "heropen_forms")


def _zonder_tokens(html: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return gelijk(re.sub(r'"X-CSRFToken": "[^"]+"', "", html))


@pytest.fixture
def extra(demo):
    """A new plan of Steenwijkerland with an awkward title and its first step late, a
    failed mail of the gemeente, and a lezer."""
    coordinator = Gebruiker.objects.get(username="coordinator")
    gemeente = coordinator.rollen.first().gemeente
    nieuw = maak_plan(gemeente, titel="Plan <nieuw> & 'beter'", periode_start=dt.date(2035, 1, 1))
    stap = nieuw.stappen.get(nummer=1)
    stap.gepland_start = dt.date(2020, 1, 1)
    stap.gepland_eind = dt.date(2020, 2, 1)
    stap.save()
    Bericht.objects.create(
        sleutel="test-mislukt",
        soort="test",
        ontvanger=coordinator,
        gemeente=gemeente,
        onderwerp="Deadline <stap 2>",
        tekst="-",
        status=BerichtStatus.MISLUKT,
        laatste_fout="550 & weg",
        gemaakt_op=dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC),
    )
    lid_van(gemeente, RolSoort.LEZER, username="lezer")
    return nieuw


@pytest.mark.parametrize(
    "gebruikersnaam",
    ["coordinator", "politie", "burgemeester", "lezer", "coordinator.kampen"],
)
def test_the_plan_page_is_the_page_it_was(client, extra, gebruikersnaam):
    client.force_login(Gebruiker.objects.get(username=gebruikersnaam))
    gezien = 0
    for plan in Plan.objects.order_by("pk"):
        antwoord = client.get(reverse("stappen:plan", args=[plan.pk]))
        if antwoord.status_code == 404:
            continue
        assert antwoord.status_code == 200
        gezien += 1
        context = {naam: antwoord.context[naam] for naam in CONTEXT}
        vroeger = OUD.render(context, antwoord.wsgi_request)
        nieuw = antwoord.content.decode()
        assert _zonder_tokens(nieuw) == _zonder_tokens(vroeger), plan
        if gebruikersnaam == "coordinator" and plan == extra:
            assert "Plan &lt;nieuw&gt; &amp; &#x27;beter&#x27;" in nieuw
            assert "Deadline verstreken" in nieuw
            assert "02-03-2026 00:30 aan" in nieuw
    assert gezien


def test_datum_writes_what_the_date_filter_wrote():
    filters = engines["django"].from_string(
        '{% load plan %}{{ d|date:"d-m-Y" }}|{{ d|datum }}|{{ t|date:"d-m-Y" }}|{{ t|datum }}|'
        '{{ t|date:"d-m-Y H:i" }}|{{ t|datum:"tijd" }}|{{ n|date:"d-m-Y" }}|{{ n|datum }}'
    )
    for t in (
        dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC),
        dt.datetime(2026, 7, 5, 6, 5, tzinfo=dt.UTC),
    ):
        html = filters.render({"d": t.date(), "t": t, "n": None})
        oud_d, nieuw_d, oud_t, nieuw_t, oud_tijd, nieuw_tijd, oud_n, nieuw_n = html.split("|")
        assert (oud_d, oud_t, oud_tijd, oud_n) == (nieuw_d, nieuw_t, nieuw_tijd, nieuw_n)
    assert datum("") == ""


def test_the_plan_page_with_step_3_under_way_reads_its_prioritering_with_the_plan(
    client, demo, django_assert_max_num_queries
):
    """The demo's current plan (step 3 under way): its guard reads the placements, the main
    themes and the prioritering; the last comes with the plan, no query of its own."""
    coordinator = Gebruiker.objects.get(username="coordinator")
    plan = Plan.objects.get(
        gemeente__rollen__gebruiker=coordinator, stappen__nummer=3, stappen__status="actief"
    )
    client.force_login(coordinator)
    with django_assert_max_num_queries(13):
        antwoord = client.get(reverse("stappen:plan", args=[plan.pk]))
    assert "Nog nodig om deze stap af te ronden:" in antwoord.content.decode()
