from django.apps import AppConfig


class WerkgroepConfig(AppConfig):
    name = "werkgroep"
    verbose_name = "Werkgroep"

    def ready(self) -> None:
        # The daily sweep reaches the werkgroep reminders without ivp importing werkgroep.
        from ivp import berichten, herinneringen
        from werkgroep import tasks

        herinneringen.registreer("werkgroep", tasks.herinneringen)
        for code, label, verplicht in tasks.SOORTEN:
            berichten.registreer_soort(code, label, verplicht=verplicht)
