"""A person chooses per kind of notice: at once, the daily digest, or no e-mail; the overdue
kinds cannot be switched off. The digest collects the notices into one mail, once a day."""

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse

from ivp import herinneringen
from ivp.berichten import voorkeuren_bewaar
from ivp.constants import RolSoort
from ivp.models import Bericht, BerichtStatus, MeldingKeuze
from stappen import services
from stappen.constants import DocumentSoort
from stappen.models import Melding
from tests.stappen.factories import maak_plan
from tests.stappen.stappenplan import coordinator_van, document, lid_van, schrijf

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")


def om(dag: dt.date, uur: int):
    return time_machine.travel(dt.datetime.combine(dag, dt.time(uur), tzinfo=AMS), tick=False)


def na_commit():
    return TestCase.captureOnCommitCallbacks(execute=True)


def aan(adres: str) -> list[str]:
    return [str(m.subject) for m in mail.outbox if m.to == [adres]]


@pytest.fixture
def opzet():
    plan = maak_plan()
    coordinator = coordinator_van(plan.gemeente)
    politie = lid_van(plan.gemeente, username="politie", email="politie@example.nl")
    jeugd = lid_van(plan.gemeente, username="jeugd", email="jeugd@example.nl")
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    schrijf(startnotitie, coordinator, {"inleiding": "Veiligheid is belangrijk."})
    with om(dt.date(2022, 6, 1), 9), na_commit():
        services.document_open_review(
            document=startnotitie, door=coordinator, sluit_op=dt.date(2022, 6, 30), bericht=""
        )
    mail.outbox.clear()
    return SimpleNamespace(
        plan=plan,
        coordinator=coordinator,
        politie=politie,
        jeugd=jeugd,
        versie=startnotitie.versies.get(),
    )


def noem(versie, door, wie: str, dag: dt.date, uur: int):
    with om(dag, uur), na_commit():
        services.opmerking_create(
            versie=versie, door=door, sectie="inleiding", tekst=f"Wat vind jij, @{wie}?"
        )


def test_the_digest_collects_the_notices_into_one_mail_once_a_day(opzet):
    o = opzet
    voorkeuren_bewaar(gebruiker=o.politie, keuzes={"noeming": MeldingKeuze.DAGOVERZICHT})
    noem(o.versie, o.coordinator, "politie", dt.date(2022, 6, 2), 10)
    noem(o.versie, o.jeugd, "politie", dt.date(2022, 6, 2), 15)
    noem(o.versie, o.coordinator, "jeugd", dt.date(2022, 6, 2), 15)
    assert aan("politie@example.nl") == []  # in the digest, not at once
    assert len(aan("jeugd@example.nl")) == 1  # o.jeugd chose nothing: at once
    assert Melding.objects.filter(gebruiker=o.politie, tekst__contains="noemt u").count() == 2
    for uur in (7, 8):  # the beat, and the command an hour later
        with om(dt.date(2022, 6, 3), uur), na_commit():
            herinneringen.veeg(vandaag=dt.date(2022, 6, 3))
    (overzicht,) = [m for m in mail.outbox if m.to == ["politie@example.nl"]]
    assert overzicht.subject == "IVP Regie: dagoverzicht van 03-06-2022 (2 meldingen)"
    assert overzicht.body.count("noemt u in een opmerking") == 2
    # A mention after today's digest waits for tomorrow's.
    noem(o.versie, o.jeugd, "politie", dt.date(2022, 6, 3), 12)
    with om(dt.date(2022, 6, 3), 13), na_commit():
        herinneringen.veeg(vandaag=dt.date(2022, 6, 3))
    assert len(aan("politie@example.nl")) == 1
    with om(dt.date(2022, 6, 4), 7), na_commit():
        herinneringen.veeg(vandaag=dt.date(2022, 6, 4))
    assert aan("politie@example.nl")[1] == "IVP Regie: dagoverzicht van 04-06-2022 (1 meldingen)"
    assert not Bericht.objects.filter(status=BerichtStatus.DAGOVERZICHT).exists()


def test_a_kind_switched_off_sends_no_mail_but_the_notice_is_in_the_app(opzet):
    o = opzet
    voorkeuren_bewaar(gebruiker=o.politie, keuzes={"noeming": MeldingKeuze.UIT})
    noem(o.versie, o.coordinator, "politie", dt.date(2022, 6, 2), 10)
    with om(dt.date(2022, 6, 3), 7), na_commit():
        herinneringen.veeg(vandaag=dt.date(2022, 6, 3))
    assert aan("politie@example.nl") == []
    assert Melding.objects.filter(gebruiker=o.politie, tekst__contains="noemt u").count() == 1


def test_overdue_kinds_cannot_be_switched_off(opzet):
    o = opzet
    bestuurder = lid_van(o.plan.gemeente, RolSoort.BESTUURDER, email="bm@example.nl")
    with pytest.raises(ValidationError) as fout:
        voorkeuren_bewaar(gebruiker=bestuurder, keuzes={"stap_te_laat": MeldingKeuze.UIT})
    assert "kunt u niet uitzetten" in str(fout.value)
    voorkeuren_bewaar(gebruiker=bestuurder, keuzes={"stap_deadline": MeldingKeuze.UIT})
    with om(dt.date(2022, 7, 1), 7), na_commit():  # step 1's deadline 30-06-2022 passed
        herinneringen.veeg(vandaag=dt.date(2022, 7, 1))
    assert len(aan("bm@example.nl")) == 1


def test_a_member_switches_a_kind_to_the_digest_on_the_page(client, opzet):
    o = opzet
    client.force_login(o.politie)
    url = reverse("stappen:meldingvoorkeuren")
    pagina = client.get(url)
    assert "Een urenbudget is voor 80 % of 100 % besteed" in pagina.text
    assert "Deze melding kunt u niet uitzetten." in pagina.text
    keuzes = {soort: MeldingKeuze.METEEN for soort in pagina.context["form"].fields}
    keuzes["noeming"] = MeldingKeuze.DAGOVERZICHT
    antwoord = client.post(url, keuzes, follow=True)
    assert "Uw keuzes voor de meldingen zijn bewaard." in antwoord.text
    assert antwoord.context["form"]["noeming"].initial == MeldingKeuze.DAGOVERZICHT
    antwoord = client.post(url, keuzes | {"actiepunt_te_laat": MeldingKeuze.UIT})
    assert antwoord.status_code == 200
    assert "Selecteer een geldige keuze" in antwoord.text
    noem(o.versie, o.coordinator, "politie", dt.date(2022, 6, 2), 10)
    assert aan("politie@example.nl") == []
