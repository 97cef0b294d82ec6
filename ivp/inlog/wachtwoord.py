"""Password rules beyond Django's own: its minimum-length message of Django 6.1 has no Dutch
translation yet, so the validator says it here (settings.AUTH_PASSWORD_VALIDATORS)."""

from __future__ import annotations

from django.contrib.auth.password_validation import MinimumLengthValidator


class MinimaleLengte(MinimumLengthValidator):
    def get_error_message(self) -> str:
        return (
            f"Dit wachtwoord is te kort. Een wachtwoord heeft minstens {self.min_length} tekens;"
            " een zin van een paar woorden is sterk en goed te onthouden."
        )
