"""Migration 0003 gives documents that existed before it their standard chapters.

Its data step runs here on today's models (the historical models of 0003 have the same
fields it uses): migrating the whole project back to `stappen 0002` and forward again, as this
test once did, unapplies and reapplies every later migration of every app, which took
minutes of every CI run for the same assertion."""

import importlib

import pytest
from django.apps import apps

from stappen.models import Document, Hoofdstuk
from tests.stappen.factories import PlanFactory

migratie = importlib.import_module("stappen.migrations.0003_standaardhoofdstukken")


@pytest.mark.django_db
def test_existing_documents_get_their_standard_chapters_once():
    plan = PlanFactory.create()
    document = Document.objects.get(plan=plan, soort="startnotitie")
    Hoofdstuk.objects.filter(document=document).delete()
    Hoofdstuk.objects.create(
        document=document, sleutel="werkgroep", titel="Werkgroep", volgorde=6, tekst="Geschreven."
    )

    migratie.maak_hoofdstukken(apps, None)
    migratie.maak_hoofdstukken(apps, None)  # a second run adds nothing

    hoofdstukken = list(document.hoofdstukken.order_by("volgorde", "pk"))
    assert [h.titel for h in hoofdstukken] == [t for _, t in migratie.HOOFDSTUKKEN["startnotitie"]]
    assert next(h for h in hoofdstukken if h.sleutel == "werkgroep").tekst == "Geschreven."
