"""The writes of logging in: the second factor and recovery codes, a gemeente's login rules,
unlocking an account. Each refusal is a Dutch sentence (a `ValidationError` on the field, or
`Geweigerd`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from axes.utils import reset as axes_reset
from django.core.exceptions import ValidationError
from django.db import transaction
from django_otp import devices_for_user
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ivp.exceptions import Geweigerd
from ivp.inlog import log
from ivp.inlog.regels import oidc_aan
from ivp.models import Gebruiker, Gemeente
from ivp.permissions import PLAN_REGISSEURS, heeft_rol
from ivp.services import bewaar

if TYPE_CHECKING:
    from django.http import HttpRequest

AANTAL_HERSTELCODES = 10
CODE_FOUT = (
    "Deze code klopt niet. Typ de zes cijfers die de app nu toont (of een herstelcode); "
    "staat de tijd op uw telefoon goed?"
)
TE_VEEL_POGINGEN = (
    "U hebt net een foute code getypt. Wacht even (na elke foute code wat langer) en typ dan "
    "de code die de app op dat moment toont."
)


def _schoon(code: str) -> str:
    return "".join(code.split()).lower()


@transaction.atomic
def tweestaps_begin(*, gebruiker: Gebruiker) -> TOTPDevice:
    """The key the person is about to add to their app: one not yet confirmed, kept until
    they confirm it (so the QR code stays the same when the page is shown again)."""
    apparaat = TOTPDevice.objects.filter(user=gebruiker, confirmed=False).order_by("-pk").first()
    if apparaat is None:
        apparaat = TOTPDevice.objects.create(
            user=gebruiker, name="Authenticator-app", confirmed=False
        )
    return apparaat


def tweestaps_bevestig(
    *, gebruiker: Gebruiker, code: str, request: HttpRequest | None = None
) -> tuple[TOTPDevice, list[str]]:
    """Confirm the new key with a code from the app; replaces an earlier app and makes new
    recovery codes. Returns the device and the codes (shown once)."""
    apparaat = TOTPDevice.objects.filter(user=gebruiker, confirmed=False).order_by("-pk").first()
    if apparaat is None:
        raise Geweigerd("Open de pagina opnieuw; er is geen nieuwe sleutel om te bevestigen.")
    toegestaan, _ = apparaat.verify_is_allowed()
    # Outside a transaction: a wrong code counts towards the throttle and must stay counted.
    if not toegestaan or not apparaat.verify_token(_schoon(code)):
        log.meld(log.TWEESTAPS_MISLUKT, request=request, gebruiker=gebruiker, bij="instellen")
        raise ValidationError({"code": CODE_FOUT if toegestaan else TE_VEEL_POGINGEN})
    with transaction.atomic():
        apparaat.confirmed = True
        apparaat.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=gebruiker).exclude(pk=apparaat.pk).delete()
        codes = herstelcodes_maak(gebruiker=gebruiker)
    log.meld(log.TWEESTAPS_INGESTELD, request=request, gebruiker=gebruiker)
    return apparaat, codes


@transaction.atomic
def herstelcodes_maak(*, gebruiker: Gebruiker) -> list[str]:
    """Ten new recovery codes, each usable once; the earlier ones stop working."""
    StaticDevice.objects.filter(user=gebruiker).delete()
    apparaat = StaticDevice.objects.create(user=gebruiker, name="Herstelcodes")
    codes = [StaticToken.random_token() for _ in range(AANTAL_HERSTELCODES)]
    StaticToken.objects.bulk_create(StaticToken(device=apparaat, token=c) for c in codes)
    return codes


def code_controleer(
    *, gebruiker: Gebruiker, code: str, request: HttpRequest | None = None
) -> Device:
    """The device (app or recovery codes) that accepts `code`; a recovery code is used up.
    Each device throttles wrong codes itself (waits that double)."""
    code = _schoon(code)
    # Digits go to the app, letters to the recovery codes: a recovery code must not count as
    # a wrong code of the app (and slow it down), nor the other way round.
    soort = TOTPDevice if code.isdigit() else StaticDevice
    geremd = False
    gevonden: Device | None = None
    # The devices are locked while one is tried; nothing raises inside, so that a wrong code
    # stays counted for the throttle.
    with transaction.atomic():
        for apparaat in devices_for_user(gebruiker, for_verify=True):
            if not isinstance(apparaat, soort):
                continue
            toegestaan, _ = apparaat.verify_is_allowed()
            if not toegestaan:
                geremd = True
            elif apparaat.verify_token(code):
                gevonden = apparaat
                break
    if isinstance(gevonden, StaticDevice):
        over = gevonden.token_set.count()
        log.meld(log.HERSTELCODE_GEBRUIKT, request=request, gebruiker=gebruiker, over=over)
        return gevonden
    if gevonden is not None:
        log.meld(log.TWEESTAPS_GELUKT, request=request, gebruiker=gebruiker)
        return gevonden
    log.meld(log.TWEESTAPS_MISLUKT, request=request, gebruiker=gebruiker, bij="inloggen")
    raise ValidationError({"code": TE_VEEL_POGINGEN if geremd else CODE_FOUT})


def _vereis_regie_gemeente(gemeente: Gemeente, door: Gebruiker) -> None:
    if not heeft_rol(door, gemeente.pk, PLAN_REGISSEURS):
        raise Geweigerd(f"Alleen de coördinator OOV van {gemeente} mag dit doen.")


@transaction.atomic
def gemeente_inlogregels_bewaar(
    *,
    gemeente: Gemeente,
    door: Gebruiker,
    tweestaps_verplicht: bool,
    wachtwoord_inloggen: bool,
    request: HttpRequest | None = None,
) -> Gemeente:
    """The coordinator sets how the gemeente's people log in."""
    _vereis_regie_gemeente(gemeente, door)
    if not wachtwoord_inloggen and not oidc_aan():
        raise ValidationError(
            {
                "wachtwoord_inloggen": "Eenmalig inloggen is voor IVP Regie niet ingesteld; "
                "zonder wachtwoord kan dan niemand van de gemeente inloggen. Vraag de "
                "beheerder eerst eenmalig inloggen (OpenID Connect) in te stellen."
            }
        )
    gemeente.tweestaps_verplicht = tweestaps_verplicht
    gemeente.wachtwoord_inloggen = wachtwoord_inloggen
    bewaar(gemeente, door=door, reden="inlogregels gewijzigd")
    log.meld(
        log.INSTELLING_GEWIJZIGD,
        request=request,
        gebruiker=door,
        gemeente_id=gemeente.pk,
        tweestaps_verplicht=tweestaps_verplicht,
        wachtwoord_inloggen=wachtwoord_inloggen,
    )
    return gemeente


def account_ontgrendel(
    *, gemeente: Gemeente, door: Gebruiker, gebruiker: Gebruiker, request: HttpRequest | None = None
) -> int:
    """Lift the lockout of a person of the gemeente (the failed attempts are forgotten)."""
    _vereis_regie_gemeente(gemeente, door)
    if not gebruiker.rollen.filter(gemeente=gemeente).exists():
        raise Geweigerd(f"{gebruiker} heeft geen rol in {gemeente}.")
    aantal: int = axes_reset(username=gebruiker.get_username())
    log.meld(
        log.ONTGRENDELD,
        request=request,
        gebruiker=door,
        ontgrendeld=gebruiker.get_username(),
        gemeente_id=gemeente.pk,
    )
    return aantal


def wachtwoord_hersteld(*, gebruiker: Gebruiker, request: HttpRequest | None = None) -> None:
    """After a reset by e-mail: who proved the address may log in at once, so the lockout
    of the name is lifted."""
    axes_reset(username=gebruiker.get_username())
    log.meld(log.WACHTWOORD_GEWIJZIGD, request=request, gebruiker=gebruiker, via="herstel")
