"""Calling off a meeting from its page: the button, the page of its own with the reason, the
meeting page after it, the werkgroep page's list and count, and the pages' query counts."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ivp.constants import RolSoort
from tests.ivp.factories import GemeenteFactory
from tests.stappen.stappenplan import coordinator_van, lid_van
from tests.werkgroep.factories import BijeenkomstFactory, LidFactory
from tests.werkgroep.gezamenlijk import maak_regio, plan_gezamenlijk
from tests.werkgroep.test_selectors import MAX_QUERIES, tellingen, vul
from werkgroep import services

pytestmark = pytest.mark.django_db

VOLGENDE_WEEK = dt.date(2022, 10, 27)  # the `vandaag` fixture is 20-10-2022
REDEN = "De helft van de werkgroep zit bij de crisisoefening."
KNOP = "Bijeenkomst afzeggen</a>"


@pytest.fixture
def komend(plan, coordinator, vandaag):
    LidFactory.create(plan=plan, door=coordinator)
    return BijeenkomstFactory.create(plan=plan, door=coordinator, datum=VOLGENDE_WEEK)


def _html(client, gebruiker, url) -> str:
    client.force_login(gebruiker)
    antwoord = client.get(url)
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def test_the_button_is_the_coordinator_s_while_the_meeting_can_be_called_off(
    client, plan, coordinator, komend
):
    pagina = reverse("werkgroep:bijeenkomst", args=[komend.pk])
    afzeggen = reverse("werkgroep:bijeenkomst_afzeggen", args=[komend.pk])
    html = _html(client, coordinator, pagina)
    assert f'href="{afzeggen}">Bijeenkomst afzeggen</a>' in html
    lid = komend.werkgroep.leden.exclude(gebruiker=coordinator).first().gebruiker
    assert KNOP not in _html(client, lid, pagina)
    assert KNOP not in _html(client, lid_van(plan.gemeente, RolSoort.BESTUURDER), pagina)
    geweest = BijeenkomstFactory.create(plan=plan, door=coordinator, datum=dt.date(2022, 10, 1))
    assert KNOP not in _html(
        client, coordinator, reverse("werkgroep:bijeenkomst", args=[geweest.pk])
    )


def test_calling_off_without_a_reason_then_with_one(client, coordinator, komend):
    url = reverse("werkgroep:bijeenkomst_afzeggen", args=[komend.pk])
    html = _html(client, coordinator, url)
    assert "De leden krijgen bericht en de bijeenkomst verdwijnt uit hun agenda." in html
    assert 'name="reden"' in html
    antwoord = client.post(url, {"reden": "   "})
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Geef de reden waarom de bijeenkomst niet doorgaat." in html
    assert 'aria-invalid="true"' in html or "utrecht-form-field--invalid" in html
    komend.refresh_from_db()
    assert komend.afgezegd_op is None

    antwoord = client.post(url, {"reden": REDEN}, follow=True)
    assert antwoord.redirect_chain == [(reverse("werkgroep:bijeenkomst", args=[komend.pk]), 302)]
    html = antwoord.content.decode()
    assert "De bijeenkomst is afgezegd. De leden krijgen bericht." in html
    assert f"<strong>Afgezegd op 20-10-2022</strong> — {REDEN}" in html
    # No forms to change it, no button to call it off again.
    for weg in (
        'name="formulier"',
        "Agendapunt toevoegen",
        "Datum, tijd of plaats wijzigen",
        KNOP,
        "Aanwezigheid vastleggen",
        "Notulen en besluiten bewerken",
    ):
        assert weg not in html, weg
    # Its own page says it is done, without the form.
    html = _html(client, coordinator, url)
    assert "al afgezegd op 20-10-2022" in html
    assert 'name="reden"' not in html
    komend.refresh_from_db()
    assert komend.reden_afzegging == REDEN


def test_a_refusal_keeps_what_was_typed(client, coordinator, komend):
    """The service's refusal goes onto the form, in Dutch, beside the reason as typed."""
    url = reverse("werkgroep:bijeenkomst_afzeggen", args=[komend.pk])
    client.force_login(coordinator)
    weigering = ValidationError({"reden": "Noem ook wanneer de werkgroep wel bijeenkomt."})
    with mock.patch.object(services, "bijeenkomst_afzeggen", side_effect=weigering):
        html = client.post(url, {"reden": "Zaal <bezet> & dicht"}).content.decode()
    assert "Noem ook wanneer de werkgroep wel bijeenkomt." in html
    assert "Zaal &lt;bezet&gt; &amp; dicht</textarea>" in html


def test_a_neighbour_s_coordinator_and_a_member_get_a_404(client, plan, coordinator, komend):
    url = reverse("werkgroep:bijeenkomst_afzeggen", args=[komend.pk])
    buur = coordinator_van(GemeenteFactory(naam="Zwartewaterland"))
    lid = komend.werkgroep.leden.exclude(gebruiker=coordinator).first().gebruiker
    for wie in (buur, lid):
        client.force_login(wie)
        assert client.get(url).status_code == 404
        assert client.post(url, {"reden": REDEN}).status_code == 404
    komend.refresh_from_db()
    assert komend.afgezegd_op is None


def test_a_post_to_a_called_off_meeting_s_page_changes_nothing(client, coordinator, komend):
    services.bijeenkomst_afzeggen(bijeenkomst=komend, door=coordinator, reden=REDEN)
    client.force_login(coordinator)
    url = reverse("werkgroep:bijeenkomst", args=[komend.pk])
    antwoord = client.post(
        url, {"formulier": "verslag", "verslag-notulen": "Toch", "verslag-besluiten": ""}
    )
    assert antwoord.status_code == 302
    komend.refresh_from_db()
    assert komend.notulen == ""


def test_a_joint_meeting_s_page_says_who_calls_it_off(client, vandaag):
    wereld = maak_regio(2)
    gezamenlijk = plan_gezamenlijk(wereld, datum=VOLGENDE_WEEK)
    deelnemer = wereld["Steenwijkerland"]
    deel = gezamenlijk.bijeenkomsten.get(werkgroep__plan=deelnemer.plan)
    html = _html(client, deelnemer.coordinator, reverse("werkgroep:bijeenkomst", args=[deel.pk]))
    assert KNOP not in html
    assert "Afzeggen doet de regionale coördinator die deze gezamenlijke bijeenkomst" in html
    html = _html(
        client,
        deelnemer.coordinator,
        reverse("werkgroep:bijeenkomst_afzeggen", args=[deel.pk]),
    )
    assert "de regionale coördinator die haar organiseert, zegt haar af" in html
    assert 'name="reden"' not in html


def test_the_werkgroep_page_counts_and_numbers_only_the_meetings_that_go_on(
    client, plan, coordinator, vandaag
):
    for n, titel in enumerate(("Eerste", "Vervallen", "Tweede")):
        BijeenkomstFactory.create(
            plan=plan,
            door=coordinator,
            datum=VOLGENDE_WEEK + dt.timedelta(weeks=n),
            titel=titel,
            afgezegd=titel == "Vervallen",
        )
    html = _html(client, coordinator, reverse("werkgroep:werkgroep", args=[plan.pk]))
    assert "2 van 6 bijeenkomsten van het traject gepland of gehouden." in html
    assert "Bijeenkomst 1 van 6: Eerste, 27-10-2022" in html
    assert "Afgezegd: Vervallen, 03-11-2022" in html
    assert "Bijeenkomst 2 van 6: Tweede, 10-11-2022" in html
    tweede = plan.werkgroep.bijeenkomsten.get(titel="Tweede")
    html = _html(client, coordinator, reverse("werkgroep:bijeenkomst", args=[tweede.pk]))
    assert "Bijeenkomst 2 van 6 —" in html
    vervallen = plan.werkgroep.bijeenkomsten.get(titel="Vervallen")
    html = _html(client, coordinator, reverse("werkgroep:bijeenkomst", args=[vervallen.pk]))
    assert "Afgezegd —" in html


def test_the_pages_keep_their_query_counts_with_a_called_off_meeting(client, coordinator, vandaag):
    from tests.stappen.factories import maak_plan

    gemeente = coordinator.rollen.get().gemeente
    gewoon, met_afzegging = maak_plan(gemeente, titel="Gewoon"), maak_plan(gemeente, titel="Af")
    _, lid_gewoon = vul(gewoon, coordinator, 8, 20)
    _, lid_af = vul(met_afzegging, coordinator, 8, 20)
    doorgaand = BijeenkomstFactory.create(plan=gewoon, door=coordinator, datum=VOLGENDE_WEEK)
    afgezegd = BijeenkomstFactory.create(
        plan=met_afzegging, door=coordinator, datum=VOLGENDE_WEEK, afgezegd=True
    )
    bij_gewoon = tellingen(client, gewoon, coordinator, doorgaand, lid_gewoon)
    bij_afgezegd = tellingen(client, met_afzegging, coordinator, afgezegd, lid_af)
    assert max(bij_afgezegd.values()) <= MAX_QUERIES, bij_afgezegd
    # Page by page (the keys name the plan's ids): no page reads more for a called-off meeting.
    for gewoon_aantal, afgezegd_aantal in zip(
        bij_gewoon.values(), bij_afgezegd.values(), strict=True
    ):
        assert afgezegd_aantal <= gewoon_aantal, (bij_gewoon, bij_afgezegd)


@pytest.mark.parametrize("naam", ["werkgroep:bijeenkomst_bewerken", "werkgroep:agendapunt_nieuw"])
def test_a_called_off_meeting_s_change_pages_lead_back_to_it_saying_why(
    client, coordinator, komend, naam
):
    services.bijeenkomst_afzeggen(bijeenkomst=komend, door=coordinator, reden=REDEN)
    client.force_login(coordinator)
    antwoord = client.get(reverse(naam, args=[komend.pk]), follow=True)
    assert antwoord.redirect_chain == [(reverse("werkgroep:bijeenkomst", args=[komend.pk]), 302)]
    assert "u kunt haar niet meer wijzigen" in antwoord.content.decode()
