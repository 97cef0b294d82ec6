"""The cycle as a coordinator walks it (issue 16, items 1, 2 and 5): the raad informed of
the uitvoeringsplan closes step 5, steps close on their decision's date, the log keeps the
date it concerns, and the method's numbers read right."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from ivp.exceptions import Geweigerd
from stappen import services
from stappen.constants import BesluitUitkomst, BesluitVorm, DocumentSoort, Keuze, Orgaan
from stappen.models import Besluit, Overgang, Plaatsing, Prioritering
from tests.ivp.factories import GemeenteFactory
from tests.stappen.factories import maak_plan
from tests.stappen.stappenplan import (
    analyseer,
    coordinator_van,
    document,
    plaats_alle_hoofdthemas,
    stap,
)

pytestmark = pytest.mark.django_db

VANDAAG = dt.date(2023, 6, 1)


@pytest.fixture(autouse=True)
def vandaag():
    with time_machine.travel(dt.datetime(2023, 6, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def plan():
    return maak_plan()


@pytest.fixture
def coordinator(plan):
    return coordinator_van(plan.gemeente)


def stel_vast(doc, door, datum, aangeboden=None):
    services.document_submit(
        document=doc, door=door, op=aangeboden or datum - dt.timedelta(days=14), motivatie="Test."
    )
    return services.besluit_record(
        document=doc,
        door=door,
        orgaan={"startnotitie": Orgaan.COLLEGE, "veiligheidsanalyse": Orgaan.WERKGROEP}.get(
            doc.soort, Orgaan.COLLEGE if doc.soort == "uitvoeringsplan" else Orgaan.RAAD
        ),
        datum=datum,
        uitkomst=BesluitUitkomst.VASTGESTELD,
    )


def tot_en_met_stap_4(plan, door):
    """Steps 1–4 closed and step 5 running, every date as it happened (2022–2023)."""
    services.stap_start(stap=stap(plan, 1), door=door, op=dt.date(2022, 6, 1))
    stel_vast(document(plan, DocumentSoort.STARTNOTITIE), door, dt.date(2022, 6, 21))
    services.stap_close(stap=stap(plan, 1), door=door)
    services.stap_start(stap=stap(plan, 2), door=door, op=dt.date(2022, 7, 1))
    analyseer(plan, door)
    stel_vast(document(plan, DocumentSoort.VEILIGHEIDSANALYSE), door, dt.date(2022, 9, 27))
    services.stap_close(stap=stap(plan, 2), door=door)
    services.stap_start(stap=stap(plan, 3), door=door, op=dt.date(2022, 10, 3))
    plaats_alle_hoofdthemas(plan, door)
    services.prioritering_update(
        plan=plan,
        door=door,
        raad_bijeenkomst_op=dt.date(2022, 10, 4),
        driehoek_op=dt.date(2022, 10, 12),
    )
    stel_vast(document(plan, DocumentSoort.PRIORITERING), door, dt.date(2022, 11, 8))
    services.stap_close(stap=stap(plan, 3), door=door)
    services.stap_start(stap=stap(plan, 4), door=door, op=dt.date(2022, 11, 14))
    services.stap_start(stap=stap(plan, 5), door=door, op=dt.date(2022, 12, 1))
    prioriteit = Plaatsing.objects.get(plan=plan, keuze=Keuze.PRIORITEIT)
    services.doelstelling_create(plaatsing=prioriteit, door=door, tekst="Minder overlast")
    services.prioriteit_set_aanpak(plaatsing=prioriteit, door=door, aanpak="Samen")
    stel_vast(document(plan, DocumentSoort.IVP), door, dt.date(2023, 3, 28))
    services.stap_close(stap=stap(plan, 4), door=door)


def test_steps_close_on_the_date_of_their_decision_and_the_log_keeps_that_date(plan, coordinator):
    tot_en_met_stap_4(plan, coordinator)
    assert [stap(plan, n).werkelijk_eind for n in (1, 2, 3, 4)] == [
        dt.date(2022, 6, 21),
        dt.date(2022, 9, 27),
        dt.date(2022, 11, 8),
        dt.date(2023, 3, 28),
    ]
    afgerond = Overgang.objects.get(stap=stap(plan, 4), transitie="afronden")
    assert afgerond.betreft == dt.date(2023, 3, 28)
    assert afgerond.op.date() == VANDAAG  # recorded today, about March


def test_the_raad_informed_closes_step_5_on_the_day_it_was_informed(plan, coordinator):
    tot_en_met_stap_4(plan, coordinator)
    uitvoeringsplan = document(plan, DocumentSoort.UITVOERINGSPLAN, 2023)
    stel_vast(uitvoeringsplan, coordinator, dt.date(2023, 4, 4))
    with pytest.raises(Geweigerd) as info:
        services.stap_close(stap=stap(plan, 5), door=coordinator)
    assert info.value.redenen == [
        "De raad heeft het uitvoeringsplan nog niet ter informatie ontvangen."
    ]
    with pytest.raises(ValidationError) as fout:
        services.raad_informeer(
            document=uitvoeringsplan,
            door=coordinator,
            vorm=BesluitVorm.RAADSINFORMATIEBRIEF,
            datum=dt.date(2023, 3, 30),
        )
    assert (
        "Het college stelde het document vast op 04-04-2023" in fout.value.message_dict["datum"][0]
    )
    services.raad_informeer(
        document=uitvoeringsplan,
        door=coordinator,
        vorm=BesluitVorm.AGENDAPUNT,
        datum=dt.date(2023, 4, 25),
        kenmerk="2023-RV-0031",
    )
    services.stap_close(stap=stap(plan, 5), door=coordinator)
    assert stap(plan, 5).werkelijk_eind == dt.date(2023, 4, 25)
    informatie = Besluit.objects.get(document=uitvoeringsplan, orgaan=Orgaan.RAAD)
    assert (informatie.vorm, informatie.uitkomst) == (
        BesluitVorm.AGENDAPUNT,
        BesluitUitkomst.KENNISGENOMEN,
    )


def test_only_a_college_document_goes_to_the_raad_ter_informatie(plan, coordinator):
    with pytest.raises(Geweigerd, match="over dit document besluit de raad zelf"):
        services.raad_informeer(
            document=document(plan, DocumentSoort.IVP),
            door=coordinator,
            vorm=BesluitVorm.RAADSINFORMATIEBRIEF,
            datum=dt.date(2023, 4, 25),
        )


def test_a_decision_before_the_offering_or_in_the_future_is_refused(plan, coordinator):
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    services.document_submit(
        document=startnotitie, door=coordinator, op=dt.date(2022, 6, 14), motivatie="Test."
    )
    for datum, melding in [
        (dt.date(2022, 6, 13), "Het document is op 14-06-2022 ter besluitvorming aangeboden"),
        (dt.date(2023, 6, 2), "Deze datum ligt in de toekomst"),
    ]:
        with pytest.raises(ValidationError) as fout:
            services.besluit_record(
                document=startnotitie,
                door=coordinator,
                orgaan=Orgaan.COLLEGE,
                datum=datum,
                uitkomst=BesluitUitkomst.VASTGESTELD,
            )
        assert melding in fout.value.message_dict["datum"][0]
    aangeboden = Overgang.objects.get(document=startnotitie, transitie="aanbieden")
    assert aangeboden.betreft == dt.date(2022, 6, 14)


def test_the_decision_form_puts_the_date_error_on_the_field_and_keeps_the_input(
    client, plan, coordinator
):
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    services.document_submit(
        document=startnotitie, door=coordinator, op=dt.date(2022, 6, 14), motivatie="Test."
    )
    client.force_login(coordinator)
    response = client.post(
        reverse("stappen:besluit", kwargs={"document_id": startnotitie.pk}),
        {"datum": "10-06-2022", "kenmerk": "2022-COLL-0388", "uitkomst": "vastgesteld"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "ter besluitvorming aangeboden; het besluit kan niet van eerder zijn" in html
    assert 'value="2022-COLL-0388"' in html


def test_the_coordinator_records_on_the_document_page_that_the_raad_was_informed(
    client, plan, coordinator, django_assert_max_num_queries
):
    tot_en_met_stap_4(plan, coordinator)
    uitvoeringsplan = document(plan, DocumentSoort.UITVOERINGSPLAN, 2023)
    stel_vast(uitvoeringsplan, coordinator, dt.date(2023, 4, 4))
    client.force_login(coordinator)
    pagina = client.get(reverse("stappen:document", kwargs={"document_id": uitvoeringsplan.pk}))
    url = reverse("stappen:raad_informeren", kwargs={"document_id": uitvoeringsplan.pk})
    assert f'href="{url}"' in pagina.content.decode()
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200

    fout = client.post(
        url, {"vorm": "raadsinformatiebrief", "datum": "01-04-2023", "kenmerk": "2023-RIB-0012"}
    )
    assert "de raad wordt op of na die datum geïnformeerd" in fout.content.decode()
    assert 'value="2023-RIB-0012"' in fout.content.decode()

    response = client.post(
        url, {"vorm": "raadsinformatiebrief", "datum": "18-04-2023", "kenmerk": "2023-RIB-0012"}
    )
    assert response.status_code == 302
    pagina = client.get(response["Location"]).content.decode()
    assert "De raad is geïnformeerd op 18-04-2023 (raadsinformatiebrief 2023-RIB-0012)" in pagina

    client.post(
        reverse(
            "stappen:stap_overgang", kwargs={"plan_id": plan.pk, "nummer": 5, "actie": "afronden"}
        )
    )
    plan_html = client.get(reverse("stappen:plan", kwargs={"plan_id": plan.pk})).content.decode()
    assert "<dt>Afgerond op</dt><dd>18-04-2023</dd>" in plan_html.replace("\n", "").replace(
        "  ", ""
    )


def test_another_gemeente_finds_no_raad_informeren_page(client, plan, coordinator):
    buiten = coordinator_van(GemeenteFactory())
    client.force_login(buiten)
    url = reverse(
        "stappen:raad_informeren",
        kwargs={"document_id": document(plan, DocumentSoort.UITVOERINGSPLAN, 2023).pk},
    )
    assert client.get(url).status_code == 404
    assert client.post(url, {"vorm": "agendapunt", "datum": "18-04-2023"}).status_code == 404


def test_three_and_four_priorities_are_within_the_norm(plan, coordinator, client):
    services.stap_start(stap=stap(plan, 1), door=coordinator, op=dt.date(2022, 6, 1))
    plaats_alle_hoofdthemas(plan, coordinator, prioriteiten=("1.1", "1.2", "2.1", "2.2"))
    client.force_login(coordinator)
    html = client.get(reverse("stappen:plan", kwargs={"plan_id": plan.pk})).content.decode()
    assert "prioriteiten" not in html.split('id="stap-3"')[1].split('id="stap-4"')[0]
    plaats_alle_hoofdthemas(plan, coordinator, prioriteiten=("1.1", "1.2", "2.1", "2.2", "3.1"))
    Prioritering.objects.filter(plan=plan).update(motivatie_aantal="De raad wil vijf.")
    html = client.get(reverse("stappen:plan", kwargs={"plan_id": plan.pk})).content.decode()
    assert "Er zijn 5 prioriteiten, meer dan de drie à vier" in html


def test_a_period_other_than_four_years_needs_a_motivation_shown_on_the_plan_page(client):
    gemeente = GemeenteFactory()
    with pytest.raises(ValidationError) as fout:
        maak_plan(gemeente=gemeente, periode_eind=dt.date(2025, 12, 31))
    assert "looptijd van vier jaar" in fout.value.message_dict["looptijd_motivatie"][0]
    plan = maak_plan(
        gemeente=gemeente,
        periode_eind=dt.date(2025, 12, 31),
        looptijd_motivatie="Gelijk met de raadsperiode tot 2026.",
    )
    client.force_login(coordinator_van(gemeente))
    html = client.get(reverse("stappen:plan", kwargs={"plan_id": plan.pk})).content.decode()
    assert "Motivatie van de looptijd" in html
    assert "Gelijk met de raadsperiode tot 2026." in html


def test_adopting_with_loose_ends_asks_for_a_motivation_kept_with_the_version(
    client, plan, coordinator
):
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    client.force_login(coordinator)
    url = reverse("stappen:document", kwargs={"document_id": startnotitie.pk})
    html = client.get(url).content.decode()
    assert "Nog open:" in html and "Nog geen tekst in 7 hoofdstuk(ken): Inleiding" in html
    aanbieden = reverse(
        "stappen:document_overgang", kwargs={"document_id": startnotitie.pk, "actie": "aanbieden"}
    )
    fout = client.post(aanbieden, {"toelichting": "Naar het college"})
    assert "Er staan nog punten open. Leg uit waarom" in fout.content.decode()
    assert "Naar het college" in fout.content.decode()
    startnotitie.refresh_from_db()
    assert startnotitie.status == "concept"
    response = client.post(
        aanbieden, {"toelichting": "", "motivatie": "De inleiding volgt na het college."}
    )
    assert response.status_code == 302
    versie = startnotitie.versies.get()
    assert versie.motivatie == "De inleiding volgt na het college."


def test_closing_a_review_round_early_asks_for_a_confirmation(client, plan, coordinator):
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    services.document_open_review(
        document=startnotitie, door=coordinator, sluit_op=dt.date(2023, 6, 15)
    )
    with pytest.raises(ValidationError) as fout:
        services.document_close_review(document=startnotitie, door=coordinator)
    assert "loopt tot en met 15-06-2023" in fout.value.message_dict["bevestigd"][0]
    client.force_login(coordinator)
    url = reverse("stappen:document", kwargs={"document_id": startnotitie.pk})
    assert "Ik sluit de bespreking vóór het einde van de reactietermijn" in (
        client.get(url).content.decode()
    )
    sluiten = reverse(
        "stappen:document_overgang",
        kwargs={"document_id": startnotitie.pk, "actie": "bespreking-sluiten"},
    )
    assert client.post(sluiten, {"bevestigd": "on"}).status_code == 302
    startnotitie.refresh_from_db()
    assert startnotitie.status == "concept"
