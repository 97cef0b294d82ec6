"""The reads of the werkgroep pages (werkgroep/selectors/).

Pages keep a flat query count with 8 and with 80 members and 5,000 hour entries.

The large fixture is built with bulk_create (tests only; the product writes through the
services, which would make building 5,000 entries slow)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.http import Http404
from django.urls import reverse

from ivp.constants import RolSoort
from ivp.models import Gebruiker, Rol
from stappen.constants import StapNummer, StapStatus
from stappen.models import Stap
from tests.ivp.factories import GemeenteFactory
from tests.stappen.stappenplan import coordinator_van
from tests.werkgroep.factories import (
    ActiepuntFactory,
    AgendafeedFactory,
    BijeenkomstFactory,
    LidFactory,
    UrenbudgetFactory,
    UrenregistratieFactory,
    versie_met_draad,
)
from veiligheidsvelden.models import Veld
from werkgroep import selectors, services
from werkgroep.constants import Aanwezigheid, ActiepuntStatus, LidRol
from werkgroep.models import Actiepunt, Lid, Presentie, Urenbudget, Urenregistratie

pytestmark = pytest.mark.django_db

# The most queries any werkgroep page may take, however large the werkgroep: session, user,
# roles, the plan and its parts, the savepoints of the test client.
MAX_QUERIES = 16
MAX_QUERIES_BIJEENKOMST = 12
# The werkgroep page: session, user, plan, roles, velden, members, their velden, meetings
# (issue 8: 9, the werkgroep read on its own).
MAX_QUERIES_WERKGROEP = 8
MAX_QUERIES_UREN = 9
# A valid hour entry posted to the uren page: session, user, plan, roles, the member chosen,
# and the service's transaction (closed period, lock, checks, the row and its history).
MAX_QUERIES_UREN_POST = 13


def vul(plan, coordinator, aantal_leden: int, aantal_uren: int):
    hoofd = LidFactory.create(plan=plan, door=coordinator, trekker=True)
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
    b = BijeenkomstFactory.create(plan=plan, door=coordinator, datum=dt.date(2022, 9, 13))
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
    ]
    aantallen = {}
    for wie, gebruiker in (("coordinator", coordinator), ("lid", lid_.gebruiker)):
        client.force_login(gebruiker)
        for url in pagina_s:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
                if response.streaming:  # the CSV reads its rows while it is sent
                    b"".join(response.streaming_content)
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
    with django_assert_max_num_queries(MAX_QUERIES_WERKGROEP):
        html = client.get(reverse("werkgroep:werkgroep", args=[groot.pk])).content.decode()
    assert "Leden (80 van" in html
    # The hours page: its entries and choices from what it has read already, the werkgroep
    # with its members (issue 8: 14).
    with django_assert_max_num_queries(MAX_QUERIES_UREN):
        html = client.get(reverse("werkgroep:uren", args=[groot.pk])).content.decode()
    assert "5000 in totaal" in html
    assert "pagina 1 van 100" in html
    # A valid entry redirects without reading the page (issue 8: 24 queries before).
    with django_assert_max_num_queries(MAX_QUERIES_UREN_POST):
        response = client.post(
            reverse("werkgroep:uren", args=[groot.pk]),
            {"lid": lid_groot.pk, "datum": "02-06-2022", "uren": "0,25", "omschrijving": "Post"},
        )
    assert response.status_code == 302
    assert Urenregistratie.objects.filter(lid=lid_groot, omschrijving="Post").exists()
    # The meeting page for the coordinator, with every form: its choices read as rows, the
    # actiepunt's members not read a second time, the documents with their versions in one
    # query (issue 8: 15, then 13 before).
    with django_assert_max_num_queries(MAX_QUERIES_BIJEENKOMST):
        html = client.get(reverse("werkgroep:bijeenkomst", args=[b_groot.pk])).content.decode()
    assert html.count('name="presentie-lid_') == 80 * 3


# The reads one at a time --------------------------------------------------------------------


def test_an_actiepunt_is_open_to_its_holder_and_the_coordinator_only(plan, coordinator):
    punt = ActiepuntFactory(bijeenkomst=BijeenkomstFactory(plan=plan, door=coordinator))
    assert selectors.actiepunt_voor_status(coordinator, punt.pk) == punt
    assert selectors.actiepunt_voor_status(punt.wie.gebruiker, punt.pk) == punt
    ander_lid = LidFactory(plan=plan, door=coordinator)
    for gebruiker in (ander_lid.gebruiker, coordinator_van(GemeenteFactory())):
        with pytest.raises(Http404):
            selectors.actiepunt_voor_status(gebruiker, punt.pk)
    with pytest.raises(Http404):
        selectors.actiepunt_voor_status(coordinator, punt.pk + 1000)


def test_a_feed_token_finds_its_active_owner_only(coordinator):
    feed = AgendafeedFactory(gebruiker=coordinator)
    assert selectors.feed_eigenaar(feed.token) == coordinator
    assert selectors.agendafeed_van(coordinator) == feed
    with pytest.raises(Http404):
        selectors.feed_eigenaar("geraden-token")
    coordinator.is_active = False
    coordinator.save()
    with pytest.raises(Http404):
        selectors.feed_eigenaar(feed.token)


def test_the_entries_come_in_pages_of_50_and_a_wrong_page_number_is_harmless(
    plan, coordinator, lid_met_budget, vandaag
):
    for n in range(selectors.PER_PAGINA + 1):
        UrenregistratieFactory(
            lid=lid_met_budget, datum=dt.date(2022, 6, 1) + dt.timedelta(days=n), uren=Decimal(1)
        )
    eerste = selectors.uren_pagina(coordinator, plan.pk).registraties
    assert (eerste.number, eerste.paginator.num_pages, eerste.paginator.count) == (1, 2, 51)
    assert len(eerste) == 50 and eerste[0].datum == dt.date(2022, 7, 21)  # newest first
    for gevraagd, krijgt in [("2", 2), ("99", 2), ("twee", 1), (None, 1), ("", 1)]:
        pagina = selectors.uren_pagina(coordinator, plan.pk, gevraagd).registraties
        assert pagina.number == krijgt, gevraagd
    assert len(selectors.uren_pagina(coordinator, plan.pk, "2").registraties) == 1


def test_a_member_reads_and_exports_only_their_own_entries(plan, coordinator, vandaag):
    eigen = UrenregistratieFactory(lid=LidFactory(plan=plan, door=coordinator))
    ander = UrenregistratieFactory(lid=LidFactory(plan=plan, door=coordinator, extern=True))
    gebruiker = eigen.lid.gebruiker
    namen = [eigen.lid.weergavenaam, ander.lid.weergavenaam]
    assert [r.naam for r in selectors.export_rijen(gebruiker, plan.pk)] == namen[:1]
    assert [r.naam for r in selectors.export_rijen(coordinator, plan.pk)] == namen
    assert [r.pk for r in selectors.uren_pagina(gebruiker, plan.pk).registraties] == [eigen.pk]
    assert [r.pk for r in selectors.uren_pagina(coordinator, plan.pk).registraties] == [
        ander.pk,
        eigen.pk,
    ]
    assert selectors.eigen_registratie(gebruiker, eigen.pk) == eigen
    with pytest.raises(Http404):
        selectors.eigen_registratie(gebruiker, ander.pk)
    assert selectors.eigen_registratie(coordinator, ander.pk) == ander
    with pytest.raises(Http404):
        selectors.export_rijen(coordinator_van(GemeenteFactory()), plan.pk)


def test_the_history_of_an_entry_is_newest_first_with_who_made_it(plan, coordinator, vandaag):
    registratie = UrenregistratieFactory(
        lid=LidFactory(plan=plan, door=coordinator), gecorrigeerd=True
    )
    historie = list(selectors.registratie_historie(registratie))
    assert [h.history_user for h in historie] == [coordinator, registratie.lid.gebruiker]
    assert historie[0].history_change_reason == "Dubbel geteld met de bijeenkomst"


def test_the_choices_of_the_forms(plan, coordinator):
    lid_ = LidFactory(plan=plan, door=coordinator, velden=Veld.objects.filter(code__in="31"))
    assert list(selectors.leden_keuze(lid_.werkgroep_id)) == [lid_]
    assert not selectors.leden_keuze(None).exists()
    assert [v.code for v in selectors.velden_van(lid_)] == ["1", "3"]
    assert [s.nummer for s in selectors.stappen_keuze(plan)] == [1, 2, 3, 4, 5]
    assert lid_.gebruiker not in selectors.kandidaten(plan)
    assert coordinator in selectors.kandidaten(plan)
    assert selectors.urenbudget_van(lid_) is None
    budget = UrenbudgetFactory(lid=lid_, door=coordinator)
    assert selectors.urenbudget_van(lid_) == budget


def test_meetings_are_voortgangsoverleg_once_the_uitvoering_started(plan, coordinator):
    assert not selectors.is_uitvoeringsfase(plan)
    # Driving a plan to step 6 takes the whole method; the state is set directly here.
    Stap.objects.filter(plan=plan, nummer=StapNummer.UITVOERING).update(status=StapStatus.ACTIEF)
    assert selectors.is_uitvoeringsfase(plan)


def test_meetings_are_numbered_in_the_trajectory_and_a_voortgangsoverleg_is_not(plan, coordinator):
    tweede = BijeenkomstFactory(plan=plan, door=coordinator, datum=dt.date(2022, 9, 13))
    eerste = BijeenkomstFactory(plan=plan, door=coordinator, datum=dt.date(2022, 7, 1))
    Stap.objects.filter(plan=plan, nummer=StapNummer.UITVOERING).update(status=StapStatus.ACTIEF)
    overleg = BijeenkomstFactory(plan=plan, door=coordinator, datum=dt.date(2023, 3, 1))
    pagina = selectors.werkgroep_pagina(coordinator, plan.pk)
    assert [(r.bijeenkomst, r.nummer) for r in pagina.bijeenkomsten] == [
        (eerste, 1),
        (tweede, 2),
        (overleg, None),
    ]
    assert pagina.aantal_bijeenkomsten == 2
    assert selectors.bijeenkomst_pagina(coordinator, tweede.pk).nummer == 2
    assert selectors.bijeenkomst_pagina(coordinator, overleg.pk).nummer is None


def test_the_coverage_shows_each_veld_per_member_and_the_gaps(plan, coordinator):
    LidFactory(plan=plan, door=coordinator, velden=Veld.objects.filter(code="1"))
    LidFactory(
        plan=plan, door=coordinator, politie_expert=True, velden=Veld.objects.filter(code="1")
    )
    dekking = selectors.werkgroep_pagina(coordinator, plan.pk).dekking
    assert dekking.heeft_politie_expert
    assert [veld.code for veld, _, gat in dekking.rijen if not gat] == ["1"]
    assert [v.code for v in dekking.ontbrekende_velden] == ["2", "3", "4", "5"]
    assert dekking.rijen[0][1] == [True, True]
