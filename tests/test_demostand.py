"""The shared `demo` fixture (tests/demostand.py): a test that changes the demo leaves nothing
behind, and the demo put back is the recorded load, row for row, with its mails."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.db import connection

from ivp.models import Gemeente, Plan
from tests import demostand
from veiligheidsvelden.models import Meting

pytestmark = pytest.mark.django_db(transaction=True)


def _inhoud() -> dict[str, list[tuple[Any, ...]]]:
    qn = connection.ops.quote_name
    inhoud = {}
    with connection.cursor() as cursor:
        for tabel in demostand._tabelnamen():
            cursor.execute(f"SELECT * FROM {qn(tabel)}")
            inhoud[tabel] = sorted((tuple(rij) for rij in cursor.fetchall()), key=repr)
    return inhoud


def test_the_demo_put_back_is_the_recorded_load_row_for_row(demo):
    opname = demostand._opnamen[demostand._sleutel()]  # recorded by this load or an earlier one
    assert Plan.objects.filter(gemeente__naam="Steenwijkerland").count() == 2
    voor = _inhoud()
    mails = [(m.subject, m.to) for m in mail.outbox]
    assert mails  # the demo's reminders and invitations

    Plan.objects.update(titel="Gewijzigd")
    Meting.objects.all().delete()
    Gemeente.objects.create(naam="Hardenberg", cbs_code="GM0160")
    mail.outbox.clear()
    tabellen = demostand._tabelnamen()
    demostand._zet_terug(opname, tabellen, demostand._tellingen(tabellen))
    mail.outbox.extend(opname.mails)

    assert _inhoud() == voor
    assert [(m.subject, m.to) for m in mail.outbox] == mails
    # The sequences are past the rows put back: a new row gets a free id.
    assert Gemeente.objects.create(naam="Hardenberg", cbs_code="GM0160").pk


@pytest.mark.parametrize("ronde", [1, 2])
def test_each_test_starts_from_the_pristine_demo(demo, ronde):
    """Whichever round runs first changes the demo; the other still finds it untouched."""
    assert not Gemeente.objects.filter(naam="Hardenberg").exists()
    assert Plan.objects.filter(titel__startswith="Gewijzigd").count() == 0
    Plan.objects.update(titel=f"Gewijzigd in ronde {ronde}")
    Gemeente.objects.create(naam="Hardenberg", cbs_code="GM0160")
