from django.apps import AppConfig


class IvpConfig(AppConfig):
    name = "ivp"
    verbose_name = "Gemeenten, plannen en rollen"

    def ready(self) -> None:
        # The tasks register with the Celery app, so the outbox can queue them by name.
        from ivp import tasks  # noqa: F401
        from ivp.inlog import signalen

        # The security log (docs/beveiliging.md).
        signalen.verbind()
