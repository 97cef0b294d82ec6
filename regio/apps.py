from django.apps import AppConfig


class RegioConfig(AppConfig):
    name = "regio"
    verbose_name = "Regionale samenwerking"

    def ready(self) -> None:
        # Shared parts (delen): a publication tells each member's coordinator by mail.
        from django.contrib.auth.signals import user_logged_in

        from ivp import berichten
        from regio import context_processors
        from regio.services import delen

        berichten.registreer_soort(delen.BERICHT_VOORSTEL, delen.BERICHT_VOORSTEL_LABEL)
        # The header's link to the region (regio.context_processors): read once at login.
        user_logged_in.connect(context_processors.bij_inloggen, dispatch_uid="regio_navigatie")
