"""The password backend: Django's, refusing people whose gemeente logs in through single
sign-on only."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from ivp.inlog.regels import wachtwoord_toegestaan


class WachtwoordBackend(ModelBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        gebruiker = super().authenticate(request, username=username, password=password, **kwargs)
        if gebruiker is not None and not wachtwoord_toegestaan(gebruiker):
            return None
        return gebruiker
