"""The structured content services: the veiligheidsanalyse per veld and thema (sources, the
confidential ondermijningsbeeld, a veld handed to a werkgroeplid), the prioritering
(scores, placement with pas toe of leg uit) and the doelstellingen of the IVP; all of it
frozen once its document left concept."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from ivp.constants import RolSoort
from ivp.exceptions import GeenToegang, Geweigerd
from stappen import services
from stappen.constants import BronSoort, DocumentSoort, Keuze
from stappen.models import Analyse, Bron, Doelstelling, Plaatsing, Score
from stappen.structuur import bouw_prioritering
from tests.ivp.factories import GebruikerFactory
from tests.stappen.factories import DoelstellingFactory, PlanFactory
from tests.stappen.stappenplan import (
    analyseer,
    document,
    draag_over,
    hoofdthema,
    plaats_alle_hoofdthemas,
    sluitblokkades,
    stap,
    stel_vast,
    veld,
    voeg_bronnen_toe,
)
from tests.veiligheidsvelden.factories import BeleidsdocumentFactory
from veiligheidsvelden.models import Thema

pytestmark = pytest.mark.django_db


def thema_van(veld_code="5"):
    return Thema.objects.filter(veld__code=veld_code, gemeente=None).hoofdthemas().first()


def schrijf_veld(plan, door, code="5", tekst="Ondermijning op vakantieparken"):
    return services.analyse_save(
        plan=plan,
        veld=veld(code),
        door=door,
        problematiek=tekst,
        huidige_aanpak="RIEC",
        verbeterpunten="Informatiepositie",
    )


@pytest.mark.actieve_stap(2)
def test_a_thema_gets_its_own_analysis_next_to_the_veld(plan, coordinator):
    thema = thema_van()
    services.analyse_save(
        plan=plan,
        veld=veld(),
        thema=thema,
        door=coordinator,
        problematiek="Vakantieparken",
        huidige_aanpak="RIEC",
        verbeterpunten="Informatiepositie",
    )
    analyse = Analyse.objects.get(plan=plan, thema=thema)
    assert analyse.veld.code == "5"
    # the step-2 guard still reads the veld analyses only
    assert any("Veld 5" in b for b in sluitblokkades(stap(plan, 2)))


@pytest.mark.actieve_stap(2)
def test_a_thema_of_another_veld_is_refused_with_a_field_error(plan, coordinator):
    with pytest.raises(Exception) as error:
        services.analyse_save(
            plan=plan,
            veld=veld("1"),
            thema=thema_van("5"),
            door=coordinator,
            problematiek="x",
            huidige_aanpak="y",
            verbeterpunten="z",
        )
    assert "hoort niet bij veld 1" in str(error.value)


@pytest.mark.actieve_stap(2)
def test_an_ondermijningsbeeld_is_always_confidential(plan):
    voeg_bronnen_toe(plan)
    assert Bron.objects.get(soort=BronSoort.ONDERMIJNINGSBEELD).vertrouwelijk
    assert not Bron.objects.get(soort=BronSoort.POLITIE).vertrouwelijk


@pytest.mark.actieve_stap(2)
def test_only_the_coordinator_adds_sources(plan):
    lid = GebruikerFactory(rol=(plan.gemeente, RolSoort.WERKGROEPLID))
    with pytest.raises(GeenToegang):
        services.bron_create(plan=plan, veld=veld(), door=lid, soort="cbs", titel="CBS")


@pytest.mark.actieve_stap(2)
def test_content_is_frozen_once_the_analysis_leaves_concept(plan, coordinator):
    analyseer(plan, coordinator)
    voeg_bronnen_toe(plan)
    stel_vast(document(plan, DocumentSoort.VEILIGHEIDSANALYSE), coordinator)
    with pytest.raises(Geweigerd, match="is vastgesteld"):
        services.bron_create(plan=plan, veld=veld(), door=coordinator, soort="cbs", titel="CBS")
    with pytest.raises(Geweigerd, match="is vastgesteld"):
        services.bron_delete(bron=Bron.objects.first(), door=coordinator)


@pytest.mark.actieve_stap(2)
def test_handing_over_a_veld_without_analysis_creates_it_with_empty_blocks(plan, werkgroeplid):
    analyse = draag_over(plan, werkgroeplid)
    assert analyse.pk and analyse.thema is None and analyse.auteur == werkgroeplid
    assert analyse.ontbrekende_blokken == ["problematiek", "huidige aanpak", "verbeterpunten"]
    assert werkgroeplid.meldingen.filter(tekst__contains="analyse van veld 5").exists()


@pytest.mark.actieve_stap(2)
def test_the_auteur_edits_their_veld_and_its_sources_and_the_history_records_them(
    plan, werkgroeplid
):
    draag_over(plan, werkgroeplid)
    analyse = schrijf_veld(plan, werkgroeplid)
    assert analyse.problematiek == "Ondermijning op vakantieparken"
    assert analyse.history.first().history_user == werkgroeplid
    bron = services.bron_create(plan=plan, veld=veld(), door=werkgroeplid, soort="cbs", titel="CBS")
    assert bron.history.first().history_user == werkgroeplid
    services.bron_delete(bron=bron, door=werkgroeplid)
    assert not Bron.objects.exists()


@pytest.mark.actieve_stap(2)
def test_the_auteur_cannot_edit_another_veld_nor_a_thema_analysis(plan, werkgroeplid):
    draag_over(plan, werkgroeplid)
    with pytest.raises(GeenToegang, match="Alleen de coördinator OOV"):
        schrijf_veld(plan, werkgroeplid, code="1")
    with pytest.raises(GeenToegang):
        services.bron_create(plan=plan, veld=veld("1"), door=werkgroeplid, soort="cbs", titel="CBS")
    with pytest.raises(GeenToegang):
        services.analyse_save(
            plan=plan,
            veld=veld(),
            thema=thema_van(),
            door=werkgroeplid,
            problematiek="p",
            huidige_aanpak="a",
            verbeterpunten="v",
        )


@pytest.mark.actieve_stap(2)
def test_other_members_and_the_auteur_after_take_back_are_refused(plan, coordinator, werkgroeplid):
    draag_over(plan, werkgroeplid)
    bron = services.bron_create(plan=plan, veld=veld(), door=werkgroeplid, soort="cbs", titel="CBS")
    ander = GebruikerFactory(rol=(plan.gemeente, RolSoort.WERKGROEPLID))
    with pytest.raises(GeenToegang):
        schrijf_veld(plan, ander)
    services.analyse_set_auteur(plan=plan, veld=veld(), door=coordinator, auteur=None)
    assert Analyse.objects.get(plan=plan, veld=veld(), thema=None).auteur is None
    with pytest.raises(GeenToegang):
        schrijf_veld(plan, werkgroeplid)
    with pytest.raises(GeenToegang):
        services.bron_delete(bron=bron, door=werkgroeplid)
    schrijf_veld(plan, coordinator)  # the coordinator writes on


@pytest.mark.actieve_stap(2)
def test_only_a_werkgroeplid_of_the_gemeente_can_be_chosen(plan, werkgroeplid):
    for gebruiker in (
        GebruikerFactory(rol=(plan.gemeente, RolSoort.BESTUURDER)),
        GebruikerFactory(rol=(PlanFactory().gemeente, RolSoort.WERKGROEPLID)),
    ):
        with pytest.raises(ValidationError) as fout:
            draag_over(plan, gebruiker)
        assert fout.value.message_dict == {
            "auteur": ["Kies een lid van de werkgroep van deze gemeente."]
        }
    with pytest.raises(GeenToegang):
        services.analyse_set_auteur(plan=plan, veld=veld(), door=werkgroeplid, auteur=werkgroeplid)
    assert not Analyse.objects.exists()


@pytest.mark.actieve_stap(2)
def test_the_hand_over_is_frozen_once_the_analysis_left_concept(plan, coordinator, werkgroeplid):
    draag_over(plan, werkgroeplid)
    analyseer(plan, coordinator)
    stel_vast(document(plan, DocumentSoort.VEILIGHEIDSANALYSE), coordinator)
    with pytest.raises(Geweigerd, match="is vastgesteld"):
        draag_over(plan, None)
    with pytest.raises(Geweigerd, match="is vastgesteld"):
        schrijf_veld(plan, werkgroeplid)
    assert Analyse.objects.get(plan=plan, veld=veld(), thema=None).auteur == werkgroeplid


@pytest.mark.actieve_stap(3)
def test_a_score_of_7_is_refused_per_field(plan, coordinator):
    with pytest.raises(ValidationError) as error:
        services.scores_save(
            plan=plan, door=coordinator, scores={(hoofdthema("1.1").pk, "ernst"): 7}
        )
    assert "Een score is 1 tot en met 5." in str(error.value.message_dict)
    assert not Score.objects.exists()


@pytest.mark.actieve_stap(3)
def test_a_theme_of_another_gemeente_cannot_be_scored(plan, coordinator):
    ander = Thema.objects.create(code="GM9999.1", naam="Elders", gemeente=PlanFactory().gemeente)
    with pytest.raises(ValidationError):
        services.scores_save(plan=plan, door=coordinator, scores={(ander.pk, "ernst"): 3})


@pytest.mark.actieve_stap(3)
def test_a_fifth_priority_needs_the_motivation_and_it_reaches_the_document(plan, coordinator):
    codes = ["1.1", "1.2", "2.1", "3.1", "5.2"]
    keuzes = {hoofdthema(c).pk: (Keuze.PRIORITEIT, "") for c in codes}
    with pytest.raises(ValidationError) as error:
        services.plaatsingen_save(plan=plan, door=coordinator, keuzes=keuzes, motivatie_aantal="")
    assert "motivatie_aantal" in error.value.message_dict
    assert not Plaatsing.objects.filter(plan=plan).exists()
    services.plaatsingen_save(
        plan=plan,
        door=coordinator,
        keuzes=keuzes,
        motivatie_aantal="De raad wil ook digitale veiligheid een prioriteit maken.",
    )
    tekst = {s["sleutel"]: s for s in bouw_prioritering(document(plan, DocumentSoort.PRIORITERING))}
    prioriteiten = tekst["prioritering-prioriteiten"]["tekst"]
    assert "Pas toe of leg uit" in prioriteiten
    assert "De raad wil ook digitale veiligheid" in prioriteiten


@pytest.mark.actieve_stap(3)
def test_placement_is_frozen_once_the_prioritering_is_adopted(plan, coordinator):
    tot_en_met = plaats_alle_hoofdthemas(plan, coordinator)
    assert tot_en_met
    services.prioritering_update(
        plan=plan,
        door=coordinator,
        raad_bijeenkomst_op=dt.date(2022, 10, 4),
        driehoek_op=dt.date(2022, 10, 12),
    )
    stel_vast(document(plan, DocumentSoort.PRIORITERING), coordinator)
    with pytest.raises(Geweigerd, match="vastgesteld"):
        services.scores_save(
            plan=plan, door=coordinator, scores={(hoofdthema("1.1").pk, "ernst"): 3}
        )
    with pytest.raises(Geweigerd, match="vastgesteld"):
        services.wegingen_save(plan=plan, door=coordinator, gewichten={"ernst": 2})


@pytest.mark.actieve_stap(4)
def test_a_streefjaar_before_the_nulmeting_is_refused_on_its_field(plan, prioriteit):
    with pytest.raises(ValidationError) as error:
        DoelstellingFactory(plaatsing=prioriteit, nulmeting_jaar=2022, streefjaar=2020)
    assert error.value.message_dict["streefjaar"] == [
        "Het streefjaar ligt vóór het jaar van de nulmeting (2022)."
    ]


@pytest.mark.actieve_stap(4)
def test_a_nulmeting_needs_its_year(plan, prioriteit):
    with pytest.raises(ValidationError) as error:
        DoelstellingFactory(plaatsing=prioriteit, nulmeting_jaar=None)
    assert "nulmeting_jaar" in error.value.message_dict


@pytest.mark.actieve_stap(4)
def test_doelstellingen_are_edited_and_deleted(plan, coordinator, prioriteit):
    d = DoelstellingFactory(plaatsing=prioriteit)
    services.doelstelling_update(doelstelling=d, door=coordinator, streefwaarde="60")
    d.refresh_from_db()
    assert d.streefwaarde == "60"
    services.doelstelling_delete(doelstelling=d, door=coordinator)
    assert not Doelstelling.objects.exists()


@pytest.mark.actieve_stap(4)
def test_only_flankerend_beleid_of_the_own_gemeente_is_linked(plan, coordinator, prioriteit):
    eigen = BeleidsdocumentFactory(gemeente=plan.gemeente)
    ander = BeleidsdocumentFactory(gemeente=PlanFactory().gemeente, titel="Ander beleid")
    with pytest.raises(ValidationError):
        services.prioriteit_update(
            plaatsing=prioriteit,
            door=coordinator,
            aanleiding="",
            aanpak="",
            partners="",
            portefeuillehouder="",
            beleidsdocumenten=[ander],
        )
    services.prioriteit_update(
        plaatsing=prioriteit,
        door=coordinator,
        aanleiding="",
        aanpak="x",
        partners="",
        portefeuillehouder="",
        beleidsdocumenten=[eigen],
    )
    assert list(prioriteit.beleidsdocumenten.all()) == [eigen]


@pytest.mark.actieve_stap(4)
def test_the_ivp_content_is_frozen_once_adopted(plan, coordinator, prioriteit):
    d = DoelstellingFactory(plaatsing=prioriteit)
    services.prioriteit_set_aanpak(plaatsing=prioriteit, door=coordinator, aanpak="x")
    stel_vast(document(plan, DocumentSoort.IVP), coordinator, dt.date(2023, 1, 31))
    with pytest.raises(Geweigerd, match="vastgesteld"):
        services.doelstelling_delete(doelstelling=d, door=coordinator)
    with pytest.raises(Geweigerd, match="vastgesteld"):
        DoelstellingFactory(plaatsing=prioriteit)
