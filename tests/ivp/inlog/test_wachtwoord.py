"""Passwords: at least 12 characters, not a common one, a page to change one's own, and a
reset by e-mail that goes through the outbox (never a mail in the request)."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from ivp.models import Bericht
from tests.ivp.inlog.conftest import WACHTWOORD, log_in

pytestmark = pytest.mark.django_db

NIEUW = "een zin van vier woorden"


def _wijzig(client, nieuw: str, herhaal: str | None = None):
    return client.post(
        "/account/wachtwoord/",
        {"old_password": WACHTWOORD, "new_password1": nieuw, "new_password2": herhaal or nieuw},
    )


def test_a_short_or_common_password_is_refused_with_a_dutch_error(client, werkgroeplid):
    client.force_login(werkgroeplid)

    kort = _wijzig(client, "kort-1234").content.decode()
    assert "Dit wachtwoord is te kort. Een wachtwoord heeft minstens 12 tekens" in kort
    bekend = _wijzig(client, "qwerty123456").content.decode()
    assert "Dit wachtwoord is te algemeen." in bekend
    werkgroeplid.refresh_from_db()
    assert werkgroeplid.check_password(WACHTWOORD)


def test_a_person_changes_the_own_password(client, werkgroeplid, beveiligingslog):
    client.force_login(werkgroeplid)

    response = _wijzig(client, NIEUW)

    assert response.url == "/account/"
    assert "Uw wachtwoord is gewijzigd." in client.get("/account/").content.decode()
    werkgroeplid.refresh_from_db()
    assert werkgroeplid.check_password(NIEUW)
    assert beveiligingslog.van("wachtwoord_gewijzigd")[0]["gebruiker"] == werkgroeplid.username
    assert NIEUW not in "\n".join(beveiligingslog.regels)


def test_the_reset_mail_goes_through_the_outbox(
    client, werkgroeplid, django_capture_on_commit_callbacks, beveiligingslog
):
    werkgroeplid.email = "kim@gemeente.nl"
    werkgroeplid.save()

    with django_capture_on_commit_callbacks(execute=False) as wachtrij:
        response = client.post("/wachtwoord-vergeten/", {"email": "KIM@gemeente.nl"})
    assert response.url == "/wachtwoord-vergeten/verstuurd/"
    assert mail.outbox == []  # nothing sent in the request: a row and a queued task
    bericht = Bericht.objects.get(soort="wachtwoord_herstel")
    assert bericht.ontvanger == werkgroeplid and bericht.status == "wacht"
    assert len(wachtrij) == 1

    wachtrij[0]()  # the task, as the worker runs it after the commit
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/wachtwoord-herstellen/\S+/", mail.outbox[0].body)
    assert link and mail.outbox[0].to == ["kim@gemeente.nl"]

    pad = link.group(0).split("8000", 1)[1]
    formulier = client.get(pad, follow=True)
    assert "Nieuw wachtwoord instellen" in formulier.content.decode()
    klaar = client.post(
        formulier.redirect_chain[-1][0], {"new_password1": NIEUW, "new_password2": NIEUW}
    )
    assert klaar.url == "/wachtwoord-herstellen/klaar/"
    assert log_in(client, werkgroeplid, NIEUW).status_code == 302
    assert beveiligingslog.van("wachtwoord_herstel_gevraagd")
    assert beveiligingslog.van("wachtwoord_gewijzigd")[0]["via"] == "herstel"
    assert "token" not in "\n".join(beveiligingslog.regels)


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client):
    response = client.post("/wachtwoord-vergeten/", {"email": "niemand@elders.nl"})
    assert response.url == "/wachtwoord-vergeten/verstuurd/"
    assert not Bericht.objects.exists()


def test_a_used_link_no_longer_works(client, werkgroeplid):
    werkgroeplid.email = "kim@gemeente.nl"
    werkgroeplid.save()
    with_link = client.post("/wachtwoord-vergeten/", {"email": "kim@gemeente.nl"})
    assert with_link.status_code == 302
    pad = Bericht.objects.get().url
    eerste = client.get(pad, follow=True)
    client.post(eerste.redirect_chain[-1][0], {"new_password1": NIEUW, "new_password2": NIEUW})

    opnieuw = client.get(pad, follow=True).content.decode()
    assert "Deze link werkt niet meer" in opnieuw


def test_a_reset_lifts_the_lockout_of_the_name(client, werkgroeplid, settings):
    werkgroeplid.email = "kim@gemeente.nl"
    werkgroeplid.save()
    elders = client.__class__(REMOTE_ADDR="10.7.7.7")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(elders, werkgroeplid, "niet-het-wachtwoord")
    assert log_in(client, werkgroeplid).status_code == 429

    client.post("/wachtwoord-vergeten/", {"email": "kim@gemeente.nl"})
    formulier = client.get(Bericht.objects.get().url, follow=True)
    client.post(formulier.redirect_chain[-1][0], {"new_password1": NIEUW, "new_password2": NIEUW})

    assert log_in(client, werkgroeplid, NIEUW).status_code == 302
