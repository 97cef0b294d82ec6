"""The meeting page's forms with their choices read as rows and their fields written in one pass
(issue 8) write the HTML the forms wrote with their choices built from model instances and
every field through the templates (`bijeenkomst_oud.py`, a frozen copy), on a meeting with
threads of several authors and versions, external members and recorded attendance; blank and
posted back with a choice and an error. The whole page, read as rows, against the frozen
selector and template, as coordinator, member, bestuurder and lezer. Whitespace between tags
is the only difference allowed."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import RequestFactory
from django.urls import reverse

from ivp.constants import RolSoort
from ivp.forms import Veldenformulier
from stappen import services as stappen_services
from stappen.constants import DocumentSoort
from tests.ivp.test_keuzes import gelijk
from tests.stappen.stappenplan import lid_van
from tests.werkgroep import bijeenkomst_oud as oud
from tests.werkgroep.factories import (
    ActiepuntFactory,
    AgendapuntFactory,
    BijeenkomstFactory,
    LidFactory,
    PresentieFactory,
    versie_met_draad,
    werkgroeplid_van,
)
from werkgroep import selectors
from werkgroep import services as werkgroep_services
from werkgroep.constants import Aanwezigheid, ActiepuntStatus
from werkgroep.forms import ActiepuntForm, AgendapuntForm, PresentieForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def vergadering(plan, coordinator, vandaag):
    versie, draad, _ = versie_met_draad(plan, coordinator)
    schrijvers = [
        werkgroeplid_van(plan.gemeente, first_name="Anna", last_name="de Vries & Zn"),
        werkgroeplid_van(plan.gemeente, first_name="", last_name=""),  # the username
    ]
    for n, schrijver in enumerate(schrijvers * 3):
        stappen_services.opmerking_create(
            versie=versie,
            door=schrijver,
            sectie=versie.inhoud[n % len(versie.inhoud)]["sleutel"],
            tekst=f"Punt {n}: <b>cijfers</b> van \n\n de politie " + "en meer " * n,
        )
    opgelost = stappen_services.opmerking_create(
        versie=versie, door=coordinator, sectie="inleiding", tekst="Al verwerkt."
    )
    stappen_services.opmerking_resolve(opmerking=opgelost, door=coordinator)
    prioritering = plan.documenten.get(soort=DocumentSoort.PRIORITERING)
    tweede = stappen_services.versie_create(document=prioritering, door=coordinator)
    stappen_services.opmerking_create(
        versie=tweede, door=schrijvers[0], sectie=tweede.inhoud[-1]["sleutel"], tekst="Laatste"
    )
    b = BijeenkomstFactory(plan=plan, door=coordinator, datum=vandaag)
    leden = [
        LidFactory(plan=plan, door=coordinator, trekker=True),
        LidFactory(plan=plan, door=coordinator, extern=True, naam="Bureau <Halt>"),
        LidFactory(plan=plan, door=coordinator),
    ]
    PresentieFactory(bijeenkomst=b, lid=leden[1], door=coordinator, status=Aanwezigheid.AFGEMELD)
    return b, draad


def _formulieren(b, coordinator, data=None):
    plan = b.werkgroep.plan
    pagina = selectors.bijeenkomst_pagina(coordinator, b.pk)
    huidig = pagina.presentie
    keuzes = selectors.agenda_keuzes(plan)
    nieuw = [
        AgendapuntForm(
            data,
            prefix="agenda",
            documenten=keuzes.documenten,
            versies=keuzes.versies,
            draden=keuzes.draden,
        ),
        PresentieForm(data, prefix="presentie", leden=pagina.leden, huidig=huidig),
        ActiepuntForm(data, prefix="actiepunt", leden=pagina.wie_keuzes),
    ]
    vroeger = [
        oud.AgendapuntForm(
            data,
            prefix="agenda",
            documenten=oud.documenten_van(plan),
            versies=oud.versies_van(plan),
            draden=oud.draden_van(plan),
        ),
        oud.PresentieForm(data, prefix="presentie", leden=pagina.leden, huidig=huidig),
        oud.ActiepuntForm(data, prefix="actiepunt", leden=oud.leden_keuze(b.werkgroep_id)),
    ]
    return nieuw, vroeger


def test_the_forms_write_the_html_they_wrote_from_model_instances(vergadering, coordinator):
    b, _ = vergadering
    nieuw, vroeger = _formulieren(b, coordinator)
    for form, oude in zip(nieuw, vroeger, strict=True):
        assert gelijk(str(form)) == gelijk(str(oude))
    agenda = str(nieuw[0])
    assert agenda.count("<option") == 1 + 5 + 1 + 2 + 1 + 8  # documents, versions, threads
    assert "Opmerking van Anna de Vries &amp; Zn bij" in agenda
    assert "&lt;b&gt;cijfers&lt;/b&gt; van de politie" in agenda
    assert "Al verwerkt" not in agenda
    assert "Bureau &lt;Halt&gt;" in str(nieuw[2])


def test_the_attendance_form_written_at_once_is_what_its_field_groups_write(
    vergadering, coordinator
):
    """Character for character: names with `<` and `&`, a member known by their username, one
    status recorded and others not; also with every status recorded."""
    b, _ = vergadering
    pagina = selectors.bijeenkomst_pagina(coordinator, b.pk)
    for huidig in (
        pagina.presentie,
        {},
        {lid.pk: status for lid, status in zip(pagina.leden, Aanwezigheid.values, strict=False)},
    ):
        form = PresentieForm(prefix="presentie", leden=pagina.leden, huidig=huidig)
        assert str(form) == Veldenformulier.render(form)
        assert str(form).count(" checked") == len(huidig)
    assert "Bureau &lt;Halt&gt;" in str(form)
    leeg = PresentieForm(prefix="presentie", leden=[], huidig={})
    assert str(leeg) == Veldenformulier.render(leeg)


def test_a_form_posted_back_with_an_error_keeps_its_choices_as_before(vergadering, coordinator):
    b, draad = vergadering
    wie = b.werkgroep.leden.order_by("pk").last()
    data = {
        "agenda-onderwerp": "",
        "agenda-opmerking": str(draad.pk),
        "agenda-versie": "999999",
        "actiepunt-wat": "Cijfers opvragen",
        "actiepunt-wie": str(wie.pk),
        "actiepunt-deadline": "morgen",
    }
    nieuw, vroeger = _formulieren(b, coordinator, data)
    for form, oude in zip(nieuw, vroeger, strict=True):
        assert form.is_valid() == oude.is_valid()
        assert gelijk(str(form)) == gelijk(str(oude))
    assert f'<option value="{draad.pk}" selected>' in str(nieuw[0])
    assert f'<option value="{wie.pk}" selected>' in str(nieuw[2])
    assert set(nieuw[0].errors) == {"onderwerp", "versie"}


def test_a_valid_agenda_item_gets_the_thread_itself(client, vergadering, coordinator):
    b, draad = vergadering
    client.force_login(coordinator)
    url = reverse("werkgroep:bijeenkomst", args=[b.pk])
    antwoord = client.post(
        reverse("werkgroep:agendapunt_nieuw", args=[b.pk]),
        {"onderwerp": "Reacties", "opmerking": draad.pk},
    )
    assert antwoord.status_code == 302
    assert b.agendapunten.get().opmerking == draad
    html = client.get(url).content.decode()
    link = reverse("stappen:opmerking", args=[draad.pk])
    assert f'Draad: <a class="utrecht-link" href="{link}">Opmerking van ' in html


def _agendaformulier_als_knop(html: str, bijeenkomst_id: int) -> str:
    """The one change since the frozen page: the agenda item's form moved to a page of its own
    (issue 8), a button to it in its place."""
    knop = (
        '<div class="ivp-knoppen"><a class="utrecht-button-link utrecht-button-link--html-a '
        'utrecht-button-link--secondary-action" '
        f'href="{reverse("werkgroep:agendapunt_nieuw", args=[bijeenkomst_id])}">'
        "Agendapunt toevoegen</a></div>"
    )
    return re.sub(
        r'<details class="ivp-details">\s*<summary>Agendapunt toevoegen</summary>.*?</details>',
        knop,
        html,
        count=1,
        flags=re.DOTALL,
    )


def _zonder_tokens(html: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return gelijk(re.sub(r'"X-CSRFToken": "[^"]+"', "", html))


@pytest.fixture
def volle_vergadering(vergadering, plan, coordinator):
    """The meeting with an agenda (a document, a version and a thread each; nothing; a note
    with `<`, `&` and lines), notulen and besluiten, and actiepunten of a member who logs in
    and of an external partner, open, done and past their deadline."""
    b, draad = vergadering
    versie = draad.versie
    AgendapuntFactory(
        bijeenkomst=b,
        door=coordinator,
        onderwerp="Analyse <concept> & cijfers",
        toelichting="Eerst de cijfers.\nDan <b>de</b> duiding & keuze.",
        document=versie.document,
        versie=versie,
        opmerking=draad,
    )
    AgendapuntFactory(bijeenkomst=b, door=coordinator, onderwerp="Rondvraag")
    AgendapuntFactory(bijeenkomst=b, door=coordinator, onderwerp="Draad", opmerking=draad)
    werkgroep_services.bijeenkomst_verslag(
        bijeenkomst=b,
        door=coordinator,
        notulen="Besproken: <de> analyse & meer.\n\nTweede alinea.",
        besluiten="Akkoord met <A>\n\nDe B & C gaan door",
    )
    leden = list(b.werkgroep.leden.order_by("pk"))
    lid = next(lid for lid in leden if lid.gebruiker_id and lid.gebruiker_id != coordinator.pk)
    extern = next(lid for lid in leden if not lid.gebruiker_id)
    ActiepuntFactory(bijeenkomst=b, door=coordinator, wie=lid, wat="Cijfers <opvragen> & delen")
    ActiepuntFactory(
        bijeenkomst=b, door=coordinator, wie=extern, deadline=dt.date(2030, 1, 1), afgerond=True
    )
    ActiepuntFactory(bijeenkomst=b, door=coordinator, wie=extern, vervallen=True)
    return b, lid.gebruiker


@pytest.mark.parametrize("wie", ["coordinator", "lid", "bestuurder", "lezer"])
def test_the_page_is_the_page_it_was(client, volle_vergadering, coordinator, plan, wie):
    b, lid = volle_vergadering
    gebruiker = {
        "coordinator": coordinator,
        "lid": lid,
        "bestuurder": lid_van(plan.gemeente, RolSoort.BESTUURDER),
        "lezer": lid_van(plan.gemeente, RolSoort.LEZER),
    }[wie]
    client.force_login(gebruiker)
    url = reverse("werkgroep:bijeenkomst", args=[b.pk])
    antwoord = client.get(url)
    assert antwoord.status_code == 200
    request = RequestFactory().get(url)
    request.user = gebruiker
    nieuw, vroeger = antwoord.content.decode(), oud.pagina_html(request, b.pk)
    assert _zonder_tokens(nieuw) == _zonder_tokens(_agendaformulier_als_knop(vroeger, b.pk))
    if wie == "lezer":
        assert "Rondvraag" not in nieuw
    else:
        assert "Analyse &lt;concept&gt; &amp; cijfers" in nieuw
        assert "Cijfers &lt;opvragen&gt; &amp; delen" in nieuw
        assert (wie == "lid") == ('action="/actiepunten/' in nieuw and wie != "coordinator")


def test_a_member_s_status_reads_as_recorded(client, volle_vergadering, coordinator):
    b, _ = volle_vergadering
    client.force_login(coordinator)
    html = client.get(reverse("werkgroep:bijeenkomst", args=[b.pk])).content.decode()
    assert "Afwezig met bericht" in html
    assert html.count("Nog niet vastgelegd") == b.werkgroep.leden.count() - 1
    assert ActiepuntStatus.GEREED.label in html
