"""The regional overview (regio/selectors/overzicht.py): the member plans side by side, for
the region's coordinators only, with a flat query count, and never a member's draft text."""

from __future__ import annotations

import datetime as dt
import html
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from ivp.constants import RolSoort
from ivp.models import Gebruiker, Gemeente, Plan, Regio
from regio.constants import OvernameKeuze
from regio.models import Regiodeel
from stappen import services as stappen_services
from stappen.constants import DocumentSoort
from tests.ivp.factories import GebruikerFactory, GemeenteFactory, RegioFactory
from tests.regio.factories import (
    OvernameFactory,
    RegiodeelFactory,
    RegiodeelversieFactory,
    RegiovoorstelFactory,
)
from tests.stappen.factories import (
    OpmerkingFactory,
    PlaatsingFactory,
    StapFactory,
    VersieFactory,
    maak_plan,
)
from tests.stappen.stappenplan import coordinator_van, hoofdthema, lid_van, schrijf
from tests.uitvoering.factories import ActiviteitFactory, UitvoeringsplanFactory, VoortgangFactory
from tests.werkgroep.factories import LidFactory, UrenbudgetFactory, UrenregistratieFactory
from uitvoering.constants import ActiviteitStatus, VoortgangStatus
from veiligheidsvelden.cijfers.importeren import standaard_indicatoren
from veiligheidsvelden.models import Meting

pytestmark = pytest.mark.django_db

KAMPEN_MOTIVATIE = "Kampen pakt ondermijning aan met Zwolle in het RIEC-verband Oost."
CONCEPT_ZIN = "Deze conceptzin over de wijk Oldemarkt mag de regio nooit lezen."
OPMERKING_ZIN = "Deze opmerking van een werkgroeplid blijft binnen de gemeente."
UREN_OMSCHRIJVING = "Gesprek met de wijkagent over de hennepteelt"
NAMEN = ["Steenwijkerland", "Zwartewaterland", "Staphorst", "Kampen"]
# The whole request, however many members: session and user (2), the region's coordinators
# (1), the overview's own ten, one each for the own activities and the hours, two for the
# regional activities. A column added later raises this by its fixed count, never by the
# number of members.
MAX_QUERIES = 17


def _url(regio: Regio) -> str:
    return reverse("regio:overzicht", kwargs={"regio_id": regio.pk})


def _gedeeld(regio: Regio, titel: str, thema: str) -> Regiodeel:
    deel = RegiodeelFactory.create(regio=regio, titel=titel, thema=hoofdthema(thema), revisie=1)
    RegiodeelversieFactory.create(deel=deel, nummer=1)
    return deel


def _cijfer(gemeente: Gemeente, jaar: int, waarde: str) -> None:
    indicator = standaard_indicatoren()[("83648NED", "T001161/per1000")]
    Meting.objects.create(
        indicator=indicator,
        gebied_code=gemeente.cbs_code,
        gebied_naam=gemeente.naam,
        gemeente=gemeente,
        jaar=jaar,
        waarde=Decimal(waarde),
        bron="CBS StatLine 83648NED",
        opgehaald_op=timezone.now(),
    )


def _lid_met_uren(plan: Plan, budget: int, uren: list[str]) -> None:
    coordinator = coordinator_van(plan.gemeente)
    lid = LidFactory.create(plan=plan, door=coordinator, trekker=True)
    UrenbudgetFactory.create(lid=lid, door=coordinator, uren=Decimal(budget))
    for i, aantal in enumerate(uren):
        UrenregistratieFactory.create(
            lid=lid,
            door=coordinator,
            uren=Decimal(aantal),
            datum=dt.date(2026, 3, 2) + dt.timedelta(days=i),
            omschrijving=UREN_OMSCHRIJVING,
        )


def _activiteiten(plan: Plan, statussen: list[tuple[str, str | None]]) -> None:
    up = UitvoeringsplanFactory.create(plan=plan, jaar=plan.periode_start.year)
    for status, voortgang in statussen:
        activiteit = ActiviteitFactory.create(uitvoeringsplan=up, status=status)
        if voortgang:
            VoortgangFactory.create(
                activiteit=activiteit,
                kwartaal=2,
                status=voortgang,
                toelichting="Zie het verslag van het overleg.",
            )


@pytest.fixture
def regio() -> Regio:
    gemeenten = [GemeenteFactory.create(naam=naam) for naam in NAMEN]
    return RegioFactory.create(naam="Kop van Overijssel", gemeenten=gemeenten)


@pytest.fixture
def regisseur(regio: Regio) -> Gebruiker:
    gebruiker: Gebruiker = GebruikerFactory.create(first_name="Marloes", last_name="de Vries")
    regio.coordinatoren.add(gebruiker)
    return gebruiker


@pytest.fixture
def plannen(regio: Regio) -> dict[str, Plan]:
    """The four members' newest plans: Steenwijkerland in step 3, the others in step 1 or
    planned; two shared priorities, Kampen declined one; hours, activities and a figure."""
    uit: dict[str, Plan] = {}
    for gemeente in regio.gemeenten.order_by("naam"):
        # An older plan first: the overview shows the newest.
        maak_plan(
            gemeente=gemeente,
            titel=f"IVP 2019–2022 {gemeente.naam}",
            periode_start=dt.date(2019, 1, 1),
            traject_start=dt.date(2018, 6, 1),
        )
        uit[gemeente.naam] = maak_plan(
            gemeente=gemeente,
            titel=f"IVP 2027–2030 {gemeente.naam}",
            traject_start=dt.date(2026, 3, 1),
            periode_start=dt.date(2027, 1, 1),
        )
    steenwijk, kampen, staphorst = uit["Steenwijkerland"], uit["Kampen"], uit["Staphorst"]
    StapFactory(plan=steenwijk, nummer=3, actief=True)
    StapFactory(plan=kampen, nummer=1, actief=True)
    ondermijning = _gedeeld(regio, "Ondermijning", "5.2")
    zorg = _gedeeld(regio, "Zorg en veiligheid", "2.3")
    OvernameFactory.create(plan=steenwijk, versie=ondermijning.versies.get())
    OvernameFactory.create(plan=steenwijk, versie=zorg.versies.get())
    OvernameFactory.create(
        plan=kampen,
        versie=ondermijning.versies.get(),
        keuze=OvernameKeuze.NIET_OVERGENOMEN,
        motivatie=KAMPEN_MOTIVATIE,
    )
    OvernameFactory.create(plan=kampen, versie=zorg.versies.get())
    RegiovoorstelFactory.create(plan=staphorst, naar=ondermijning.versies.get())
    # A newer publication of zorg en veiligheid, waiting in Steenwijkerland.
    RegiovoorstelFactory.create(
        plan=steenwijk, naar=RegiodeelversieFactory.create(deel=zorg, nummer=2)
    )
    PlaatsingFactory.create(plan=kampen, thema=hoofdthema("1.2"))
    _lid_met_uren(steenwijk, 350, ["7.5", "4"])
    _lid_met_uren(kampen, 300, ["2"])
    _activiteiten(
        steenwijk,
        [
            (ActiviteitStatus.LOPEND, VoortgangStatus.OP_SCHEMA),
            (ActiviteitStatus.LOPEND, VoortgangStatus.AANDACHT),
            (ActiviteitStatus.GEREED, None),
        ],
    )
    _cijfer(uit["Steenwijkerland"].gemeente, 2023, "41.2")
    _cijfer(uit["Steenwijkerland"].gemeente, 2024, "39.8")
    _cijfer(uit["Zwartewaterland"].gemeente, 2022, "35.1")
    return uit


def _tekst(client, regio: Regio) -> str:
    response = client.get(_url(regio))
    assert response.status_code == 200
    body = response.content.decode().split("<main", 1)[1]  # what the page says, not the header
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", body).split()))


def test_the_regional_coordinator_sees_the_member_plans_side_by_side(
    client, regio, regisseur, plannen
):
    client.force_login(regisseur)
    pagina = _tekst(client, regio)
    for naam in NAMEN:
        assert f"IVP 2027–2030 {naam}" in pagina
    assert "IVP 2019–2022" not in pagina  # only each member's newest plan
    steenwijk = plannen["Steenwijkerland"].stappen.get(nummer=3)
    assert "Stap 3, prioritering" in pagina
    assert f"{steenwijk.gepland_eind:%d-%m-%Y} stap 3, prioritering" in pagina
    assert "Stap 1, startnotitie" in pagina  # Kampen
    assert "Geen stap actief" in pagina  # Staphorst and Zwartewaterland: not started yet
    # The shared priorities: taken, declined with Kampen's motivation, still deciding.
    assert "Ondermijning bovenlokaal" in pagina
    assert "Zorg en veiligheid bovenlokaal" in pagina
    assert "Niet overgenomen" in pagina
    assert KAMPEN_MOTIVATIE in pagina
    assert "Beslist nog" in pagina  # Staphorst's first offer
    assert "Overgenomen; beslist nog over een wijziging" in pagina  # Steenwijkerland
    assert "Niet voorgelegd" in pagina  # Zwartewaterland
    # Local priorities: the theme names.
    assert hoofdthema("1.2").naam in pagina
    # Hours and activities through the registered columns.
    assert "11,5 uur van 350 uur begroot (3 %)" in pagina
    assert "2 uur van 300 uur begroot (0 %)" in pagina
    assert "2027: 3 activiteiten (2 lopend, 1 gereed)" in pagina
    assert "Laatste voortgang: 1 op schema, 1 aandacht nodig" in pagina
    # The figures side by side: each member's latest year.
    assert "Misdrijven, totaal per 1.000 inwoners" in pagina
    assert "39,8 2024" in pagina
    assert "35,1 2022" in pagina
    assert "41,2" not in pagina
    assert "Geen cijfer" in pagina  # Staphorst, Kampen


def _rij(client, regio: Regio, gemeente: str) -> str:
    """The text of one member's row of the priorities table."""
    body = client.get(_url(regio)).content.decode()
    tabel = body.split('id="prioriteiten-titel"', 1)[1]
    rij = tabel.split(f'scope="row">{gemeente}</th>', 1)[1].split("</tr>", 1)[0]
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", rij).split()))


def test_a_shared_priority_taken_is_not_listed_again_among_the_local_ones(
    client, regio, regisseur, plannen
):
    """Taking a shared priority places its theme in the member's own prioritering too; the
    column of local priorities lists only the member's own. A theme of a shared priority the
    member declined but chose locally is its own priority, and listed."""
    ondermijning, zorg = hoofdthema("5.2"), hoofdthema("2.3")
    PlaatsingFactory.create(plan=plannen["Steenwijkerland"], thema=ondermijning)
    PlaatsingFactory.create(plan=plannen["Steenwijkerland"], thema=hoofdthema("1.2"))
    PlaatsingFactory.create(plan=plannen["Kampen"], thema=ondermijning)
    PlaatsingFactory.create(plan=plannen["Kampen"], thema=zorg)
    client.force_login(regisseur)

    steenwijk = _rij(client, regio, "Steenwijkerland").split("Overgenomen")[-1]
    assert hoofdthema("1.2").naam in steenwijk
    assert ondermijning.naam not in steenwijk
    kampen = _rij(client, regio, "Kampen").split("Overgenomen")[-1]
    assert ondermijning.naam in kampen  # declined as shared, chosen locally
    assert zorg.naam not in kampen  # taken as shared
    assert hoofdthema("1.2").naam in kampen


def test_the_overview_holds_no_local_draft_text_comments_or_hour_entries(
    client, regio, regisseur, plannen
):
    plan = plannen["Steenwijkerland"]
    coordinator = coordinator_van(plan.gemeente)
    ivp = plan.documenten.get(soort=DocumentSoort.IVP)
    schrijf(ivp, coordinator, {"inleiding": CONCEPT_ZIN})
    versie = VersieFactory.create(document=ivp, gemaakt_door=coordinator)
    OpmerkingFactory.create(
        versie=versie, tekst=OPMERKING_ZIN, auteur=lid_van(plan.gemeente, RolSoort.WERKGROEPLID)
    )
    stappen_services.plaatsing_save(
        plan=plan,
        thema=hoofdthema("1.3"),
        keuze="prioriteit",
        motivatie="Een motivatie die alleen de gemeente leest.",
        door=coordinator,
    )
    client.force_login(regisseur)
    pagina = _tekst(client, regio)
    assert hoofdthema("1.3").naam in pagina  # the theme name is a structural fact
    for zin in (CONCEPT_ZIN, OPMERKING_ZIN, UREN_OMSCHRIJVING, "alleen de gemeente leest"):
        assert zin not in pagina


def test_the_overview_is_404_for_everyone_but_the_regions_coordinator(
    client, regio, regisseur, plannen
):
    steenwijk = plannen["Steenwijkerland"].gemeente
    andere_regio = RegioFactory.create(gemeenten=[GemeenteFactory.create()])
    ander: Gebruiker = GebruikerFactory.create()
    andere_regio.coordinatoren.add(ander)
    for gebruiker in (
        coordinator_van(steenwijk),  # a member's coordinator: the overview holds all members
        lid_van(steenwijk, RolSoort.WERKGROEPLID),
        lid_van(steenwijk, RolSoort.BESTUURDER),
        ander,  # another region's coordinator
    ):
        client.force_login(gebruiker)
        assert client.get(_url(regio)).status_code == 404
    client.force_login(regisseur)
    assert client.get(_url(andere_regio)).status_code == 404
    assert client.get(reverse("regio:overzicht", kwargs={"regio_id": 999_999})).status_code == 404
    client.logout()
    response = client.get(_url(regio))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def _grote_regio(aantal: int) -> Regio:
    """`aantal` members, each with a newest plan, a shared priority's decision or proposal,
    a local priority, hours and an activity with progress, and a figure."""
    gemeenten = [GemeenteFactory.create() for _ in range(aantal)]
    regio = RegioFactory.create(gemeenten=gemeenten)
    ondermijning = _gedeeld(regio, "Ondermijning", "5.2")
    zorg = _gedeeld(regio, "Zorg en veiligheid", "2.3")
    for i, gemeente in enumerate(gemeenten):
        plan = maak_plan(gemeente=gemeente)
        OvernameFactory.create(plan=plan, versie=ondermijning.versies.get())
        if i % 2:
            RegiovoorstelFactory.create(plan=plan, naar=zorg.versies.get())
        PlaatsingFactory.create(plan=plan, thema=hoofdthema("1.2"))
        _lid_met_uren(plan, 350, ["3"])
        _activiteiten(plan, [(ActiviteitStatus.LOPEND, VoortgangStatus.OP_SCHEMA)])
        _cijfer(gemeente, 2024, "30")
    return regio


@pytest.mark.parametrize("aantal", [4, 25])
def test_the_overview_keeps_a_flat_query_count(client, django_assert_max_num_queries, aantal):
    regio = _grote_regio(aantal)
    regisseur: Gebruiker = GebruikerFactory.create()
    regio.coordinatoren.add(regisseur)
    client.force_login(regisseur)
    with django_assert_max_num_queries(MAX_QUERIES):
        pagina = _tekst(client, regio)
    assert pagina.count("3 uur van 350 uur begroot") == aantal
    assert pagina.count(": 1 activiteit (1 lopend)") == aantal


def test_a_member_without_a_plan_gets_a_row_that_says_so(client, regisseur, regio):
    maak_plan(gemeente=regio.gemeenten.get(naam="Kampen"))
    client.force_login(regisseur)
    pagina = _tekst(client, regio)
    assert pagina.count("Nog geen plan") == 2 * 3  # three members, in both tables
    assert "De regio heeft nog geen bovenlokale prioriteit gepubliceerd." in pagina
    assert "Er zijn nog geen cijfers van de gemeenten ingelezen." in pagina
