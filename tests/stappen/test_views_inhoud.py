"""The prioritering: scores and weights, the ranking, placement with pas toe of leg uit, the
consultations of raad and driehoek, the builder and the page's query count."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ivp.constants import RolSoort
from ivp.exceptions import Geweigerd
from stappen import services
from stappen.constants import Criterium, DocumentSoort, Keuze
from stappen.models import Plaatsing, Prioritering, Score
from stappen.selectors_inhoud import gewogen_score, prioritering_stand
from stappen.structuur import bouw_prioritering
from tests.ivp.factories import GebruikerFactory
from tests.stappen.factories import (
    coordinator_van,
    document,
    maak_plan,
    plaats_alle_hoofdthemas,
    stap,
    stel_vast,
    tot_en_met_stap,
)
from veiligheidsvelden.models import Thema

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    plan = maak_plan()
    coordinator = coordinator_van(plan.gemeente)
    tot_en_met_stap(plan, coordinator, 2)
    services.stap_start(stap=stap(plan, 3), door=coordinator)
    plan.coordinator = coordinator
    return plan


def hoofdthema(code):
    return Thema.objects.get(code=code, gemeente=None)


def url(plan, naam="prioritering"):
    return reverse(f"stappen:{naam}", kwargs={"plan_id": plan.pk})


def test_the_weighted_score_is_the_weighted_mean_of_the_given_scores():
    gewichten = {c: 1 for c in Criterium.values} | {"ernst": 3, "trend": 0}
    assert gewogen_score({"ernst": 5, "omvang": 2}, gewichten) == Decimal("4.3")
    assert gewogen_score({"trend": 5}, gewichten) is None
    assert gewogen_score({}, gewichten) is None


def test_scores_rank_the_candidates_and_an_own_theme_is_a_candidate(plan):
    eigen = Thema.objects.create(
        code=f"{plan.gemeente.cbs_code}.1", naam="Veilig Giethoorn", gemeente=plan.gemeente
    )
    services.wegingen_save(plan=plan, door=plan.coordinator, gewichten={"ernst": 2, "omvang": 1})
    services.scores_save(
        plan=plan,
        door=plan.coordinator,
        scores={
            (hoofdthema("1.1").pk, "ernst"): 2,
            (eigen.pk, "ernst"): 5,
            (eigen.pk, "omvang"): 4,
        },
    )
    stand = prioritering_stand(plan)
    assert stand.kandidaten[0].thema == eigen
    assert stand.kandidaten[0].gewogen == Decimal("4.7")
    assert stand.kandidaten[1].thema.code == "1.1"


def test_a_score_of_7_is_refused_per_field(plan):
    with pytest.raises(ValidationError) as error:
        services.scores_save(
            plan=plan, door=plan.coordinator, scores={(hoofdthema("1.1").pk, "ernst"): 7}
        )
    assert "Een score is 1 tot en met 5." in str(error.value.message_dict)
    assert not Score.objects.exists()


def test_a_theme_of_another_gemeente_cannot_be_scored(plan):
    ander = Thema.objects.create(code="GM9999.1", naam="Elders", gemeente=maak_plan().gemeente)
    with pytest.raises(ValidationError):
        services.scores_save(plan=plan, door=plan.coordinator, scores={(ander.pk, "ernst"): 3})


def test_a_fifth_priority_needs_the_motivation_and_it_reaches_the_document(plan):
    codes = ["1.1", "1.2", "2.1", "3.1", "5.2"]
    keuzes = {hoofdthema(c).pk: (Keuze.PRIORITEIT, "") for c in codes}
    with pytest.raises(ValidationError) as error:
        services.plaatsingen_save(
            plan=plan, door=plan.coordinator, keuzes=keuzes, motivatie_aantal=""
        )
    assert "motivatie_aantal" in error.value.message_dict
    assert not Plaatsing.objects.filter(plan=plan).exists()
    services.plaatsingen_save(
        plan=plan,
        door=plan.coordinator,
        keuzes=keuzes,
        motivatie_aantal="De raad wil ook digitale veiligheid een prioriteit maken.",
    )
    tekst = {s["sleutel"]: s for s in bouw_prioritering(document(plan, DocumentSoort.PRIORITERING))}
    prioriteiten = tekst["prioritering-prioriteiten"]["tekst"]
    assert "Pas toe of leg uit" in prioriteiten
    assert "De raad wil ook digitale veiligheid" in prioriteiten


def test_the_builder_gives_method_ranking_buckets_and_consultations(plan):
    plaats_alle_hoofdthemas(plan, plan.coordinator, prioriteiten=("1.1", "5.2"))
    services.scores_save(
        plan=plan, door=plan.coordinator, scores={(hoofdthema("5.2").pk, "ernst"): 5}
    )
    services.prioritering_update(
        plan=plan,
        door=plan.coordinator,
        raad_niet_geraadpleegd_reden="Verkiezingen; de raad besprak het in de commissie.",
        driehoek_op=dt.date(2022, 10, 12),
        driehoek_uitkomst="Akkoord.",
    )
    secties = bouw_prioritering(document(plan, DocumentSoort.PRIORITERING))
    per = {s["sleutel"]: s["tekst"] for s in secties}
    assert list(per) == [
        "prioritering-werkwijze",
        "prioritering-rangorde",
        "prioritering-prioriteiten",
        "prioritering-strategisch",
        "prioritering-beheer",
        "prioritering-raadpleging",
    ]
    assert "| Ernst | 1 |" in per["prioritering-werkwijze"]
    assert per["prioritering-rangorde"].splitlines()[2].startswith("| 1 | 5.2 ")
    assert "Pas toe of leg uit" not in per["prioritering-prioriteiten"]
    assert "Reden: Verkiezingen" in per["prioritering-raadpleging"]
    assert "12-10-2022" in per["prioritering-raadpleging"]


def test_placement_is_frozen_once_the_prioritering_is_adopted(plan):
    tot_en_met = plaats_alle_hoofdthemas(plan, plan.coordinator)
    assert tot_en_met
    services.prioritering_update(
        plan=plan,
        door=plan.coordinator,
        raad_bijeenkomst_op=dt.date(2022, 10, 4),
        driehoek_op=dt.date(2022, 10, 12),
    )
    stel_vast(document(plan, DocumentSoort.PRIORITERING), plan.coordinator)
    with pytest.raises(Geweigerd, match="vastgesteld"):
        services.scores_save(
            plan=plan, door=plan.coordinator, scores={(hoofdthema("1.1").pk, "ernst"): 3}
        )
    with pytest.raises(Geweigerd, match="vastgesteld"):
        services.wegingen_save(plan=plan, door=plan.coordinator, gewichten={"ernst": 2})


# --- Views ---------------------------------------------------------------------------------


def test_a_score_of_7_in_the_form_shows_a_dutch_error_and_keeps_all_input(client, plan):
    client.force_login(plan.coordinator)
    t = hoofdthema("1.1").pk
    data = {f"gewicht_{c}": "1" for c in Criterium.values} | {
        f"score_{t}_ernst": "7",
        f"score_{t}_omvang": "4",
    }
    response = client.post(url(plan, "prioritering_scores"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Een score is 1 tot en met 5." in html
    assert 'value="7"' in html and 'value="4"' in html
    assert not Score.objects.exists()
    data[f"score_{t}_ernst"] = "5"
    assert client.post(url(plan, "prioritering_scores"), data).status_code == 302
    assert Score.objects.filter(plan=plan).count() == 2


def test_placing_five_priorities_without_motivation_in_the_form(client, plan):
    client.force_login(plan.coordinator)
    stand = prioritering_stand(plan)
    data = {f"keuze_{k.thema.pk}": Keuze.BEHEER for k in stand.kandidaten}
    for code in ["1.1", "1.2", "2.1", "3.1", "5.2"]:
        data[f"keuze_{hoofdthema(code).pk}"] = Keuze.PRIORITEIT
    data[f"motivatie_{hoofdthema('1.1').pk}"] = "Inbraken stijgen"
    response = client.post(url(plan, "prioritering_plaatsing"), data)
    html = response.content.decode()
    assert "Bij meer dan vier is een motivatie nodig" in html
    assert "Inbraken stijgen" in html
    assert not Plaatsing.objects.filter(plan=plan).exists()
    data["motivatie_aantal"] = "Afspraak met de raad."
    assert client.post(url(plan, "prioritering_plaatsing"), data).status_code == 302
    html = client.get(url(plan)).content.decode()
    assert "Er zijn 5 prioriteiten" in html
    assert "Afspraak met de raad." in html
    assert Prioritering.objects.get(plan=plan).motivatie_aantal == "Afspraak met de raad."


def test_consultation_form_needs_an_outcome_with_a_date(client, plan):
    client.force_login(plan.coordinator)
    response = client.post(
        url(plan, "prioritering_raadpleging"),
        {
            "raad_bijeenkomst_op": "04-10-2022",
            "driehoek_op": "12-10-2022",
            "driehoek_uitkomst": "Akkoord",
        },
    )
    html = response.content.decode()
    assert "Vul de uitkomst van de bijeenkomst in." in html
    assert 'value="12-10-2022"' in html
    response = client.post(
        url(plan, "prioritering_raadpleging"),
        {
            "raad_bijeenkomst_op": "04-10-2022",
            "raad_bijeenkomst_uitkomst": "De raad herkent de keuze.",
            "driehoek_op": "12-10-2022",
            "driehoek_uitkomst": "Akkoord",
        },
    )
    assert response.status_code == 302
    assert not any("geraadpleegd" in b for b in stap(plan, 3).sluitblokkades())


def test_werkgroep_reads_griffie_and_others_get_404(client, plan):
    client.force_login(GebruikerFactory(rol=(plan.gemeente, RolSoort.WERKGROEPLID)))
    assert client.get(url(plan)).status_code == 200
    assert client.get(url(plan, "prioritering_scores")).status_code == 404
    client.force_login(GebruikerFactory(rol=(plan.gemeente, RolSoort.GRIFFIE)))
    assert client.get(url(plan)).status_code == 404
    client.force_login(coordinator_van(maak_plan().gemeente))
    assert client.get(url(plan)).status_code == 404


def test_the_prioritering_pages_have_a_flat_query_count(
    client, plan, django_assert_max_num_queries
):
    client.force_login(plan.coordinator)
    client.get(url(plan))
    with django_assert_max_num_queries(14) as klein:
        client.get(url(plan))
    for n in range(40):
        Thema.objects.create(
            code=f"{plan.gemeente.cbs_code}.{n}", naam=f"Eigen thema {n}", gemeente=plan.gemeente
        )
    stand = prioritering_stand(plan)
    services.scores_save(
        plan=plan,
        door=plan.coordinator,
        scores={(k.thema.pk, c): 3 for k in stand.kandidaten for c in Criterium.values},
    )
    plaats_alle_hoofdthemas(plan, plan.coordinator, prioriteiten=("1.1", "1.2"))
    for naam in ("prioritering", "prioritering_scores", "prioritering_plaatsing"):
        with django_assert_max_num_queries(len(klein.captured_queries) + 2):
            assert client.get(url(plan, naam)).status_code == 200


def test_four_priorities_warn_on_the_page_without_blocking(client, plan):
    codes = ["1.1", "1.2", "2.1", "3.1"]
    services.plaatsingen_save(
        plan=plan,
        door=plan.coordinator,
        keuzes={hoofdthema(c).pk: (Keuze.PRIORITEIT, "") for c in codes},
        motivatie_aantal="",
    )
    client.force_login(plan.coordinator)
    html = client.get(url(plan)).content.decode()
    assert "Er zijn 4 prioriteiten; de startnotitie gaat uit van drie à vier." in html
    assert not any("motivatie nodig" in b for b in stap(plan, 3).sluitblokkades())
