"""The factories reach their states through the services, as a coordinator would: the trail
of transitions and decisions is there, and nothing the guards require is skipped."""

import datetime as dt

import pytest
from django.core import mail

from stappen.constants import (
    BesluitUitkomst,
    Criterium,
    DocumentSoort,
    DocumentStatus,
    Keuze,
    Orgaan,
    StapStatus,
)
from tests.stappen.factories import (
    AnalyseFactory,
    BesluitFactory,
    BesprekingFactory,
    BronFactory,
    DocumentFactory,
    DoelstellingFactory,
    HoofdstukFactory,
    MeldingFactory,
    OpmerkingFactory,
    OvergangFactory,
    PlaatsingFactory,
    PlanFactory,
    PrioriteringFactory,
    ScoreFactory,
    StapFactory,
    VersieFactory,
    WegingFactory,
)
from tests.stappen.stappenplan import hoofdthema, lid_van, regisseur, veld

pytestmark = pytest.mark.django_db


def test_a_plan_comes_with_its_steps_documents_and_prioritering():
    plan = PlanFactory()
    assert plan.stappen.count() == 6
    assert plan.documenten.count() == 5
    assert plan.prioritering.driehoek_op is None
    assert plan.documenten.get(soort=DocumentSoort.STARTNOTITIE).hoofdstukken.exists()


def test_an_active_step_has_the_steps_before_it_closed_through_the_services(plan, coordinator):
    stap = StapFactory(plan=plan, nummer=3, actief=True, door=coordinator)
    assert stap.status == StapStatus.ACTIEF
    status = dict(plan.stappen.values_list("nummer", "status"))
    assert status == {
        1: "afgerond",
        2: "afgerond",
        3: "actief",
        4: "gepland",
        5: "gepland",
        6: "gepland",
    }
    # Every step went gepland → actief → afgerond with a logged transition by the coordinator.
    assert list(
        plan.stappen.get(nummer=1).overgangen.order_by("op").values_list("transitie", "door")
    ) == [("start", coordinator.pk), ("afronden", coordinator.pk)]
    analyse = plan.documenten.get(soort=DocumentSoort.VEILIGHEIDSANALYSE)
    assert analyse.status == DocumentStatus.VASTGESTELD
    assert analyse.besluiten.get().orgaan == Orgaan.WERKGROEP


def test_a_closed_step_five_has_the_ivp_adopted_before_the_uitvoeringsplan(plan):
    stap = StapFactory(plan=plan, nummer=5, afgerond=True)
    assert stap.status == StapStatus.AFGEROND
    ivp = plan.documenten.get(soort=DocumentSoort.IVP).besluiten.get()
    uitvoeringsplan = plan.documenten.get(soort=DocumentSoort.UITVOERINGSPLAN)
    assert [b.orgaan for b in uitvoeringsplan.besluiten.order_by("datum")] == [
        Orgaan.COLLEGE,
        Orgaan.RAAD,
    ]
    assert ivp.orgaan == Orgaan.RAAD and ivp.datum <= uitvoeringsplan.besluiten.first().datum
    assert plan.stappen.get(nummer=4).status == StapStatus.AFGEROND


def test_the_acting_user_is_the_gemeentes_coordinator_unless_given(plan, coordinator):
    StapFactory(plan=plan, actief=True)
    assert plan.stappen.get(nummer=1).overgangen.get().door == coordinator
    assert regisseur(plan.gemeente) == coordinator


@pytest.mark.parametrize(
    ("trait", "status", "versies"),
    [
        ("in_bespreking", DocumentStatus.IN_BESPREKING, ["0.1"]),
        ("ter_besluitvorming", DocumentStatus.TER_BESLUITVORMING, ["0.1"]),
        ("vastgesteld", DocumentStatus.VASTGESTELD, ["0.1", "1.0"]),
    ],
)
def test_document_traits_reach_their_state_with_its_versions(plan, trait, status, versies):
    doc = DocumentFactory(plan=plan, **{trait: True})
    assert doc.status == status
    assert [v.nummer for v in doc.versies.order_by("hoofd", "sub")] == versies


def test_an_adopted_uitvoeringsplan_waits_for_the_ivp(plan):
    doc = DocumentFactory(plan=plan, soort=DocumentSoort.UITVOERINGSPLAN, vastgesteld=True)
    assert doc.jaar == plan.periode_start.year
    assert plan.documenten.get(soort=DocumentSoort.IVP).status == DocumentStatus.VASTGESTELD


def test_a_later_yearly_document_is_made_by_the_service(plan):
    doc = DocumentFactory(plan=plan, soort=DocumentSoort.VOORTGANGSRAPPORTAGE, jaar=2024)
    assert doc.stap.nummer == 6 and doc.hoofdstukken.exists()


def test_a_factory_refuses_to_set_what_only_a_service_sets(plan):
    with pytest.raises(TypeError, match="gaat via de services"):
        StapFactory(plan=plan, werkelijk_start=dt.date(2022, 6, 1))


def test_a_besluit_is_recorded_by_the_deciding_body():
    besluit = BesluitFactory(uitkomst=BesluitUitkomst.AANGEHOUDEN, toelichting="Eerst de raad.")
    assert besluit.orgaan == Orgaan.COLLEGE
    besluit.document.refresh_from_db()
    assert besluit.document.status == DocumentStatus.CONCEPT


def test_an_overgang_is_the_log_of_a_real_transition():
    overgang = OvergangFactory(toelichting="Aftrap")
    assert (overgang.van, overgang.naar, overgang.toelichting) == ("gepland", "actief", "Aftrap")


def test_writing_factories(plan, django_capture_on_commit_callbacks):
    lid = lid_van(plan.gemeente, email="lid@example.nl")
    startnotitie = plan.documenten.get(soort=DocumentSoort.STARTNOTITIE)
    h = HoofdstukFactory(document=startnotitie, auteur=lid, tekst="Door het lid.")
    assert (h.tekst, h.auteur, h.gewijzigd_door, h.versie) == ("Door het lid.", lid, lid, 2)
    versie = VersieFactory(document=startnotitie, aanleiding="Voor de politie")
    assert versie.nummer == "0.1" and versie.sectie("inleiding")["tekst"] == "Door het lid."
    draad = OpmerkingFactory(versie=versie, auteur=lid, tekst="Kort?", opgelost=True)
    assert draad.is_opgelost and draad.opgelost_door == regisseur(plan.gemeente)
    antwoord = OpmerkingFactory(antwoord_op=draad, tekst="Ja.")
    assert antwoord.versie == versie and antwoord.antwoord_op == draad
    with django_capture_on_commit_callbacks(execute=True):
        bespreking = BesprekingFactory(document=plan.documenten.get(soort=DocumentSoort.IVP))
    assert bespreking.versie.nummer == "0.1" and bespreking.gesloten_op is None
    assert [m.to for m in mail.outbox] == [["lid@example.nl"]]
    melding = MeldingFactory(gebruiker=lid, tekst="Hallo")
    assert melding.tekst == "Hallo" and melding.gelezen_op is None


def test_content_factories(plan):
    analyse = AnalyseFactory(plan=plan, veld=veld("5"), auteur=lid_van(plan.gemeente))
    assert analyse.ontbrekende_blokken == [] and analyse.auteur is not None
    bron = BronFactory(plan=plan, veld=veld("5"), soort="ondermijningsbeeld", titel="RIEC")
    assert bron.analyse == analyse and bron.vertrouwelijk
    prioritering = PrioriteringFactory(plan=plan)
    assert prioritering.driehoek_op == dt.date(2022, 10, 12)
    assert WegingFactory(plan=plan, criterium=Criterium.TREND, gewicht=3).gewicht == 3
    assert ScoreFactory(plan=plan, thema=hoofdthema("2.1"), waarde=4).waarde == 4
    plaatsing = PlaatsingFactory(plan=plan, thema=hoofdthema("2.1"))
    assert plaatsing.keuze == Keuze.PRIORITEIT
    doel = DoelstellingFactory(plaatsing=plaatsing, streefjaar=2025)
    assert doel.plaatsing == plaatsing and doel.streefjaar == 2025
