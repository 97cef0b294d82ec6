from django.apps import AppConfig


class UitvoeringConfig(AppConfig):
    name = "uitvoering"
    verbose_name = "Uitvoering"

    def ready(self) -> None:
        # Step 5 checks the activities; the uitvoeringsplan's document shows them; the daily
        # sweep reminds the trekkers at the end of a quarter. All through registries, so the
        # apps above never import this one.
        from ivp import berichten, herinneringen
        from regio.overzicht import registreer_kolom
        from stappen import guards, secties
        from stappen.constants import StapNummer
        from uitvoering import controles, regio, tasks, teksten

        guards.registreer_sluitcontrole(StapNummer.UITVOERINGSPLAN, controles.stap5_activiteiten)
        for soort, bouwer in teksten.BOUWERS.items():
            secties.registreer_bouwer(str(soort), bouwer)
        herinneringen.registreer("uitvoering", tasks.herinneringen)
        registreer_kolom(regio.ACTIVITEITEN)  # the regional overview: activities per member
        registreer_kolom(regio.REGIONALE_ACTIVITEITEN)
        for code, label, verplicht in tasks.SOORTEN:
            berichten.registreer_soort(code, label, verplicht=verplicht)
