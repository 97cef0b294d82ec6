"""A mail server that can be down: the locmem backend, refusing while `STORING.aan`."""

from __future__ import annotations

import smtplib
from typing import Any

from django.core.mail.backends.locmem import EmailBackend


class Storing:
    aan = False
    pogingen = 0


STORING = Storing()

# override_settings(MAILERS=STORINGS_MAILERS) in a test, STORING.aan = True to break it.
STORINGS_MAILERS = {"default": {"BACKEND": "tests.ivp.storing.StoringBackend"}}


class StoringBackend(EmailBackend):
    def send_messages(self, messages: Any) -> int:
        STORING.pogingen += 1
        if STORING.aan:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)
