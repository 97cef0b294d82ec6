"""The writing services: standard chapters, no lost update, co-writing, permissions per
role, versions 0.1 … 1.0, review rounds with their notifications, and comments (threads,
mentions, resolve and reopen, outcomes), frozen once a document is vastgesteld."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from ivp.constants import RolSoort
from ivp.exceptions import GeenToegang, Geweigerd
from stappen import services
from stappen.constants import (
    STANDAARD_HOOFDSTUKKEN,
    BesluitUitkomst,
    DocumentSoort,
    OpmerkingUitkomst,
    Orgaan,
)
from stappen.models import MAX_HOOFDSTUK_TEKENS, Hoofdstuk, Melding, Opmerking, Versie
from tests.stappen.factories import PlanFactory
from tests.stappen.stappenplan import (
    AANGEBODEN_ONDANKS_OPEN_PUNTEN,
    AANGEBODEN_OP,
    SLUIT,
    TEKST,
    document,
    hoofdstuk,
    lid_van,
    open_ronde,
    schrijf,
    stel_vast,
)

pytestmark = pytest.mark.django_db


def test_every_document_starts_with_the_standard_chapters_of_its_type(plan, coordinator):
    for doc in plan.documenten.all():
        titels = list(doc.hoofdstukken.values_list("titel", flat=True))
        assert titels == [t for _, t in STANDAARD_HOOFDSTUKKEN[doc.soort]]
    assert list(
        document(plan, DocumentSoort.STARTNOTITIE).hoofdstukken.values_list("sleutel", flat=True)
    ) == [
        "inleiding",
        "uitgangspunten",
        "bestuurlijke-rollen",
        "veiligheidsvelden",
        "stappenplan",
        "werkgroep",
        "randvoorwaarden",
    ]
    rapportage = services.jaardocument_create(
        plan=plan, soort=DocumentSoort.VOORTGANGSRAPPORTAGE, jaar=2023, door=coordinator
    )
    assert rapportage.hoofdstukken.count() == len(
        STANDAARD_HOOFDSTUKKEN[DocumentSoort.VOORTGANGSRAPPORTAGE]
    )


def test_saving_a_chapter_counts_its_version(startnotitie, coordinator):
    h = hoofdstuk(startnotitie)
    h = services.hoofdstuk_save(hoofdstuk=h, door=coordinator, tekst="Eerste tekst", versie=1)
    assert (h.versie, h.tekst, h.gewijzigd_door) == (2, "Eerste tekst", coordinator)
    assert h.history.count() == 2


def test_the_second_of_two_concurrent_edits_is_refused_and_shows_the_first(
    plan, startnotitie, coordinator
):
    lid = lid_van(plan.gemeente, first_name="Jeroen", last_name="Bakker")
    h = hoofdstuk(startnotitie)
    services.hoofdstuk_set_auteur(hoofdstuk=h, door=coordinator, auteur=lid)
    # both open the editor at version 1
    services.hoofdstuk_save(hoofdstuk=h, door=lid, tekst="Tekst van Jeroen", versie=1)
    with pytest.raises(services.Bewerkconflict) as fout:
        services.hoofdstuk_save(hoofdstuk=h, door=coordinator, tekst="Tekst van Anouk", versie=1)
    assert fout.value.huidig.tekst == "Tekst van Jeroen"
    assert "Jeroen Bakker heeft dit hoofdstuk opgeslagen nadat u het opende" in str(fout.value)
    assert Hoofdstuk.objects.get(pk=h.pk).tekst == "Tekst van Jeroen"


def test_oversized_chapter_text_is_refused_with_a_message(client, startnotitie, coordinator):
    te_lang = "a" * (MAX_HOOFDSTUK_TEKENS + 1)
    with pytest.raises(Exception) as fout:
        services.hoofdstuk_save(
            hoofdstuk=hoofdstuk(startnotitie), door=coordinator, tekst=te_lang, versie=1
        )
    assert "hoogstens 50000 tekens" in str(fout.value)
    client.force_login(coordinator)
    url = reverse("stappen:hoofdstuk_bewerken", args=[startnotitie.pk, "inleiding"])
    response = client.post(url, {"tekst": te_lang, "versie": "1"})
    assert "Een hoofdstuk mag hoogstens 50000 tekens zijn" in response.content.decode()
    assert hoofdstuk(startnotitie).tekst == ""


def test_a_member_edits_only_a_chapter_handed_to_them(plan, startnotitie, coordinator):
    lid = lid_van(plan.gemeente)
    h = hoofdstuk(startnotitie, "werkgroep")
    with pytest.raises(GeenToegang):
        services.hoofdstuk_save(hoofdstuk=h, door=lid, tekst="x", versie=1)
    services.hoofdstuk_set_auteur(hoofdstuk=h, door=coordinator, auteur=lid)
    h = services.hoofdstuk_save(
        hoofdstuk=h, door=lid, tekst="De werkgroep telt acht leden.", versie=1
    )
    with pytest.raises(GeenToegang):
        services.hoofdstuk_save(
            hoofdstuk=hoofdstuk(startnotitie, "inleiding"), door=lid, tekst="x", versie=1
        )
    with pytest.raises(GeenToegang):
        services.hoofdstuk_set_auteur(hoofdstuk=h, door=lid, auteur=None)
    services.hoofdstuk_set_auteur(hoofdstuk=h, door=coordinator, auteur=None)  # taken back
    with pytest.raises(GeenToegang):
        services.hoofdstuk_save(hoofdstuk=h, door=lid, tekst="y", versie=h.versie)


def test_only_a_werkgroeplid_of_the_gemeente_can_be_made_author(plan, startnotitie, coordinator):
    bestuurder = lid_van(plan.gemeente, RolSoort.BESTUURDER)
    with pytest.raises(Exception, match="lid van de werkgroep"):
        services.hoofdstuk_set_auteur(
            hoofdstuk=hoofdstuk(startnotitie), door=coordinator, auteur=bestuurder
        )


def test_chapters_are_frozen_outside_concept_and_forever_once_vastgesteld(
    startnotitie, coordinator
):
    services.document_submit(
        document=startnotitie,
        door=coordinator,
        op=AANGEBODEN_OP,
        motivatie=AANGEBODEN_ONDANKS_OPEN_PUNTEN,
    )
    with pytest.raises(Geweigerd, match="ter besluitvorming"):
        services.hoofdstuk_save(
            hoofdstuk=hoofdstuk(startnotitie), door=coordinator, tekst="x", versie=1
        )
    startnotitie.refresh_from_db()
    services.besluit_record(
        document=startnotitie,
        door=coordinator,
        orgaan=Orgaan.COLLEGE,
        datum=dt.date(2022, 6, 21),
        uitkomst=BesluitUitkomst.VASTGESTELD,
    )
    for poging in (
        lambda: services.hoofdstuk_save(
            hoofdstuk=hoofdstuk(startnotitie), door=coordinator, tekst="x", versie=1
        ),
        lambda: services.hoofdstuk_set_auteur(
            hoofdstuk=hoofdstuk(startnotitie), door=coordinator, auteur=None
        ),
        lambda: services.versie_create(document=startnotitie, door=coordinator),
        lambda: services.document_submit(
            document=startnotitie,
            door=coordinator,
            op=AANGEBODEN_OP,
            motivatie=AANGEBODEN_ONDANKS_OPEN_PUNTEN,
        ),
        lambda: services.document_open_review(
            document=startnotitie, door=coordinator, sluit_op=dt.date(2099, 1, 1)
        ),
    ):
        with pytest.raises(Geweigerd):
            poging()


def nummers(doc):
    return [v.nummer for v in doc.versies.order_by("hoofd", "sub")]


def test_versions_are_made_when_the_document_leaves_concept(startnotitie, coordinator):
    schrijf(startnotitie, coordinator, {"inleiding": "Eerste opzet."})
    services.document_open_review(document=startnotitie, door=coordinator, sluit_op=SLUIT)
    services.document_close_review(document=startnotitie, door=coordinator, bevestigd=True)
    schrijf(startnotitie, coordinator, {"inleiding": "Tweede opzet."})
    services.versie_create(document=startnotitie, door=coordinator, aanleiding="Voor de politie")
    services.document_submit(
        document=startnotitie,
        door=coordinator,
        op=AANGEBODEN_OP,
        motivatie=AANGEBODEN_ONDANKS_OPEN_PUNTEN,
    )
    services.besluit_record(
        document=startnotitie,
        door=coordinator,
        orgaan=Orgaan.COLLEGE,
        datum=dt.date(2022, 6, 21),
        uitkomst=BesluitUitkomst.VASTGESTELD,
        kenmerk="2022-COLL-0388",
    )
    assert nummers(startnotitie) == ["0.1", "0.2", "0.3", "1.0"]
    versies = list(startnotitie.versies.order_by("hoofd", "sub"))
    assert versies[0].sectie("inleiding")["tekst"] == "Eerste opzet."
    assert versies[1].aanleiding == "Voor de politie"
    assert versies[3].sectie("inleiding")["tekst"] == "Tweede opzet."
    assert "2022-COLL-0388" in versies[3].aanleiding
    assert [s["sleutel"] for s in versies[3].inhoud][:2] == ["inleiding", "uitgangspunten"]


def test_only_the_coordinator_makes_a_version(plan, startnotitie):
    with pytest.raises(GeenToegang):
        services.versie_create(document=startnotitie, door=lid_van(plan.gemeente))


def test_opening_a_round_notifies_the_werkgroep_in_the_app_and_by_mail(
    startnotitie_met_tekst, coordinator, jeroen, sanne, django_capture_on_commit_callbacks
):
    bestuurder = lid_van(
        startnotitie_met_tekst.plan.gemeente, RolSoort.BESTUURDER, email="bm@example.nl"
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        versie = open_ronde(startnotitie_met_tekst, coordinator)
    assert len(callbacks) == 2  # one outbox task per mail, so one failure skips nobody
    assert versie.nummer == "0.1"
    assert startnotitie_met_tekst.besprekingen.get().versie == versie
    assert sorted(m.to[0] for m in mail.outbox) == ["jeugd@example.nl", "politie@example.nl"]
    assert "Graag jullie reactie." in mail.outbox[0].body
    assert f"http://127.0.0.1:8000/documenten/{startnotitie_met_tekst.pk}/" in mail.outbox[0].body
    assert "ligt ter bespreking" in mail.outbox[0].subject
    assert Melding.objects.filter(gebruiker=jeroen).count() == 1
    assert not Melding.objects.filter(gebruiker=bestuurder).exists()


def test_no_mail_when_opening_the_round_fails(
    startnotitie_met_tekst, coordinator, jeroen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.document_open_review(
            document=startnotitie_met_tekst, door=coordinator, sluit_op=dt.date(2000, 1, 1)
        )
    assert mail.outbox == []
    assert not Melding.objects.exists()


def test_a_member_comments_on_a_passage_and_mentions_a_colleague(
    startnotitie_met_tekst, coordinator, jeroen, sanne, django_capture_on_commit_callbacks
):
    versie = open_ronde(startnotitie_met_tekst, coordinator)
    Melding.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        opmerking = services.opmerking_create(
            versie=versie,
            door=jeroen,
            sectie="inleiding",
            citaat="een belangrijke voorwaarde",
            tekst="Noem ook de jeugd. @jeugd, wil jij dit aanvullen?",
        )
    assert list(opmerking.genoemd.all()) == [sanne]
    melding = Melding.objects.get(gebruiker=sanne)
    assert "noemt u in een opmerking" in melding.tekst
    assert melding.url == reverse("stappen:opmerking", args=[opmerking.pk])
    assert [m.to for m in mail.outbox] == [["jeugd@example.nl"]]


def test_mentions_reach_only_people_of_the_gemeente():
    assert services.genoemde_namen("Zie @politie. En @coordinator.kampen, en mail a@b.nl") == [
        "politie",
        "coordinator.kampen",
    ]


def test_a_mention_of_someone_elsewhere_notifies_nobody(
    startnotitie_met_tekst, coordinator, jeroen
):
    buiten = lid_van(PlanFactory().gemeente, username="buiten")
    versie = open_ronde(startnotitie_met_tekst, coordinator)
    opmerking = services.opmerking_create(
        versie=versie, door=jeroen, sectie="inleiding", tekst="@buiten kijk mee"
    )
    assert opmerking.genoemd.count() == 0
    assert not Melding.objects.filter(gebruiker=buiten).exists()


def test_a_quoted_passage_must_be_in_the_chapter(startnotitie_met_tekst, coordinator, jeroen):
    versie = open_ronde(startnotitie_met_tekst, coordinator)
    with pytest.raises(ValidationError, match="niet letterlijk"):
        services.opmerking_create(
            versie=versie, door=jeroen, sectie="inleiding", citaat="verzonnen", tekst="x"
        )
    with pytest.raises(ValidationError, match="niet in deze versie"):
        services.opmerking_create(versie=versie, door=jeroen, sectie="bestaat-niet", tekst="x")


def test_oversized_and_empty_comments_are_refused(startnotitie_met_tekst, coordinator, jeroen):
    versie = open_ronde(startnotitie_met_tekst, coordinator)
    with pytest.raises(ValidationError, match="de grens is 5000 tekens"):
        services.opmerking_create(versie=versie, door=jeroen, sectie="inleiding", tekst="a" * 5001)
    with pytest.raises(ValidationError, match="Schrijf uw opmerking"):
        services.opmerking_create(versie=versie, door=jeroen, sectie="inleiding", tekst="   ")


def test_threads_resolve_reopen_and_outcomes(startnotitie_met_tekst, coordinator, jeroen, sanne):
    versie = open_ronde(startnotitie_met_tekst, coordinator)
    draad = services.opmerking_create(versie=versie, door=jeroen, sectie="inleiding", tekst="Kort?")
    Melding.objects.all().delete()
    antwoord = services.opmerking_reply(opmerking=draad, door=coordinator, tekst="Klopt, ingekort.")
    assert antwoord.antwoord_op == draad and antwoord.sectie == "inleiding"
    assert Melding.objects.get(gebruiker=jeroen).tekst.endswith(
        f"gereageerd op uw opmerking bij {startnotitie_met_tekst.titel}."
    )
    # a reply to a reply joins the thread
    derde = services.opmerking_reply(opmerking=antwoord, door=sanne, tekst="Eens.")
    assert derde.antwoord_op == draad

    with pytest.raises(GeenToegang):
        services.opmerking_resolve(opmerking=draad, door=sanne)  # not hers, not the coordinator
    with pytest.raises(Geweigerd, match="reactie"):
        services.opmerking_resolve(opmerking=antwoord, door=coordinator)
    services.opmerking_resolve(opmerking=draad, door=jeroen)  # the author may
    assert draad.is_opgelost and draad.opgelost_door == jeroen
    with pytest.raises(Geweigerd, match="al opgelost"):
        services.opmerking_resolve(opmerking=draad, door=coordinator)
    services.opmerking_reopen(opmerking=draad, door=coordinator)
    assert not draad.is_opgelost

    with pytest.raises(GeenToegang):
        services.opmerking_set_uitkomst(
            opmerking=draad, door=jeroen, uitkomst=OpmerkingUitkomst.VERWERKT
        )
    with pytest.raises(ValidationError, match="Leg uit"):
        services.opmerking_set_uitkomst(
            opmerking=draad, door=coordinator, uitkomst=OpmerkingUitkomst.NIET_VERWERKT
        )
    services.opmerking_set_uitkomst(
        opmerking=draad,
        door=coordinator,
        uitkomst=OpmerkingUitkomst.DEELS_VERWERKT,
        reden="De lengte blijft; de kern staat nu vooraan.",
    )
    draad.refresh_from_db()
    assert draad.get_uitkomst_display() == "Deels verwerkt"


def test_bestuurders_read_but_do_not_comment(client, plan, startnotitie_met_tekst, coordinator):
    versie = open_ronde(startnotitie_met_tekst, coordinator)
    bestuurder = lid_van(plan.gemeente, RolSoort.BESTUURDER)
    with pytest.raises(GeenToegang):
        services.opmerking_create(versie=versie, door=bestuurder, sectie="inleiding", tekst="x")
    client.force_login(bestuurder)
    html = client.get(
        reverse("stappen:versie", args=[startnotitie_met_tekst.pk, "0.1"])
    ).content.decode()
    assert TEKST in html
    assert "Opmerking plaatsen" not in html


def test_comments_are_frozen_once_the_document_is_vastgesteld(
    startnotitie_met_tekst, coordinator, jeroen
):
    versie = open_ronde(startnotitie_met_tekst, coordinator)
    draad = services.opmerking_create(versie=versie, door=jeroen, sectie="inleiding", tekst="Ok.")
    services.document_close_review(
        document=startnotitie_met_tekst, door=coordinator, bevestigd=True
    )
    stel_vast(startnotitie_met_tekst, coordinator)
    with pytest.raises(Geweigerd):
        services.opmerking_create(versie=versie, door=jeroen, sectie="inleiding", tekst="Nog iets")
    with pytest.raises(Geweigerd):
        services.opmerking_reply(opmerking=draad, door=jeroen, tekst="Nog iets")
    with pytest.raises(Geweigerd):
        services.opmerking_resolve(opmerking=draad, door=coordinator)
    with pytest.raises(Geweigerd):
        services.opmerking_set_uitkomst(
            opmerking=draad, door=coordinator, uitkomst=OpmerkingUitkomst.VERWERKT
        )


def test_a_version_loaded_before_the_adoption_takes_no_more_comments(
    startnotitie_met_tekst, coordinator, jeroen
):
    """The service reads the document as it is now, not the copy the caller holds."""
    versie = open_ronde(startnotitie_met_tekst, coordinator)
    draad = services.opmerking_create(versie=versie, door=jeroen, sectie="inleiding", tekst="Ok.")
    # Loaded, with their document, while the document is in bespreking.
    oud = Versie.objects.select_related("document").get(pk=versie.pk)
    oude_draad = Opmerking.objects.select_related("versie__document").get(pk=draad.pk)
    services.document_close_review(
        document=startnotitie_met_tekst, door=coordinator, bevestigd=True
    )
    stel_vast(startnotitie_met_tekst, coordinator)
    assert oud.document.status == "in_bespreking"  # the stale copy still says so
    with pytest.raises(Geweigerd, match="vastgesteld"):
        services.opmerking_create(versie=oud, door=jeroen, sectie="inleiding", tekst="Te laat")
    with pytest.raises(Geweigerd, match="vastgesteld"):
        services.opmerking_reply(opmerking=oude_draad, door=jeroen, tekst="Te laat")
    with pytest.raises(Geweigerd, match="vastgesteld"):
        services.opmerking_resolve(opmerking=oude_draad, door=coordinator)
    assert Opmerking.objects.filter(versie=versie).count() == 1
