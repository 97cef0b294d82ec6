from django.apps import AppConfig


class RegioConfig(AppConfig):
    name = "regio"
    verbose_name = "Regionale samenwerking"

    def ready(self) -> None:
        # Shared parts (delen): a publication tells each member's coordinator by mail.
        from ivp import berichten
        from regio.services import delen

        berichten.registreer_soort(delen.BERICHT_VOORSTEL, delen.BERICHT_VOORSTEL_LABEL)
