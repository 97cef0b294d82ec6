"""The pages of logging in and of one's own account (docs/beveiliging.md)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice

from ivp.forms import InlogForm
from ivp.inlog import log, selectors, services
from ivp.inlog.forms import CodeForm, HerstelForm, InlogregelsForm, InstellenForm
from ivp.inlog.regels import oidc_aan
from ivp.selectors import regie_gemeenten
from ivp.views import AuthenticatedHttpRequest, probeer

HERSTELCODES_SESSIE = "ivp_nieuwe_herstelcodes"


def _volgende(request: HttpRequest) -> str:
    """The page to go to after the second factor (only one of our own)."""
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return reverse(settings.LOGIN_REDIRECT_URL)


class InlogView(auth_views.LoginView):
    """Django's login page, with single sign-on next to it when configured."""

    authentication_form = InlogForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["oidc_aan"] = oidc_aan()
        context["oidc_naam"] = settings.OIDC_NAAM
        return context


def geblokkeerd(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """What django-axes shows after too many wrong passwords (also on /beheer/login/)."""
    minuten = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "account/geblokkeerd.html", {"minuten": minuten}, status=429)


@login_required
def code(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The second step of logging in: a code from the app, or a recovery code."""
    if request.user.is_verified():  # type: ignore[attr-defined]  # set by OTPMiddleware
        return redirect(_volgende(request))
    if not user_has_device(request.user):
        vraag = urlencode({"next": _volgende(request)})
        return redirect(f"{reverse('inlog:tweestaps_instellen')}?{vraag}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        apparaat = probeer(
            request,
            services.code_controleer,
            form=form,
            gebruiker=request.user,
            code=form.cleaned_data["code"],
            request=request,
        )
        if apparaat:
            otp_login(request, apparaat)
            over = selectors.herstelcodes_over(request.user)
            if isinstance(apparaat, StaticDevice):
                messages.warning(
                    request,
                    f"U hebt een herstelcode gebruikt; er zijn er nog {over}. Maak nieuwe "
                    "herstelcodes aan onder ‘Uw account’ als u er weinig over hebt.",
                )
            return redirect(_volgende(request))
    return render(request, "account/code.html", {"form": form, "next": _volgende(request)})


@login_required
def tweestaps_instellen(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Set up the authenticator app: scan the QR code, confirm with one code."""
    if user_has_device(request.user) and not request.user.is_verified():  # type: ignore[attr-defined]
        # Someone with a second factor proves it before replacing it.
        return redirect(f"{reverse('inlog:code')}?next={request.path}")
    apparaat = services.tweestaps_begin(gebruiker=request.user)
    form = InstellenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        resultaat = probeer(
            request,
            services.tweestaps_bevestig,
            form=form,
            gebruiker=request.user,
            code=form.cleaned_data["code"],
            request=request,
        )
        if resultaat:
            bevestigd, codes = resultaat
            otp_login(request, bevestigd)
            request.session[HERSTELCODES_SESSIE] = codes
            messages.success(request, "Tweestapsverificatie staat aan.")
            return redirect(f"{reverse('inlog:herstelcodes')}?next={_volgende(request)}")
    geheim = apparaat.config_url.split("secret=")[1].split("&")[0]
    qr = segno.make(apparaat.config_url, error="m")
    context = {
        "form": form,
        # segno writes the SVG itself (no user input in it): a path, no script, no style.
        "qr": mark_safe(qr.svg_inline(omitsize=True, title="QR-code voor uw authenticator-app")),
        "geheim": " ".join(geheim[i : i + 4] for i in range(0, len(geheim), 4)),
        "next": _volgende(request),
    }
    return render(request, "account/tweestaps_instellen.html", context)


@login_required
def herstelcodes(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The new recovery codes, shown once; a POST makes a new set."""
    if request.method == "POST":
        if not request.user.is_verified():  # type: ignore[attr-defined]
            return redirect(f"{reverse('inlog:code')}?next={request.path}")
        request.session[HERSTELCODES_SESSIE] = services.herstelcodes_maak(gebruiker=request.user)
        return redirect("inlog:herstelcodes")
    codes = request.session.pop(HERSTELCODES_SESSIE, None)
    context = {"codes": codes, "next": _volgende(request)}
    return render(request, "account/herstelcodes.html", context)


@login_required
def account(request: AuthenticatedHttpRequest) -> HttpResponse:
    """One's own account: the second factor, the password, and (for a coordinator) the login
    rules of the gemeente."""
    context = {
        "app": selectors.tweestaps_app(request.user),
        "herstelcodes_over": selectors.herstelcodes_over(request.user),
        "gemeenten": regie_gemeenten(request.user),
    }
    return render(request, "account/account.html", context)


class WachtwoordWijzigenView(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm
    template_name = "account/wachtwoord_wijzigen.html"
    success_url = reverse_lazy("inlog:account")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        log.meld(log.WACHTWOORD_GEWIJZIGD, request=self.request, via="eigen pagina")
        messages.success(self.request, "Uw wachtwoord is gewijzigd.")
        return response


class WachtwoordVergetenView(auth_views.PasswordResetView):
    form_class = HerstelForm
    template_name = "account/wachtwoord_vergeten.html"
    success_url = reverse_lazy("inlog:wachtwoord_vergeten_verstuurd")

    def form_valid(self, form: Any) -> HttpResponse:
        log.meld(log.WACHTWOORD_HERSTEL_GEVRAAGD, request=self.request)
        response: HttpResponse = super().form_valid(form)
        return response


class WachtwoordHerstellenView(auth_views.PasswordResetConfirmView):
    template_name = "account/wachtwoord_herstellen.html"
    success_url = reverse_lazy("inlog:wachtwoord_hersteld")

    def form_valid(self, form: Any) -> HttpResponse:
        response: HttpResponse = super().form_valid(form)
        services.wachtwoord_hersteld(gebruiker=form.user, request=self.request)
        return response


@login_required
def gemeente_inlogregels(request: AuthenticatedHttpRequest, gemeente_id: int) -> HttpResponse:
    """For the coordinator: locked accounts of the gemeente, and its login rules."""
    gemeente = selectors.regie_gemeente(request.user, gemeente_id)
    form = InlogregelsForm(
        request.POST or None,
        initial={
            "tweestaps_verplicht": gemeente.tweestaps_verplicht,
            "wachtwoord_inloggen": gemeente.wachtwoord_inloggen,
        },
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.gemeente_inlogregels_bewaar,
            form=form,
            gemeente=gemeente,
            door=request.user,
            request=request,
            **form.cleaned_data,
        )
    ):
        messages.success(request, f"De inlogregels van {gemeente} zijn bewaard.")
        return redirect("inlog:gemeente", gemeente_id=gemeente.pk)
    context = {
        "gemeente": gemeente,
        "form": form,
        "blokkades": selectors.geblokkeerde_accounts(gemeente.pk),
        "oidc_aan": oidc_aan(),
        "max_pogingen": settings.AXES_FAILURE_LIMIT,
        "minuten": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "account/gemeente.html", context)


@login_required
@require_POST
def ontgrendel(
    request: AuthenticatedHttpRequest, gemeente_id: int, gebruiker_id: int
) -> HttpResponse:
    gemeente = selectors.regie_gemeente(request.user, gemeente_id)
    gebruiker = selectors.gebruiker_van_gemeente(gemeente.pk, gebruiker_id)
    if probeer(
        request,
        services.account_ontgrendel,
        gemeente=gemeente,
        door=request.user,
        gebruiker=gebruiker,
        request=request,
    ):
        messages.success(request, f"Het account van {gebruiker} is ontgrendeld.")
    return redirect("inlog:gemeente", gemeente_id=gemeente.pk)
