"""The process services: a plan and its steps, the document transitions and the decisions
(who may, from which state, by which body, logged and in the history)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from ivp.constants import RolSoort
from ivp.exceptions import GeenToegang, Geweigerd
from stappen import services
from stappen.constants import BesluitUitkomst, DocumentSoort, DocumentStatus, Orgaan, StapStatus
from stappen.models import Overgang
from tests.ivp.factories import GebruikerFactory
from tests.stappen.factories import PlanFactory, StapFactory
from tests.stappen.stappenplan import (
    AANGEBODEN_ONDANKS_OPEN_PUNTEN,
    AANGEBODEN_OP,
    document,
    stap,
    stel_vast,
)
from veiligheidsvelden.models import Veld

pytestmark = pytest.mark.django_db


def test_a_plan_gets_six_steps_planned_the_startnotitie_way():
    plan = PlanFactory(traject_start=dt.date(2022, 6, 1))
    planning = {s.nummer: (s.gepland_start, s.gepland_eind) for s in plan.stappen.all()}
    assert planning == {
        1: (dt.date(2022, 6, 1), dt.date(2022, 6, 30)),
        2: (dt.date(2022, 7, 1), dt.date(2022, 9, 30)),
        3: (dt.date(2022, 10, 1), dt.date(2022, 10, 31)),
        4: (dt.date(2022, 11, 1), dt.date(2023, 3, 31)),
        5: (dt.date(2023, 1, 1), dt.date(2023, 2, 28)),
        6: (dt.date(2023, 4, 1), dt.date(2026, 12, 31)),
    }
    assert {s.status for s in plan.stappen.all()} == {StapStatus.GEPLAND}
    assert sorted(plan.documenten.values_list("soort", flat=True)) == sorted(
        ["startnotitie", "veiligheidsanalyse", "prioritering", "ivp", "uitvoeringsplan"]
    )


def test_the_period_is_four_years_unless_given():
    plan = PlanFactory(periode_start=dt.date(2023, 1, 1), periode_eind=None)
    assert plan.periode_eind == dt.date(2026, 12, 31)


@pytest.mark.parametrize(
    "soort", [RolSoort.WERKGROEPLID, RolSoort.BESTUURDER, RolSoort.GRIFFIE, RolSoort.LEZER]
)
def test_only_the_coordinator_makes_transitions(plan, soort):
    gebruiker = GebruikerFactory(rol=(plan.gemeente, soort))
    for functie in (services.stap_start, services.stap_close):
        with pytest.raises(GeenToegang):
            functie(stap=stap(plan, 1), door=gebruiker)
    with pytest.raises(GeenToegang):
        services.document_submit(
            document=document(plan, "startnotitie"),
            door=gebruiker,
            op=AANGEBODEN_OP,
            motivatie=AANGEBODEN_ONDANKS_OPEN_PUNTEN,
        )
    assert stap(plan, 1).status == StapStatus.GEPLAND


def test_the_coordinator_of_another_gemeente_cannot_touch_this_plan(plan, buitenstaander):
    buur = buitenstaander
    with pytest.raises(GeenToegang, match="Alleen de coördinator OOV van"):
        services.stap_start(stap=stap(plan, 1), door=buur)
    with pytest.raises(GeenToegang):
        services.stap_plan(
            stap=stap(plan, 1),
            door=buur,
            gepland_start=dt.date(2022, 6, 1),
            gepland_eind=dt.date(2022, 6, 30),
        )


def test_a_transition_is_logged_and_in_the_history(plan, coordinator):
    services.stap_start(stap=stap(plan, 1), door=coordinator, toelichting="Aftrap")
    overgang = Overgang.objects.get()
    assert (overgang.van, overgang.naar, overgang.door, overgang.toelichting) == (
        "gepland",
        "actief",
        coordinator,
        "Aftrap",
    )
    laatste = stap(plan, 1).history.first()
    assert laatste.status == StapStatus.ACTIEF
    assert laatste.history_user == coordinator
    assert laatste.history_change_reason == "Aftrap"


def test_a_transition_from_the_wrong_state_is_refused(plan, coordinator):
    services.stap_start(stap=stap(plan, 1), door=coordinator)
    with pytest.raises(Geweigerd, match="status ‘actief’"):
        services.stap_start(stap=stap(plan, 1), door=coordinator)


def test_a_stale_copy_cannot_overwrite_a_newer_state(plan, coordinator):
    """Two tabs open on the same step: the second press is refused, nothing is lost."""
    eerste, tweede = stap(plan, 1), stap(plan, 1)
    services.stap_start(stap=eerste, door=coordinator)
    with pytest.raises(Geweigerd, match="Iemand anders heeft dit zojuist gewijzigd"):
        services.stap_start(stap=tweede, door=coordinator)
    assert stap(plan, 1).status == StapStatus.ACTIEF
    assert Overgang.objects.count() == 1


def test_only_the_right_body_decides(plan, coordinator):
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    services.document_submit(
        document=startnotitie,
        door=coordinator,
        op=AANGEBODEN_OP,
        motivatie=AANGEBODEN_ONDANKS_OPEN_PUNTEN,
    )
    with pytest.raises(ValidationError) as info:
        services.besluit_record(
            document=startnotitie,
            door=coordinator,
            orgaan=Orgaan.RAAD,
            datum=dt.date(2022, 6, 21),
            uitkomst=BesluitUitkomst.VASTGESTELD,
        )
    assert info.value.message_dict["orgaan"] == [
        "Over dit document besluit: college van burgemeester en wethouders."
    ]


def test_a_decision_cannot_lie_in_the_future(plan, coordinator):
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    services.document_submit(
        document=startnotitie,
        door=coordinator,
        op=AANGEBODEN_OP,
        motivatie=AANGEBODEN_ONDANKS_OPEN_PUNTEN,
    )
    with pytest.raises(ValidationError, match="toekomst"):
        services.besluit_record(
            document=startnotitie,
            door=coordinator,
            orgaan=Orgaan.COLLEGE,
            datum=dt.date.today() + dt.timedelta(days=2),
            uitkomst=BesluitUitkomst.VASTGESTELD,
        )


def test_aangehouden_sends_the_document_back_with_its_reason(plan, coordinator):
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    services.document_submit(
        document=startnotitie,
        door=coordinator,
        op=AANGEBODEN_OP,
        motivatie=AANGEBODEN_ONDANKS_OPEN_PUNTEN,
    )
    with pytest.raises(ValidationError, match="Geef de reden"):
        services.besluit_record(
            document=startnotitie,
            door=coordinator,
            orgaan=Orgaan.COLLEGE,
            datum=dt.date(2022, 6, 14),
            uitkomst=BesluitUitkomst.AANGEHOUDEN,
        )
    services.besluit_record(
        document=startnotitie,
        door=coordinator,
        orgaan=Orgaan.COLLEGE,
        datum=dt.date(2022, 6, 14),
        uitkomst=BesluitUitkomst.AANGEHOUDEN,
        toelichting="Eerst de buurgemeenten horen",
    )
    startnotitie.refresh_from_db()
    assert startnotitie.status == DocumentStatus.CONCEPT
    assert startnotitie.overgangen.get(transitie="terugsturen").toelichting == (
        "Eerst de buurgemeenten horen"
    )


def test_a_vastgesteld_document_is_frozen(plan, coordinator):
    StapFactory(plan=plan, nummer=2, afgerond=True, door=coordinator)
    analyse = document(plan, DocumentSoort.VEILIGHEIDSANALYSE)
    assert analyse.status == DocumentStatus.VASTGESTELD
    for functie in (services.document_submit, services.document_close_review):
        with pytest.raises(Geweigerd):
            functie(document=analyse, door=coordinator)
    with pytest.raises(Geweigerd, match="is vastgesteld; de inhoud ervan verandert niet meer"):
        services.analyse_save(
            plan=plan,
            veld=Veld.objects.first(),
            door=coordinator,
            problematiek="Anders",
            huidige_aanpak="x",
            verbeterpunten="y",
        )


def test_a_review_round_closes_in_the_future(plan, coordinator):
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    with pytest.raises(ValidationError, match="na vandaag"):
        services.document_open_review(
            document=startnotitie, door=coordinator, sluit_op=dt.date.today()
        )
    services.document_open_review(
        document=startnotitie, door=coordinator, sluit_op=dt.date.today() + dt.timedelta(days=14)
    )
    assert document(plan, DocumentSoort.STARTNOTITIE).status == DocumentStatus.IN_BESPREKING
    with pytest.raises(Geweigerd):
        services.document_submit(
            document=document(plan, "startnotitie"),
            door=coordinator,
            op=AANGEBODEN_OP,
            motivatie=AANGEBODEN_ONDANKS_OPEN_PUNTEN,
        )
    services.document_close_review(
        document=document(plan, "startnotitie"), door=coordinator, bevestigd=True
    )
    stel_vast(document(plan, "startnotitie"), coordinator)


def test_a_step_cannot_be_planned_outside_the_trajectory(plan, coordinator):
    with pytest.raises(ValidationError) as info:
        services.stap_plan(
            stap=stap(plan, 1),
            door=coordinator,
            gepland_start=dt.date(2022, 5, 1),
            gepland_eind=dt.date(2027, 2, 1),
        )
    assert info.value.message_dict == {
        "gepland_start": ["De stap kan niet beginnen vóór de start van het traject (01-06-2022)."],
        "gepland_eind": [
            "De deadline ligt na het einde van de looptijd van het plan (31-12-2026)."
        ],
    }


def test_a_step_cannot_end_before_it_started(plan, coordinator):
    services.stap_start(stap=stap(plan, 1), door=coordinator, op=dt.date(2022, 6, 10))
    stel_vast(document(plan, "startnotitie"), coordinator)
    with pytest.raises(ValidationError, match="niet eindigen voordat hij begon"):
        services.stap_close(stap=stap(plan, 1), door=coordinator, op=dt.date(2022, 6, 1))
