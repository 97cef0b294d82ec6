"""The plan pages: the timeline with what blocks and the buttons of the coordinator, the
transitions and the plan and planning forms, per role, with a flat query count."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from ivp.constants import RolSoort
from ivp.models import Plan
from stappen.constants import StapStatus
from tests.ivp.factories import GebruikerFactory, GemeenteFactory
from tests.stappen.factories import PlanFactory, StapFactory
from tests.stappen.stappenplan import coordinator_van, lid_van, stap

# The `plan` fixture has steps 1 and 2 afgerond and step 3 actief: the demo's situation.
pytestmark = [pytest.mark.django_db, pytest.mark.actieve_stap(3)]


def plan_url(plan):
    return reverse("stappen:plan", kwargs={"plan_id": plan.pk})


def overgang_url(plan, nummer, actie):
    return reverse(
        "stappen:stap_overgang", kwargs={"plan_id": plan.pk, "nummer": nummer, "actie": actie}
    )


def test_anonymous_visitors_are_sent_to_the_login(client, plan):
    response = client.get(plan_url(plan))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_coordinator_sees_the_timeline_with_what_blocks_and_the_buttons(
    client, plan, coordinator
):
    client.force_login(coordinator)
    html = client.get(plan_url(plan)).content.decode()
    assert "Stap 3: Prioritering" in html
    assert "Nog nodig om deze stap af te ronden:" in html
    assert "Er is nog geen prioriteit gekozen." in html
    assert "Deze stap kan nog niet starten:" in html
    assert "Stap 3 (prioritering) is nog niet afgerond." in html
    assert "Heropen stap 1" in html
    assert "Rond stap 3 af" not in html  # blocked, so no button
    assert "Besluit door" in html and "Gemeenteraad" in html


def test_a_werkgroeplid_sees_the_same_timeline_without_buttons(client, plan, werkgroeplid):
    client.force_login(werkgroeplid)
    html = client.get(plan_url(plan)).content.decode()
    assert "Er is nog geen prioriteit gekozen." in html
    assert "<form" not in html.split("<main", 1)[1]
    response = client.post(overgang_url(plan, 3, "afronden"))
    assert response.status_code == 404
    assert stap(plan, 3).status == StapStatus.ACTIEF


@pytest.mark.parametrize("soort", [RolSoort.COORDINATOR, RolSoort.WERKGROEPLID])
def test_a_user_of_another_gemeente_sees_nothing(client, plan, andere_gemeente, soort):
    kampen = lid_van(andere_gemeente, soort)
    client.force_login(kampen)
    assert plan.titel not in client.get(reverse("start")).content.decode()
    assert client.get(plan_url(plan)).status_code == 404
    assert client.post(overgang_url(plan, 3, "afronden")).status_code == 404
    planning = reverse("stappen:stap_planning", kwargs={"plan_id": plan.pk, "nummer": 3})
    assert client.get(planning).status_code == 404
    edit = reverse("stappen:plan_bewerken", kwargs={"plan_id": plan.pk})
    assert client.get(edit).status_code == 404


def test_the_griffie_does_not_see_the_drafting_process(client, plan, griffie):
    client.force_login(griffie)
    assert client.get(plan_url(plan)).status_code == 404


def test_an_unknown_plan_is_a_404(client, plan, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("stappen:plan", kwargs={"plan_id": 999_999})).status_code == 404


def test_starting_a_step_shows_its_new_state(client):
    plan = PlanFactory()
    coordinator = coordinator_van(plan.gemeente)
    client.force_login(coordinator)
    response = client.post(overgang_url(plan, 1, "start"), {"toelichting": "Aftrap"}, follow=True)
    assert "Stap 1 is gestart." in response.content.decode()
    assert stap(plan, 1).status == StapStatus.ACTIEF


def test_a_refused_transition_says_why(client):
    plan = PlanFactory()
    client.force_login(coordinator_van(plan.gemeente))
    response = client.post(overgang_url(plan, 2, "start"), follow=True)
    assert "Stap 1 (startnotitie) is nog niet afgerond." in response.content.decode()
    assert stap(plan, 2).status == StapStatus.GEPLAND


def test_reopening_without_a_reason_is_refused(client, plan, coordinator):
    client.force_login(coordinator)
    response = client.post(overgang_url(plan, 2, "heropenen"), {"toelichting": ""}, follow=True)
    assert "Geef de reden waarom deze stap weer open gaat." in response.content.decode()
    assert stap(plan, 2).status == StapStatus.AFGEROND


def test_a_new_plan_with_bad_input_keeps_what_was_entered(client):
    gemeente = GemeenteFactory()
    client.force_login(coordinator_van(gemeente))
    data = {
        "gemeente": gemeente.pk,
        "titel": "IVP 2027–2030",
        "traject_start": "01-06-2026",
        "periode_start": "01-01-2027",
        "periode_eind": "31-12-2026",
        "verlengd_tot": "",
        "verlenging_reden": "Mijn lange toelichting",
    }
    response = client.post(reverse("stappen:plan_nieuw"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "De looptijd moet eindigen na de begindatum." in html
    assert "Vul in tot wanneer het plan is verlengd, of laat de reden leeg." in html
    assert 'value="IVP 2027–2030"' in html and "Mijn lange toelichting" in html
    assert 'value="01-06-2026"' in html
    assert not Plan.objects.exists()

    data |= {"periode_eind": "", "verlenging_reden": ""}
    response = client.post(reverse("stappen:plan_nieuw"), data, follow=True)
    plan = Plan.objects.get()
    assert plan.periode_eind == dt.date(2030, 12, 31)
    assert plan.stappen.count() == 6
    assert "is aangemaakt met zes stappen" in response.content.decode()


def test_a_second_plan_for_the_same_period_is_refused_and_keeps_what_was_entered(client):
    gemeente = GemeenteFactory(naam="Steenwijkerland")
    client.force_login(coordinator_van(gemeente))
    data = {
        "gemeente": gemeente.pk,
        "titel": "IVP 2027–2030",
        "traject_start": "01-06-2026",
        "periode_start": "01-01-2027",
    }
    client.post(reverse("stappen:plan_nieuw"), data)
    response = client.post(reverse("stappen:plan_nieuw"), data | {"titel": "Nog een IVP"})
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "Er is al een plan van Steenwijkerland met een looptijd vanaf 01-01-2027: "
        "‘IVP 2027–2030’." in html
    )
    assert 'value="Nog een IVP"' in html and 'value="01-06-2026"' in html
    assert Plan.objects.count() == 1
    # The database holds the rule too (two presses at once).
    with transaction.atomic(), pytest.raises(IntegrityError):
        Plan.objects.create(
            gemeente=gemeente,
            titel="Dubbel",
            traject_start=dt.date(2026, 6, 1),
            periode_start=dt.date(2027, 1, 1),
            periode_eind=dt.date(2030, 12, 31),
        )


def test_a_date_in_another_format_gets_a_dutch_message(client):
    gemeente = GemeenteFactory()
    client.force_login(coordinator_van(gemeente))
    response = client.post(
        reverse("stappen:plan_nieuw"),
        {
            "gemeente": gemeente.pk,
            "titel": "IVP",
            "traject_start": "juni 2026",
            "periode_start": "01-01-2027",
        },
    )
    assert "Vul een datum in als dag-maand-jaar, bijvoorbeeld 28-11-2026." in (
        response.content.decode()
    )


def test_planning_a_step_outside_the_plan_is_refused_on_the_field(client, plan, coordinator):
    client.force_login(coordinator)
    url = reverse("stappen:stap_planning", kwargs={"plan_id": plan.pk, "nummer": 4})
    response = client.post(url, {"gepland_start": "01-11-2022", "gepland_eind": "31-01-2027"})
    html = response.content.decode()
    assert "De deadline ligt na het einde van de looptijd van het plan (31-12-2026)." in html
    assert 'value="31-01-2027"' in html
    response = client.post(url, {"gepland_start": "01-11-2022", "gepland_eind": "30-04-2023"})
    assert response.status_code == 302
    assert stap(plan, 4).gepland_eind == dt.date(2023, 4, 30)


def test_only_a_coordinator_may_make_a_plan(client):
    client.force_login(GebruikerFactory(rol=(GemeenteFactory(), RolSoort.WERKGROEPLID)))
    assert client.get(reverse("stappen:plan_nieuw")).status_code == 404


@pytest.mark.parametrize("aantal", [1, 30])
def test_the_plan_page_and_start_page_keep_a_flat_query_count(
    client, django_assert_max_num_queries, aantal
):
    gemeente = GemeenteFactory()
    coordinator = coordinator_van(gemeente)
    plannen = [PlanFactory(gemeente=gemeente, titel=f"IVP {n}") for n in range(aantal)]
    for _ in range(aantal):
        GebruikerFactory(rol=(gemeente, RolSoort.WERKGROEPLID))
    StapFactory(plan=plannen[0], nummer=3, afgerond=True, door=coordinator)
    client.force_login(coordinator)
    # 11 (16 before issue 8's plan page): the plan it follows read with the plan, and of the
    # plan's state only what the guards of its steps in progress read (none here); one for
    # the bestuurlijke planning (the raad meetings chosen for steps 3 and 4), whatever the size.
    with django_assert_max_num_queries(11):
        assert client.get(plan_url(plannen[0])).status_code == 200
    # 7: the gemeenten whose vergaderkalender the coordinator keeps are one query.
    with django_assert_max_num_queries(7):
        response = client.get(reverse("start"))
    assert response.content.decode().count('class="ivp-kaart"') == aantal


def test_shortening_a_plan_below_its_step_deadlines_is_refused_on_the_field(client):
    """The form is valid; the service finds a step deadline after the new end."""
    plan = PlanFactory()
    client.force_login(coordinator_van(plan.gemeente))
    url = reverse("stappen:plan_bewerken", kwargs={"plan_id": plan.pk})
    data = {
        "titel": plan.titel,
        "traject_start": "01-06-2022",
        "periode_start": "01-01-2023",
        "periode_eind": "31-03-2023",
        "verlengd_tot": "",
        "verlenging_reden": "",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Pas eerst de planning aan." in response.content.decode()


def test_the_plan_page_links_the_documents(client, plan, coordinator, startnotitie):
    client.force_login(coordinator)
    html = client.get(reverse("stappen:plan", args=[plan.pk])).content.decode()
    assert reverse("stappen:documenten", args=[plan.pk]) in html
    assert reverse("stappen:document", args=[startnotitie.pk]) in html
    lijst = client.get(reverse("stappen:documenten", args=[plan.pk])).content.decode()
    assert startnotitie.titel in lijst
