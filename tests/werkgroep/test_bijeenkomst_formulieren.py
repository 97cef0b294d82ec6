"""The meeting page's forms with their choices read as rows (issue 8) write the HTML the forms
wrote with their choices built from model instances (`bijeenkomst_oud.py`, a frozen copy), on a
meeting with threads of several authors and versions, external members and recorded
attendance; blank and posted back with a choice and an error."""

from __future__ import annotations

import pytest
from django.urls import reverse

from stappen import services as stappen_services
from stappen.constants import DocumentSoort
from tests.werkgroep import bijeenkomst_oud as oud
from tests.werkgroep.factories import (
    BijeenkomstFactory,
    LidFactory,
    PresentieFactory,
    versie_met_draad,
    werkgroeplid_van,
)
from werkgroep import selectors
from werkgroep.constants import Aanwezigheid
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
    huidig = {lid_id: p.status for lid_id, p in pagina.presentie.items()}
    nieuw = [
        AgendapuntForm(
            data,
            prefix="agenda",
            documenten=selectors.document_keuzes(plan),
            versies=selectors.versie_keuzes(plan),
            draden=selectors.draad_keuzes(plan),
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
        assert str(form) == str(oude)
    agenda = str(nieuw[0])
    assert agenda.count("<option") == 1 + 5 + 1 + 2 + 1 + 8  # documents, versions, threads
    assert "Opmerking van Anna de Vries &amp; Zn bij" in agenda
    assert "&lt;b&gt;cijfers&lt;/b&gt; van de politie" in agenda
    assert "Al verwerkt" not in agenda
    assert "Bureau &lt;Halt&gt;" in str(nieuw[2])


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
        assert str(form) == str(oude)
    assert f'<option value="{draad.pk}" selected>' in str(nieuw[0])
    assert f'<option value="{wie.pk}" selected>' in str(nieuw[2])
    assert set(nieuw[0].errors) == {"onderwerp", "versie"}


def test_a_valid_agenda_item_gets_the_thread_itself(client, vergadering, coordinator):
    b, draad = vergadering
    client.force_login(coordinator)
    url = reverse("werkgroep:bijeenkomst", args=[b.pk])
    antwoord = client.post(
        url,
        {"formulier": "agenda", "agenda-onderwerp": "Reacties", "agenda-opmerking": draad.pk},
    )
    assert antwoord.status_code == 302
    assert b.agendapunten.get().opmerking == draad
    html = client.get(url).content.decode()
    link = reverse("stappen:opmerking", args=[draad.pk])
    assert f'Draad: <a class="utrecht-link" href="{link}">Opmerking van ' in html
