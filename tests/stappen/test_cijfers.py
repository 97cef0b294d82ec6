"""The veiligheidsbeeld in the plan (stappen/services/cijfers.py, stappen/selectors/cijfers.py):
figures beside a veld's analysis, cited into a chapter with the chapter's version check
intact, and doelstellingen whose nulmeting and later values come from an indicator."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from ivp.models import Gemeente, Plan
from stappen import selectors as sel
from stappen.constants import DocumentSoort
from stappen.models import Doelstelling, Hoofdstuk
from tests.stappen.factories import DoelstellingFactory
from veiligheidsvelden.cijfers.importeren import standaard_indicatoren
from veiligheidsvelden.models import Indicator, Meting, Veld

LAATSTE = timezone.localdate().year - 1


def _indicator(plan: Plan, jaren: range, nl: bool = True) -> Indicator:
    indicator = standaard_indicatoren()[("83648NED", "T001161/per1000")]
    gebieden: list[tuple[str, str, Gemeente | None]] = [
        (plan.gemeente.cbs_code, plan.gemeente.naam, plan.gemeente)
    ]
    if nl:
        gebieden.append(("NL01", "Nederland", None))
    for code, naam, gemeente in gebieden:
        for jaar in jaren:
            Meting.objects.create(
                indicator=indicator,
                gebied_code=code,
                gebied_naam=naam,
                gemeente=gemeente,
                jaar=jaar,
                waarde=Decimal("30.5") + (jaar - 2015) + (10 if gemeente is None else 0),
                bron="CBS StatLine 83648NED, opgehaald op 01-12-2026",
                opgehaald_op=timezone.now(),
            )
    return indicator


def _url(plan: Plan, naam: str, **kwargs: int) -> str:
    return reverse(f"stappen:{naam}", kwargs={"plan_id": plan.pk, **kwargs})


@pytest.mark.actieve_stap(4)
def test_nulmeting_uit_de_meting_van_het_gekozen_jaar(client, plan, coordinator, prioriteit):
    indicator = _indicator(plan, range(2019, LAATSTE + 1))
    client.force_login(coordinator)
    nieuw = _url(plan, "doelstelling_nieuw", plaatsing_id=prioriteit.pk)
    formulier = client.get(nieuw).content.decode()
    assert "Misdrijven, totaal (per 1.000 inwoners)" in formulier
    data = {"tekst": "Minder misdrijven", "meetindicator": indicator.pk, "nulmeting_jaar": "2018"}
    fout = client.post(nieuw, data).content.decode()
    assert "geen meting van 2018. Er zijn metingen van 2019, 2020" in fout
    assert "Minder misdrijven" in fout  # nothing entered is lost
    data["nulmeting_jaar"] = "2021"
    assert client.post(nieuw, data).status_code == 302
    doelstelling = Doelstelling.objects.get(tekst="Minder misdrijven")
    assert doelstelling.nulmeting == "36,5 per 1.000 inwoners"
    assert (doelstelling.nulmeting_jaar, doelstelling.indicator) == (2021, "Misdrijven, totaal")
    assert doelstelling.bron == "CBS StatLine 83648NED, opgehaald op 01-12-2026"
    pagina = client.get(_url(plan, "prioriteit", plaatsing_id=prioriteit.pk)).content.decode()
    assert "36,5 per 1.000 inwoners (2021)" in pagina
    assert f"{LAATSTE}: {30.5 + LAATSTE - 2015:.1f}".replace(".", ",") in pagina
    assert "ouder dan een jaar" not in pagina


@pytest.mark.actieve_stap(4)
def test_zonder_jaar_de_laatste_meting_en_oud_cijfer_gemarkeerd(plan, prioriteit):
    indicator = _indicator(plan, range(2018, 2021))
    doelstelling = DoelstellingFactory(
        plaatsing=prioriteit, meetindicator=indicator, nulmeting="", nulmeting_jaar=None
    )
    assert doelstelling.nulmeting_jaar == 2020
    gemeten = sel.doelstelling_waarden([doelstelling])[doelstelling.pk]
    assert [m.jaar for m in gemeten.waarden] == [2020] and gemeten.verouderd


@pytest.mark.actieve_stap(4)
@pytest.mark.parametrize("aantal", [1, 12])
def test_waarden_per_jaar_vlak(plan, prioriteit, aantal, django_assert_num_queries):
    indicator = _indicator(plan, range(2016, LAATSTE + 1))
    doelstellingen = [
        DoelstellingFactory(plaatsing=prioriteit, meetindicator=indicator, nulmeting_jaar=2017)
        for _ in range(aantal)
    ]
    DoelstellingFactory(plaatsing=prioriteit)  # without an indicator: not in the result
    alle = list(Doelstelling.objects.filter(plaatsing=prioriteit))
    with django_assert_num_queries(2):
        gemeten = sel.doelstelling_waarden(alle)
    assert set(gemeten) == {d.pk for d in doelstellingen}
    assert gemeten[doelstellingen[0].pk].waarden[0].jaar == 2017


@pytest.mark.actieve_stap(2)
def test_cijfer_citeren_in_het_hoofdstuk(client, plan, coordinator):
    _indicator(plan, range(2019, LAATSTE + 1))
    veld = Veld.objects.get(code="1")
    client.force_login(coordinator)
    pagina = _url(plan, "analyse_veld", veld_id=veld.pk)
    html = client.get(pagina).content.decode()
    assert "Misdrijven, totaal (per 1.000 inwoners)" in html
    assert f"Citeer {LAATSTE} in ‘Dominante trends" in html
    hoofdstuk = Hoofdstuk.objects.get(
        document__plan=plan, document__soort=DocumentSoort.VEILIGHEIDSANALYSE, sleutel="trends"
    )
    data = {
        "indicator": standaard_indicatoren()[("83648NED", "T001161/per1000")].pk,
        "jaar": LAATSTE,
        "versie": hoofdstuk.versie,
    }
    antwoord = client.post(pagina + "citeer/", data, follow=True)
    assert "Het cijfer staat nu in het hoofdstuk" in antwoord.content.decode()
    hoofdstuk.refresh_from_db()
    assert hoofdstuk.tekst.startswith(f"Misdrijven, totaal in {plan.gemeente.naam} in {LAATSTE}:")
    assert "; Nederland: " in hoofdstuk.tekst
    assert hoofdstuk.tekst.endswith("Bron: CBS StatLine 83648NED, opgehaald op 01-12-2026.")
    # the page was opened before that save: the second press is refused, nothing changes
    tekst = hoofdstuk.tekst
    weer = client.post(pagina + "citeer/", data, follow=True).content.decode()
    assert "opgeslagen nadat u deze pagina opende. Het cijfer is niet toegevoegd" in weer
    hoofdstuk.refresh_from_db()
    assert hoofdstuk.tekst == tekst
    # a figure that is not in the veiligheidsbeeld is refused
    data.update(versie=hoofdstuk.versie, jaar=1990)
    fout = client.post(pagina + "citeer/", data, follow=True).content.decode()
    assert "Dit cijfer staat niet (meer) in het veiligheidsbeeld." in fout


@pytest.mark.actieve_stap(2)
def test_analysepagina_vlak_aantal_queries(
    client, plan, coordinator, django_assert_max_num_queries
):
    _indicator(plan, range(2012, LAATSTE + 1))
    client.force_login(coordinator)
    with django_assert_max_num_queries(40):
        response = client.get(_url(plan, "analyse_veld", veld_id=Veld.objects.get(code="1").pk))
    assert response.status_code == 200
