"""The Excel and CSV export of the plan: every activity once, the page's totals."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.stappen import stappenplan
from tests.stappen.factories import PlaatsingFactory
from tests.uitvoering.factories import ActiviteitFactory, VoortgangFactory
from uitvoering.bijlage import activiteiten_html
from uitvoering.selectors import plan_pagina


def test_the_excel_file_holds_every_activity_once_with_the_pages_totals(up, coordinator):
    beheer = PlaatsingFactory.create(
        plan=up.plan, keuze="beheer", thema=stappenplan.hoofdthema("4.2"), door=coordinator
    )
    for i in range(5):
        ActiviteitFactory.create(uitvoeringsplan=up, titel=f"Doel {i}", begroot=Decimal(1000 + i))
    ActiviteitFactory.create(
        uitvoeringsplan=up,
        titel="=SOM(A1:A9)",
        doelstelling=None,
        beheer_thema=beheer,
        begroot=Decimal("250.50"),
    )
    VoortgangFactory.create(activiteit=up.activiteiten.first(), besteed=Decimal(300))
    client = Client()
    client.force_login(coordinator)
    response = client.get(reverse("uitvoering:export_xlsx", args=[up.pk]))
    werkboek = load_workbook(io.BytesIO(response.content))
    pagina = plan_pagina(coordinator, up.pk)

    assert werkboek.sheetnames[:2] == [b.titel[:28] for b in pagina.blokken]
    titels = []
    for blok, naam in zip(pagina.blokken, werkboek.sheetnames, strict=False):
        rijen = list(werkboek[naam].iter_rows(values_only=True))
        assert rijen[0][1] == "Activiteit"
        titels += [r[1] for r in rijen[1:-1]]
        totaal = rijen[-1]
        assert totaal[0] == "Totaal"
        assert Decimal(str(totaal[7])) == blok.begroot
        assert Decimal(str(totaal[8])) == blok.besteed
    assert sorted(titels) == sorted(a.titel for a in up.activiteiten.all())
    assert (
        sum(
            Decimal(str(werkboek[n].cell(werkboek[n].max_row, 8).value))
            for n in werkboek.sheetnames[:2]
        )
        == pagina.begroot
    )
    # text cells are text: a title like a formula is not run
    cel = next(c for c in werkboek["Reguliere taken (beheer)"]["B"] if c.value == "=SOM(A1:A9)")
    assert cel.data_type == "s"
    assert werkboek["Reguliere taken (beheer)"].column_dimensions["B"].width == 36
    assert "Voortgang 2023" in werkboek.sheetnames


def test_the_csv_has_every_activity_once(up, coordinator):
    for i in range(3):
        ActiviteitFactory.create(uitvoeringsplan=up, titel=f"Activiteit {i}")
    client = Client()
    client.force_login(coordinator)
    inhoud = client.get(reverse("uitvoering:export_csv", args=[up.pk])).content.decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(inhoud), delimiter=";"))
    assert rijen[0][:3] == ["Prioriteit", "Doelstelling of thema", "Activiteit"]
    assert sorted(r[2] for r in rijen[1:]) == ["Activiteit 0", "Activiteit 1", "Activiteit 2"]
    assert rijen[0][3] == "Soort" and rijen[1][3] == "Maatregel"
    assert rijen[1][8] == "5000,00"


def test_the_activities_table_as_html_for_a_pdf(up, coordinator):
    ActiviteitFactory.create(uitvoeringsplan=up, titel="Informatieavond")
    html = activiteiten_html(up)
    assert "Informatieavond" in html and "<table" in html and "href" not in html
