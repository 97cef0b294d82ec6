"""Migration 0003 gives documents that existed before this issue their standard chapters."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from stappen.constants import STANDAARD_HOOFDSTUKKEN


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_documents_get_their_standard_chapters():
    try:
        _standaardhoofdstukken_voor_bestaande_documenten()
    finally:
        call_command("migrate", verbosity=0)  # back to the latest state for the next tests


def _standaardhoofdstukken_voor_bestaande_documenten() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate([("stappen", "0002_documenten")])
    apps = executor.loader.project_state([("stappen", "0002_documenten")]).apps
    Gemeente = apps.get_model("ivp", "Gemeente")
    Plan = apps.get_model("ivp", "Plan")
    Stap = apps.get_model("stappen", "Stap")
    Document = apps.get_model("stappen", "Document")
    gemeente = Gemeente.objects.create(naam="Oudgemeente", cbs_code="GM9990")
    plan = Plan.objects.create(
        gemeente=gemeente,
        titel="IVP 2019–2022",
        traject_start=dt.date(2018, 3, 1),
        periode_start=dt.date(2019, 1, 1),
        periode_eind=dt.date(2022, 12, 31),
    )
    stap = Stap.objects.create(
        plan=plan, nummer=1, gepland_start=dt.date(2018, 3, 1), gepland_eind=dt.date(2018, 3, 31)
    )
    document = Document.objects.create(plan=plan, stap=stap, soort="startnotitie", titel="SN")

    executor = MigrationExecutor(connection)
    executor.migrate([("stappen", "0003_standaardhoofdstukken")])
    apps = executor.loader.project_state([("stappen", "0003_standaardhoofdstukken")]).apps
    Hoofdstuk = apps.get_model("stappen", "Hoofdstuk")
    titels = list(
        Hoofdstuk.objects.filter(document_id=document.pk)
        .order_by("volgorde")
        .values_list("titel", flat=True)
    )
    assert titels == [t for _, t in STANDAARD_HOOFDSTUKKEN["startnotitie"]]
