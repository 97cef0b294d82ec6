"""The structured content pages: analysis, prioritering and the IVP's priority chapters; a
refusal keeps what was entered, each role sees what it may, the query count stays flat."""

import pytest
from django.urls import reverse

from ivp.constants import RolSoort
from stappen import services
from stappen.constants import Criterium, DocumentSoort, Keuze
from stappen.models import Analyse, Bron, Plaatsing, Prioritering, Score
from stappen.selectors import prioritering_stand
from tests.ivp.factories import GebruikerFactory
from tests.stappen.factories import DoelstellingFactory, PlanFactory
from tests.stappen.stappenplan import (
    analyseer,
    coordinator_van,
    document,
    draag_over,
    hoofdthema,
    plaats_alle_hoofdthemas,
    regisseur,
    sluitblokkades,
    stap,
    stel_vast,
    veld,
    voeg_bronnen_toe,
)
from tests.veiligheidsvelden.factories import BeleidsdocumentFactory, ThemaFactory
from veiligheidsvelden.models import Thema

pytestmark = pytest.mark.django_db


def url(plan, naam, **kwargs):
    return reverse(f"stappen:{naam}", kwargs={"plan_id": plan.pk, **kwargs})


@pytest.mark.actieve_stap(2)
def test_the_coordinator_edits_a_veld_and_keeps_the_input_on_an_error(client, plan, coordinator):
    client.force_login(coordinator)
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
    html = client.get(url(plan, "analyse")).content.decode()
    # Markdown, sanitised: the text stays, the script is gone.
    assert "Woonoverlast" in html
    assert "<script>alert(1)" not in html


@pytest.mark.actieve_stap(2)
def test_a_source_with_a_bad_link_shows_a_dutch_error_and_keeps_the_title(
    client, plan, coordinator
):
    client.force_login(coordinator)
    response = client.post(
        url(plan, "analyse_veld", veld_id=veld().pk),
        {"actie": "bron", "bron-soort": "cbs", "bron-titel": "StatLine", "bron-vindplaats": "x"},
    )
    html = response.content.decode()
    assert "Vul een volledige link in" in html
    assert 'value="StatLine"' in html
    assert not Bron.objects.exists()


@pytest.mark.actieve_stap(2)
@pytest.mark.parametrize(
    "rol, ziet_vertrouwelijk",
    # Without the coordinator's grant they do not read the ondermijningsbeeld (issue 15;
    # tests/stappen/test_vertrouwelijk.py covers the grant).
    [(RolSoort.WERKGROEPLID, False), (RolSoort.BESTUURDER, False)],
)
def test_werkgroep_and_bestuurder_read_without_edit_links(client, plan, rol, ziet_vertrouwelijk):
    voeg_bronnen_toe(plan)
    client.force_login(GebruikerFactory(rol=(plan.gemeente, rol)))
    html = client.get(url(plan, "analyse")).content.decode()
    assert "Politie open data" in html
    assert ("Ondermijningsbeeld RIEC 2021" in html) is ziet_vertrouwelijk
    assert "bewerken" not in html.split("<main", 1)[1]
    assert client.get(url(plan, "analyse_veld", veld_id=veld().pk)).status_code == 404


@pytest.mark.actieve_stap(2)
def test_griffie_lezer_and_other_gemeenten_see_nothing_of_the_draft(client, plan):
    voeg_bronnen_toe(plan)
    for gebruiker in (
        GebruikerFactory(rol=(plan.gemeente, RolSoort.GRIFFIE)),
        GebruikerFactory(rol=(plan.gemeente, RolSoort.LEZER)),
        coordinator_van(PlanFactory().gemeente),
    ):
        client.force_login(gebruiker)
        assert client.get(url(plan, "analyse")).status_code == 404


@pytest.mark.actieve_stap(2)
def test_a_lezer_reads_the_adopted_analysis_without_confidential_sources(client, plan, coordinator):
    analyseer(plan, coordinator)
    voeg_bronnen_toe(plan)
    stel_vast(document(plan, DocumentSoort.VEILIGHEIDSANALYSE), coordinator)
    client.force_login(GebruikerFactory(rol=(plan.gemeente, RolSoort.LEZER)))
    html = client.get(url(plan, "analyse")).content.decode()
    assert "Politie open data" in html
    assert "Ondermijningsbeeld RIEC" not in html


@pytest.mark.actieve_stap(2)
def test_the_coordinator_sees_a_refusal_once_the_analysis_is_adopted(client, plan, coordinator):
    analyseer(plan, coordinator)
    stel_vast(document(plan, DocumentSoort.VEILIGHEIDSANALYSE), coordinator)
    client.force_login(coordinator)
    response = client.post(
        url(plan, "analyse_veld", veld_id=veld().pk),
        {"actie": "analyse", "problematiek": "Nieuw", "huidige_aanpak": "", "verbeterpunten": ""},
    )
    html = response.content.decode()
    assert "is vastgesteld; de inhoud ervan verandert niet meer" in html
    assert "Nieuw" in html


@pytest.mark.actieve_stap(2)
def test_the_analysis_page_has_a_flat_query_count(
    client, plan, coordinator, django_assert_max_num_queries
):
    client.force_login(coordinator)
    analyseer(plan, coordinator)
    client.get(url(plan, "analyse"))  # warm up (session, content types)
    with django_assert_max_num_queries(12) as klein:
        client.get(url(plan, "analyse"))
    for thema in Thema.objects.filter(gemeente=None, veld__isnull=False)[:40]:
        services.analyse_save(
            plan=plan,
            veld=thema.veld,
            thema=thema,
            door=coordinator,
            problematiek="p",
            huidige_aanpak="a",
            verbeterpunten="v",
        )
        for n in range(3):
            services.bron_create(
                plan=plan,
                veld=thema.veld,
                thema=thema,
                door=coordinator,
                soort="overig",
                titel=f"Bron {n}",
            )
    with django_assert_max_num_queries(len(klein.captured_queries)):
        client.get(url(plan, "analyse"))


@pytest.mark.actieve_stap(2)
def test_the_coordinator_hands_a_veld_over_on_the_page(client, plan, coordinator, werkgroeplid):
    client.force_login(coordinator)
    html = client.get(url(plan, "analyse")).content.decode()
    assert "Schrijver van dit veld" in html and "Coördinator (terugnemen)" in html
    response = client.post(
        url(plan, "analyse_auteur", veld_id=veld().pk), {"auteur": werkgroeplid.pk}
    )
    assert response.status_code == 302 and response.url.endswith("#veld-5")
    html = client.get(url(plan, "analyse")).content.decode()
    assert f"De analyse van veld 5 wordt nu geschreven door {werkgroeplid.get_full_name()}" in html
    assert f"Geschreven door {werkgroeplid.get_full_name()}" in html
    vreemde = GebruikerFactory(rol=(plan.gemeente, RolSoort.BESTUURDER))
    client.post(url(plan, "analyse_auteur", veld_id=veld().pk), {"auteur": vreemde.pk})
    html = client.get(url(plan, "analyse")).content.decode()
    assert "Kies een lid van de werkgroep van deze gemeente." in html
    assert Analyse.objects.get(plan=plan, veld=veld(), thema=None).auteur == werkgroeplid
    client.post(url(plan, "analyse_auteur", veld_id=veld().pk), {"auteur": ""})
    assert Analyse.objects.get(plan=plan, veld=veld(), thema=None).auteur is None


@pytest.mark.actieve_stap(2)
def test_the_auteur_gets_the_edit_form_of_their_veld_only(client, plan, werkgroeplid):
    draag_over(plan, werkgroeplid)
    client.force_login(werkgroeplid)
    html = client.get(url(plan, "analyse")).content.decode()
    assert f"Geschreven door {werkgroeplid.get_full_name()}" in html
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
    assert "bewerken" not in client.get(url(plan, "analyse")).content.decode().split("<main", 1)[1]


@pytest.mark.actieve_stap(3)
def test_a_score_of_7_in_the_form_shows_a_dutch_error_and_keeps_all_input(
    client, plan, coordinator
):
    client.force_login(coordinator)
    t = hoofdthema("1.1").pk
    data = {f"gewicht_{c}": "1" for c in Criterium.values} | {
        f"score_{t}_ernst": "7",
        f"score_{t}_omvang": "4",
    }
    response = client.post(url(plan, "prioritering_scores"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Een score is 1 tot en met 5." in html
    assert 'value="7"' in html and 'value="4"' in html
    assert not Score.objects.exists()
    data[f"score_{t}_ernst"] = "5"
    assert client.post(url(plan, "prioritering_scores"), data).status_code == 302
    assert Score.objects.filter(plan=plan).count() == 2


@pytest.mark.actieve_stap(3)
def test_placing_five_priorities_without_motivation_in_the_form(client, plan, coordinator):
    client.force_login(coordinator)
    stand = prioritering_stand(plan)
    data = {f"keuze_{k.thema.pk}": Keuze.BEHEER for k in stand.kandidaten}
    for code in ["1.1", "1.2", "2.1", "3.1", "5.2"]:
        data[f"keuze_{hoofdthema(code).pk}"] = Keuze.PRIORITEIT
    data[f"motivatie_{hoofdthema('1.1').pk}"] = "Inbraken stijgen"
    response = client.post(url(plan, "prioritering_plaatsing"), data)
    html = response.content.decode()
    assert "Bij meer dan vier is een motivatie nodig" in html
    assert "Inbraken stijgen" in html
    assert not Plaatsing.objects.filter(plan=plan).exists()
    data["motivatie_aantal"] = "Afspraak met de raad."
    assert client.post(url(plan, "prioritering_plaatsing"), data).status_code == 302
    html = client.get(url(plan, "prioritering")).content.decode()
    assert "Er zijn 5 prioriteiten" in html
    assert "Afspraak met de raad." in html
    assert Prioritering.objects.get(plan=plan).motivatie_aantal == "Afspraak met de raad."


@pytest.mark.actieve_stap(3)
def test_consultation_form_needs_an_outcome_with_a_date(client, plan, coordinator):
    client.force_login(coordinator)
    response = client.post(
        url(plan, "prioritering_raadpleging"),
        {
            "raad_bijeenkomst_op": "04-10-2022",
            "driehoek_op": "12-10-2022",
            "driehoek_uitkomst": "Akkoord",
        },
    )
    html = response.content.decode()
    assert "Vul de uitkomst van de bijeenkomst in." in html
    assert 'value="12-10-2022"' in html
    response = client.post(
        url(plan, "prioritering_raadpleging"),
        {
            "raad_bijeenkomst_op": "04-10-2022",
            "raad_bijeenkomst_uitkomst": "De raad herkent de keuze.",
            "driehoek_op": "12-10-2022",
            "driehoek_uitkomst": "Akkoord",
        },
    )
    assert response.status_code == 302
    assert not any("geraadpleegd" in b for b in sluitblokkades(stap(plan, 3)))


@pytest.mark.actieve_stap(3)
def test_werkgroep_reads_griffie_and_others_get_404(client, plan):
    client.force_login(GebruikerFactory(rol=(plan.gemeente, RolSoort.WERKGROEPLID)))
    assert client.get(url(plan, "prioritering")).status_code == 200
    assert client.get(url(plan, "prioritering_scores")).status_code == 404
    client.force_login(GebruikerFactory(rol=(plan.gemeente, RolSoort.GRIFFIE)))
    assert client.get(url(plan, "prioritering")).status_code == 404
    client.force_login(coordinator_van(PlanFactory().gemeente))
    assert client.get(url(plan, "prioritering")).status_code == 404


@pytest.mark.actieve_stap(3)
def test_the_prioritering_pages_have_a_flat_query_count(
    client, plan, coordinator, django_assert_max_num_queries
):
    client.force_login(coordinator)
    client.get(url(plan, "prioritering"))
    with django_assert_max_num_queries(14) as klein:
        client.get(url(plan, "prioritering"))
    for n in range(40):
        Thema.objects.create(
            code=f"{plan.gemeente.cbs_code}.{n}", naam=f"Eigen thema {n}", gemeente=plan.gemeente
        )
    stand = prioritering_stand(plan)
    services.scores_save(
        plan=plan,
        door=coordinator,
        scores={(k.thema.pk, c): 3 for k in stand.kandidaten for c in Criterium.values},
    )
    plaats_alle_hoofdthemas(plan, coordinator, prioriteiten=("1.1", "1.2"))
    for naam in ("prioritering", "prioritering_scores", "prioritering_plaatsing"):
        with django_assert_max_num_queries(len(klein.captured_queries) + 2):
            assert client.get(url(plan, naam)).status_code == 200


@pytest.mark.actieve_stap(3)
def test_four_priorities_are_within_the_norm_on_the_page(client, plan, coordinator):
    """'Drie à vier': four priorities neither warn nor block (issue 16, item 5)."""
    codes = ["1.1", "1.2", "2.1", "3.1"]
    services.plaatsingen_save(
        plan=plan,
        door=coordinator,
        keuzes={hoofdthema(c).pk: (Keuze.PRIORITEIT, "") for c in codes},
        motivatie_aantal="",
    )
    client.force_login(coordinator)
    html = client.get(url(plan, "prioritering")).content.decode()
    assert "Er zijn 4 prioriteiten" not in html
    assert not any("motivatie nodig" in b for b in sluitblokkades(stap(plan, 3)))


@pytest.mark.actieve_stap(4)
def test_the_coordinator_adds_a_doelstelling_and_a_bad_year_keeps_the_input(
    client, plan, coordinator, prioriteit
):
    client.force_login(coordinator)
    nieuw = url(plan, "doelstelling_nieuw", plaatsing_id=prioriteit.pk)
    data = {
        "tekst": "Minder woninginbraken",
        "indicator": "Inbraken",
        "nulmeting": "96",
        "nulmeting_jaar": "2022",
        "streefwaarde": "70",
        "streefjaar": "2019",
        "bron": "Politie",
    }
    html = client.post(nieuw, data).content.decode()
    assert "Het streefjaar ligt vóór het jaar van de nulmeting (2022)." in html
    assert "Minder woninginbraken" in html and 'value="2019"' in html
    data["streefjaar"] = "2026"
    assert client.post(nieuw, data).status_code == 302
    pagina = client.get(url(plan, "prioriteit", plaatsing_id=prioriteit.pk)).content.decode()
    assert "Minder woninginbraken" in pagina and "70 (2026)" in pagina


@pytest.mark.actieve_stap(4)
def test_the_coordinator_writes_the_chapter_with_flankerend_beleid(
    client, plan, coordinator, prioriteit
):
    document_beleid = BeleidsdocumentFactory(gemeente=plan.gemeente)
    client.force_login(coordinator)
    response = client.post(
        url(plan, "prioriteit_bewerken", plaatsing_id=prioriteit.pk),
        {
            "aanleiding": "Inbraken stijgen",
            "aanpak": "Preventie",
            "partners": "Politie – opsporing",
            "portefeuillehouder": "Burgemeester",
            "beleidsdocumenten": [document_beleid.pk],
        },
    )
    assert response.status_code == 302
    html = client.get(url(plan, "prioriteit", plaatsing_id=prioriteit.pk)).content.decode()
    assert "Jeugdbeleid 2021–2024" in html and "Burgemeester" in html


@pytest.mark.actieve_stap(4)
def test_a_doelstelling_of_another_plan_is_not_found(client, plan, coordinator, prioriteit):
    ander = PlanFactory(gemeente=plan.gemeente, titel="Ander plan")
    client.force_login(coordinator)
    d = DoelstellingFactory(plaatsing=prioriteit)
    assert (
        client.get(
            reverse(
                "stappen:doelstelling_bewerken",
                kwargs={
                    "plan_id": ander.pk,
                    "plaatsing_id": prioriteit.pk,
                    "doelstelling_id": d.pk,
                },
            )
        ).status_code
        == 404
    )


@pytest.mark.actieve_stap(4)
def test_readers_and_strangers(client, plan, prioriteit):
    hoofdstuk = url(plan, "prioriteit", plaatsing_id=prioriteit.pk)
    client.force_login(GebruikerFactory(rol=(plan.gemeente, RolSoort.BESTUURDER)))
    html = client.get(hoofdstuk).content.decode()
    assert "Hoofdstuk bewerken" not in html
    assert (
        client.post(url(plan, "doelstelling_nieuw", plaatsing_id=prioriteit.pk)).status_code == 404
    )
    client.force_login(GebruikerFactory(rol=(plan.gemeente, RolSoort.GRIFFIE)))
    assert client.get(url(plan, "ivp")).status_code == 404
    client.force_login(coordinator_van(PlanFactory().gemeente))
    assert client.get(hoofdstuk).status_code == 404


@pytest.mark.actieve_stap(4)
def test_ivp_pages_have_a_flat_query_count(
    client, plan, coordinator, django_assert_max_num_queries, prioriteit
):
    client.force_login(coordinator)
    hoofdstuk = url(plan, "prioriteit", plaatsing_id=prioriteit.pk)
    # One doelstelling, so the small case has every query the large one has.
    services.doelstelling_create(plaatsing=prioriteit, door=coordinator, tekst="Doel")
    client.get(url(plan, "ivp"))
    with django_assert_max_num_queries(12) as ivp_klein:
        client.get(url(plan, "ivp"))
    with django_assert_max_num_queries(12) as hoofdstuk_klein:
        client.get(hoofdstuk)
    documenten = [
        BeleidsdocumentFactory(gemeente=plan.gemeente, titel=f"Beleid {n}") for n in range(10)
    ]
    # The prioritering is adopted, so the extra priorities are set up directly.
    Plaatsing.objects.filter(plan=plan, thema__code__in=["1.2", "2.1", "3.1", "5.2"]).update(
        keuze=Keuze.PRIORITEIT
    )
    for plaatsing in plan.plaatsingen.filter(keuze=Keuze.PRIORITEIT):
        services.prioriteit_update(
            plaatsing=plaatsing,
            door=coordinator,
            aanleiding="a",
            aanpak="b",
            partners="c",
            portefeuillehouder="d",
            beleidsdocumenten=documenten,
        )
        for n in range(10):
            services.doelstelling_create(plaatsing=plaatsing, door=coordinator, tekst=f"Doel {n}")
    with django_assert_max_num_queries(len(ivp_klein.captured_queries)):
        client.get(url(plan, "ivp"))
    with django_assert_max_num_queries(len(hoofdstuk_klein.captured_queries)):
        client.get(hoofdstuk)


@pytest.mark.actieve_stap(4)
def test_a_theme_that_is_no_priority_has_no_chapter(client, plan, coordinator):
    beheer = plan.plaatsingen.exclude(keuze=Keuze.PRIORITEIT).first()
    client.force_login(coordinator)
    assert client.get(url(plan, "prioriteit", plaatsing_id=beheer.pk)).status_code == 404


@pytest.mark.actieve_stap(3)
def test_an_own_theme_is_a_candidate_of_its_own_gemeente_only(client, plan, coordinator):
    ThemaFactory(gemeente=plan.gemeente, naam="Veilig Giethoorn")
    ander = PlanFactory()
    ThemaFactory(gemeente=ander.gemeente, naam="Veilig Kampereiland")
    for naam in ("prioritering_scores", "prioritering_plaatsing"):
        client.force_login(coordinator)
        html = client.get(url(plan, naam)).content.decode()
        assert "Veilig Giethoorn" in html and "Veilig Kampereiland" not in html
        client.force_login(regisseur(ander.gemeente))
        html = client.get(url(ander, naam)).content.decode()
        assert "Veilig Kampereiland" in html and "Veilig Giethoorn" not in html
