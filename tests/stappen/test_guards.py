"""Every guard of the stappenplan, each way: allowed when met, refused in Dutch when not."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from ivp.exceptions import Geweigerd
from stappen import services
from stappen.constants import BesluitUitkomst, BesluitVorm, DocumentSoort, Keuze, Orgaan, StapStatus
from stappen.guards import waarschuwingen
from stappen.models import Plaatsing, Prioritering
from stappen.selectors import laad_stand
from tests.stappen.factories import DoelstellingFactory, PlanFactory, StapFactory
from tests.stappen.stappenplan import (
    AANGEBODEN_ONDANKS_OPEN_PUNTEN,
    AANGEBODEN_OP,
    analyseer,
    document,
    plaats_alle_hoofdthemas,
    sluitblokkades,
    stap,
    startblokkades,
    stel_vast,
)
from veiligheidsvelden.models import Thema, Veld

pytestmark = pytest.mark.django_db


def weigering(functie, **kwargs) -> list[str]:
    with pytest.raises(Geweigerd) as info:
        functie(**kwargs)
    return info.value.redenen


def test_stap_1_starts_always_and_closes_only_when_the_college_adopted_the_startnotitie(
    plan, coordinator
):
    services.stap_start(stap=stap(plan, 1), door=coordinator)
    assert weigering(services.stap_close, stap=stap(plan, 1), door=coordinator) == [
        "De startnotitie is nog niet vastgesteld door het college."
    ]
    stel_vast(document(plan, DocumentSoort.STARTNOTITIE), coordinator)
    services.stap_close(stap=stap(plan, 1), door=coordinator)
    assert stap(plan, 1).status == StapStatus.AFGEROND


def test_stap_2_waits_for_stap_1(plan, coordinator):
    assert weigering(services.stap_start, stap=stap(plan, 2), door=coordinator) == [
        "Stap 1 (startnotitie) is nog niet afgerond."
    ]
    StapFactory(plan=plan, nummer=1, afgerond=True, door=coordinator)
    services.stap_start(stap=stap(plan, 2), door=coordinator)
    assert stap(plan, 2).status == StapStatus.ACTIEF


def test_stap_2_closes_when_every_veld_is_analysed_and_the_werkgroep_agreed(plan, coordinator):
    StapFactory(plan=plan, nummer=2, actief=True, door=coordinator)
    analyseer(plan, coordinator, velden=Veld.objects.exclude(code="4"))
    services.analyse_save(
        plan=plan,
        veld=Veld.objects.get(code="4"),
        door=coordinator,
        problematiek="Verkeer",
        huidige_aanpak="",
        verbeterpunten="",
    )
    redenen = weigering(services.stap_close, stap=stap(plan, 2), door=coordinator)
    assert redenen == [
        "Veld 4 (Fysieke veiligheid) mist nog: huidige aanpak, verbeterpunten.",
        "De veiligheidsanalyse is nog niet door de werkgroep afgerond (leg het besluit vast).",
    ]
    analyseer(plan, coordinator)
    stel_vast(document(plan, DocumentSoort.VEILIGHEIDSANALYSE), coordinator)
    services.stap_close(stap=stap(plan, 2), door=coordinator)
    assert stap(plan, 2).status == StapStatus.AFGEROND


def test_stap_3_lists_everything_missing(plan, coordinator):
    StapFactory(plan=plan, nummer=2, afgerond=True, door=coordinator)
    assert startblokkades(stap(plan, 3)) == []
    services.stap_start(stap=stap(plan, 3), door=coordinator)
    redenen = weigering(services.stap_close, stap=stap(plan, 3), door=coordinator)
    assert redenen[0] == "Er is nog geen prioriteit gekozen."
    assert redenen[1].startswith("De raad is nog niet geraadpleegd in een opiniërende")
    assert redenen[2] == "De driehoek is nog niet geraadpleegd over de prioriteiten."
    assert redenen[3].startswith(
        "Nog niet geplaatst als prioriteit, overig strategisch thema of beheer: 0.1 Gedigit"
    )
    assert redenen[4] == "De prioritering is nog niet vastgesteld door de gemeenteraad."


def test_stap_3_accepts_a_motivation_instead_of_a_raad_meeting_and_placing_via_a_thema(
    plan, coordinator
):
    StapFactory(plan=plan, nummer=3, actief=True, door=coordinator)
    plaats_alle_hoofdthemas(plan, coordinator)
    # Placing a thema places its hoofdthema too.
    Plaatsing.objects.filter(plan=plan, thema__code="2.5").delete()
    services.plaatsing_save(
        plan=plan,
        thema=Thema.objects.get(code="2.5.1"),
        door=coordinator,
        keuze=Keuze.STRATEGISCH,
    )
    services.prioritering_update(
        plan=plan,
        door=coordinator,
        driehoek_op=dt.date(2022, 10, 12),
        raad_niet_geraadpleegd_reden="De raad koos voor een schriftelijke ronde.",
    )
    stel_vast(document(plan, DocumentSoort.PRIORITERING), coordinator)
    services.stap_close(stap=stap(plan, 3), door=coordinator)
    assert stap(plan, 3).status == StapStatus.AFGEROND


def _prioriteiten(plan, coordinator, aantal):
    codes = [t.code for t in Thema.objects.hoofdthemas().order_by("code")[:aantal]]
    plaats_alle_hoofdthemas(plan, coordinator, prioriteiten=codes)
    services.prioritering_update(
        plan=plan,
        door=coordinator,
        raad_bijeenkomst_op=dt.date(2022, 10, 4),
        driehoek_op=dt.date(2022, 10, 12),
    )


def test_four_priorities_are_within_the_norm(plan, coordinator):
    """'Drie à vier prioriteiten': four neither warns nor blocks (issue 16, item 5)."""
    StapFactory(plan=plan, nummer=3, actief=True, door=coordinator)
    _prioriteiten(plan, coordinator, 4)
    s = stap(plan, 3)
    assert sluitblokkades(s) == ["De prioritering is nog niet vastgesteld door de gemeenteraad."]
    assert waarschuwingen(laad_stand(s.plan), s) == []


def test_five_priorities_need_a_motivation(plan, coordinator):
    StapFactory(plan=plan, nummer=3, actief=True, door=coordinator)
    _prioriteiten(plan, coordinator, 5)
    stel_vast(document(plan, DocumentSoort.PRIORITERING), coordinator)
    assert weigering(services.stap_close, stap=stap(plan, 3), door=coordinator) == [
        "Er zijn 5 prioriteiten. Bij meer dan vier is een motivatie nodig (pas toe of leg uit)."
    ]
    # The raad is sovereign: the document is adopted; the motivation is recorded afterwards
    # on the prioritering record, which is no part of the frozen document.

    Prioritering.objects.filter(plan=plan).update(motivatie_aantal="De raad wil vijf.")
    services.stap_close(stap=stap(plan, 3), door=coordinator)
    assert stap(plan, 3).status == StapStatus.AFGEROND


def test_stap_4_needs_a_doelstelling_and_aanpak_per_priority_and_the_raad(plan, coordinator):
    StapFactory(plan=plan, nummer=4, actief=True, door=coordinator)
    redenen = weigering(services.stap_close, stap=stap(plan, 4), door=coordinator)
    naam = Thema.objects.get(code="1.1").naam
    assert redenen == [
        f"Prioriteit ‘{naam}’ heeft nog geen doelstelling.",
        f"Prioriteit ‘{naam}’ heeft nog geen aanpak op hoofdlijnen.",
        "Het IVP is nog niet vastgesteld door de gemeenteraad.",
    ]
    prioriteit = Plaatsing.objects.get(plan=plan, keuze=Keuze.PRIORITEIT)
    services.doelstelling_create(plaatsing=prioriteit, door=coordinator, tekst="Minder overlast")
    services.prioriteit_set_aanpak(plaatsing=prioriteit, door=coordinator, aanpak="Samen")
    stel_vast(document(plan, DocumentSoort.IVP), coordinator, dt.date(2023, 3, 28))
    services.stap_close(stap=stap(plan, 4), door=coordinator)
    assert stap(plan, 4).status == StapStatus.AFGEROND


def test_stap_5_runs_beside_stap_4_and_closes_after_the_ivp(plan, coordinator):
    StapFactory(plan=plan, nummer=3, afgerond=True, door=coordinator)
    assert weigering(services.stap_start, stap=stap(plan, 5), door=coordinator) == [
        "Stap 4 (opstellen IVP) is nog niet gestart; het uitvoeringsplan wordt daarnaast "
        "geschreven."
    ]
    services.stap_start(stap=stap(plan, 4), door=coordinator)
    services.stap_start(stap=stap(plan, 5), door=coordinator)
    assert stap(plan, 4).status == stap(plan, 5).status == StapStatus.ACTIEF

    uitvoeringsplan = document(plan, DocumentSoort.UITVOERINGSPLAN, 2023)
    services.document_submit(
        document=uitvoeringsplan,
        door=coordinator,
        op=AANGEBODEN_OP,
        motivatie=AANGEBODEN_ONDANKS_OPEN_PUNTEN,
    )
    # The college cannot adopt the uitvoeringsplan before the raad adopted the IVP.
    with pytest.raises(Geweigerd, match="nadat de raad het IVP heeft vastgesteld"):
        services.besluit_record(
            document=uitvoeringsplan,
            door=coordinator,
            orgaan=Orgaan.COLLEGE,
            datum=dt.date(2023, 2, 14),
            uitkomst=BesluitUitkomst.VASTGESTELD,
        )
    assert weigering(services.stap_close, stap=stap(plan, 5), door=coordinator) == [
        "Het IVP is nog niet vastgesteld door de gemeenteraad.",
        "Het uitvoeringsplan 2023 is nog niet vastgesteld door het college.",
        "De raad heeft het uitvoeringsplan nog niet ter informatie ontvangen.",
    ]
    stel_vast(document(plan, DocumentSoort.IVP), coordinator, dt.date(2023, 3, 28))
    services.besluit_record(
        document=uitvoeringsplan,
        door=coordinator,
        orgaan=Orgaan.COLLEGE,
        datum=dt.date(2023, 4, 4),
        uitkomst=BesluitUitkomst.VASTGESTELD,
    )
    assert weigering(services.stap_close, stap=stap(plan, 5), door=coordinator) == [
        "De raad heeft het uitvoeringsplan nog niet ter informatie ontvangen.",
    ]
    services.besluit_record(
        document=uitvoeringsplan,
        door=coordinator,
        orgaan=Orgaan.RAAD,
        datum=dt.date(2023, 4, 25),
        uitkomst=BesluitUitkomst.KENNISGENOMEN,
    )
    services.stap_close(stap=stap(plan, 5), door=coordinator)
    assert stap(plan, 5).status == StapStatus.AFGEROND


def test_stap_6_closes_when_the_period_ended_with_every_yearly_document(coordinator):
    plan = PlanFactory(
        gemeente=coordinator.rollen.get().gemeente,
        traject_start=dt.date(2018, 3, 1),
        periode_start=dt.date(2019, 1, 1),
        periode_eind=dt.date(2019, 12, 31),
        looptijd_motivatie="Een overbruggingsjaar tot het regionale IVP.",
    )
    for nummer in range(1, 6):
        stap(plan, nummer).__class__.objects.filter(pk=stap(plan, nummer).pk).update(
            status=StapStatus.AFGEROND
        )
    services.stap_start(stap=stap(plan, 6), door=coordinator)
    with time_machine.travel(dt.date(2019, 12, 1)):
        redenen = weigering(services.stap_close, stap=stap(plan, 6), door=coordinator)
    assert redenen == [
        "De looptijd van het plan loopt nog tot en met 31-12-2019.",
        "Het uitvoeringsplan 2019 is nog niet vastgesteld door het college.",
        "De voortgangsrapportage 2019 is nog niet vastgesteld door het college.",
    ]
    stel_vast(document(plan, DocumentSoort.IVP), coordinator, dt.date(2019, 1, 15))
    stel_vast(document(plan, DocumentSoort.UITVOERINGSPLAN, 2019), coordinator, dt.date(2019, 2, 1))
    rapportage = services.jaardocument_create(
        plan=plan, soort=DocumentSoort.VOORTGANGSRAPPORTAGE, jaar=2019, door=coordinator
    )
    stel_vast(rapportage, coordinator, dt.date(2020, 1, 28))
    # The raad is informed of each year's rapportage (issue 16, item 1).
    services.raad_informeer(
        document=rapportage,
        door=coordinator,
        vorm=BesluitVorm.RAADSINFORMATIEBRIEF,
        datum=dt.date(2020, 2, 4),
    )
    services.stap_close(stap=stap(plan, 6), door=coordinator)
    assert stap(plan, 6).status == StapStatus.AFGEROND


def test_reopening_needs_a_reason(plan, coordinator):

    StapFactory(plan=plan, nummer=1, afgerond=True, door=coordinator)
    with pytest.raises(ValidationError, match="Geef de reden"):
        services.stap_reopen(stap=stap(plan, 1), door=coordinator, reden="  ")
    services.stap_reopen(stap=stap(plan, 1), door=coordinator, reden="Besluit gecorrigeerd")
    assert stap(plan, 1).status == StapStatus.ACTIEF
    assert stap(plan, 1).werkelijk_eind is None


@pytest.mark.actieve_stap(2)
def test_the_step_2_guard_still_needs_the_three_blocks_of_all_five_velden(plan, coordinator):
    analyseer(plan, coordinator, velden=Veld.objects.exclude(code="3"))
    blokkades = sluitblokkades(stap(plan, 2))
    assert (
        "Veld 3 (Jeugd en veiligheid) mist nog: problematiek, huidige aanpak, verbeterpunten."
        in blokkades
    )
    analyseer(plan, coordinator)
    assert not any(b.startswith("Veld") for b in sluitblokkades(stap(plan, 2)))


@pytest.mark.actieve_stap(4)
def test_the_step_4_guard_needs_a_doelstelling_and_an_aanpak(plan, coordinator, prioriteit):
    naam = prioriteit.thema.naam
    blokkades = sluitblokkades(stap(plan, 4))
    assert f"Prioriteit ‘{naam}’ heeft nog geen doelstelling." in blokkades
    assert f"Prioriteit ‘{naam}’ heeft nog geen aanpak op hoofdlijnen." in blokkades
    DoelstellingFactory(plaatsing=prioriteit)
    services.prioriteit_update(
        plaatsing=prioriteit,
        door=coordinator,
        aanleiding="Inbraken stijgen",
        aanpak="Preventie en opsporing",
        partners="Politie – opsporing",
        portefeuillehouder="Burgemeester",
    )
    blokkades = sluitblokkades(stap(plan, 4))
    assert not any(b.startswith("Prioriteit") for b in blokkades)
