from django.apps import AppConfig


class WerkgroepConfig(AppConfig):
    name = "werkgroep"
    verbose_name = "Werkgroep"

    def ready(self) -> None:
        # The daily sweep reaches the werkgroep reminders without ivp importing werkgroep.
        from ivp import berichten, downloads, herinneringen
        from regio.overzicht import registreer_kolom
        from stappen.vervolg import registreer_overname
        from werkgroep import export, regio, tasks, vervolg

        # A new plan started from the previous one takes over members and budgets (issue 14).
        registreer_overname(vervolg.LEDEN)
        registreer_overname(vervolg.UREN)
        # The regional overview shows each member's hours (totals only).
        registreer_kolom(regio.UREN)

        herinneringen.registreer("werkgroep", tasks.herinneringen)
        downloads.registreer_maker(export.UREN_XLSX, tasks.uren_xlsx_maak, export.XLSX_TYPE)
        for code, label, verplicht in tasks.SOORTEN:
            berichten.registreer_soort(code, label, verplicht=verplicht)
