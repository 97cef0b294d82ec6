"""Single sign-on with OpenID Connect against a stub provider (tests/ivp/inlog/aanbieder.py):
the flow, mapping to an existing person by e-mail, an unknown address refused, nobody created,
and a gemeente that switches password login off."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache

from ivp.inlog.oidc import ONTDEKKING_CACHE
from ivp.models import Gebruiker
from tests.ivp.inlog.aanbieder import CLIENT_ID, CLIENT_SECRET, CODE, Aanbieder
from tests.ivp.inlog.conftest import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def aanbieder(settings, monkeypatch):
    for naam in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(naam, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    with Aanbieder() as stub:
        settings.OIDC_ISSUER = stub.url
        settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
        settings.OIDC_NAAM = "Gemeente Testdam"
        cache.delete(ONTDEKKING_CACHE)
        yield stub
    cache.delete(ONTDEKKING_CACHE)


def _via_aanbieder(client, aanbieder: Aanbieder, email: str):
    """Start at our login button, 'log in' at the provider, come back with the code."""
    naar = client.get("/oidc/authenticate/?next=/plannen/")
    assert naar.status_code == 302
    adres = urlsplit(naar.url)
    assert f"{adres.scheme}://{adres.netloc}{adres.path}".startswith(aanbieder.url)
    vraag = parse_qs(adres.query)
    assert vraag["client_id"] == [CLIENT_ID]
    assert vraag["code_challenge_method"] == ["S256"]
    aanbieder.nonce = vraag["nonce"][0]
    aanbieder.email = email
    return client.get(f"/oidc/callback/?code={CODE}&state={vraag['state'][0]}")


def test_the_login_page_offers_single_sign_on(client, aanbieder):
    tekst = client.get("/inloggen/").content.decode()
    assert "Inloggen via Gemeente Testdam" in tekst


def test_a_known_person_logs_in_by_e_mail(client, aanbieder, coordinator, beveiligingslog):
    coordinator.email = "A.Verbeek@Gemeente.nl"
    coordinator.save()

    response = _via_aanbieder(client, aanbieder, "a.verbeek@gemeente.nl")

    assert response.status_code == 302
    assert response.url == "/plannen/"
    assert client.session["_auth_user_id"] == str(coordinator.pk)
    assert aanbieder.tokenverzoeken[0]["code_verifier"]  # PKCE
    regel = beveiligingslog.van("inlog_gelukt")[0]
    assert regel["via"] == "oidc" and regel["gebruiker"] == coordinator.username
    assert CLIENT_SECRET not in "\n".join(beveiligingslog.regels)


def test_the_providers_mfa_counts_as_the_second_factor(client, aanbieder, coordinator, settings):
    settings.IVP_TWEESTAPS_VERPLICHT = True
    coordinator.email = "coordinator@gemeente.nl"
    coordinator.save()
    _via_aanbieder(client, aanbieder, "coordinator@gemeente.nl")
    assert client.get("/").status_code == 200

    settings.OIDC_TWEESTAPS_BIJ_PROVIDER = False
    client.post("/uitloggen/")
    _via_aanbieder(client, aanbieder, "coordinator@gemeente.nl")
    assert client.get("/").url.startswith("/account/tweestapsverificatie/")


def test_an_unknown_address_is_refused_and_nobody_is_created(
    client, aanbieder, coordinator, beveiligingslog
):
    aantal = Gebruiker.objects.count()

    response = _via_aanbieder(client, aanbieder, "onbekend@elders.nl")

    assert response.url == "/inloggen/"
    assert "_auth_user_id" not in client.session
    tekst = client.get(response.url).content.decode()
    assert "Inloggen via Gemeente Testdam is niet gelukt" in tekst
    assert Gebruiker.objects.count() == aantal
    regel = beveiligingslog.van("oidc_geweigerd")[0]
    assert regel["reden"] == "onbekend e-mailadres"
    assert regel["poging_email"] == "onbekend@elders.nl"


def test_a_token_for_another_client_is_refused(client, aanbieder, coordinator, beveiligingslog):
    coordinator.email = "coordinator@gemeente.nl"
    coordinator.save()
    aanbieder.audience = "een-andere-applicatie"

    response = _via_aanbieder(client, aanbieder, "coordinator@gemeente.nl")

    assert response.url == "/inloggen/"
    assert "_auth_user_id" not in client.session
    assert beveiligingslog.van("oidc_geweigerd")[0]["reden"] == "SuspiciousOperation"


def test_an_inactive_person_is_refused(client, aanbieder, werkgroeplid):
    werkgroeplid.email = "oud@gemeente.nl"
    werkgroeplid.is_active = False
    werkgroeplid.save()
    _via_aanbieder(client, aanbieder, "oud@gemeente.nl")
    assert "_auth_user_id" not in client.session


def test_a_gemeente_switches_password_login_off(client, aanbieder, gemeente, coordinator):
    coordinator.email = "coordinator@gemeente.nl"
    coordinator.save()
    client.force_login(coordinator)
    response = client.post(
        f"/gemeenten/{gemeente.pk}/inloggen/", {"tweestaps_verplicht": "on"}, follow=True
    )
    assert "zijn bewaard" in response.content.decode()
    client.post("/uitloggen/")

    assert log_in(client, coordinator).status_code == 200  # the password no longer works
    assert "_auth_user_id" not in client.session
    _via_aanbieder(client, aanbieder, "coordinator@gemeente.nl")
    assert client.session["_auth_user_id"] == str(coordinator.pk)


def test_password_login_stays_on_without_single_sign_on(client, gemeente, coordinator):
    client.force_login(coordinator)
    response = client.post(f"/gemeenten/{gemeente.pk}/inloggen/", {"tweestaps_verplicht": "on"})
    assert "Eenmalig inloggen is voor IVP Regie niet ingesteld" in response.content.decode()
    gemeente.refresh_from_db()
    assert gemeente.wachtwoord_inloggen and not gemeente.tweestaps_verplicht  # kept, unsaved
    vinkje = re.search(r'<input[^>]*name="tweestaps_verplicht"[^>]*>', response.content.decode())
    assert vinkje and " checked" in vinkje.group(0)


def test_without_configuration_the_endpoints_are_not_there(client):
    assert client.get("/oidc/authenticate/").status_code == 404
    assert "Inloggen via" not in client.get("/inloggen/").content.decode()


def test_an_account_switched_off_ends_its_single_sign_on_session(client, aanbieder, werkgroeplid):
    werkgroeplid.email = "kim@gemeente.nl"
    werkgroeplid.save()
    _via_aanbieder(client, aanbieder, "kim@gemeente.nl")
    assert client.get("/").status_code == 200

    werkgroeplid.is_active = False
    werkgroeplid.save()
    assert client.get("/").status_code == 302
