"""Three middlewares, after Django's AuthenticationMiddleware and django-otp's OTPMiddleware:

- `SessieduurMiddleware`: a session ends after IVP_SESSIE_INACTIEF_MINUTEN without a request
  and after IVP_SESSIE_MAX_UUR anyhow;
- `TweestapsMiddleware`: whoever must give a second factor and has not yet, goes to the code
  page (or sets it up first) before anything else;
- `WeigeringenMiddleware`: a 404 or 403 raised by a view (another gemeente's object, a role
  that may not) goes into the security log with user, IP and path.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect
from django_otp import user_has_device

from ivp.inlog import log
from ivp.inlog.regels import tweestaps_nodig_voor_beheer
from ivp.inlog.signalen import INLOG_OP, LAATST_OP, TWEESTAPS_NODIG

# A request less than this many seconds after the last one does not rewrite the session.
BIJWERKEN_NA = 60


class SessieduurMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            self._controleer(request)
        return self.get_response(request)

    def _controleer(self, request: HttpRequest) -> None:
        sessie = request.session
        nu = int(time.time())
        inlog_op = sessie.get(INLOG_OP)
        laatst_op = sessie.get(LAATST_OP)
        if inlog_op is None or laatst_op is None:  # a session from before these rules
            sessie[INLOG_OP] = sessie[LAATST_OP] = nu
            return
        inactief = nu - laatst_op > settings.IVP_SESSIE_INACTIEF_MINUTEN * 60
        te_lang = nu - inlog_op > settings.IVP_SESSIE_MAX_UUR * 60 * 60
        if inactief or te_lang:
            gebruiker = request.user
            logout(request)
            log.meld(
                log.SESSIE_VERLOPEN,
                request=request,
                gebruiker=gebruiker,
                reden="inactief" if inactief else "maximale duur",
            )
            messages.info(
                request,
                (
                    f"U bent uitgelogd omdat u {settings.IVP_SESSIE_INACTIEF_MINUTEN} minuten "
                    "niets hebt gedaan. Log opnieuw in."
                )
                if inactief
                else (
                    f"U bent uitgelogd omdat u langer dan {settings.IVP_SESSIE_MAX_UUR} uur "
                    "was ingelogd. Log opnieuw in."
                ),
            )
        elif nu - laatst_op >= BIJWERKEN_NA:
            sessie[LAATST_OP] = nu


class TweestapsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        gebruiker = request.user
        if (
            gebruiker.is_authenticated
            and not gebruiker.is_verified()  # type: ignore[attr-defined]  # set by OTPMiddleware
            and not self._vrij(request.path)
            and (
                request.session.get(TWEESTAPS_NODIG, False)
                or (
                    request.path.startswith(reverse("admin:index"))
                    and tweestaps_nodig_voor_beheer(gebruiker)
                )
            )
        ):
            doel = "inlog:code" if user_has_device(gebruiker) else "inlog:tweestaps_instellen"
            url = f"{reverse(doel)}?{urlencode({'next': request.get_full_path()})}"
            if getattr(request, "htmx", False):
                return HttpResponseClientRedirect(url)
            return HttpResponseRedirect(url)
        return self.get_response(request)

    @staticmethod
    def _vrij(pad: str) -> bool:
        """The pages one needs to give or set up the second factor, or to leave."""
        vrij = [
            reverse("inlog:code"),
            reverse("inlog:tweestaps_instellen"),
            reverse("logout"),
            reverse("login"),
            f"/{settings.STATIC_URL.lstrip('/')}",
        ]
        return any(pad.startswith(begin) for begin in vrij)


class WeigeringenMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        """A view refused: 404 (not found or another gemeente's, never told apart to the
        user) or 403. Logged; Django then renders the usual page."""
        if isinstance(exception, Http404):
            log.meld(log.GEWEIGERD, request=request, status=404, reden=str(exception) or None)
        elif isinstance(exception, PermissionDenied):
            log.meld(log.GEWEIGERD, request=request, status=403, reden=str(exception) or None)
        return None
