"""A section's threads on the document and version pages are read as plain values
(`selectors.draden.DraadRij`, issue 8) instead of model instances: each block the page writes
is the block the tag writes for the same thread read as an `Opmerking` (the thread list's
way), for awkward data: names with `<` and `&`, an author without a name, outcomes, quotes,
replies, resolved threads among the counted ones."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Q
from django.utils import timezone

from stappen import services
from stappen.constants import DocumentSoort, OpmerkingUitkomst
from stappen.models import Opmerking
from stappen.selectors.draden import (
    _VAN_DOCUMENT,
    _VAN_VERSIE,
    MAX_OPEN_DRADEN,
    _rijen,
    draad_blokken,
    per_sectie,
)
from stappen.templatetags.documenten import draad_blok, draden_van_sectie
from tests.stappen.factories import maak_plan
from tests.stappen.stappenplan import coordinator_van, document, lid_van

pytestmark = pytest.mark.django_db


@pytest.fixture
def versie_met_draden():
    plan = maak_plan()
    coordinator = coordinator_van(plan.gemeente)
    doc = document(plan, DocumentSoort.STARTNOTITIE)
    versie = services.versie_create(document=doc, door=coordinator)
    leden = [
        lid_van(plan.gemeente, first_name="Jan & <Piet>", last_name="de Vries"),
        lid_van(plan.gemeente, first_name="", last_name="", username="zonder.naam"),
        lid_van(plan.gemeente, first_name="Alleen", last_name=""),
    ]
    secties = [s["sleutel"] for s in versie.inhoud][:2]
    begin = timezone.now() - dt.timedelta(days=3)
    draden = []
    for i in range(14):
        draad = services.opmerking_create(
            versie=versie,
            door=leden[i % 3],
            sectie=secties[i % 2],
            tekst=f"Opmerking {i} met <b>tekst</b> & meer\nop twee regels",
        )
        Opmerking.objects.filter(pk=draad.pk).update(
            geplaatst_op=begin + dt.timedelta(hours=i),
            citaat="" if i % 4 else f"Een citaat & <{i}>\r\nop twee regels",
        )
        draden.append(draad)
    for draad in draden[::3]:
        services.opmerking_reply(opmerking=draad, door=coordinator, tekst="Antwoord")
    services.opmerking_resolve(opmerking=draden[1], door=coordinator)
    for draad, uitkomst in (
        (draden[1], OpmerkingUitkomst.VERWERKT),  # resolved: only counted
        (draden[13], OpmerkingUitkomst.DEELS_VERWERKT),  # open, shown with its outcome
        (draden[12], OpmerkingUitkomst.NIET_VERWERKT),
    ):
        Opmerking.objects.filter(pk=draad.pk).update(
            uitkomst=uitkomst, uitkomst_reden="Omdat <het> & zo"
        )
    return doc, versie, secties


@pytest.mark.parametrize("per", ["document", "versie"])
def test_the_rows_write_the_blocks_the_model_instances_write(versie_met_draden, per):
    doc, versie, sleutels = versie_met_draden
    waar = Q(versie__document=doc) if per == "document" else Q(versie=versie)
    secties = (
        per_sectie(document_id=doc.pk) if per == "document" else per_sectie(versie_id=versie.pk)
    )
    assert set(secties) == set(sleutels)
    with timezone.override("Europe/Amsterdam"):
        for sleutel, draden in secties.items():
            alle = Opmerking.objects.filter(waar, sectie=sleutel, antwoord_op__isnull=True)
            assert draden.totaal == alle.count()
            assert draden.open == alle.filter(opgelost_op__isnull=True).count()
            verwacht = list(
                draad_blokken(alle.filter(opgelost_op__isnull=True)).order_by(
                    "-geplaatst_op", "-pk"
                )[:MAX_OPEN_DRADEN]
            )
            assert [d.pk for d in draden.getoond] == [d.pk for d in verwacht]
            for rij, model in zip(draden.getoond, verwacht, strict=True):
                assert draad_blok(rij) == draad_blok(model)
            html = draden_van_sectie(draden, doc.pk, sleutel, "Titel & <zo>")
            assert html == "".join(draad_blok(d) for d in verwacht) + html.split("</article>")[-1]


def test_the_compiled_query_gives_the_querysets_rows_for_each_document(versie_met_draden):
    """`per_sectie` runs SQL compiled once per process (`ivp.vaste_query`) with each call's
    key: the rows are the queryset's own, for this document and version, for another
    document and another version (none), and an unknown key."""
    doc, versie, _sleutels = versie_met_draden
    ander = document(maak_plan(), DocumentSoort.STARTNOTITIE)
    andere_versie = services.versie_create(
        document=ander, door=coordinator_van(ander.plan.gemeente)
    )
    for document_id in (doc.pk, ander.pk, doc.pk, 0):
        verwacht = list(_rijen(Q(versie__document_id=document_id)))
        assert _VAN_DOCUMENT.rijen(document_id=document_id) == verwacht
    for versie_id in (versie.pk, andere_versie.pk, versie.pk):
        verwacht = list(_rijen(Q(versie_id=versie_id)))
        assert _VAN_VERSIE.rijen(versie_id=versie_id) == verwacht
    assert len(_VAN_DOCUMENT.rijen(document_id=doc.pk)) == 2 * MAX_OPEN_DRADEN
    with pytest.raises(TypeError):
        per_sectie()
