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
        from regio.constants import DeelSoort, document_soort
        from stappen import secties, signalen

        for soort in teksten.SOORTEN_PER_DOCUMENT:
            secties.registreer_aanvulling(soort, teksten.regionale_secties)
        # Its notices stand on the IVP and the veiligheidsanalyse (one per kind of shared
        # part), so the other documents' pages do not ask for the open proposals.
        signalen.registreer(
            selectors.plan_aanvulling,
            document_soorten={document_soort(deel) for deel in DeelSoort.values},
        )
