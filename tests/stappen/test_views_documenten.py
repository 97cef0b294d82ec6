"""Review rounds and comments: notifications, threads, mentions, resolve and reopen, outcomes,
the reactienota and the list of members who have not responded, per role."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from ivp.constants import RolSoort
from ivp.exceptions import GeenToegang, Geweigerd
from stappen import services
from stappen import services_documenten as docs
from stappen.constants import DocumentSoort, OpmerkingUitkomst
from stappen.models import Melding, Opmerking
from stappen.selectors_documenten import nog_niet_gereageerd, werkgroepleden
from tests.stappen.factories import (
    coordinator_van,
    document,
    lid_van,
    maak_plan,
    schrijf,
    stel_vast,
)

pytestmark = pytest.mark.django_db

SLUIT = dt.date(2099, 1, 1)
TEKST = "Veiligheid is een belangrijke voorwaarde om fijn te kunnen leven en wonen."


@pytest.fixture
def plan():
    return maak_plan()


@pytest.fixture
def coordinator(plan):
    return coordinator_van(plan.gemeente)


@pytest.fixture
def jeroen(plan):
    return lid_van(plan.gemeente, username="politie", email="politie@example.nl")


@pytest.fixture
def sanne(plan):
    return lid_van(plan.gemeente, username="jeugd", email="jeugd@example.nl")


@pytest.fixture
def startnotitie(plan, coordinator):
    doc = document(plan, DocumentSoort.STARTNOTITIE)
    schrijf(doc, coordinator, {"inleiding": TEKST})
    return doc


def open_ronde(doc, door, bericht="Graag jullie reactie."):
    services.document_open_review(document=doc, door=door, sluit_op=SLUIT, bericht=bericht)
    return doc.versies.get()


def test_opening_a_round_notifies_the_werkgroep_in_the_app_and_by_mail(
    startnotitie, coordinator, jeroen, sanne, django_capture_on_commit_callbacks
):
    bestuurder = lid_van(startnotitie.plan.gemeente, RolSoort.BESTUURDER, email="bm@example.nl")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        versie = open_ronde(startnotitie, coordinator)
    assert len(callbacks) == 1
    assert versie.nummer == "0.1"
    assert startnotitie.besprekingen.get().versie == versie
    assert sorted(m.to[0] for m in mail.outbox) == ["jeugd@example.nl", "politie@example.nl"]
    assert "Graag jullie reactie." in mail.outbox[0].body
    assert f"http://127.0.0.1:8000/documenten/{startnotitie.pk}/" in mail.outbox[0].body
    assert "ligt ter bespreking" in mail.outbox[0].subject
    assert Melding.objects.filter(gebruiker=jeroen).count() == 1
    assert not Melding.objects.filter(gebruiker=bestuurder).exists()


def test_no_mail_when_opening_the_round_fails(
    startnotitie, coordinator, jeroen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.document_open_review(
            document=startnotitie, door=coordinator, sluit_op=dt.date(2000, 1, 1)
        )
    assert mail.outbox == []
    assert not Melding.objects.exists()


def test_a_member_comments_on_a_passage_and_mentions_a_colleague(
    startnotitie, coordinator, jeroen, sanne, django_capture_on_commit_callbacks
):
    versie = open_ronde(startnotitie, coordinator)
    Melding.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        opmerking = docs.opmerking_create(
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
    assert docs.genoemde_namen("Zie @politie. En @coordinator.kampen, en mail a@b.nl") == [
        "politie",
        "coordinator.kampen",
    ]


def test_a_mention_of_someone_elsewhere_notifies_nobody(startnotitie, coordinator, jeroen):
    buiten = lid_van(maak_plan().gemeente, username="buiten")
    versie = open_ronde(startnotitie, coordinator)
    opmerking = docs.opmerking_create(
        versie=versie, door=jeroen, sectie="inleiding", tekst="@buiten kijk mee"
    )
    assert opmerking.genoemd.count() == 0
    assert not Melding.objects.filter(gebruiker=buiten).exists()


def test_a_quoted_passage_must_be_in_the_chapter(startnotitie, coordinator, jeroen):
    versie = open_ronde(startnotitie, coordinator)
    with pytest.raises(ValidationError, match="niet letterlijk"):
        docs.opmerking_create(
            versie=versie, door=jeroen, sectie="inleiding", citaat="verzonnen", tekst="x"
        )
    with pytest.raises(ValidationError, match="niet in deze versie"):
        docs.opmerking_create(versie=versie, door=jeroen, sectie="bestaat-niet", tekst="x")


def test_oversized_and_empty_comments_are_refused(startnotitie, coordinator, jeroen):
    versie = open_ronde(startnotitie, coordinator)
    with pytest.raises(ValidationError, match="de grens is 5000 tekens"):
        docs.opmerking_create(versie=versie, door=jeroen, sectie="inleiding", tekst="a" * 5001)
    with pytest.raises(ValidationError, match="Schrijf uw opmerking"):
        docs.opmerking_create(versie=versie, door=jeroen, sectie="inleiding", tekst="   ")


def test_comments_are_shown_escaped(client, startnotitie, coordinator, jeroen):
    versie = open_ronde(startnotitie, coordinator)
    opmerking = docs.opmerking_create(
        versie=versie,
        door=jeroen,
        sectie="inleiding",
        tekst='<script>alert(1)</script><img src=x onerror=alert(1)> <a href="javascript:x">a</a>',
    )
    client.force_login(coordinator)
    for url in (
        reverse("stappen:opmerking", args=[opmerking.pk]),
        reverse("stappen:document", args=[startnotitie.pk]),
        reverse("stappen:reactienota", args=[startnotitie.pk]),
    ):
        html = client.get(url).content.decode()
        assert "<script>alert(1)" not in html
        assert "<img src=x" not in html
        assert 'href="javascript:' not in html
        assert "&lt;script&gt;" in html


def test_threads_resolve_reopen_and_outcomes(startnotitie, coordinator, jeroen, sanne):
    versie = open_ronde(startnotitie, coordinator)
    draad = docs.opmerking_create(versie=versie, door=jeroen, sectie="inleiding", tekst="Kort?")
    Melding.objects.all().delete()
    antwoord = docs.opmerking_reply(opmerking=draad, door=coordinator, tekst="Klopt, ingekort.")
    assert antwoord.antwoord_op == draad and antwoord.sectie == "inleiding"
    assert Melding.objects.get(gebruiker=jeroen).tekst.endswith(
        f"gereageerd op uw opmerking bij {startnotitie.titel}."
    )
    # a reply to a reply joins the thread
    derde = docs.opmerking_reply(opmerking=antwoord, door=sanne, tekst="Eens.")
    assert derde.antwoord_op == draad

    with pytest.raises(GeenToegang):
        docs.opmerking_resolve(opmerking=draad, door=sanne)  # not hers, not the coordinator
    with pytest.raises(Geweigerd, match="reactie"):
        docs.opmerking_resolve(opmerking=antwoord, door=coordinator)
    docs.opmerking_resolve(opmerking=draad, door=jeroen)  # the author may
    assert draad.is_opgelost and draad.opgelost_door == jeroen
    with pytest.raises(Geweigerd, match="al opgelost"):
        docs.opmerking_resolve(opmerking=draad, door=coordinator)
    docs.opmerking_reopen(opmerking=draad, door=coordinator)
    assert not draad.is_opgelost

    with pytest.raises(GeenToegang):
        docs.opmerking_set_uitkomst(
            opmerking=draad, door=jeroen, uitkomst=OpmerkingUitkomst.VERWERKT
        )
    with pytest.raises(ValidationError, match="Leg uit"):
        docs.opmerking_set_uitkomst(
            opmerking=draad, door=coordinator, uitkomst=OpmerkingUitkomst.NIET_VERWERKT
        )
    docs.opmerking_set_uitkomst(
        opmerking=draad,
        door=coordinator,
        uitkomst=OpmerkingUitkomst.DEELS_VERWERKT,
        reden="De lengte blijft; de kern staat nu vooraan.",
    )
    draad.refresh_from_db()
    assert draad.get_uitkomst_display() == "Deels verwerkt"


def test_bestuurders_read_but_do_not_comment(client, plan, startnotitie, coordinator):
    versie = open_ronde(startnotitie, coordinator)
    bestuurder = lid_van(plan.gemeente, RolSoort.BESTUURDER)
    with pytest.raises(GeenToegang):
        docs.opmerking_create(versie=versie, door=bestuurder, sectie="inleiding", tekst="x")
    client.force_login(bestuurder)
    html = client.get(reverse("stappen:versie", args=[startnotitie.pk, "0.1"])).content.decode()
    assert TEKST in html
    assert "Opmerking plaatsen" not in html


def test_the_coordinator_sees_who_has_not_responded(
    client, startnotitie, coordinator, jeroen, sanne
):
    versie = open_ronde(startnotitie, coordinator)
    bespreking = startnotitie.besprekingen.get()
    leden = werkgroepleden(startnotitie)
    assert nog_niet_gereageerd(bespreking, leden) == [jeroen, sanne] or set(
        nog_niet_gereageerd(bespreking, leden)
    ) == {jeroen, sanne}
    docs.opmerking_create(versie=versie, door=jeroen, sectie="inleiding", tekst="Akkoord.")
    assert nog_niet_gereageerd(bespreking, leden) == [sanne]
    client.force_login(coordinator)
    html = client.get(reverse("stappen:document", args=[startnotitie.pk])).content.decode()
    lijst = html[html.index('id="nog-niet-gereageerd"') :][:400]
    assert sanne.get_full_name() in lijst and jeroen.get_full_name() not in lijst
    client.force_login(jeroen)
    html = client.get(reverse("stappen:document", args=[startnotitie.pk])).content.decode()
    assert "nog-niet-gereageerd" not in html


def test_comments_of_an_earlier_version_stay_readable_next_to_the_newer(
    client, startnotitie, coordinator, jeroen
):
    versie = open_ronde(startnotitie, coordinator)
    docs.opmerking_create(versie=versie, door=jeroen, sectie="inleiding", tekst="Eerste ronde.")
    services.document_close_review(document=startnotitie, door=coordinator)
    schrijf(startnotitie, coordinator, {"inleiding": TEKST + " Ook voor bezoekers."})
    services.document_open_review(document=startnotitie, door=coordinator, sluit_op=SLUIT)
    nieuw = startnotitie.versies.order_by("-sub").first()
    assert nieuw.nummer == "0.2"
    docs.opmerking_create(versie=nieuw, door=jeroen, sectie="inleiding", tekst="Tweede ronde.")
    client.force_login(jeroen)
    html = client.get(reverse("stappen:document", args=[startnotitie.pk])).content.decode()
    assert "bij versie 0.1" in html and "Eerste ronde." in html
    assert "bij versie 0.2" in html and "Tweede ronde." in html
    oud = client.get(reverse("stappen:versie", args=[startnotitie.pk, "0.1"])).content.decode()
    assert "Eerste ronde." in oud and "Tweede ronde." not in oud


def test_the_reactienota_lists_the_outcomes(client, startnotitie, coordinator, jeroen):
    versie = open_ronde(startnotitie, coordinator)
    draad = docs.opmerking_create(versie=versie, door=jeroen, sectie="inleiding", tekst="Te lang.")
    docs.opmerking_set_uitkomst(
        opmerking=draad,
        door=coordinator,
        uitkomst=OpmerkingUitkomst.NIET_VERWERKT,
        reden="De raad vroeg om deze toelichting.",
    )
    client.force_login(coordinator)
    html = client.get(reverse("stappen:reactienota", args=[startnotitie.pk])).content.decode()
    assert "Versie 0.1" in html and "Inleiding" in html
    assert "Te lang." in html and "Niet verwerkt" in html
    assert "De raad vroeg om deze toelichting." in html


def test_comments_are_frozen_once_the_document_is_vastgesteld(startnotitie, coordinator, jeroen):
    versie = open_ronde(startnotitie, coordinator)
    draad = docs.opmerking_create(versie=versie, door=jeroen, sectie="inleiding", tekst="Ok.")
    services.document_close_review(document=startnotitie, door=coordinator)
    stel_vast(startnotitie, coordinator)
    with pytest.raises(Geweigerd):
        docs.opmerking_create(versie=versie, door=jeroen, sectie="inleiding", tekst="Nog iets")
    with pytest.raises(Geweigerd):
        docs.opmerking_reply(opmerking=draad, door=jeroen, tekst="Nog iets")
    with pytest.raises(Geweigerd):
        docs.opmerking_resolve(opmerking=draad, door=coordinator)
    with pytest.raises(Geweigerd):
        docs.opmerking_set_uitkomst(
            opmerking=draad, door=coordinator, uitkomst=OpmerkingUitkomst.VERWERKT
        )


def test_the_comment_flow_through_the_pages(client, startnotitie, coordinator, jeroen, sanne):
    open_ronde(startnotitie, coordinator)
    client.force_login(jeroen)
    url = reverse("stappen:opmerking_plaatsen", args=[startnotitie.pk, "0.1"])
    response = client.post(
        url, {"sectie": "inleiding", "citaat": "fijn te kunnen leven", "tekst": "@jeugd aanvullen?"}
    )
    opmerking = Opmerking.objects.get()
    assert response["Location"] == reverse("stappen:opmerking", args=[opmerking.pk])
    client.force_login(coordinator)
    actie = "stappen:opmerking_actie"
    client.post(reverse(actie, args=[opmerking.pk, "antwoord"]), {"tekst": "Goed punt."})
    client.post(reverse(actie, args=[opmerking.pk, "oplossen"]))
    response = client.post(
        reverse(actie, args=[opmerking.pk, "uitkomst"]), {"uitkomst": "verwerkt"}
    )
    assert response.status_code == 302
    opmerking.refresh_from_db()
    assert opmerking.is_opgelost and opmerking.uitkomst == "verwerkt"
    assert opmerking.antwoorden.get().tekst == "Goed punt."
    client.force_login(sanne)
    start = client.get(reverse("start")).content.decode()
    assert "noemt u in een opmerking" in start
    client.post(reverse("stappen:meldingen_gelezen"))
    assert "noemt u in een opmerking" not in client.get(reverse("start")).content.decode()


def test_a_lezer_sees_only_the_adopted_text_of_a_vastgesteld_document(
    client, plan, startnotitie, coordinator, jeroen
):
    versie = open_ronde(startnotitie, coordinator)
    draad = docs.opmerking_create(
        versie=versie, door=jeroen, sectie="inleiding", tekst="Interne opmerking."
    )
    services.document_close_review(document=startnotitie, door=coordinator)
    stel_vast(startnotitie, coordinator)
    client.force_login(lid_van(plan.gemeente, RolSoort.LEZER))
    html = client.get(reverse("stappen:document", args=[startnotitie.pk])).content.decode()
    assert TEKST in html
    assert "Interne opmerking." not in html
    assert "Versie 1.0" in html and "Versie 0.1" not in html
    assert client.get(reverse("stappen:versie", args=[startnotitie.pk, "1.0"])).status_code == 200
    for url in (
        reverse("stappen:versie", args=[startnotitie.pk, "0.1"]),
        reverse("stappen:vergelijken", args=[startnotitie.pk]),
        reverse("stappen:reactienota", args=[startnotitie.pk]),
        reverse("stappen:opmerking", args=[draad.pk]),
    ):
        assert client.get(url).status_code == 404, url
