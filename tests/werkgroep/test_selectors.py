"""Pages keep a flat query count with 8 and with 80 members and 5,000 hour entries.

The large fixture is built with bulk_create (tests only; the product writes through the
services, which would make building 5,000 entries slow)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from ivp.constants import RolSoort
from ivp.models import Gebruiker, Rol
from tests.werkgroep.factories import BijeenkomstFactory, LidFactory, versie_met_draad
from veiligheidsvelden.models import Veld
from werkgroep import services
from werkgroep.constants import Aanwezigheid, ActiepuntStatus, LidRol
from werkgroep.models import Actiepunt, Lid, Presentie, Urenbudget, Urenregistratie

pytestmark = pytest.mark.django_db

# The most queries any werkgroep page may take, however large the werkgroep: session, user,
# roles, the plan and its parts, the savepoints of the test client.
MAX_QUERIES = 16


def vul(plan, coordinator, aantal_leden: int, aantal_uren: int):
    hoofd = LidFactory(plan=plan, door=coordinator, trekker=True)
    gebruikers = Gebruiker.objects.bulk_create(
        Gebruiker(username=f"lid{plan.pk}-{n}", first_name="Lid", last_name=str(n))
        for n in range(aantal_leden - 1)
    )
    Rol.objects.bulk_create(
        Rol(gebruiker=g, gemeente=plan.gemeente, soort=RolSoort.WERKGROEPLID) for g in gebruikers
    )
    werkgroep = hoofd.werkgroep
    leden = Lid.objects.bulk_create(
        Lid(werkgroep=werkgroep, gebruiker=g, rol=LidRol.LID, organisatie="Gemeente")
        for g in gebruikers
    )
    velden = list(Veld.objects.all())
    Lid.velden.through.objects.bulk_create(
        Lid.velden.through(lid=lid, veld=velden[n % 5]) for n, lid in enumerate(leden)
    )
    Urenbudget.objects.bulk_create(Urenbudget(lid=lid, uren=Decimal(40)) for lid in leden)
    alle = [hoofd, *leden]
    stappen = list(plan.stappen.all())
    start = dt.date(2022, 6, 1)
    Urenregistratie.objects.bulk_create(
        Urenregistratie(
            lid=alle[n % len(alle)],
            datum=start + dt.timedelta(days=n % 140),
            uren=Decimal("1.5"),
            stap=stappen[n % 3],
            omschrijving=f"Werk {n}",
        )
        for n in range(aantal_uren)
    )
    b = BijeenkomstFactory(plan=plan, door=coordinator, datum=dt.date(2022, 9, 13))
    services.agendapunt_add(
        bijeenkomst=b, door=coordinator, onderwerp="Analyse", document=plan.documenten.first()
    )
    versie, draad, _ = versie_met_draad(plan, coordinator)
    services.agendapunt_add(
        bijeenkomst=b,
        door=coordinator,
        onderwerp="Reacties",
        document=versie.document,
        versie=versie,
        opmerking=draad,
    )
    Presentie.objects.bulk_create(
        Presentie(bijeenkomst=b, lid=lid, status=Aanwezigheid.AANWEZIG) for lid in alle
    )
    Actiepunt.objects.bulk_create(
        Actiepunt(
            bijeenkomst=b,
            wat=f"Actie {n}",
            wie=lid,
            deadline=dt.date(2022, 10, 1),
            status=ActiepuntStatus.OPEN,
        )
        for n, lid in enumerate(alle)
    )
    return b, leden[0]


def tellingen(client, plan, coordinator, b, lid_) -> dict[str, int]:
    """The number of queries of each page, for the coordinator and for a member."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    services.agendafeed_create(gebruiker=lid_.gebruiker)
    pagina_s = [
        reverse("werkgroep:werkgroep", args=[plan.pk]),
        reverse("werkgroep:uren", args=[plan.pk]),
        reverse("werkgroep:bijeenkomst", args=[b.pk]),
        reverse("werkgroep:bijeenkomst_ics", args=[b.pk]),
        reverse("werkgroep:uren_csv", args=[plan.pk]),
        reverse("werkgroep:uren_xlsx", args=[plan.pk]),
    ]
    aantallen = {}
    for wie, gebruiker in (("coordinator", coordinator), ("lid", lid_.gebruiker)):
        client.force_login(gebruiker)
        for url in pagina_s:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, url
            aantallen[f"{wie} {url.split('/')[-2:]}"] = len(queries)
    client.logout()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("werkgroep:feed", args=[lid_.gebruiker.agendafeed.token]))
    aantallen["feed"] = len(queries)
    return aantallen


def test_pages_keep_a_flat_query_count_with_8_and_80_members(
    client, coordinator, vandaag, django_assert_max_num_queries
):
    from tests.stappen.factories import maak_plan

    klein = maak_plan(coordinator.rollen.get().gemeente, titel="Klein")
    groot = maak_plan(coordinator.rollen.get().gemeente, titel="Groot")
    b_klein, lid_klein = vul(klein, coordinator, 8, 200)
    b_groot, lid_groot = vul(groot, coordinator, 80, 5000)
    assert Urenregistratie.objects.filter(lid__werkgroep__plan=groot).count() == 5000
    bij_8 = tellingen(client, klein, coordinator, b_klein, lid_klein)
    bij_80 = tellingen(client, groot, coordinator, b_groot, lid_groot)
    assert list(bij_8.values()) == list(bij_80.values()), (bij_8, bij_80)
    assert max(bij_80.values()) <= MAX_QUERIES, bij_80
    client.force_login(coordinator)
    with django_assert_max_num_queries(MAX_QUERIES):
        html = client.get(reverse("werkgroep:uren", args=[groot.pk])).content.decode()
    assert "5000 in totaal" in html
    assert "pagina 1 van 100" in html
