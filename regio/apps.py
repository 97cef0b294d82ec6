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

        # A member's documents take in its copies of the shared parts, and its plan and
        # document pages show the region's open proposals: through stappen's registries, so
        # stappen never imports this app.
        from regio import selectors, teksten
        from stappen import secties, signalen

        for soort in teksten.SOORTEN_PER_DOCUMENT:
            secties.registreer_aanvulling(soort, teksten.regionale_secties)
        signalen.registreer(selectors.plan_aanvulling)
