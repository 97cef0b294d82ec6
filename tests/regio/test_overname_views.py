"""A member's pages of its region: the plan's regio page, a proposal with the difference and
the buttons, the notices on the plan and document pages; who sees them (404 for anyone
else) and a flat query count."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ivp.models import Gebruiker, Plan
from regio.constants import VoorstelStatus
from regio.models import Overname, Regiovoorstel
from stappen.constants import DocumentSoort
from tests.ivp.factories import RegioFactory
from tests.regio.factories import RegiodeelFactory
from tests.regio.overname_hulp import TEKST_2, open_voorstel, prioriteit, publiceer
from tests.stappen.factories import PlanFactory
from tests.stappen.stappenplan import coordinator_van, document


@pytest.fixture
def regio(plan: Plan):
    return RegioFactory.create(gemeenten=[plan.gemeente])


def _url(voorstel: Regiovoorstel, actie: str = "") -> str:
    naam = f"regio:voorstel_{actie}" if actie else "regio:voorstel"
    return reverse(naam, args=[voorstel.plan_id, voorstel.pk])


def test_the_coordinator_reviews_the_difference_and_accepts(
    client: Client, plan: Plan, coordinator: Gebruiker, regio
) -> None:
    deel = prioriteit(regio, [plan])
    client.force_login(coordinator)
    client.post(
        _url(open_voorstel(plan, deel), "aanvaarden"),
        {"aanvaard-gezien": open_voorstel(plan, deel).naar_id},
    )
    publiceer(deel, [plan], tekst=TEKST_2, toelichting="De streefwaarde is verhoogd.")
    voorstel = open_voorstel(plan, deel)

    html = client.get(_url(voorstel)).content.decode()
    weg = html.split('<del><span class="ivp-visueel-verborgen">verwijderd: </span>')[1]
    erbij = html.split('<ins><span class="ivp-visueel-verborgen">toegevoegd: </span>')[1]
    assert weg.split("</del>")[0].startswith("40")
    assert erbij.split("</ins>")[0].startswith("60")
    assert "De streefwaarde is verhoogd." in html
    assert "2 november 2026" in html
    assert "Aanvaarden" in html and "Afwijzen" in html

    response = client.post(_url(voorstel, "aanvaarden"), {"aanvaard-gezien": voorstel.naar_id})
    assert response.status_code == 302
    voorstel.refresh_from_db()
    assert voorstel.status == VoorstelStatus.AANVAARD
    html = client.get(response["Location"]).content.decode()
    assert voorstel.document_versie is not None
    versie_url = reverse("stappen:versie", args=[voorstel.document_versie.document_id, "0.2"])
    assert versie_url in html and "Aanvaarden" not in html


def test_declining_without_a_reason_says_so_on_the_field(
    client: Client, plan: Plan, coordinator: Gebruiker, regio
) -> None:
    deel = prioriteit(regio, [plan])
    voorstel = open_voorstel(plan, deel)
    client.force_login(coordinator)
    response = client.post(_url(voorstel, "afwijzen"), {"afwijs-gezien": voorstel.naar_id})
    assert response.status_code == 200
    assert "Geef de reden waarom u dit voorstel afwijst." in response.content.decode()
    assert open_voorstel(plan, deel).is_open

    response = client.post(
        _url(voorstel, "afwijzen"),
        {"afwijs-gezien": voorstel.naar_id, "afwijs-reden": "Eigen aanpak."},
    )
    assert response.status_code == 302
    assert Overname.objects.get(plan=plan, deel=deel).motivatie == "Eigen aanpak."
    html = client.get(reverse("regio:plan", args=[plan.pk])).content.decode()
    assert "Niet overgenomen: Eigen aanpak." in html


def test_a_double_click_is_told_the_proposal_was_decided(
    client: Client, plan: Plan, coordinator: Gebruiker, regio
) -> None:
    voorstel = open_voorstel(plan, prioriteit(regio, [plan]))
    client.force_login(coordinator)
    data = {"aanvaard-gezien": voorstel.naar_id}
    assert client.post(_url(voorstel, "aanvaarden"), data).status_code == 302
    tweede = client.post(_url(voorstel, "aanvaarden"), data, follow=True)
    assert "Over dit voorstel is al besloten" in tweede.content.decode()
    assert document(plan, DocumentSoort.IVP).versies.count() == 1


def test_who_reads_and_who_gets_a_404(
    client: Client,
    plan: Plan,
    coordinator: Gebruiker,
    werkgroeplid: Gebruiker,
    bestuurder: Gebruiker,
    lezer: Gebruiker,
    griffie: Gebruiker,
    buitenstaander: Gebruiker,
    andere_gemeente,
    regio,
) -> None:
    regio.gemeenten.add(andere_gemeente)
    deel = prioriteit(regio, [plan])
    voorstel = open_voorstel(plan, deel)
    regiocoordinator = coordinator_van(PlanFactory.create().gemeente)
    regio.coordinatoren.add(regiocoordinator)
    paginas = [reverse("regio:plan", args=[plan.pk]), _url(voorstel)]
    for wie in (werkgroeplid, bestuurder):
        client.force_login(wie)
        for url in paginas:
            response = client.get(url)
            assert response.status_code == 200
        assert "Aanvaarden" not in response.content.decode()  # reads, does not decide
        assert client.post(_url(voorstel, "aanvaarden"), {}).status_code == 404
    # Kampen's coordinator, in the same region, with Steenwijkerland's proposal id; the
    # regional coordinator without a role there; a lezer; the griffie.
    for wie in (buitenstaander, regiocoordinator, lezer, griffie):
        client.force_login(wie)
        for url in paginas:
            assert client.get(url).status_code == 404, (wie, url)
        assert client.post(_url(voorstel, "aanvaarden"), {}).status_code == 404
        assert client.post(_url(voorstel, "afwijzen"), {}).status_code == 404
    # Kampen's coordinator with Kampen's plan id and Steenwijkerland's proposal id.
    kampen_plan = PlanFactory.create(gemeente=andere_gemeente)
    client.force_login(buitenstaander)
    url = reverse("regio:voorstel", args=[kampen_plan.pk, voorstel.pk])
    assert client.get(url).status_code == 404
    assert open_voorstel(plan, deel).is_open


def test_the_plan_and_document_pages_show_open_proposals_and_the_regio_entry(
    client: Client, plan: Plan, coordinator: Gebruiker, lezer: Gebruiker, regio
) -> None:
    regio_url = reverse("regio:plan", args=[plan.pk])
    client.force_login(coordinator)
    html = client.get(reverse("stappen:plan", args=[plan.pk])).content.decode()
    assert f'href="{regio_url}">Regio</a>' in html
    assert "Bekijk de regionale voorstellen" not in html

    prioriteit(regio, [plan])
    for url in (
        reverse("stappen:plan", args=[plan.pk]),
        reverse("stappen:document", args=[document(plan, DocumentSoort.IVP).pk]),
    ):
        html = client.get(url).content.decode()
        assert "De regio heeft 1 voorstel voor de bovenlokale prioriteiten" in html
    html = client.get(
        reverse("stappen:document", args=[document(plan, DocumentSoort.VEILIGHEIDSANALYSE).pk])
    ).content.decode()
    assert "Bekijk de regionale voorstellen" not in html
    # A lezer sees neither (the decisions in the making are not for the public).
    client.force_login(lezer)
    html = client.get(reverse("stappen:plan", args=[plan.pk])).content.decode()
    assert regio_url not in html


def test_no_regio_entry_for_a_gemeente_outside_any_region(
    client: Client, plan: Plan, coordinator: Gebruiker
) -> None:
    client.force_login(coordinator)
    html = client.get(reverse("stappen:plan", args=[plan.pk])).content.decode()
    assert reverse("regio:plan", args=[plan.pk]) not in html


def _delen(regio, plan: Plan, aantal: int, coordinator: Gebruiker) -> None:
    """`aantal` published priorities: half accepted, a quarter declined, the rest open."""
    from regio import services
    from veiligheidsvelden.models import Thema

    themas = list(Thema.objects.order_by("pk")[:aantal])
    assert len(themas) == aantal
    for i, thema in enumerate(themas):
        deel = RegiodeelFactory.create(regio=regio, titel=f"Deel {i}", thema=thema)
        publiceer(deel, [plan])
        if i % 2 == 0:
            services.voorstel_aanvaard(voorstel=open_voorstel(plan, deel), door=coordinator)
        elif i % 4 == 1:
            services.voorstel_wijs_af(
                voorstel=open_voorstel(plan, deel), door=coordinator, reden="Nee"
            )


@pytest.mark.parametrize("aantal", [2, 20])
def test_the_regio_page_and_the_document_page_keep_a_flat_query_count(
    client: Client,
    django_assert_max_num_queries,
    plan: Plan,
    coordinator: Gebruiker,
    regio,
    aantal: int,
) -> None:
    _delen(regio, plan, aantal, coordinator)
    client.force_login(coordinator)
    with django_assert_max_num_queries(8):
        html = client.get(reverse("regio:plan", args=[plan.pk])).content.decode()
    assert html.count("Deel ") >= aantal
    ivp = document(plan, DocumentSoort.IVP)
    # The document page's own 19 (tests/stappen/test_views_documenten.py, the shared parts'
    # sections included) and one for the notice of open proposals.
    with django_assert_max_num_queries(20):
        html = client.get(reverse("stappen:document", args=[ivp.pk])).content.decode()
    assert html.count("(bovenlokaal)") >= aantal // 2
    # The plan page: its own 16 (tests/stappen/test_views_proces.py) and one for the region.
    with django_assert_max_num_queries(17):
        client.get(reverse("stappen:plan", args=[plan.pk]))
    voorstel = Regiovoorstel.objects.filter(plan=plan).first()
    assert voorstel is not None
    with django_assert_max_num_queries(10):
        client.get(_url(voorstel))
