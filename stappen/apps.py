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
        # The next plan started from the previous one (issue 14): the evaluation chapter of
        # the startnotitie, step 1's close check, and the texts a new plan can take over.
        from stappen import guards, vervolg
        from stappen.constants import DocumentSoort, StapNummer
        from stappen.selectors import vervolg as vervolg_selectors
        from stappen.services import vervolg as vervolg_services

        secties.registreer_bouwer(DocumentSoort.STARTNOTITIE, vervolg_selectors.bouw_evaluatie)
        secties.registreer_plaats(DocumentSoort.STARTNOTITIE, "inleiding")
        guards.registreer_sluitcontrole(StapNummer.STARTNOTITIE, vervolg_selectors.sluitcontrole)
        vervolg.registreer_overname(vervolg_services.TEKSTEN)
        # The daily sweep reaches the stappen reminders without ivp importing stappen.
        from ivp import berichten, herinneringen
        from stappen import tasks

        herinneringen.registreer("stappen", tasks.herinneringen)
        # The hourly sweep queues again the PDF renderings whose broker message was lost.
        from ivp import opruimen
        from stappen.services.stukken import weergaven_nalopen

        opruimen.registreer_wachtrij("pdf", weergaven_nalopen)
        for code, label, verplicht in tasks.SOORTEN:
            berichten.registreer_soort(code, label, verplicht=verplicht)
