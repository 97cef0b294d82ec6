"""The veiligheidsanalyse per veld and thema: blocks, sources (with the confidential
ondermijningsbeeld), permissions, the frozen document, the builder, the page's query count and
co-writing (a veld handed to a werkgroeplid)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ivp.constants import RolSoort
from ivp.exceptions import GeenToegang, Geweigerd
from stappen import services
from stappen.constants import BronSoort, DocumentSoort
from stappen.models import Analyse, Bron
from stappen.structuur import bouw_analyse, registreer
from tests.ivp.factories import GebruikerFactory
from tests.stappen.factories import (
    analyseer,
    coordinator_van,
    document,
    maak_plan,
    stap,
    stel_vast,
    tot_en_met_stap,
)
from veiligheidsvelden.models import Thema, Veld

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    plan = maak_plan()
    coordinator = coordinator_van(plan.gemeente)
    tot_en_met_stap(plan, coordinator, 1)
    services.stap_start(stap=stap(plan, 2), door=coordinator)
    plan.coordinator = coordinator
    return plan


def veld(code="5"):
    return Veld.objects.get(code=code)


def thema_van(veld_code="5"):
    return Thema.objects.filter(veld__code=veld_code, gemeente=None).hoofdthemas().first()


def voeg_bronnen_toe(plan):
    services.bron_create(
        plan=plan,
        veld=veld(),
        door=plan.coordinator,
        soort=BronSoort.ONDERMIJNINGSBEELD,
        titel="Ondermijningsbeeld RIEC 2021",
    )
    services.bron_create(
        plan=plan,
        veld=veld(),
        door=plan.coordinator,
        soort=BronSoort.POLITIE,
        titel="Politie open data",
        vindplaats="https://data.politie.nl/",
        periode="2019–2021",
    )


def test_a_thema_gets_its_own_analysis_next_to_the_veld(plan):
    thema = thema_van()
    services.analyse_save(
        plan=plan,
        veld=veld(),
        thema=thema,
        door=plan.coordinator,
        problematiek="Vakantieparken",
        huidige_aanpak="RIEC",
        verbeterpunten="Informatiepositie",
    )
    analyse = Analyse.objects.get(plan=plan, thema=thema)
    assert analyse.veld.code == "5"
    # the step-2 guard still reads the veld analyses only
    assert any("Veld 5" in b for b in stap(plan, 2).sluitblokkades())


def test_a_thema_of_another_veld_is_refused_with_a_field_error(plan):
    with pytest.raises(Exception) as error:
        services.analyse_save(
            plan=plan,
            veld=veld("1"),
            thema=thema_van("5"),
            door=plan.coordinator,
            problematiek="x",
            huidige_aanpak="y",
            verbeterpunten="z",
        )
    assert "hoort niet bij veld 1" in str(error.value)


def test_the_step_2_guard_still_needs_the_three_blocks_of_all_five_velden(plan):
    analyseer(plan, plan.coordinator, velden=Veld.objects.exclude(code="3"))
    blokkades = stap(plan, 2).sluitblokkades()
    assert (
        "Veld 3 (Jeugd en veiligheid) mist nog: problematiek, huidige aanpak, verbeterpunten."
        in blokkades
    )
    analyseer(plan, plan.coordinator)
    assert not any(b.startswith("Veld") for b in stap(plan, 2).sluitblokkades())


def test_an_ondermijningsbeeld_is_always_confidential(plan):
    voeg_bronnen_toe(plan)
    assert Bron.objects.get(soort=BronSoort.ONDERMIJNINGSBEELD).vertrouwelijk
    assert not Bron.objects.get(soort=BronSoort.POLITIE).vertrouwelijk


def test_only_the_coordinator_adds_sources(plan):
    lid = GebruikerFactory(rol=(plan.gemeente, RolSoort.WERKGROEPLID))
    with pytest.raises(GeenToegang):
        services.bron_create(plan=plan, veld=veld(), door=lid, soort="cbs", titel="CBS")


def test_content_is_frozen_once_the_analysis_leaves_concept(plan):
    analyseer(plan, plan.coordinator)
    voeg_bronnen_toe(plan)
    stel_vast(document(plan, DocumentSoort.VEILIGHEIDSANALYSE), plan.coordinator)
    with pytest.raises(Geweigerd, match="is vastgesteld"):
        services.bron_create(
            plan=plan, veld=veld(), door=plan.coordinator, soort="cbs", titel="CBS"
        )
    with pytest.raises(Geweigerd, match="is vastgesteld"):
        services.bron_delete(bron=Bron.objects.first(), door=plan.coordinator)


def test_the_builder_leaves_confidential_sources_out_without_a_trace(plan):
    analyseer(plan, plan.coordinator)
    voeg_bronnen_toe(plan)
    secties = bouw_analyse(document(plan, DocumentSoort.VEILIGHEIDSANALYSE))
    sleutels = [s["sleutel"] for s in secties]
    assert sleutels == [f"analyse-veld-{n}" for n in "12345"]
    veld5 = secties[4]
    assert veld5["titel"].startswith("5. ")
    assert "### Problematiek" in veld5["tekst"] and "Wat speelt er" in veld5["tekst"]
    assert "[Politie open data](https://data.politie.nl/) (2019–2021)" in veld5["tekst"]
    alles = " ".join(s["tekst"] for s in secties).lower()
    assert "ondermijningsbeeld" not in alles
    assert "vertrouwelijk" not in alles


def test_registreer_hands_the_three_builders_to_a_registry():
    register = {}
    registreer(lambda soort, bouwer: register.__setitem__(soort, bouwer))
    assert set(register) == {"veiligheidsanalyse", "prioritering", "ivp"}
    assert register["veiligheidsanalyse"] is bouw_analyse


# --- Views ---------------------------------------------------------------------------------


def url(plan, naam="analyse", **kwargs):
    return reverse(f"stappen:{naam}", kwargs={"plan_id": plan.pk, **kwargs})


def test_the_coordinator_edits_a_veld_and_keeps_the_input_on_an_error(client, plan):
    client.force_login(plan.coordinator)
    doel = url(plan, "analyse_veld", veld_id=veld("1").pk)
    te_lang = "x" * 20_001
    response = client.post(
        doel,
        {
            "actie": "analyse",
            "problematiek": te_lang,
            "huidige_aanpak": "Buurtbemiddeling",
            "verbeterpunten": "",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Deze tekst is te lang" in html
    assert "Buurtbemiddeling" in html
    response = client.post(
        doel,
        {
            "actie": "analyse",
            "problematiek": "Woonoverlast <script>alert(1)</script>",
            "huidige_aanpak": "Buurtbemiddeling",
            "verbeterpunten": "Sneller delen",
        },
    )
    assert response.status_code == 302
    html = client.get(url(plan)).content.decode()
    # Markdown, sanitised: the text stays, the script is gone.
    assert "Woonoverlast" in html
    assert "<script>alert(1)" not in html


def test_a_source_with_a_bad_link_shows_a_dutch_error_and_keeps_the_title(client, plan):
    client.force_login(plan.coordinator)
    response = client.post(
        url(plan, "analyse_veld", veld_id=veld().pk),
        {"actie": "bron", "bron-soort": "cbs", "bron-titel": "StatLine", "bron-vindplaats": "x"},
    )
    html = response.content.decode()
    assert "Vul een volledige link in" in html
    assert 'value="StatLine"' in html
    assert not Bron.objects.exists()


@pytest.mark.parametrize(
    "rol, ziet_vertrouwelijk",
    [(RolSoort.WERKGROEPLID, True), (RolSoort.BESTUURDER, True)],
)
def test_werkgroep_and_bestuurder_read_without_edit_links(client, plan, rol, ziet_vertrouwelijk):
    voeg_bronnen_toe(plan)
    client.force_login(GebruikerFactory(rol=(plan.gemeente, rol)))
    html = client.get(url(plan)).content.decode()
    assert "Politie open data" in html
    assert ("Ondermijningsbeeld RIEC 2021" in html) is ziet_vertrouwelijk
    assert "bewerken" not in html.split("<main", 1)[1]
    assert client.get(url(plan, "analyse_veld", veld_id=veld().pk)).status_code == 404


def test_griffie_lezer_and_other_gemeenten_see_nothing_of_the_draft(client, plan):
    voeg_bronnen_toe(plan)
    for gebruiker in (
        GebruikerFactory(rol=(plan.gemeente, RolSoort.GRIFFIE)),
        GebruikerFactory(rol=(plan.gemeente, RolSoort.LEZER)),
        coordinator_van(maak_plan().gemeente),
    ):
        client.force_login(gebruiker)
        assert client.get(url(plan)).status_code == 404


def test_a_lezer_reads_the_adopted_analysis_without_confidential_sources(client, plan):
    analyseer(plan, plan.coordinator)
    voeg_bronnen_toe(plan)
    stel_vast(document(plan, DocumentSoort.VEILIGHEIDSANALYSE), plan.coordinator)
    client.force_login(GebruikerFactory(rol=(plan.gemeente, RolSoort.LEZER)))
    html = client.get(url(plan)).content.decode()
    assert "Politie open data" in html
    assert "Ondermijningsbeeld RIEC" not in html


def test_the_coordinator_sees_a_refusal_once_the_analysis_is_adopted(client, plan):
    analyseer(plan, plan.coordinator)
    stel_vast(document(plan, DocumentSoort.VEILIGHEIDSANALYSE), plan.coordinator)
    client.force_login(plan.coordinator)
    response = client.post(
        url(plan, "analyse_veld", veld_id=veld().pk),
        {"actie": "analyse", "problematiek": "Nieuw", "huidige_aanpak": "", "verbeterpunten": ""},
    )
    html = response.content.decode()
    assert "is vastgesteld; de inhoud ervan verandert niet meer" in html
    assert "Nieuw" in html


def test_the_analysis_page_has_a_flat_query_count(client, plan, django_assert_max_num_queries):
    client.force_login(plan.coordinator)
    analyseer(plan, plan.coordinator)
    client.get(url(plan))  # warm up (session, content types)
    with django_assert_max_num_queries(12) as klein:
        client.get(url(plan))
    for thema in Thema.objects.filter(gemeente=None, veld__isnull=False)[:40]:
        services.analyse_save(
            plan=plan,
            veld=thema.veld,
            thema=thema,
            door=plan.coordinator,
            problematiek="p",
            huidige_aanpak="a",
            verbeterpunten="v",
        )
        for n in range(3):
            services.bron_create(
                plan=plan,
                veld=thema.veld,
                thema=thema,
                door=plan.coordinator,
                soort="overig",
                titel=f"Bron {n}",
            )
    with django_assert_max_num_queries(len(klein.captured_queries)):
        client.get(url(plan))


# --- Co-writing: a veld handed to a werkgroeplid (issue 3) ----------------------------------


def schrijf(plan, door, code="5", tekst="Ondermijning op vakantieparken"):
    return services.analyse_save(
        plan=plan,
        veld=veld(code),
        door=door,
        problematiek=tekst,
        huidige_aanpak="RIEC",
        verbeterpunten="Informatiepositie",
    )


@pytest.fixture
def lid(plan):
    return GebruikerFactory(rol=(plan.gemeente, RolSoort.WERKGROEPLID), first_name="Fatima")


def draag_over(plan, lid, code="5"):
    return services.analyse_set_auteur(
        plan=plan, veld=veld(code), door=plan.coordinator, auteur=lid
    )


def test_handing_over_a_veld_without_analysis_creates_it_with_empty_blocks(plan, lid):
    analyse = draag_over(plan, lid)
    assert analyse.pk and analyse.thema is None and analyse.auteur == lid
    assert analyse.ontbrekende_blokken == ["problematiek", "huidige aanpak", "verbeterpunten"]
    assert lid.meldingen.filter(tekst__contains="analyse van veld 5").exists()


def test_the_auteur_edits_their_veld_and_its_sources_and_the_history_records_them(plan, lid):
    draag_over(plan, lid)
    analyse = schrijf(plan, lid)
    assert analyse.problematiek == "Ondermijning op vakantieparken"
    assert analyse.history.first().history_user == lid
    bron = services.bron_create(plan=plan, veld=veld(), door=lid, soort="cbs", titel="CBS")
    assert bron.history.first().history_user == lid
    services.bron_delete(bron=bron, door=lid)
    assert not Bron.objects.exists()


def test_the_auteur_cannot_edit_another_veld_nor_a_thema_analysis(plan, lid):
    draag_over(plan, lid)
    with pytest.raises(GeenToegang, match="Alleen de coördinator OOV"):
        schrijf(plan, lid, code="1")
    with pytest.raises(GeenToegang):
        services.bron_create(plan=plan, veld=veld("1"), door=lid, soort="cbs", titel="CBS")
    with pytest.raises(GeenToegang):
        services.analyse_save(
            plan=plan,
            veld=veld(),
            thema=thema_van(),
            door=lid,
            problematiek="p",
            huidige_aanpak="a",
            verbeterpunten="v",
        )


def test_other_members_and_the_auteur_after_take_back_are_refused(plan, lid):
    draag_over(plan, lid)
    bron = services.bron_create(plan=plan, veld=veld(), door=lid, soort="cbs", titel="CBS")
    ander = GebruikerFactory(rol=(plan.gemeente, RolSoort.WERKGROEPLID))
    with pytest.raises(GeenToegang):
        schrijf(plan, ander)
    services.analyse_set_auteur(plan=plan, veld=veld(), door=plan.coordinator, auteur=None)
    assert Analyse.objects.get(plan=plan, veld=veld(), thema=None).auteur is None
    with pytest.raises(GeenToegang):
        schrijf(plan, lid)
    with pytest.raises(GeenToegang):
        services.bron_delete(bron=bron, door=lid)
    schrijf(plan, plan.coordinator)  # the coordinator writes on


def test_only_a_werkgroeplid_of_the_gemeente_can_be_chosen(plan, lid):
    for gebruiker in (
        GebruikerFactory(rol=(plan.gemeente, RolSoort.BESTUURDER)),
        GebruikerFactory(rol=(maak_plan().gemeente, RolSoort.WERKGROEPLID)),
    ):
        with pytest.raises(ValidationError) as fout:
            draag_over(plan, gebruiker)
        assert fout.value.message_dict == {
            "auteur": ["Kies een lid van de werkgroep van deze gemeente."]
        }
    with pytest.raises(GeenToegang):
        services.analyse_set_auteur(plan=plan, veld=veld(), door=lid, auteur=lid)
    assert not Analyse.objects.exists()


def test_the_hand_over_is_frozen_once_the_analysis_left_concept(plan, lid):
    draag_over(plan, lid)
    analyseer(plan, plan.coordinator)
    stel_vast(document(plan, DocumentSoort.VEILIGHEIDSANALYSE), plan.coordinator)
    with pytest.raises(Geweigerd, match="is vastgesteld"):
        draag_over(plan, None)
    with pytest.raises(Geweigerd, match="is vastgesteld"):
        schrijf(plan, lid)
    assert Analyse.objects.get(plan=plan, veld=veld(), thema=None).auteur == lid


def test_the_coordinator_hands_a_veld_over_on_the_page(client, plan, lid):
    client.force_login(plan.coordinator)
    html = client.get(url(plan)).content.decode()
    assert "Schrijver van dit veld" in html and "Coördinator (terugnemen)" in html
    response = client.post(url(plan, "analyse_auteur", veld_id=veld().pk), {"auteur": lid.pk})
    assert response.status_code == 302 and response.url.endswith("#veld-5")
    html = client.get(url(plan)).content.decode()
    assert f"De analyse van veld 5 wordt nu geschreven door {lid.get_full_name()}" in html
    assert f"Geschreven door {lid.get_full_name()}" in html
    vreemde = GebruikerFactory(rol=(plan.gemeente, RolSoort.BESTUURDER))
    client.post(url(plan, "analyse_auteur", veld_id=veld().pk), {"auteur": vreemde.pk})
    html = client.get(url(plan)).content.decode()
    assert "Kies een lid van de werkgroep van deze gemeente." in html
    assert Analyse.objects.get(plan=plan, veld=veld(), thema=None).auteur == lid
    client.post(url(plan, "analyse_auteur", veld_id=veld().pk), {"auteur": ""})
    assert Analyse.objects.get(plan=plan, veld=veld(), thema=None).auteur is None


def test_the_auteur_gets_the_edit_form_of_their_veld_only(client, plan, lid):
    draag_over(plan, lid)
    client.force_login(lid)
    html = client.get(url(plan)).content.decode()
    assert f"Geschreven door {lid.get_full_name()}" in html
    assert "Analyse van veld 5 bewerken" in html
    assert "Analyse van veld 1 bewerken" not in html
    assert "Schrijver van dit veld" not in html
    doel = url(plan, "analyse_veld", veld_id=veld().pk)
    assert "aan u overgedragen en blijft eindredacteur" in client.get(doel).content.decode()
    response = client.post(
        doel,
        {
            "actie": "analyse",
            "problematiek": "Door het lid",
            "huidige_aanpak": "",
            "verbeterpunten": "",
        },
    )
    assert response.status_code == 302
    client.post(doel, {"actie": "bron", "bron-soort": "cbs", "bron-titel": "StatLine"})
    bron = Bron.objects.get(titel="StatLine")
    assert client.post(url(plan, "bron_verwijderen", bron_id=bron.pk)).status_code == 302
    assert not Bron.objects.exists()
    assert Analyse.objects.get(plan=plan, veld=veld(), thema=None).problematiek == "Door het lid"
    assert client.get(url(plan, "analyse_veld", veld_id=veld("1").pk)).status_code == 404
    assert (
        client.post(url(plan, "analyse_auteur", veld_id=veld().pk), {"auteur": ""}).status_code
        == 404
    )
    ander = GebruikerFactory(rol=(plan.gemeente, RolSoort.WERKGROEPLID))
    client.force_login(ander)
    assert client.get(doel).status_code == 404
    assert "bewerken" not in client.get(url(plan)).content.decode().split("<main", 1)[1]
