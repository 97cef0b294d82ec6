import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ivp.constants import RolSoort
from tests.ivp.downloads import gestreamd, via_downloadpagina
from tests.ivp.factories import GebruikerFactory, GemeenteFactory
from tests.stappen.factories import maak_plan
from tests.stappen.stappenplan import coordinator_van
from tests.werkgroep.factories import BijeenkomstFactory, LidFactory, versie_met_draad
from veiligheidsvelden.models import Veld
from werkgroep.constants import LidRol
from werkgroep.models import (
    Actiepunt,
    Agendapunt,
    Bijeenkomst,
    Lid,
    Presentie,
)
from werkgroep.uren import services as uren_services

pytestmark = pytest.mark.django_db


def werkgroep_url(plan):
    return reverse("werkgroep:werkgroep", args=[plan.pk])


def uren_url(plan):
    return reverse("werkgroep:uren", args=[plan.pk])


def test_plan_readers_of_the_gemeente_see_the_werkgroep_everyone_else_gets_404(
    client, plan, coordinator
):
    LidFactory(plan=plan, door=coordinator, trekker=True)
    # The hours are the werkgroep's working material: not for a lezer (issue 15).
    for soort, status, uren_status in [
        (RolSoort.LEZER, 200, 404),
        (RolSoort.BESTUURDER, 200, 200),
        (RolSoort.WERKGROEPLID, 200, 200),
        (RolSoort.GRIFFIE, 404, 404),
    ]:
        client.force_login(GebruikerFactory(rol=(plan.gemeente, soort)))
        assert client.get(werkgroep_url(plan)).status_code == status, soort
        assert client.get(uren_url(plan)).status_code == uren_status, soort
    client.force_login(coordinator_van(GemeenteFactory()))
    assert client.get(werkgroep_url(plan)).status_code == 404
    assert client.get(uren_url(plan)).status_code == 404
    assert client.get(reverse("werkgroep:lid_nieuw", args=[plan.pk])).status_code == 404


def test_the_plan_page_links_to_the_werkgroep(client, plan, coordinator):
    client.force_login(coordinator)
    html = client.get(reverse("stappen:plan", args=[plan.pk])).content.decode()
    assert f'href="{werkgroep_url(plan)}">Werkgroep</a>' in html


def test_coverage_overview_shows_gaps_and_the_missing_police_expert(client, plan, coordinator):
    LidFactory(plan=plan, door=coordinator, trekker=True)
    LidFactory(plan=plan, door=coordinator, velden=Veld.objects.filter(code__in=["1", "2"]))
    client.force_login(coordinator)
    html = client.get(werkgroep_url(plan)).content.decode()
    assert "De operationeel expert van de politie ontbreekt." in html
    assert "Geen lid dekt het veld" in html
    assert "niet gedekt" in html
    politie = LidFactory(
        plan=plan,
        door=coordinator,
        politie_expert=True,
        velden=Veld.objects.exclude(code__in=["1", "2"]),
    )
    html = client.get(werkgroep_url(plan)).content.decode()
    assert "ontbreekt" not in html
    assert "niet gedekt" not in html
    assert str(politie) in html


def test_the_coordinator_adds_a_member_and_a_ninth_needs_a_motivation_keeping_the_input(
    client, plan, coordinator
):
    LidFactory(plan=plan, door=coordinator, trekker=True)
    for _ in range(7):
        LidFactory(plan=plan, door=coordinator)
    client.force_login(coordinator)
    url = reverse("werkgroep:lid_nieuw", args=[plan.pk])
    gegevens = {
        "naam": "Marleen de Groot",
        "organisatie": "Openbaar Ministerie",
        "functie": "Officier van justitie",
        "rol": LidRol.LID,
        "velden": [Veld.objects.get(code="5").pk],
    }
    response = client.post(url, gegevens)
    assert response.status_code == 200
    form = response.context["form"]
    assert "7 à 8 leden" in form.errors["motivatie"][0]
    html = response.content.decode()
    assert 'value="Openbaar Ministerie"' in html
    response = client.post(url, gegevens | {"motivatie": "Het OM is nodig voor ondermijning."})
    assert response.status_code == 302
    html = client.get(werkgroep_url(plan)).content.decode()
    assert "Het OM is nodig voor ondermijning." in html
    assert Lid.objects.count() == 9


def test_a_member_cannot_change_the_werkgroep(client, plan, coordinator):
    lid_ = LidFactory(plan=plan, door=coordinator)
    b = BijeenkomstFactory(plan=plan, door=coordinator)
    client.force_login(lid_.gebruiker)
    assert client.get(reverse("werkgroep:lid_nieuw", args=[plan.pk])).status_code == 404
    assert client.get(reverse("werkgroep:lid_bewerken", args=[lid_.pk])).status_code == 404
    assert client.get(reverse("werkgroep:bijeenkomst_nieuw", args=[plan.pk])).status_code == 404
    response = client.post(
        reverse("werkgroep:bijeenkomst", args=[b.pk]),
        {"formulier": "verslag", "verslag-notulen": "Niet van mij"},
    )
    assert response.status_code == 404
    assert client.get(reverse("werkgroep:urenbudget", args=[lid_.pk])).status_code == 404


def test_meetings_are_counted_and_a_wrong_time_keeps_the_input(client, plan, coordinator):
    for n in range(2):
        BijeenkomstFactory(
            plan=plan, door=coordinator, datum=dt.date(2022, 7, 1) + dt.timedelta(weeks=n)
        )
    client.force_login(coordinator)
    url = reverse("werkgroep:bijeenkomst_nieuw", args=[plan.pk])
    gegevens = {
        "datum": "15-09-2022",
        "begintijd": "16:00",
        "eindtijd": "14:30",
        "locatie": "Gemeentehuis Steenwijk",
    }
    response = client.post(url, gegevens)
    assert response.status_code == 200
    assert response.context["form"].errors["eindtijd"] == [
        "De bijeenkomst moet eindigen na de begintijd."
    ]
    assert 'value="Gemeentehuis Steenwijk"' in response.content.decode()
    response = client.post(url, gegevens | {"eindtijd": "17:30"})
    b = Bijeenkomst.objects.latest("pk")
    assert response["Location"] == reverse("werkgroep:bijeenkomst", args=[b.pk])
    html = client.get(response["Location"]).content.decode()
    assert "Bijeenkomst 3 van 6" in html
    assert "16:00–17:30" in html
    assert "3 van 6 bijeenkomsten" in client.get(werkgroep_url(plan)).content.decode()


def test_meetings_past_the_six_of_the_startnotitie_are_not_counted_as_n_of_6(
    client, plan, coordinator
):
    for n in range(7):
        b = BijeenkomstFactory(
            plan=plan,
            door=coordinator,
            datum=dt.date(2022, 7, 1) + dt.timedelta(weeks=n),
            motivatie="Extra ronde over ondermijning." if n == 6 else "",
        )
    client.force_login(coordinator)
    html = client.get(reverse("werkgroep:bijeenkomst", args=[b.pk])).content.decode()
    assert "Bijeenkomst 7 (de startnotitie voorziet er 6) —" in html
    assert "Bijeenkomst 7 van 6" not in html
    html = " ".join(client.get(werkgroep_url(plan)).content.decode().split())
    assert (
        "7 bijeenkomsten van het traject gepland of gehouden; de startnotitie voorziet er 6, "
        "de overige met motivatie." in html
    )
    assert "Bijeenkomst 6 van 6:" in html
    assert "Bijeenkomst 7 (de startnotitie voorziet er 6):" in html
    assert "7 van 6" not in html


def test_the_coordinator_records_agenda_attendance_notulen_and_actiepunten(
    client, plan, coordinator, vandaag
):
    lid_ = LidFactory(plan=plan, door=coordinator)
    b = BijeenkomstFactory(plan=plan, door=coordinator, datum=vandaag)
    document = plan.documenten.get(soort="veiligheidsanalyse")
    client.force_login(coordinator)
    url = reverse("werkgroep:bijeenkomst", args=[b.pk])
    antwoord = client.post(
        reverse("werkgroep:agendapunt_nieuw", args=[b.pk]),
        {"onderwerp": "Analyse", "document": document.pk},
    )
    assert antwoord["Location"] == f"{url}#agenda"
    client.post(url, {"formulier": "presentie", f"presentie-lid_{lid_.pk}": "afgemeld"})
    client.post(
        url,
        {
            "formulier": "verslag",
            "verslag-notulen": "Goed gesprek.",
            "verslag-besluiten": "Analyse akkoord.",
        },
    )
    response = client.post(
        url,
        {
            "formulier": "actiepunt",
            "actiepunt-wat": "Cijfers",
            "actiepunt-wie": lid_.pk,
            "actiepunt-deadline": "31-13-2022",
        },
    )
    assert response.status_code == 200
    assert "dag-maand-jaar" in response.context["forms"]["actiepunt"].errors["deadline"][0]
    assert 'value="Cijfers"' in response.content.decode()
    client.post(
        url,
        {
            "formulier": "actiepunt",
            "actiepunt-wat": "Cijfers",
            "actiepunt-wie": lid_.pk,
            "actiepunt-deadline": "31-10-2022",
        },
    )
    assert Presentie.objects.get().status == "afgemeld"
    assert Actiepunt.objects.get().deadline == dt.date(2022, 10, 31)
    html = client.get(url).content.decode()
    assert document.titel in html
    assert "Afwezig met bericht" in html
    assert "Goed gesprek." in html
    assert "Analyse akkoord." in html


def test_a_member_logs_hours_sees_the_remaining_budget_and_a_bad_entry_keeps_the_input(
    client, plan, coordinator, vandaag
):
    lid_ = LidFactory(plan=plan, door=coordinator)
    uren_services.urenbudget_set(lid=lid_, door=coordinator, uren=Decimal(10))
    client.force_login(lid_.gebruiker)
    stap2 = plan.stappen.get(nummer=2)
    gegevens = {"datum": "21-10-2022", "uren": "2,5", "stap": stap2.pk, "omschrijving": "Analyse"}
    response = client.post(uren_url(plan), gegevens)
    assert response.status_code == 200
    assert "toekomst" in response.context["form"].errors["datum"][0]
    assert 'value="Analyse"' in response.content.decode()
    response = client.post(uren_url(plan), gegevens | {"datum": "20-10-2022"})
    assert response.status_code == 302
    html = client.get(uren_url(plan)).content.decode()
    assert "7,5 uur" in html  # remaining, Dutch decimal comma
    response = client.post(uren_url(plan), gegevens | {"datum": "19-10-2022", "uren": "6"})
    html = client.get(uren_url(plan)).content.decode()
    assert "Let op: 85 %" in html
    client.post(uren_url(plan), gegevens | {"datum": "18-10-2022", "uren": "2"})
    html = client.get(uren_url(plan)).content.decode()
    assert "Het budget is op: 105 %" in html


def test_a_member_sees_only_their_own_entries_the_coordinator_all(
    client, plan, coordinator, vandaag
):
    eerste, tweede = (
        LidFactory(plan=plan, door=coordinator),
        LidFactory(plan=plan, door=coordinator),
    )
    uren_services.uren_log(
        lid=eerste, door=eerste.gebruiker, datum=vandaag, uren=Decimal(1), omschrijving="Eerste"
    )
    andere = uren_services.uren_log(
        lid=tweede, door=tweede.gebruiker, datum=vandaag, uren=Decimal(1), omschrijving="Tweede"
    )
    client.force_login(eerste.gebruiker)
    html = client.get(uren_url(plan)).content.decode()
    assert "Eerste" in html and "Tweede" not in html
    assert client.get(reverse("werkgroep:uren_bewerken", args=[andere.pk])).status_code == 404
    csv = gestreamd(client.get(reverse("werkgroep:uren_csv", args=[plan.pk]))).decode("utf-8-sig")
    assert "Eerste" in csv and "Tweede" not in csv
    client.force_login(coordinator)
    html = client.get(uren_url(plan)).content.decode()
    assert "Eerste" in html and "Tweede" in html
    response = client.post(
        reverse("werkgroep:uren_bewerken", args=[andere.pk]),
        {"datum": "20-10-2022", "uren": "1,5", "omschrijving": "Tweede", "reden": "Te laag"},
    )
    assert response.status_code == 302
    html = client.get(reverse("werkgroep:uren_bewerken", args=[andere.pk])).content.decode()
    assert "Te laag" in html
    assert str(coordinator) in html


def test_exports_csv_and_excel(client, plan, coordinator, vandaag):
    lid_ = LidFactory(plan=plan, door=coordinator)
    uren_services.uren_log(
        lid=lid_,
        door=coordinator,
        datum=vandaag,
        uren=Decimal("2.25"),
        omschrijving="Analyse",
        stap=plan.stappen.get(nummer=2),
    )
    client.force_login(coordinator)
    response = client.get(reverse("werkgroep:uren_csv", args=[plan.pk]))
    assert response["Content-Type"].startswith("text/csv")
    regels = gestreamd(response).decode("utf-8-sig").splitlines()
    assert regels[0] == "Datum;Naam;Organisatie;Stap;Uren;Omschrijving"
    assert regels[1].startswith(f"20-10-2022;{lid_};;Stap 2: Veiligheidsanalyse;2,25;Analyse")
    excel = via_downloadpagina(client, reverse("werkgroep:uren_xlsx", args=[plan.pk]))
    blad = load_workbook(io.BytesIO(excel)).active
    rijen = list(blad.values)
    assert rijen[0][0] == "Datum"
    assert rijen[1][4] == 2.25


def test_the_coordinator_sees_per_person_per_step_forecast_and_burndown(
    client, plan, coordinator, vandaag
):
    hoofd = LidFactory(plan=plan, door=coordinator, trekker=True)
    uren_services.uren_log(
        lid=hoofd,
        door=coordinator,
        datum=dt.date(2022, 9, 1),
        uren=Decimal(8),
        omschrijving="Analyse",
        stap=plan.stappen.get(nummer=2),
    )
    client.force_login(coordinator)
    html = client.get(uren_url(plan)).content.decode()
    assert "Per persoon" in html and "Per stap en prognose" in html
    assert "<svg" in html and "Burn-down van de uren van de werkgroep" in html
    assert "er resteert 342 uur" in html
    response = client.post(reverse("werkgroep:urenbudget", args=[hoofd.pk]), {"uren": "420"})
    assert "300 tot 400 uur" in response.context["form"].errors["uren"][0]
    client.post(
        reverse("werkgroep:urenbudget", args=[hoofd.pk]),
        {"uren": "420", "motivatie": "Regionale afstemming"},
    )
    html = client.get(uren_url(plan)).content.decode()
    assert "Buiten 300–400 uur, motivatie: Regionale afstemming" in html


def test_the_forecast_per_person_at_the_last_step_deadline(client, plan, coordinator, vandaag):
    lid_ = LidFactory(plan=plan, door=coordinator)
    uren_services.urenbudget_set(lid=lid_, door=coordinator, uren=Decimal(20))
    uren_services.uren_log(
        lid=lid_,
        door=lid_.gebruiker,
        datum=dt.date(2022, 9, 1),
        uren=Decimal(10),
        omschrijving="Analyse",
    )
    client.force_login(lid_.gebruiker)
    pagina = client.get(uren_url(plan)).context["pagina"]
    # 10 hours in the 142 days since 01-06-2022; 162 days to go until 31-03-2023 (step 4).
    assert pagina.laatste_deadline == dt.date(2023, 3, 31)
    assert pagina.eigen.verwacht == Decimal("21.4")
    html = client.get(uren_url(plan)).content.decode()
    assert "Verwacht bij de laatste deadline (31-03-2023)" in html
    assert "21,4 uur — <strong>boven uw budget</strong>" in html


def test_the_coordinator_edits_and_removes_a_member(client, plan, coordinator):
    lid_ = LidFactory(plan=plan, door=coordinator, velden=Veld.objects.filter(code="1"))
    client.force_login(coordinator)
    url = reverse("werkgroep:lid_bewerken", args=[lid_.pk])
    response = client.get(url)
    assert response.context["form"].initial["velden"] == [Veld.objects.get(code="1")]
    response = client.post(
        url,
        {
            "rol": LidRol.POLITIE_EXPERT,
            "organisatie": "Politie",
            "functie": "Expert",
            "velden": [Veld.objects.get(code="5").pk],
        },
    )
    assert response.status_code == 302
    lid_.refresh_from_db()
    assert lid_.rol == LidRol.POLITIE_EXPERT
    assert [v.code for v in lid_.velden.all()] == ["5"]
    response = client.post(reverse("werkgroep:lid_verwijderen", args=[lid_.pk]))
    assert response.status_code == 302
    assert not Lid.objects.filter(pk=lid_.pk).exists()


def test_a_plan_without_a_werkgroep_shows_empty_pages(client, plan, coordinator):
    client.force_login(coordinator)
    html = client.get(werkgroep_url(plan)).content.decode()
    assert "De werkgroep heeft nog geen leden." in html
    assert "Nog geen bijeenkomsten gepland." in html
    html = client.get(uren_url(plan)).content.decode()
    assert "Nog geen uren geschreven." in html


def test_exports_never_turn_text_into_a_formula(client, plan, coordinator, vandaag):
    lid_ = LidFactory(plan=plan, door=coordinator)
    uren_services.uren_log(
        lid=lid_,
        door=lid_.gebruiker,
        datum=vandaag,
        uren=Decimal(1),
        omschrijving='=HYPERLINK("https://example.invalid","klik")',
    )
    client.force_login(coordinator)
    csv = gestreamd(client.get(reverse("werkgroep:uren_csv", args=[plan.pk]))).decode("utf-8-sig")
    assert "'=HYPERLINK(" in csv and ';"=HYPERLINK' not in csv
    excel = via_downloadpagina(client, reverse("werkgroep:uren_xlsx", args=[plan.pk]))
    cel = load_workbook(io.BytesIO(excel)).active["F2"]
    assert cel.data_type == "s"
    assert cel.value == '=HYPERLINK("https://example.invalid","klik")'  # text, no apostrophe


def test_an_agenda_item_links_its_document_version_and_comment_thread(
    client, plan, coordinator, vandaag
):
    versie, draad, _ = versie_met_draad(plan, coordinator)
    document = versie.document
    b = BijeenkomstFactory(plan=plan, door=coordinator, datum=vandaag)
    client.force_login(coordinator)
    url = reverse("werkgroep:bijeenkomst", args=[b.pk])
    nieuw = reverse("werkgroep:agendapunt_nieuw", args=[b.pk])
    response = client.get(nieuw)
    html = response.content.decode()
    # The choices read as document and version, and as author, chapter and opening words.
    assert f'<option value="{versie.pk}">{document.titel} — versie 0.1</option>' in html
    assert (
        f'<option value="{draad.pk}">Opmerking van {coordinator} bij ‘Inleiding’ '
        f"({document.titel} — versie 0.1): Kunnen we de cijfers van de politie toevoegen?"
        "</option>"
    ) in html
    draden = response.context["form"].fields["opmerking"].queryset
    assert list(draden) == [draad]  # the reply is no thread of its own
    response = client.post(
        nieuw,
        {
            "onderwerp": "Reacties op de startnotitie",
            "document": document.pk,
            "versie": versie.pk,
            "opmerking": draad.pk,
        },
    )
    assert response.status_code == 302
    punt = Agendapunt.objects.get()
    assert (punt.document, punt.versie, punt.opmerking) == (document, versie, draad)
    html = client.get(url).content.decode()
    assert f'href="{reverse("stappen:document", args=[document.pk])}"' in html
    assert f'href="{reverse("stappen:versie", args=[document.pk, "0.1"])}"' in html
    assert f'href="{reverse("stappen:opmerking", args=[draad.pk])}"' in html
    assert "Kunnen we de cijfers van de politie toevoegen?" in html
    # The links lead to pages the coordinator can open.
    assert client.get(reverse("stappen:versie", args=[document.pk, "0.1"])).status_code == 200
    assert client.get(reverse("stappen:opmerking", args=[draad.pk])).status_code == 200


def test_a_version_of_another_plan_or_a_reply_is_refused_and_nothing_entered_is_lost(
    client, plan, coordinator, vandaag
):
    versie, draad, antwoord = versie_met_draad(plan, coordinator)
    ander = maak_plan(titel="Ander plan")
    andere_versie, _, _ = versie_met_draad(ander, coordinator_van(ander.gemeente))
    b = BijeenkomstFactory(plan=plan, door=coordinator, datum=vandaag)
    client.force_login(coordinator)
    url = reverse("werkgroep:agendapunt_nieuw", args=[b.pk])
    gegevens = {"onderwerp": "Reacties bespreken", "toelichting": "Graag vooraf lezen."}
    response = client.post(url, gegevens | {"versie": andere_versie.pk, "opmerking": antwoord.pk})
    assert response.status_code == 200
    fouten = response.context["form"].errors
    assert fouten["versie"] == ["Kies een versie van een document van dit plan."]
    assert fouten["opmerking"] == [
        "Kies een open draad (de eerste opmerking, geen antwoord) bij een document van dit "
        "plan dat nog niet is vastgesteld."
    ]
    html = response.content.decode()
    assert 'value="Reacties bespreken"' in html
    assert "Graag vooraf lezen." in html
    # A version of another document than the one chosen: refused by the model, on `versie`.
    prioritering = plan.documenten.get(soort="prioritering")
    response = client.post(
        url,
        gegevens | {"document": prioritering.pk, "versie": versie.pk, "opmerking": draad.pk},
    )
    assert response.status_code == 200
    fout = response.context["form"].errors["versie"][0]
    assert "niet van het gekozen document" in fout
    html = response.content.decode()
    assert 'value="Reacties bespreken"' in html
    assert f'<option value="{draad.pk}" selected>' in html
    assert f'<option value="{prioritering.pk}" selected>' in html
    assert not Agendapunt.objects.exists()


def test_the_burn_down_coordinates_use_a_decimal_point(client, plan, coordinator, vandaag):
    """Dutch number formatting must not reach the SVG: "272,0" would be read as two numbers
    and the labels would land in the wrong place."""
    import re

    lid_ = LidFactory(plan=plan, door=coordinator)
    uren_services.urenbudget_set(lid=lid_, door=coordinator, uren=Decimal(10))
    uren_services.uren_log(
        lid=lid_, door=lid_.gebruiker, datum=vandaag, uren=Decimal("2.5"), omschrijving="Werk"
    )
    client.force_login(coordinator)
    html = client.get(uren_url(plan)).content.decode()
    start = html.index('<svg class="ivp-burndown__svg"')
    svg = html[start : html.index("</svg>", start)]
    assert re.search(r'\b(x|y|x1|x2|y1|y2)="[\d.]+"', svg)
    assert not re.search(r'\b(x|y|x1|x2|y1|y2|cx|cy)="[^"]*,', svg)


def test_the_attendance_form_shows_its_errors_per_member_and_keeps_the_input(
    client, plan, coordinator, vandaag
):
    """The attendance form (one radio group per member, written by ivp.forms.Veldgroep):
    a wrong value is an error at that member's fieldset and in the summary, the other
    choices stay chosen, nothing is stored; a right post stores every member's status."""
    eerste, tweede = (
        LidFactory(plan=plan, door=coordinator),
        LidFactory(plan=plan, door=coordinator),
    )
    b = BijeenkomstFactory(plan=plan, door=coordinator, datum=vandaag)
    client.force_login(coordinator)
    url = reverse("werkgroep:bijeenkomst", args=[b.pk])
    fout = client.post(
        url,
        {
            "formulier": "presentie",
            f"presentie-lid_{eerste.pk}": "aanwezig",
            f"presentie-lid_{tweede.pk}": "onzin",
        },
    )
    assert fout.status_code == 200
    html = fout.content.decode()
    veld = f"id_presentie-lid_{tweede.pk}"
    assert (
        '<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ivp-veld '
        f'utrecht-form-fieldset--invalid" aria-describedby="{veld}_error">'
    ) in html
    assert (
        '<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend'
        f' ivp-veld__label">{tweede.weergavenaam}</legend>'
    ) in html
    assert f'id="{veld}_error"><p class="ivp-foutmelding">' in html
    assert f'href="#{veld}_0">{tweede.weergavenaam}: Selecteer een geldige keuze.' in html
    assert (
        f'<label class="utrecht-form-label utrecht-form-label--radio" for="{veld}_1">'
        "Afwezig met bericht</label>"
    ) in html
    assert f'name="presentie-lid_{tweede.pk}" value="aanwezig"' in html
    assert (
        f'<input type="radio" name="presentie-lid_{eerste.pk}" value="aanwezig" class="utrecht-'
        'radio-button utrecht-radio-button--html-input utrecht-form-field__input" '
        f'id="id_presentie-lid_{eerste.pk}_0" checked>'
    ) in html
    assert f'aria-invalid="true" id="{veld}_0">' in html
    assert not Presentie.objects.exists()
    client.post(
        url,
        {
            "formulier": "presentie",
            f"presentie-lid_{eerste.pk}": "aanwezig",
            f"presentie-lid_{tweede.pk}": "afwezig",
        },
    )
    assert dict(Presentie.objects.values_list("lid_id", "status")) == {
        eerste.pk: "aanwezig",
        tweede.pk: "afwezig",
    }
    html = client.get(url).content.decode()
    assert 'value="afwezig" class="utrecht-radio-button' in html
    assert f'id="id_presentie-lid_{tweede.pk}_2" checked>' in html


def test_a_long_history_of_meetings_is_paged_from_the_next_meeting_on(
    client, plan, coordinator, vandaag
):
    """Twenty meetings a page (issue 8): the page opens at the next meeting, says how many
    there are, and every meeting is reachable through the earlier and later pages; the
    numbering of the trajectory counts them all. A werkgroep with a handful shows no pages."""
    eerste = BijeenkomstFactory(plan=plan, door=coordinator, datum=vandaag - dt.timedelta(days=400))
    client.force_login(coordinator)
    html = client.get(werkgroep_url(plan)).content.decode()
    assert "Pagina's met bijeenkomsten" not in html and "in totaal, op datum" not in html
    assert "Bijeenkomst 1 van 6" in html
    Bijeenkomst.objects.bulk_create(
        Bijeenkomst(
            werkgroep=eerste.werkgroep,
            titel="Voortgangsoverleg IVP",
            datum=vandaag + dt.timedelta(days=7 * (n - 30)),  # 30 past, 14 to come
            begintijd=dt.time(10),
            eindtijd=dt.time(11),
            voortgangsoverleg=True,
        )
        for n in range(44)
    )
    alle = list(Bijeenkomst.objects.filter(werkgroep=eerste.werkgroep).order_by("datum", "pk"))
    html = client.get(werkgroep_url(plan)).content.decode()
    # The next meeting is the 32nd (the first, then 30 past ones): the second page of three.
    assert "45 bijeenkomsten in totaal, op datum. Pagina 2 van 3: de 21e tot en met de 40e." in html
    assert reverse("werkgroep:bijeenkomst", args=[alle[31].pk]) in html
    assert reverse("werkgroep:bijeenkomst", args=[alle[19].pk]) + '"' not in html
    assert 'href="?bijeenkomsten=1#bijeenkomsten">Eerdere bijeenkomsten</a>' in html
    assert 'href="?bijeenkomsten=3#bijeenkomsten">Latere bijeenkomsten</a>' in html
    gezien = set()
    for nummer, aantal in [(1, 20), (2, 20), (3, 5), ("x", 20), (9, 5)]:
        html = client.get(werkgroep_url(plan), {"bijeenkomsten": nummer}).content.decode()
        getoond = {
            b.pk for b in alle if reverse("werkgroep:bijeenkomst", args=[b.pk]) + '"' in html
        }
        assert len(getoond) == aantal, nummer
        gezien |= getoond
    assert gezien == {b.pk for b in alle}
    html = client.get(werkgroep_url(plan), {"bijeenkomsten": 1}).content.decode()
    assert "Bijeenkomst 1 van 6" in html and "1 van 6 bijeenkomsten van het traject" in html
