from django.apps import AppConfig


class WerkgroepConfig(AppConfig):
    name = "werkgroep"
    verbose_name = "Werkgroep"

    def ready(self) -> None:
        # The daily sweep reaches the werkgroep reminders without ivp importing werkgroep.
        from ivp import herinneringen
        from werkgroep import tasks

        herinneringen.registreer("werkgroep", tasks.herinneringen)
