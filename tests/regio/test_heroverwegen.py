"""A gemeente that declined a shared part takes it up again (docs/regio.md, "Opnieuw
bekijken"): the newest publication is put before it as a proposal, the decline stays until it
accepts, and only its coordinator can do it, while the part can still reach its document."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ivp.models import Gebruiker, Plan
from regio.constants import OvernameKeuze, VoorstelStatus
from regio.models import Overname, Regiodeel, Regiovoorstel
from stappen.constants import DocumentSoort, DocumentStatus
from stappen.models import Document
from tests.ivp.factories import RegioFactory
from tests.regio.overname_hulp import TEKST_2, open_voorstel, prioriteit, publiceer
from tests.stappen.stappenplan import document, hoofdthema

MOTIVATIE = "Steenwijkerland pakt ondermijning dit jaar alleen lokaal aan."


@pytest.fixture
def regio(plan: Plan):
    return RegioFactory.create(gemeenten=[plan.gemeente])


@pytest.fixture
def afgewezen(client: Client, plan: Plan, coordinator: Gebruiker, regio) -> Regiodeel:
    """A shared priority whose first offer the coordinator declined, through the page."""
    deel = prioriteit(regio, [plan], titel="Ondermijning")
    voorstel = open_voorstel(plan, deel)
    client.force_login(coordinator)
    response = client.post(
        reverse("regio:voorstel_afwijzen", args=[plan.pk, voorstel.pk]),
        {"afwijs-gezien": voorstel.naar_id, "afwijs-reden": MOTIVATIE},
    )
    assert response.status_code == 302
    return deel


def _heroverweeg(client: Client, plan: Plan, deel: Regiodeel, **kwargs: object):
    url = reverse("regio:deel_heroverwegen", args=[plan.pk, deel.pk])
    return client.post(url, **kwargs)  # type: ignore[arg-type]


def _regiopagina(client: Client, plan: Plan) -> str:
    return client.get(reverse("regio:plan", args=[plan.pk])).content.decode()


def test_a_declined_priority_is_looked_at_again_and_accepted(
    client: Client, plan: Plan, afgewezen: Regiodeel
) -> None:
    ivp = document(plan, DocumentSoort.IVP)
    versies_na_afwijzing = ivp.versies.count()
    assert "Opnieuw bekijken" in _regiopagina(client, plan)

    response = _heroverweeg(client, plan, afgewezen, follow=True)
    html = response.content.decode()
    voorstel = open_voorstel(plan, afgewezen)
    assert response.redirect_chain[-1][0] == reverse("regio:voorstel", args=[plan.pk, voorstel.pk])
    assert "Het deel ligt opnieuw voor" in html
    assert f"Niet overgenomen: {MOTIVATIE}" in html  # the decline it is reconsidering
    assert "Aanvaarden" in html
    # The region published nothing since: the declined proposal itself is open again.
    assert Regiovoorstel.objects.filter(plan=plan, deel=afgewezen).count() == 1
    # Until it accepts, the part stays declined and the document as it was.
    overname = Overname.objects.get(plan=plan, deel=afgewezen)
    assert overname.keuze == OvernameKeuze.NIET_OVERGENOMEN
    assert ivp.versies.count() == versies_na_afwijzing
    assert "Opnieuw bekijken" not in _regiopagina(client, plan)  # it is open now

    response = client.post(
        reverse("regio:voorstel_aanvaarden", args=[plan.pk, voorstel.pk]),
        {"aanvaard-gezien": voorstel.naar_id},
    )
    assert response.status_code == 302
    overname.refresh_from_db()
    assert overname.keuze == OvernameKeuze.OVERGENOMEN
    assert overname.motivatie == ""
    assert ivp.versies.count() == versies_na_afwijzing + 1
    pagina = _regiopagina(client, plan)
    assert "Overgenomen: versie 1" in pagina
    assert "Opnieuw bekijken" not in pagina


def test_a_later_publication_is_what_is_looked_at_and_a_double_click_makes_one(
    client: Client, plan: Plan, afgewezen: Regiodeel
) -> None:
    # The region publishes a second version; the plan that declined is not offered it.
    publiceer(afgewezen, [], tekst=TEKST_2)
    assert not Regiovoorstel.objects.filter(plan=plan, status=VoorstelStatus.OPEN).exists()

    _heroverweeg(client, plan, afgewezen)
    _heroverweeg(client, plan, afgewezen)
    voorstel = open_voorstel(plan, afgewezen)
    assert voorstel.naar.nummer == 2
    assert Regiovoorstel.objects.filter(plan=plan, deel=afgewezen).count() == 2
    # Declined again, with a reason: the part stays declined, with the new reason.
    client.post(
        reverse("regio:voorstel_afwijzen", args=[plan.pk, voorstel.pk]),
        {"afwijs-gezien": voorstel.naar_id, "afwijs-reden": "Nog steeds lokaal."},
    )
    voorstel.refresh_from_db()
    assert voorstel.status == VoorstelStatus.AFGEWEZEN
    overname = Overname.objects.get(plan=plan, deel=afgewezen)
    assert overname.keuze == OvernameKeuze.NIET_OVERGENOMEN
    # The document gives the new reason, in a version of its own.
    assert overname.motivatie == "Nog steeds lokaal."
    assert overname.versie.nummer == 2
    assert voorstel.document_versie is not None
    assert "Nog steeds lokaal." in _regiopagina(client, plan)
    assert "Opnieuw bekijken" in _regiopagina(client, plan)


def test_not_once_the_document_is_adopted_nor_after_leaving_the_region(
    client: Client, plan: Plan, afgewezen: Regiodeel, regio
) -> None:
    ivp = document(plan, DocumentSoort.IVP)
    Document.objects.filter(pk=ivp.pk).update(status=DocumentStatus.VASTGESTELD)
    html = _heroverweeg(client, plan, afgewezen, follow=True).content.decode()
    assert f"{ivp.titel} is vastgesteld" in html
    assert "Neem het deel mee in het volgende plan." in html
    assert not Regiovoorstel.objects.filter(plan=plan, status=VoorstelStatus.OPEN).exists()

    Document.objects.filter(pk=ivp.pk).update(status=DocumentStatus.CONCEPT)
    regio.gemeenten.remove(plan.gemeente)
    assert "Opnieuw bekijken" not in _regiopagina(client, plan)
    html = _heroverweeg(client, plan, afgewezen, follow=True).content.decode()
    assert f"hoort niet meer bij {regio.naam}" in html
    assert not Regiovoorstel.objects.filter(plan=plan, status=VoorstelStatus.OPEN).exists()


def test_only_the_coordinator_and_only_a_declined_part(
    client: Client,
    plan: Plan,
    afgewezen: Regiodeel,
    werkgroeplid: Gebruiker,
    buitenstaander: Gebruiker,
    regio,
) -> None:
    for wie in (werkgroeplid, buitenstaander):
        client.force_login(wie)
        assert _heroverweeg(client, plan, afgewezen).status_code == 404
        assert (
            "Opnieuw bekijken"
            not in client.get(reverse("regio:plan", args=[plan.pk])).content.decode()
        )
    assert not Regiovoorstel.objects.filter(plan=plan, status=VoorstelStatus.OPEN).exists()

    # A part the plan took: nothing to look at again.
    genomen = prioriteit(regio, [plan], titel="Zorg en veiligheid", thema=hoofdthema("2.3"))
    voorstel = open_voorstel(plan, genomen)
    coordinator = Overname.objects.get(plan=plan, deel=afgewezen).besloten_door
    client.force_login(coordinator)
    client.post(
        reverse("regio:voorstel_aanvaarden", args=[plan.pk, voorstel.pk]),
        {"aanvaard-gezien": voorstel.naar_id},
    )
    html = _heroverweeg(client, plan, genomen, follow=True).content.decode()
    assert "Alleen een deel dat de gemeente niet overnam, kunt u opnieuw bekijken." in html
