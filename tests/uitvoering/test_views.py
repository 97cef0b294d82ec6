"""The pages: who sees what, forms that keep what was entered, flat query counts."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from tests.uitvoering.factories import ActiviteitFactory
from uitvoering.constants import ActiviteitStatus, VoortgangStatus
from uitvoering.models import Activiteit, Voortgang


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _veel(up, trekker, n: int, van: int = 0) -> None:
    """`n` activities with progress in two quarters (bulk: this is test data)."""
    doel = up.plan.plaatsingen.get(keuze="prioriteit").doelstellingen.get()
    Activiteit.objects.bulk_create(
        Activiteit(
            uitvoeringsplan=up,
            titel=f"Activiteit {i}",
            doelstelling=doel,
            trekker=trekker if i % 2 else None,
            trekker_organisatie="" if i % 2 else "RIEC",
            partners="Politie\nOM",
            start=dt.date(2023, 1 + i % 6, 1),
            eind=dt.date(2023, 12, 31),
            begroot=Decimal(1000 + i),
            status=ActiviteitStatus.LOPEND,
        )
        for i in range(van, van + n)
    )
    Voortgang.objects.bulk_create(
        Voortgang(
            activiteit=a,
            kwartaal=k,
            status=VoortgangStatus.OP_SCHEMA,
            door=up.plan.gemeente.rollen.first().gebruiker,
        )
        for a in Activiteit.objects.filter(uitvoeringsplan=up, voortgang__isnull=True)
        for k in (1, 2)
    )


def _regionaal_veel(w, n: int, van: int = 0) -> None:
    """`n` regional activities of the plan's region (half tied to the shared priority the
    plan took), each with progress in two quarters."""
    Activiteit.objects.bulk_create(
        Activiteit(
            regio=w.regio,
            jaar=2023,
            titel=f"Regionaal {i}",
            regiodoelstelling=w.doel if i % 2 else None,
            trekker_gebruiker=w.regisseur if i % 2 else None,
            trekker_organisatie="" if i % 2 else "RIEC",
            start=dt.date(2023, 1 + i % 6, 1),
            eind=dt.date(2023, 12, 31),
            begroot=Decimal(500 + i),
        )
        for i in range(van, van + n)
    )
    Voortgang.objects.bulk_create(
        Voortgang(activiteit=a, kwartaal=k, status=VoortgangStatus.OP_SCHEMA, door=w.regisseur)
        for a in Activiteit.objects.filter(regio=w.regio, voortgang__isnull=True)
        for k in (1, 2)
    )


PAGINAS = [
    ("uitvoering:plan", "up"),
    ("uitvoering:matrix", "up"),
    ("uitvoering:voortgang", "up"),
    ("uitvoering:keten", "plan"),
]


def _url(naam: str, soort: str, up) -> str:
    if soort == "plan":
        return reverse(naam, args=[up.plan_id]) + f"?jaar={up.jaar}"
    return reverse(naam, args=[up.pk])


@pytest.mark.parametrize(("naam", "soort"), PAGINAS)
def test_flat_query_counts_with_20_and_500_activities(
    naam, soort, up, coordinator, trekker, regiowereld, django_assert_max_num_queries
):
    client = _client(coordinator)
    _veel(up, trekker, 20)
    _regionaal_veel(regiowereld, 2)
    with django_assert_max_num_queries(14) as klein:
        assert client.get(_url(naam, soort, up)).status_code == 200
    _veel(up, trekker, 480, van=20)
    _regionaal_veel(regiowereld, 48, van=2)
    with django_assert_max_num_queries(len(klein.captured_queries)):
        response = client.get(_url(naam, soort, up))
    assert response.status_code == 200
    assert "Activiteit 499" in response.content.decode()
    assert "Regionaal 49" in response.content.decode()


def test_every_page_for_each_reader_and_404_for_another_gemeente(
    up, coordinator, werkgroeplid, bestuurder, buitenstaander, griffie
):
    a = ActiviteitFactory.create(uitvoeringsplan=up)
    urls = [
        reverse("uitvoering:overzicht", args=[up.plan_id]),
        reverse("uitvoering:keten", args=[up.plan_id]),
        reverse("uitvoering:plan", args=[up.pk]),
        reverse("uitvoering:matrix", args=[up.pk]),
        reverse("uitvoering:voortgang", args=[up.pk]),
        reverse("uitvoering:indicator", args=[a.doelstelling_id]),
        reverse("uitvoering:export_xlsx", args=[up.pk]),
        reverse("uitvoering:export_csv", args=[up.pk]),
    ]
    for gebruiker in (coordinator, werkgroeplid, bestuurder):
        client = _client(gebruiker)
        for url in urls:
            assert client.get(url).status_code == 200, (gebruiker, url)
    for gebruiker in (buitenstaander, griffie):
        client = _client(gebruiker)
        for url in urls:
            assert client.get(url).status_code == 404, (gebruiker, url)
    regie = [
        reverse("uitvoering:activiteit_nieuw", args=[up.pk]),
        reverse("uitvoering:activiteit_bewerken", args=[a.pk]),
        reverse("uitvoering:volgend_jaar", args=[up.pk]),
    ]
    assert all(_client(coordinator).get(u).status_code == 200 for u in regie)
    assert all(_client(werkgroeplid).get(u).status_code == 404 for u in regie)
    assert (
        _client(buitenstaander)
        .get(reverse("uitvoering:voortgang_bewerken", args=[a.pk]))
        .status_code
        == 404
    )


def test_a_wrong_activity_keeps_what_was_entered(up, coordinator):
    response = _client(coordinator).post(
        reverse("uitvoering:activiteit_nieuw", args=[up.pk]),
        {
            "titel": "Themaweek Veilig IJsselland",
            "partners": "Politie\nBrandweer",
            "start": "01-06-2023",
            "eind": "01-05-2023",
            "begroot": "2500",
            "besteed": "0",
            "status": "gepland",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies de doelstelling waaraan deze activiteit bijdraagt" in html
    assert 'value="Themaweek Veilig IJsselland"' in html
    assert "Brandweer" in html and 'value="01-06-2023"' in html
    assert not Activiteit.objects.exists()


def test_the_trekker_sees_and_edits_only_their_own(up, coordinator, trekker, vandaag):
    eigen = ActiviteitFactory.create(uitvoeringsplan=up, trekker=trekker, trekker_organisatie="")
    ander = ActiviteitFactory.create(uitvoeringsplan=up, titel="Niet van mij")
    client = _client(trekker.gebruiker)
    html = client.get(reverse("uitvoering:voortgang", args=[up.pk])).content.decode()
    assert eigen.titel in html and "Niet van mij" not in html
    assert client.get(reverse("uitvoering:voortgang_bewerken", args=[ander.pk])).status_code == 404
    # a quarter that has not begun: refused on the field, the explanation kept
    response = client.post(
        reverse("uitvoering:voortgang_bewerken", args=[eigen.pk]),
        {
            "kwartaal": "3",
            "status": "aandacht",
            "toelichting": "Wacht op de zaal.",
            "besteed": "10",
        },
    )
    assert "K3 2023 is nog niet begonnen" in response.content.decode()
    assert "Wacht op de zaal." in response.content.decode()
    response = client.post(
        reverse("uitvoering:voortgang_bewerken", args=[eigen.pk]),
        {
            "kwartaal": "2",
            "status": "aandacht",
            "toelichting": "Wacht op de zaal.",
            "besteed": "10",
        },
    )
    assert response.status_code == 302
    assert eigen.voortgang.get().toelichting == "Wacht op de zaal."


def test_spending_far_above_budget_is_flagged_on_the_page(up, coordinator, vandaag):
    a = ActiviteitFactory.create(uitvoeringsplan=up, begroot=Decimal(100))
    client = _client(coordinator)
    response = client.post(
        reverse("uitvoering:voortgang_bewerken", args=[a.pk]),
        {"kwartaal": "1", "status": "op_schema", "besteed": "900"},
        follow=True,
    )
    assert "ver boven het begrote bedrag" in response.content.decode()
    html = client.get(reverse("uitvoering:plan", args=[up.pk])).content.decode()
    assert "Ver boven budget" in html


def test_the_filters(up, coordinator, trekker):
    ActiviteitFactory.create(
        uitvoeringsplan=up, titel="Voorjaar", start=dt.date(2023, 1, 1), eind=dt.date(2023, 3, 31)
    )
    ActiviteitFactory.create(
        uitvoeringsplan=up,
        titel="Najaar",
        start=dt.date(2023, 10, 1),
        eind=dt.date(2023, 12, 31),
        partners="LTO",
        trekker=trekker,
        trekker_organisatie="",
    )
    client = _client(coordinator)
    url = reverse("uitvoering:plan", args=[up.pk])
    html = client.get(url, {"kwartaal": "4"}).content.decode()
    assert "Najaar" in html and "Voorjaar" not in html
    html = client.get(url, {"trekker": trekker.pk}).content.decode()
    assert "Najaar" in html and "Voorjaar" not in html
    html = client.get(url, {"partner": "riec", "status": "gepland"}).content.decode()
    assert "Voorjaar" in html and "Najaar" not in html


def test_the_chain_flags_loose_ends(up, coordinator):
    ActiviteitFactory.create(uitvoeringsplan=up, titel="Zonder trekker", trekker_organisatie="")
    html = (
        _client(coordinator)
        .get(reverse("uitvoering:keten", args=[up.plan_id]), {"jaar": 2023})
        .content.decode()
    )
    assert "Deze doelstelling heeft geen indicator om te meten." in html
    assert "geen trekker" in html


def test_the_indicator_chart_and_table(up, coordinator, doelstelling):
    from uitvoering import services

    services.eigen_indicator_koppel(
        doelstelling=doelstelling, door=coordinator, naam="Inbraken", eenheid="aantal"
    )
    client = _client(coordinator)
    url = reverse("uitvoering:indicator", args=[doelstelling.pk])
    assert client.post(url, {"jaar": "2023", "waarde": "88,5"}).status_code == 302
    html = client.get(url).content.decode()
    assert "<svg" in html and "88,5" in html  # chart, and the value in the table
    assert "streefwaarde 70" in html and "nulmeting 96" in html
    svg = html.split("ivp-burndown__svg")[1].split("</svg>")[0]
    coordinaten = re.findall(r' (?:cx|cy|x1|x2|y1|y2)="([^"]*)"', svg)
    assert coordinaten and all(re.fullmatch(r"-?[\d.]+", c) for c in coordinaten)
