"""A gemeente that leaves the region (issue 13, "Must hold"): its open proposals lapse, and
its decisions, its copies and its documents stay exactly as they were; later publications
no longer reach it."""

from __future__ import annotations

import pytest

from regio import services
from regio.constants import VoorstelStatus
from regio.models import Overname, Regiovoorstel
from stappen import services as stappen_services
from stappen.models import Versie
from tests.regio.delen import maak_prioriteit, maak_regio, publiceer
from tests.regio.factories import OvernameFactory
from tests.stappen.stappenplan import document

pytestmark = pytest.mark.django_db


def _stand(plan_id: int) -> tuple[list, list]:
    versies = list(
        Versie.objects.filter(document__plan_id=plan_id)
        .order_by("pk")
        .values_list("pk", "hoofd", "sub", "inhoud", "gemaakt_op")
    )
    overnames = list(
        Overname.objects.filter(plan_id=plan_id)
        .order_by("pk")
        .values_list("pk", "keuze", "motivatie", "versie_id", "titel", "tekst", "besloten_op")
    )
    return versies, overnames


def test_a_gemeente_that_leaves_keeps_its_copy_and_documents_and_gets_nothing_more() -> None:
    wereld = maak_regio(2)
    vertrekt, blijft = wereld.leden
    deel = maak_prioriteit(wereld)
    eerste = publiceer(wereld, deel)
    # It took the first version in: its copy and a version of its IVP.
    Regiovoorstel.objects.filter(plan=vertrekt.plan).update(status=VoorstelStatus.AANVAARD)
    OvernameFactory.create(versie=eerste, plan=vertrekt.plan, besloten_door=vertrekt.coordinator)
    ivp = document(vertrekt.plan, "ivp")
    stappen_services.versie_create(document=ivp, door=vertrekt.coordinator, aanleiding="Regio")
    # A change it has not decided on yet.
    services.deel_update(deel=deel, door=wereld.regisseur, titel=deel.titel, tekst="Nieuw")
    publiceer(wereld, deel)
    open_voorstel = Regiovoorstel.objects.get(plan=vertrekt.plan, status=VoorstelStatus.OPEN)
    voor = _stand(vertrekt.plan.pk)

    vervallen = services.regio_verlaat(
        regio=wereld.regio, gemeente=vertrekt.gemeente, door=vertrekt.coordinator
    )

    assert vervallen == 1
    open_voorstel.refresh_from_db()
    assert open_voorstel.status == VoorstelStatus.VERVALLEN
    assert _stand(vertrekt.plan.pk) == voor  # versions and copy byte for byte the same
    assert Overname.objects.get(plan=vertrekt.plan).tekst == eerste.tekst
    # The region goes on without it.
    services.deel_update(deel=deel, door=wereld.regisseur, titel=deel.titel, tekst="Derde")
    derde = publiceer(wereld, deel)
    assert not Regiovoorstel.objects.filter(plan=vertrekt.plan, naar=derde).exists()
    assert Regiovoorstel.objects.filter(plan=blijft.plan, naar=derde).exists()
    assert _stand(vertrekt.plan.pk) == voor


def test_a_gemeente_that_comes_back_sees_its_lapsed_proposal_again() -> None:
    wereld = maak_regio(1)
    lid = wereld.leden[0]
    deel = maak_prioriteit(wereld)
    versie = publiceer(wereld, deel)
    services.regio_verlaat(regio=wereld.regio, gemeente=lid.gemeente, door=wereld.regisseur)
    services.regio_lid_toevoegen(regio=wereld.regio, gemeente=lid.gemeente, door=wereld.regisseur)
    voorstel = Regiovoorstel.objects.get(plan=lid.plan)
    assert (voorstel.status, voorstel.naar) == (VoorstelStatus.OPEN, versie)
