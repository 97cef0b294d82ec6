from django.apps import AppConfig


class RegioConfig(AppConfig):
    name = "regio"
    verbose_name = "Regionale samenwerking"

    def ready(self) -> None:
        # A member's documents take in its copies of the shared parts, and its plan and
        # document pages show the region's open proposals: through stappen's registries, so
        # stappen never imports this app.
        from regio import selectors, teksten
        from stappen import secties, signalen

        for soort in teksten.SOORTEN_PER_DOCUMENT:
            secties.registreer_aanvulling(soort, teksten.regionale_secties)
        signalen.registreer(selectors.plan_aanvulling)
