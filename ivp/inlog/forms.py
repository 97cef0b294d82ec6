"""The forms of logging in: the code of the second factor, a gemeente's login rules, and the
password reset that sends its mail through the outbox."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import PasswordResetForm
from django.urls import reverse
from django.utils import timezone

from ivp.berichten import bericht_maak
from ivp.inlog.regels import wachtwoord_toegestaan
from ivp.models import Gebruiker


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code uit de app of herstelcode",
        max_length=20,
        help_text="De zes cijfers die uw authenticator-app nu toont. Geen telefoon bij de hand? "
        "Typ dan een van uw herstelcodes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
        error_messages={"required": "Typ de code uit uw app of een herstelcode."},
    )


class InstellenForm(forms.Form):
    code = forms.CharField(
        label="Code uit de app",
        max_length=10,
        help_text="Na het scannen toont de app elke 30 seconden zes nieuwe cijfers. Typ de "
        "cijfers die u nu ziet.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
        error_messages={"required": "Typ de zes cijfers die de app toont."},
    )


class InlogregelsForm(forms.Form):
    tweestaps_verplicht = forms.BooleanField(
        label="Tweestapsverificatie verplicht voor iedereen van de gemeente",
        required=False,
        help_text="Voor coördinatoren is het altijd verplicht. Geldt vanaf de volgende keer "
        "dat iemand inlogt.",
    )
    wachtwoord_inloggen = forms.BooleanField(
        label="Inloggen met een wachtwoord toestaan",
        required=False,
        help_text="Zet dit uit als iedereen inlogt via eenmalig inloggen met het account van "
        "de organisatie.",
    )


class HerstelForm(PasswordResetForm):
    """Django's reset form; its mail is a row in the outbox (ivp.berichten), sent by a task."""

    def get_users(self, email: str) -> Any:
        for gebruiker in super().get_users(email):
            if wachtwoord_toegestaan(gebruiker):
                yield gebruiker

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        gebruiker: Gebruiker = context["user"]
        pad = reverse(
            "inlog:wachtwoord_herstellen",
            kwargs={"uidb64": context["uid"], "token": context["token"]},
        )
        bericht_maak(
            soort="wachtwoord_herstel",
            onderwerp=f"ivp.gebruiker:{gebruiker.pk}",
            moment=timezone.now().isoformat(),
            ontvanger=gebruiker,
            titel="een nieuw wachtwoord instellen",
            tekst=(
                "Iemand (hopelijk u) vroeg een nieuw wachtwoord aan voor "
                f"{gebruiker.get_username()} in IVP Regie. Met de link hieronder stelt u "
                "binnen een uur een nieuw wachtwoord in. Vroeg u niets aan? Dan kunt u deze "
                "e-mail negeren; uw wachtwoord blijft hetzelfde."
            ),
            url=pad,
        )
