from django.apps import AppConfig


class WerkgroepConfig(AppConfig):
    name = "werkgroep"
    verbose_name = "Werkgroep"

    def ready(self) -> None:
        # The daily sweep reaches the werkgroep reminders without ivp importing werkgroep.
        from ivp import berichten, downloads, herinneringen
        from werkgroep import export, tasks

        herinneringen.registreer("werkgroep", tasks.herinneringen)
        downloads.registreer_maker(export.UREN_XLSX, tasks.uren_xlsx_maak, export.XLSX_TYPE)
        for code, label, verplicht in tasks.SOORTEN:
            berichten.registreer_soort(code, label, verplicht=verplicht)
