"""Calling off a joint meeting (`gezamenlijk.services.gezamenlijk_afzeggen`): the regional
coordinator who organises it calls off every gemeente's part in one transaction, each
werkgroep's members told once; a held part stops it for all; and its pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from icalendar import Calendar

from ivp.exceptions import GeenToegang
from ivp.models import Bericht
from tests.werkgroep.gezamenlijk import maak_regio, plan_gezamenlijk
from werkgroep import services as werkgroep_services
from werkgroep.gezamenlijk import services
from werkgroep.models import Bijeenkomst
from werkgroep.uitnodiging import SOORT

pytestmark = pytest.mark.django_db

VOLGENDE_WEEK = dt.date(2022, 10, 27)  # the `vandaag` fixture is 20-10-2022
REDEN = "De spreker van het RIEC is verhinderd."


@pytest.fixture
def wereld(vandaag):
    wereld = maak_regio(3)
    for deelnemer in wereld.deelnemers:
        deelnemer.lid.gebruiker.email = f"lid@{deelnemer.gemeente.naam.lower()}.nl"
        deelnemer.lid.gebruiker.save()
    return wereld


@pytest.fixture
def gezamenlijk(wereld):
    return plan_gezamenlijk(wereld, datum=VOLGENDE_WEEK)


def test_the_organiser_calls_off_every_part_at_once_and_everyone_is_told_once(wereld, gezamenlijk):
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.gezamenlijk_afzeggen(gezamenlijk=gezamenlijk, door=wereld.regisseur, reden=REDEN)
    gezamenlijk.refresh_from_db()
    assert gezamenlijk.afgezegd_op is not None
    assert (gezamenlijk.reden_afzegging, gezamenlijk.volgnummer_ical) == (REDEN, 1)
    delen = list(gezamenlijk.bijeenkomsten.all())
    assert len(delen) == 3
    for deel in delen:
        assert deel.afgezegd_op == gezamenlijk.afgezegd_op
        assert (deel.reden_afzegging, deel.volgnummer_ical) == (REDEN, 1)
        assert deel.history.order_by("-history_id").first().history_user == wereld.regisseur
    for deelnemer in wereld.deelnemers:
        (bericht,) = [m for m in mail.outbox if m.to == [deelnemer.lid.gebruiker.email]]
        assert bericht.subject.startswith("IVP Regie: Afgezegd: Gezamenlijke werkgroep")
        assert REDEN in bericht.body
        (event,) = Calendar.from_ical(bericht.attachments[0][1]).walk("VEVENT")
        assert str(event["status"]) == "CANCELLED"
        assert int(event["sequence"]) == 1
        assert str(event["uid"]) == f"gezamenlijk-{gezamenlijk.uid}@ivp-regie"
        # The invitation and the notice.
        assert Bericht.objects.filter(soort=SOORT, ontvanger=deelnemer.lid.gebruiker).count() == 2


def test_a_held_part_stops_it_for_all_and_nothing_changes(wereld, gezamenlijk):
    staphorst = gezamenlijk.bijeenkomsten.get(werkgroep__plan=wereld["Staphorst"].plan)
    werkgroep_services.bijeenkomst_verslag(
        bijeenkomst=staphorst, door=wereld["Staphorst"].coordinator, notulen="Vooraf", besluiten=""
    )
    with pytest.raises(ValidationError, match="Niet afgezegd: in Staphorst zijn al notulen"):
        services.gezamenlijk_afzeggen(gezamenlijk=gezamenlijk, door=wereld.regisseur, reden=REDEN)
    gezamenlijk.refresh_from_db()
    assert gezamenlijk.afgezegd_op is None
    assert not Bijeenkomst.objects.filter(afgezegd_op__isnull=False).exists()


def test_refusals_reason_twice_past_and_anyone_but_the_organiser(wereld, gezamenlijk):
    with pytest.raises(ValidationError) as fout:
        services.gezamenlijk_afzeggen(gezamenlijk=gezamenlijk, door=wereld.regisseur, reden=" ")
    assert fout.value.message_dict == {
        "reden": ["Geef de reden waarom de bijeenkomst niet doorgaat."]
    }
    for wie in (wereld["Steenwijkerland"].coordinator, wereld["Staphorst"].lid.gebruiker):
        with pytest.raises(GeenToegang):
            services.gezamenlijk_afzeggen(gezamenlijk=gezamenlijk, door=wie, reden=REDEN)
    assert not Bijeenkomst.objects.filter(afgezegd_op__isnull=False).exists()
    services.gezamenlijk_afzeggen(gezamenlijk=gezamenlijk, door=wereld.regisseur, reden=REDEN)
    with pytest.raises(ValidationError, match="al afgezegd op 20-10-2022"):
        services.gezamenlijk_afzeggen(gezamenlijk=gezamenlijk, door=wereld.regisseur, reden="Nog")
    with pytest.raises(ValidationError, match="afgezegd; u verplaatst haar niet"):
        services.gezamenlijk_verplaats(
            gezamenlijk=gezamenlijk,
            door=wereld.regisseur,
            titel="Toch",
            datum=dt.date(2022, 11, 3),
            begintijd=dt.time(14, 0),
            eindtijd=dt.time(16, 0),
            locatie="Stadhuis Kampen",
        )
    geweest = plan_gezamenlijk(wereld, datum=dt.date(2022, 10, 19))
    with pytest.raises(ValidationError, match="al geweest"):
        services.gezamenlijk_afzeggen(gezamenlijk=geweest, door=wereld.regisseur, reden=REDEN)


def test_the_organiser_s_pages(client, wereld, gezamenlijk):
    lijst = reverse("werkgroep:gezamenlijk_lijst", args=[wereld.regio.pk])
    url = reverse("werkgroep:gezamenlijk_afzeggen", args=[gezamenlijk.pk])
    client.force_login(wereld["Steenwijkerland"].coordinator)
    assert client.get(url).status_code == 404
    assert client.post(url, {"reden": REDEN}).status_code == 404
    client.force_login(wereld.regisseur)
    html = client.get(lijst).content.decode()
    assert f'href="{url}">Zeg af' in html
    html = client.get(url).content.decode()
    assert "voor alle gemeenten: Staphorst, Steenwijkerland, Zwartewaterland" in html
    html = client.post(url, {"reden": ""}).content.decode()
    assert "Geef de reden waarom de bijeenkomst niet doorgaat." in html
    antwoord = client.post(url, {"reden": REDEN}, follow=True)
    assert antwoord.redirect_chain == [(lijst, 302)]
    html = antwoord.content.decode()
    assert "De gezamenlijke bijeenkomst is afgezegd, voor alle gemeenten" in html
    assert f"<strong>Afgezegd op 20-10-2022</strong> — {REDEN}" in html
    assert "Zeg af" not in html and "Verplaats" not in html
    # Each gemeente's part says so on its own page.
    deelnemer = wereld["Zwartewaterland"]
    deel = gezamenlijk.bijeenkomsten.get(werkgroep__plan=deelnemer.plan)
    client.force_login(deelnemer.coordinator)
    html = client.get(reverse("werkgroep:bijeenkomst", args=[deel.pk])).content.decode()
    assert f"<strong>Afgezegd op 20-10-2022</strong> — {REDEN}" in html
    assert "Afzeggen doet de regionale coördinator" not in html
