from django.apps import AppConfig


class StappenConfig(AppConfig):
    name = "stappen"
    verbose_name = "Stappenplan"

    def ready(self) -> None:
        # The structured content (analysis, prioritering, IVP priorities) becomes sections of
        # its document: versions, comparison and comments treat it like a chapter.
        from stappen import secties, structuur

        structuur.registreer(secties.registreer_bouwer)
        for soort, na in structuur.NA_HOOFDSTUK.items():
            secties.registreer_plaats(soort, na)
        # The daily sweep reaches the stappen reminders without ivp importing stappen.
        from ivp import berichten, herinneringen
        from stappen import tasks

        herinneringen.registreer("stappen", tasks.herinneringen)
        for code, label, verplicht in tasks.SOORTEN:
            berichten.registreer_soort(code, label, verplicht=verplicht)
