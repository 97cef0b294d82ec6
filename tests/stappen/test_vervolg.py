"""Issue 14: the next IVP starts from the last one — what is copied, what stays untouched,
the evaluation of the previous doelstellingen and step 1's close check."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db.models import Q
from django.urls import reverse

from ivp.exceptions import Geweigerd
from stappen import services
from stappen.constants import DocumentSoort, EvaluatieScore
from stappen.models import (
    Analyse,
    Besluit,
    Document,
    Doelstelling,
    Hoofdstuk,
    Overgang,
    Plaatsing,
    Stap,
    Versie,
    Vervolg,
)
from stappen.secties import bouw_secties
from stappen.selectors.vervolg import EVALUATIE_SLEUTEL
from tests.stappen.stappenplan import document, hoofdstuk, stap, stel_vast
from tests.stappen.vervolg import (
    OUDE_INLEIDING,
    doelstellingen,
    indicator_met,
    start_vervolg,
    vorig_plan,
)
from tests.veiligheidsvelden.factories import BeleidsdocumentFactory, ThemaFactory
from werkgroep.models import Lid, Urenbudget


@pytest.fixture
def vorig(gemeente, coordinator):
    return vorig_plan(gemeente, coordinator)


def _formdata(vorig, **extra):
    data = {
        "titel": "Integraal Veiligheidsplan 2027–2030",
        "traject_start": "05-01-2026",
        "periode_start": "01-01-2027",
        "periode_eind": "",
        "looptijd_motivatie": "",
        "overlap_reden": "",
    }
    data.update(extra)
    return data


def _url(vorig):
    return reverse("stappen:plan_vervolg", kwargs={"plan_id": vorig.pk})


def test_the_new_plan_page_offers_the_follow_up_of_the_latest_plan(client, coordinator, vorig):
    client.force_login(coordinator)
    html = client.get(reverse("stappen:plan_nieuw")).content.decode()
    assert "Beginnen vanuit het vorige plan" in html
    assert _url(vorig) in html


def test_the_form_proposes_title_period_members_themes_and_beleid(
    client, gemeente, coordinator, vorig
):
    ThemaFactory(gemeente=gemeente, naam="Veilig varen")
    BeleidsdocumentFactory(gemeente=gemeente, titel="Horecabeleid 2024")
    client.force_login(coordinator)
    html = client.get(_url(vorig)).content.decode()
    assert 'value="Integraal Veiligheidsplan 2027–2030"' in html
    assert 'value="01-01-2027"' in html
    assert "Pim Politie (Lid, Politie)" in html
    assert "Veilig varen" in html and "Horecabeleid 2024" in html
    # Members each to confirm: none is ticked; the budgets' defaults are.
    invoer = re.findall(r"<input[^>]*>", html)
    leden = [i for i in invoer if 'name="overnemen_leden"' in i]
    uren = [i for i in invoer if 'name="overnemen_uren"' in i]
    assert len(leden) == 2 and not any("checked" in i for i in leden)
    assert len(uren) == 1 and "checked" in uren[0]


def test_starting_copies_what_was_chosen_and_nothing_else(client, coordinator, vorig):
    politie = Lid.objects.get(werkgroep__plan=vorig, organisatie="Politie")
    client.force_login(coordinator)
    data = _formdata(
        vorig,
        overnemen_leden=[f"lid-{politie.pk}"],
        overnemen_uren=["uren"],
        overnemen_teksten=["analyses"],
    )
    response = client.post(_url(vorig), data)
    assert response.status_code == 302
    nieuw = Vervolg.objects.get(vorig_plan=vorig).plan
    assert nieuw.titel == "Integraal Veiligheidsplan 2027–2030"
    # Only the confirmed member, with the budget of last time.
    leden = list(Lid.objects.filter(werkgroep__plan=nieuw))
    assert [lid.organisatie for lid in leden] == ["Politie"]
    assert Urenbudget.objects.get(lid=leden[0]).uren == 40
    # The analyses as starting text, marked; the chapters not chosen stay empty.
    analyses = Analyse.objects.filter(plan=nieuw)
    assert analyses.count() == Analyse.objects.filter(plan=vorig).count()
    assert all(a.problematiek.startswith("*Uit het vorige IVP (") for a in analyses)
    assert hoofdstuk(document(nieuw, DocumentSoort.STARTNOTITIE)).tekst == ""
    # No priorities, scores or doelstellingen of the previous plan come along.
    assert not Plaatsing.objects.filter(plan=nieuw).exists()
    assert not Doelstelling.objects.filter(plaatsing__plan=nieuw).exists()


def test_chosen_chapters_are_copied_marked_and_never_linked(coordinator, vorig):
    nieuw = start_vervolg(
        vorig, coordinator, overnemen={"teksten": [f"hoofdstukken-{DocumentSoort.STARTNOTITIE}"]}
    )
    kopie = hoofdstuk(document(nieuw, DocumentSoort.STARTNOTITIE))
    assert kopie.tekst.startswith("*Uit het vorige IVP (Integraal Veiligheidsplan 2023–2026)")
    assert OUDE_INLEIDING in kopie.tekst
    # Editing the copy leaves the adopted text alone.
    services.hoofdstuk_save(hoofdstuk=kopie, door=coordinator, tekst="Nieuw", versie=kopie.versie)
    assert hoofdstuk(document(vorig, DocumentSoort.STARTNOTITIE)).tekst == OUDE_INLEIDING


def _stand(plan):
    """Everything of `plan` that must stay byte-for-byte the same, with its history."""
    docs = Document.objects.filter(plan=plan)
    return {
        "plan": list(type(plan).objects.filter(pk=plan.pk).values()),
        "plan_historie": plan.history.count(),
        "stappen": list(Stap.objects.filter(plan=plan).order_by("pk").values()),
        "documenten": list(docs.order_by("pk").values()),
        "versies": list(Versie.objects.filter(document__in=docs).order_by("pk").values()),
        "hoofdstukken": list(Hoofdstuk.objects.filter(document__in=docs).order_by("pk").values()),
        "hoofdstuk_historie": Hoofdstuk.history.filter(document__plan=plan).count(),
        "besluiten": list(Besluit.objects.filter(document__in=docs).order_by("pk").values()),
        "overgangen": list(
            Overgang.objects.filter(Q(stap__plan=plan) | Q(document__plan=plan))
            .order_by("pk")
            .values()
        ),
        "document_historie": Document.history.filter(plan=plan).count(),
        "stap_historie": Stap.history.filter(plan=plan).count(),
        "analyses": list(Analyse.objects.filter(plan=plan).order_by("pk").values()),
        "doelstellingen": list(
            Doelstelling.objects.filter(plaatsing__plan=plan).order_by("pk").values()
        ),
        "doelstelling_historie": Doelstelling.history.filter(plaatsing__plan=plan).count(),
        "leden": list(Lid.objects.filter(werkgroep__plan=plan).order_by("pk").values()),
        "budgetten": list(
            Urenbudget.objects.filter(lid__werkgroep__plan=plan).order_by("pk").values()
        ),
    }


def test_the_previous_plan_and_its_adopted_documents_stay_the_same(coordinator, vorig):
    voor = _stand(vorig)
    leden = [
        f"lid-{pk}" for pk in Lid.objects.filter(werkgroep__plan=vorig).values_list("pk", flat=True)
    ]
    teksten = ["analyses", "hoofdstukken-startnotitie"]
    nieuw = start_vervolg(
        vorig, coordinator, overnemen={"leden": leden, "uren": ["uren"], "teksten": teksten}
    )
    for d in doelstellingen(vorig):
        services.evaluatie_save(
            plan=nieuw, doelstelling=d, door=coordinator, score="behaald", toelichting="Gehaald."
        )
    assert _stand(vorig) == voor


def test_starting_twice_makes_one_plan(client, coordinator, vorig):
    client.force_login(coordinator)
    assert client.post(_url(vorig), _formdata(vorig)).status_code == 302
    tweede = client.post(_url(vorig), _formdata(vorig))
    assert tweede.status_code == 200
    assert "volgt al" in tweede.content.decode()
    assert Vervolg.objects.filter(vorig_plan=vorig).count() == 1
    assert vorig.gemeente.plannen.filter(periode_start=dt.date(2027, 1, 1)).count() == 1
    with pytest.raises(Geweigerd, match="volgt al"):
        start_vervolg(vorig, coordinator)


def test_a_period_in_use_is_refused_on_its_field(coordinator, vorig):
    services.plan_create(
        gemeente=vorig.gemeente,
        titel="Los plan",
        traject_start=dt.date(2026, 1, 5),
        periode_start=dt.date(2027, 1, 1),
        door=coordinator,
    )
    with pytest.raises(Exception, match="Er is al een plan"):
        start_vervolg(vorig, coordinator)


def test_an_overlap_with_the_extended_period_needs_the_reason(client, coordinator, vorig):
    services.plan_update(
        plan=vorig,
        door=coordinator,
        verlengd_tot=dt.date(2027, 4, 30),
        verlenging_reden="De partners vroegen om meer tijd.",
    )
    client.force_login(coordinator)
    response = client.post(_url(vorig), _formdata(vorig, titel="Mijn titel"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Geef de reden van de overlap" in html
    assert "30-04-2027" in html
    assert 'value="Mijn titel"' in html  # nothing entered is lost
    assert not Vervolg.objects.exists()
    response = client.post(
        _url(vorig), _formdata(vorig, overlap_reden="Het nieuwe IVP begint met het kalenderjaar.")
    )
    assert response.status_code == 302
    nieuw = Vervolg.objects.get().plan
    html = client.get(reverse("stappen:plan", kwargs={"plan_id": nieuw.pk})).content.decode()
    assert "Het nieuwe IVP begint met het kalenderjaar." in html


def test_step_1_refuses_with_the_dutch_list_and_closes_with_a_motivation(coordinator, vorig):
    nieuw = start_vervolg(vorig, coordinator)
    doelen = doelstellingen(vorig)
    services.stap_start(stap=stap(nieuw, 1), door=coordinator)
    services.evaluatie_save(
        plan=nieuw, doelstelling=doelen[0], door=coordinator, score="deels", toelichting="Half."
    )
    services.evaluatie_motivatie_save(plan=nieuw, door=coordinator, motivatie="")
    stel_vast(document(nieuw, DocumentSoort.STARTNOTITIE), coordinator)
    with pytest.raises(Geweigerd) as fout:
        services.stap_close(stap=stap(nieuw, 1), door=coordinator)
    melding = " ".join(fout.value.redenen)
    assert "3 doelstellingen van het vorige IVP hebben nog geen score" in melding
    for d in doelen[1:]:
        assert f"‘{d.tekst}’" in melding
    assert f"‘{doelen[0].tekst}’" not in melding


def test_the_motivation_lets_step_1_close_and_stands_in_the_startnotitie(coordinator, vorig):
    nieuw = start_vervolg(vorig, coordinator)
    services.stap_start(stap=stap(nieuw, 1), door=coordinator)
    services.evaluatie_motivatie_save(
        plan=nieuw, door=coordinator, motivatie="De cijfers over 2026 komen pas in mei."
    )
    startnotitie = document(nieuw, DocumentSoort.STARTNOTITIE)
    stel_vast(startnotitie, coordinator)
    services.stap_close(stap=stap(nieuw, 1), door=coordinator)
    inhoud = startnotitie.versies.latest("hoofd", "sub").inhoud
    evaluatie = next(s for s in inhoud if s["sleutel"] == EVALUATIE_SLEUTEL)
    assert "De cijfers over 2026 komen pas in mei." in evaluatie["tekst"]
    assert "4 zonder score" in evaluatie["tekst"]


def test_a_plan_without_a_previous_one_closes_step_1_as_before(plan, coordinator):
    services.stap_start(stap=stap(plan, 1), door=coordinator)
    stel_vast(document(plan, DocumentSoort.STARTNOTITIE), coordinator)
    services.stap_close(stap=stap(plan, 1), door=coordinator)
    assert all(
        s["sleutel"] != EVALUATIE_SLEUTEL for s in bouw_secties(document(plan, "startnotitie"))
    )


def test_the_evaluation_chapter_lists_every_doelstelling_once_with_its_score(gemeente, coordinator):
    indicator = indicator_met(gemeente, {2024: "44.0", 2025: "41.5"})
    vorig = vorig_plan(gemeente, coordinator, indicator=indicator)
    nieuw = start_vervolg(vorig, coordinator)
    doelen = doelstellingen(vorig)
    scores = list(EvaluatieScore)
    for n, d in enumerate(doelen):
        services.evaluatie_save(
            plan=nieuw,
            doelstelling=d,
            door=coordinator,
            score=scores[n % len(scores)],
            toelichting=f"Toelichting {n + 1}",
        )
    secties = bouw_secties(document(nieuw, DocumentSoort.STARTNOTITIE))
    sleutels = [s["sleutel"] for s in secties]
    assert sleutels.index(EVALUATIE_SLEUTEL) == sleutels.index("inleiding") + 1  # comes first
    tekst = next(s["tekst"] for s in secties if s["sleutel"] == EVALUATIE_SLEUTEL)
    for n, d in enumerate(doelen):
        assert tekst.count(d.tekst) == 1
        regel = next(r for r in tekst.splitlines() if d.tekst in r)
        assert scores[n % len(scores)].label in regel
        assert f"Toelichting {n + 1}" in regel
    assert "Laatste meting 2025: 41,5 per 1.000 inwoners; streefwaarde 40 in 2026" in tekst


def test_a_score_needs_an_explanation_and_keeps_the_input(client, coordinator, vorig):
    nieuw = start_vervolg(vorig, coordinator)
    doel = doelstellingen(vorig)[0]
    client.force_login(coordinator)
    url = reverse(
        "stappen:evaluatie_score", kwargs={"plan_id": nieuw.pk, "doelstelling_id": doel.pk}
    )
    response = client.post(url, {"score": "niet", "toelichting": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Licht de score kort toe." in html
    gekozen = [i for i in re.findall(r"<input[^>]*>", html) if "checked" in i]
    assert len(gekozen) == 1 and 'value="niet"' in gekozen[0]  # the choice is kept
    response = client.post(url, {"score": "niet", "toelichting": "Meer meldingen dan gedacht."})
    assert response.status_code == 302
    html = client.get(reverse("stappen:evaluatie", kwargs={"plan_id": nieuw.pk})).content.decode()
    assert "Meer meldingen dan gedacht." in html


def test_who_sees_and_scores_the_evaluation(
    client, coordinator, werkgroeplid, lezer, buitenstaander, vorig
):
    nieuw = start_vervolg(vorig, coordinator)
    pagina = reverse("stappen:evaluatie", kwargs={"plan_id": nieuw.pk})
    doel = doelstellingen(vorig)[0]
    score = reverse(
        "stappen:evaluatie_score", kwargs={"plan_id": nieuw.pk, "doelstelling_id": doel.pk}
    )
    client.force_login(werkgroeplid)
    assert client.get(pagina).status_code == 200
    assert "Score opslaan" not in client.get(pagina).content.decode()
    assert client.post(score, {"score": "behaald", "toelichting": "x"}).status_code == 404
    for gebruiker in (lezer, buitenstaander):
        client.force_login(gebruiker)
        assert client.get(pagina).status_code == 404
    client.force_login(buitenstaander)
    assert client.get(_url(vorig)).status_code == 404
    # A doelstelling of another plan is not one of this evaluation.
    client.force_login(coordinator)
    ander = reverse(
        "stappen:evaluatie_score", kwargs={"plan_id": vorig.pk, "doelstelling_id": doel.pk}
    )
    assert client.post(ander, {"score": "behaald", "toelichting": "x"}).status_code == 404


def test_the_prioritering_shows_what_was_a_priority_and_how_its_goals_scored(
    client, coordinator, vorig
):
    nieuw = start_vervolg(vorig, coordinator)
    doelen = doelstellingen(vorig)
    for d in (doelen[0], doelen[-1]):  # one goal of each priority
        services.evaluatie_save(
            plan=nieuw, doelstelling=d, door=coordinator, score="behaald", toelichting="Ja."
        )
    client.force_login(coordinator)
    html = client.get(
        reverse("stappen:prioritering", kwargs={"plan_id": nieuw.pk})
    ).content.decode()
    assert "Vorige keer: Integraal Veiligheidsplan 2023–2026" in html
    rijen = html.split('ivp-vorige-keer__prioriteit">')[1:]
    assert len(rijen) == 2  # 1.1 and 5.2 were the priorities
    assert all("<strong>Prioriteit</strong>" in r.split("</tr>")[0] for r in rijen)
    samen = " ".join(r.split("</tr>")[0] for r in rijen)
    assert samen.count("1 behaald") == 2 and samen.count("1 nog niet beoordeeld") == 2


@pytest.mark.parametrize("aantal", [4, 40])
def test_the_pages_keep_a_flat_query_count(
    client, django_assert_max_num_queries, gemeente, coordinator, aantal
):
    vorig = vorig_plan(gemeente, coordinator, aantal=aantal)
    nieuw = start_vervolg(vorig, coordinator)
    for d in doelstellingen(vorig)[::2]:
        services.evaluatie_save(
            plan=nieuw, doelstelling=d, door=coordinator, score="behaald", toelichting="Ja."
        )
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("stappen:evaluatie", kwargs={"plan_id": nieuw.pk}))
    assert response.content.decode().count("Score opslaan") == aantal
    with django_assert_max_num_queries(14):
        assert (
            client.get(reverse("stappen:plan_vervolg", kwargs={"plan_id": vorig.pk})).status_code
            == 200
        )
    with django_assert_max_num_queries(14):
        assert (
            client.get(reverse("stappen:prioritering", kwargs={"plan_id": nieuw.pk})).status_code
            == 200
        )
    startnotitie = document(nieuw, DocumentSoort.STARTNOTITIE)
    with django_assert_max_num_queries(30):
        assert (
            client.get(
                reverse("stappen:document", kwargs={"document_id": startnotitie.pk})
            ).status_code
            == 200
        )
    with django_assert_max_num_queries(8):
        assert len(bouw_secties(startnotitie)) > 1


@pytest.mark.parametrize("veld", ["traject_start", "periode_start", "periode_eind", "verlengd_tot"])
def test_dates_outside_2000_2100_are_refused_on_the_field(client, coordinator, plan, veld):
    """Issue 15, finding 11: 31-12-9999 was an HTTP 500 (year 10003 is out of range)."""
    client.force_login(coordinator)
    data = {
        "gemeente": plan.gemeente_id,
        "titel": "IVP",
        "traject_start": "01-06-2026",
        "periode_start": "01-01-2027",
        "periode_eind": "",
        "verlengd_tot": "",
        "verlenging_reden": "",
        "looptijd_motivatie": "",
    }
    data[veld] = "31-12-9999"
    for url in (
        reverse("stappen:plan_nieuw"),
        reverse("stappen:plan_bewerken", kwargs={"plan_id": plan.pk}),
    ):
        response = client.post(url, data)
        assert response.status_code == 200
        assert "Vul een datum in tussen 01-01-2000 en 31-12-2100." in response.content.decode()
        assert 'value="31-12-9999"' in response.content.decode()


def test_the_follow_up_form_refuses_far_dates_too(client, coordinator, vorig):
    client.force_login(coordinator)
    response = client.post(_url(vorig), _formdata(vorig, periode_start="31-12-9999"))
    assert response.status_code == 200
    assert "Vul een datum in tussen 01-01-2000 en 31-12-2100." in response.content.decode()
    assert not Vervolg.objects.exists()


def test_the_plan_page_says_what_was_taken_over(client, coordinator, lezer, vorig):
    politie = Lid.objects.get(werkgroep__plan=vorig, organisatie="Politie")
    nieuw = start_vervolg(
        vorig, coordinator, overnemen={"leden": [f"lid-{politie.pk}"], "uren": ["uren"]}
    )
    client.force_login(coordinator)
    html = client.get(reverse("stappen:plan", kwargs={"plan_id": nieuw.pk})).content.decode()
    assert "Dit plan volgt op" in html
    assert "Werkgroeplid Pim Politie met 40 uur" in html
    html = client.get(reverse("stappen:plan", kwargs={"plan_id": vorig.pk})).content.decode()
    assert "Op dit plan volgt <a" in html and nieuw.titel in html
    client.force_login(lezer)
    html = client.get(reverse("stappen:plan", kwargs={"plan_id": nieuw.pk})).content.decode()
    assert "Dit plan volgt op" in html
    assert "Pim Politie" not in html and "Evaluatie van het vorige IVP" not in html


def test_a_step_deadline_far_away_is_refused_on_the_field(client, coordinator, plan):
    client.force_login(coordinator)
    url = reverse("stappen:stap_planning", kwargs={"plan_id": plan.pk, "nummer": 1})
    response = client.post(url, {"gepland_start": "01-06-2022", "gepland_eind": "01-01-1900"})
    assert response.status_code == 200
    assert "Vul een datum in tussen 01-01-2000 en 31-12-2100." in response.content.decode()
