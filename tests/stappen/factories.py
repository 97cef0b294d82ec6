"""Plans are made through the service, as in the product, so they always have their steps."""

import datetime as dt

from ivp.constants import RolSoort
from ivp.models import Gemeente, Plan
from stappen import services
from tests.ivp.factories import GebruikerFactory, GemeenteFactory


def maak_plan(gemeente: Gemeente | None = None, **kwargs) -> Plan:
    gemeente = gemeente or GemeenteFactory()
    waarden = {
        "titel": "Integraal Veiligheidsplan 2023–2026",
        "traject_start": dt.date(2022, 6, 1),
        "periode_start": dt.date(2023, 1, 1),
        "periode_eind": dt.date(2026, 12, 31),
    } | kwargs
    return services.plan_create(gemeente=gemeente, **waarden)


def coordinator_van(gemeente: Gemeente):
    return GebruikerFactory(rol=(gemeente, RolSoort.COORDINATOR))


def stel_vast(document, door, datum=dt.date(2022, 6, 21), kenmerk=""):
    from stappen.constants import BESLUITORGAAN, BesluitUitkomst

    services.document_submit(document=document, door=door)
    return services.besluit_record(
        document=document,
        door=door,
        orgaan=BESLUITORGAAN[document.soort],
        datum=datum,
        uitkomst=BesluitUitkomst.VASTGESTELD,
        kenmerk=kenmerk,
    )


def document(plan, soort, jaar=None):
    return plan.documenten.get(soort=soort, jaar=jaar)


def stap(plan, nummer):
    return plan.stappen.get(nummer=nummer)


def analyseer(plan, door, velden=None):
    from veiligheidsvelden.models import Veld

    for veld in velden or Veld.objects.all():
        services.analyse_save(
            plan=plan,
            veld=veld,
            door=door,
            problematiek="Wat speelt er",
            huidige_aanpak="Wat we doen",
            verbeterpunten="Wat beter kan",
        )


def plaats_alle_hoofdthemas(plan, door, prioriteiten=("1.1",)):
    """Every VNG hoofdthema placed: the given codes as prioriteit, the rest as beheer."""
    from stappen.constants import Keuze
    from veiligheidsvelden.models import Thema

    plaatsingen = {}
    for thema in Thema.objects.voor_gemeente(plan.gemeente_id).hoofdthemas():
        keuze = Keuze.PRIORITEIT if thema.code in prioriteiten else Keuze.BEHEER
        plaatsingen[thema.code] = services.plaatsing_save(
            plan=plan, thema=thema, door=door, keuze=keuze
        )
    return plaatsingen


def tot_en_met_stap(plan, door, nummer):
    """Drive `plan` through the method until step `nummer` is afgerond (1, 2 or 3), using
    only services, as a coordinator would."""
    from stappen.constants import DocumentSoort

    services.stap_start(stap=stap(plan, 1), door=door)
    stel_vast(document(plan, DocumentSoort.STARTNOTITIE), door)
    services.stap_close(stap=stap(plan, 1), door=door)
    if nummer == 1:
        return
    services.stap_start(stap=stap(plan, 2), door=door)
    analyseer(plan, door)
    stel_vast(document(plan, DocumentSoort.VEILIGHEIDSANALYSE), door, dt.date(2022, 9, 27))
    services.stap_close(stap=stap(plan, 2), door=door)
    if nummer == 2:
        return
    services.stap_start(stap=stap(plan, 3), door=door)
    plaats_alle_hoofdthemas(plan, door)
    services.prioritering_update(
        plan=plan,
        door=door,
        raad_bijeenkomst_op=dt.date(2022, 10, 4),
        driehoek_op=dt.date(2022, 10, 12),
    )
    stel_vast(document(plan, DocumentSoort.PRIORITERING), door, dt.date(2022, 10, 25))
    services.stap_close(stap=stap(plan, 3), door=door)


def lid_van(gemeente: Gemeente, soort: str = RolSoort.WERKGROEPLID, **kwargs):
    """A user with one role in `gemeente` (a werkgroeplid unless told otherwise)."""
    return GebruikerFactory(rol=(gemeente, soort), **kwargs)


def hoofdstuk(document, sleutel="inleiding"):
    return document.hoofdstukken.get(sleutel=sleutel)


def schrijf(document, door, teksten: dict[str, str]):
    """Save chapter texts through the service, each from its current version."""
    from stappen import services as services_documenten

    for sleutel, tekst in teksten.items():
        h = hoofdstuk(document, sleutel)
        services_documenten.hoofdstuk_save(hoofdstuk=h, door=door, tekst=tekst, versie=h.versie)


def startblokkades(stap) -> list[str]:
    """What blocks `stap` from starting, read as the services read it."""
    from stappen.guards import startblokkades as guard
    from stappen.selectors import laad_stand

    return guard(laad_stand(stap.plan), stap)


def sluitblokkades(stap) -> list[str]:
    """What blocks `stap` from closing, read as the services read it."""
    from stappen.guards import sluitblokkades as guard
    from stappen.selectors import laad_stand

    return guard(laad_stand(stap.plan), stap)
