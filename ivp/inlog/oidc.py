"""Single sign-on with OpenID Connect (mozilla-django-oidc), configured only by environment
variables: OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_EMAIL_CLAIM.

The endpoints come from the provider's discovery document (`<issuer>/.well-known/
openid-configuration`), fetched when someone logs in and cached for an hour, so the same four
variables work for Microsoft Entra ID (`https://login.microsoftonline.com/<tenant>/v2.0`) and
Keycloak (`https://<host>/realms/<realm>`). A person is found by e-mail address among the
existing, active accounts; nobody is ever created and no role is ever given here.
"""

from __future__ import annotations

from typing import Any

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from ivp.inlog import log
from ivp.inlog.regels import oidc_aan

ONTDEKKING_CACHE = "ivp.inlog.oidc.ontdekking"


def ontdekking() -> dict[str, Any]:
    """The provider's discovery document (endpoints, issuer), cached for an hour."""
    gegevens: dict[str, Any] | None = cache.get(ONTDEKKING_CACHE)
    if gegevens is None:
        antwoord = requests.get(
            f"{settings.OIDC_ISSUER}/.well-known/openid-configuration",
            timeout=settings.OIDC_TIMEOUT,
        )
        antwoord.raise_for_status()
        gegevens = antwoord.json()
        cache.set(ONTDEKKING_CACHE, gegevens, 60 * 60)
    return gegevens


class OidcBackend(OIDCAuthenticationBackend):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Nothing is read at construction: Django builds every backend for every login,
        # password logins included, and this one must not ask the provider then.
        self.UserModel = get_user_model()
        self.issuer = ""

    def _configureer(self) -> None:
        gegevens = ontdekking()
        self.OIDC_OP_TOKEN_ENDPOINT = gegevens["token_endpoint"]
        self.OIDC_OP_USER_ENDPOINT = gegevens.get("userinfo_endpoint")
        self.OIDC_OP_JWKS_ENDPOINT = gegevens["jwks_uri"]
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None
        self.issuer = gegevens.get("issuer", settings.OIDC_ISSUER)

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> Any:
        if not oidc_aan() or request is None or "username" in kwargs or "nonce" not in kwargs:
            return None
        try:
            self._configureer()
            return super().authenticate(request, **kwargs)
        except (requests.RequestException, SuspiciousOperation, KeyError) as fout:
            log.meld(log.OIDC_GEWEIGERD, request=request, reden=type(fout).__name__)
            return None

    def _verify_jws(self, payload: str, key: Any) -> dict[str, Any]:
        """The library checks the signature only; the audience (our client) and the issuer
        are checked here too, with the expiry."""
        kop = jwt.get_unverified_header(payload)
        if kop.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation("Onverwacht algoritme van het token.")
        try:
            gegevens: dict[str, Any] = jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                # Entra's multi-tenant documents name "{tenantid}"; a tenant's own is exact.
                issuer=None if "{" in self.issuer else self.issuer,
                options={"require": ["exp", "iat"]},
            )
        except jwt.PyJWTError as fout:
            raise SuspiciousOperation(f"Token ongeldig: {type(fout).__name__}") from fout
        return gegevens

    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        """The id token's claims, completed by the userinfo endpoint when there is one
        (Entra often has the address only in the token, Keycloak in both)."""
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            claims.update(super().get_userinfo(access_token, id_token, payload))
        return claims

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(claims.get(settings.OIDC_EMAIL_CLAIM))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[Any]:
        email = str(claims.get(settings.OIDC_EMAIL_CLAIM) or "").strip()
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        gebruiker = super().get_or_create_user(access_token, id_token, payload)
        if gebruiker is None:
            log.meld(
                log.OIDC_GEWEIGERD,
                request=self.request,
                reden="onbekend e-mailadres",
                poging_email=payload.get(settings.OIDC_EMAIL_CLAIM),
            )
        return gebruiker

    def get_user(self, user_id: int) -> Any:
        """As Django's: an account switched off ends its sessions (the library's does not)."""
        return ModelBackend.get_user(self, user_id)

    def create_user(self, claims: dict[str, Any]) -> Any:
        raise SuspiciousOperation("IVP Regie maakt geen accounts aan bij eenmalig inloggen.")


class OidcStartView(OIDCAuthenticationRequestView):
    """Sends the person to the provider; 404 when single sign-on is not configured."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        if not oidc_aan():
            raise Http404("Eenmalig inloggen is niet ingesteld.")
        try:
            self.OIDC_OP_AUTH_ENDPOINT = ontdekking()["authorization_endpoint"]
        except (requests.RequestException, KeyError, ValueError):
            messages.error(
                request,
                f"Inloggen via {settings.OIDC_NAAM} lukt nu niet: de inlogdienst antwoordt "
                "niet. Probeer het later opnieuw.",
            )
            return HttpResponseRedirect(resolve_url("login"))
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        response: HttpResponse = super().get(request)
        return response


class OidcTerugView(OIDCAuthenticationCallbackView):
    """The provider sends the person back here; a refusal is told in Dutch on the login page."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if not oidc_aan():
            raise Http404("Eenmalig inloggen is niet ingesteld.")
        response: HttpResponse = super().get(request)
        return response

    def login_failure(self) -> HttpResponse:
        messages.error(
            self.request,
            f"Inloggen via {settings.OIDC_NAAM} is niet gelukt. Misschien is uw e-mailadres niet "
            "bekend in IVP Regie; vraag de coördinator OOV van uw gemeente om een account met "
            "het e-mailadres van uw organisatie.",
        )
        return HttpResponseRedirect(resolve_url("login"))
