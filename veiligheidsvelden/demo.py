"""The VNG list is loaded by a migration; the demo makes sure it is there (a test database
that was flushed, or a list that was edited in beheer) before the plans refer to it."""

from pathlib import Path

from ivp.demo import Demo
from veiligheidsvelden import vng_themas
from veiligheidsvelden.models import Thema, Veld


def laad(demo: Demo) -> None:
    vng_themas.laad(Veld, Thema)
    _flankerend_beleid(demo)
    _cijfers(demo)


# The demo's figures: the CSV download of 83648NED in the portal's real shape, with
# fictional values (no real extract is shipped: ../shared/domain.md §4.6).
DEMO_CIJFERS = Path(__file__).parent / "cijfers" / "voorbeeld" / "83648NED.csv"
DEMO_MELDING = (
    "Demo: fictieve cijfers in de vorm van de echte CSV-download van CBS StatLine 83648NED "
    "(2015–2024), voor Steenwijkerland, Zwartewaterland, Staphorst, Kampen en Nederland. "
)


def _cijfers(demo: Demo) -> None:
    """Steenwijkerland's figures with its three neighbours and the Netherlands, read from
    the shipped CSV through the same importer as an upload."""
    from ivp.services import bewaar
    from veiligheidsvelden.cijfers.importeren import cijfers_importeer

    gemeente = demo.gemeenten.get("Steenwijkerland")
    if gemeente is None:
        return
    run = cijfers_importeer(gemeente=gemeente, bestand=DEMO_CIJFERS.read_bytes())
    run.melding = DEMO_MELDING + run.melding
    bewaar(run, door=None)


# Fictional flankerend beleid of Steenwijkerland (titles in the style of the startnotitie).
BELEID = [
    ("jeugdbeleid", "Jeugdbeleid Steenwijkerland 2021–2024", (2021, 3, 9)),
    ("alcohol_drugs", "Preventie- en handhavingsplan alcohol en drugs 2022–2025", (2022, 1, 25)),
    ("apv", "Algemene plaatselijke verordening Steenwijkerland 2022", (2022, 7, 5)),
    ("handhavingsnota", "Handhavingsnota fysieke leefomgeving 2022–2025", (2022, 4, 12)),
    ("crisisplan", "Regionaal crisisplan Veiligheidsregio IJsselland 2023–2026", (2022, 12, 8)),
]


def _flankerend_beleid(demo: Demo) -> None:
    import datetime as dt

    from veiligheidsvelden.models import Beleidsdocument

    gemeente = demo.gemeenten.get("Steenwijkerland")
    if gemeente is None:
        return
    for soort, titel, (jaar, maand, dag) in BELEID:
        Beleidsdocument.objects.get_or_create(
            gemeente=gemeente,
            titel=titel,
            defaults={"soort": soort, "vastgesteld_op": dt.date(jaar, maand, dag)},
        )
