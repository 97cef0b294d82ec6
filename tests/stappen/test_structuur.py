"""The builders of the structured documents: analysis, prioritering and IVP as sections."""

import datetime as dt

import pytest

from stappen import services
from stappen.constants import DocumentSoort, Keuze
from stappen.models import Plaatsing
from stappen.structuur import bouw_analyse, bouw_ivp, bouw_prioritering, registreer
from tests.stappen.factories import DoelstellingFactory
from tests.stappen.stappenplan import (
    analyseer,
    document,
    hoofdthema,
    plaats_alle_hoofdthemas,
    voeg_bronnen_toe,
)
from tests.veiligheidsvelden.factories import BeleidsdocumentFactory

pytestmark = pytest.mark.django_db


@pytest.mark.actieve_stap(2)
def test_the_builder_leaves_confidential_sources_out_without_a_trace(plan, coordinator):
    analyseer(plan, coordinator)
    voeg_bronnen_toe(plan)
    secties = bouw_analyse(document(plan, DocumentSoort.VEILIGHEIDSANALYSE))
    sleutels = [s["sleutel"] for s in secties]
    assert sleutels == [f"analyse-veld-{n}" for n in "12345"]
    veld5 = secties[4]
    assert veld5["titel"].startswith("5. ")
    assert "### Problematiek" in veld5["tekst"] and "Wat speelt er" in veld5["tekst"]
    assert "[Politie open data](https://data.politie.nl/) (2019–2021)" in veld5["tekst"]
    alles = " ".join(s["tekst"] for s in secties).lower()
    assert "ondermijningsbeeld" not in alles
    assert "vertrouwelijk" not in alles


def test_registreer_hands_the_three_builders_to_a_registry():
    register = {}
    registreer(lambda soort, bouwer: register.__setitem__(soort, bouwer))
    assert set(register) == {"veiligheidsanalyse", "prioritering", "ivp"}
    assert register["veiligheidsanalyse"] is bouw_analyse


@pytest.mark.actieve_stap(3)
def test_the_builder_gives_method_ranking_buckets_and_consultations(plan, coordinator):
    plaats_alle_hoofdthemas(plan, coordinator, prioriteiten=("1.1", "5.2"))
    services.scores_save(plan=plan, door=coordinator, scores={(hoofdthema("5.2").pk, "ernst"): 5})
    services.prioritering_update(
        plan=plan,
        door=coordinator,
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


@pytest.mark.actieve_stap(4)
def test_the_builder_gives_a_chapter_per_priority_and_the_strategic_themes(
    plan, coordinator, prioriteit
):
    # The prioritering is adopted, so the placing is set up directly.
    Plaatsing.objects.filter(plan=plan, thema__code="4.1").update(
        keuze=Keuze.STRATEGISCH, motivatie="Blijft aandacht vragen"
    )
    DoelstellingFactory(plaatsing=prioriteit, tekst="Minder | inbraken")
    services.prioriteit_update(
        plaatsing=prioriteit,
        door=coordinator,
        aanleiding="Inbraken stijgen",
        aanpak="Preventie",
        partners="Politie – opsporing\nRIEC – analyse",
        portefeuillehouder="Burgemeester",
        beleidsdocumenten=[BeleidsdocumentFactory(gemeente=plan.gemeente)],
    )
    secties = bouw_ivp(document(plan, DocumentSoort.IVP))
    code = prioriteit.thema.code
    assert [s["sleutel"] for s in secties] == [f"prioriteit-{code}", "strategische-themas"]
    tekst = secties[0]["tekst"]
    for kop in ("Aanleiding", "Doelstellingen", "Aanpak op hoofdlijnen", "Partners en hun rollen"):
        assert f"### {kop}" in tekst
    assert (
        "| Minder \\| inbraken | Geregistreerde woninginbraken | 96 (2022) | 70 (2026) |" in tekst
    )
    assert "- Politie – opsporing\n- RIEC – analyse" in tekst
    assert "Burgemeester" in tekst and "Jeugdbeleid 2021–2024" in tekst
    assert "Blijft aandacht vragen" in secties[1]["tekst"]


@pytest.mark.actieve_stap(4)
def test_the_ivp_names_the_flankerend_beleid_of_each_doelstelling(plan, coordinator, prioriteit):
    apv = BeleidsdocumentFactory(gemeente=plan.gemeente, titel="Apv Steenwijkerland 2024")
    nota = BeleidsdocumentFactory(gemeente=plan.gemeente, titel="Handhavingsnota 2023")
    services.doelstelling_create(
        plaatsing=prioriteit,
        door=coordinator,
        tekst="Minder overlast",
        beleidsdocumenten=[nota, apv],
    )
    services.doelstelling_create(plaatsing=prioriteit, door=coordinator, tekst="Meer meldingen")
    tekst = bouw_ivp(document(plan, DocumentSoort.IVP))[0]["tekst"]
    rij_met = next(r for r in tekst.splitlines() if r.startswith("| Minder overlast"))
    rij_zonder = next(r for r in tekst.splitlines() if r.startswith("| Meer meldingen"))
    assert rij_met.endswith("| Apv Steenwijkerland 2024; Handhavingsnota 2023 |")
    assert rij_zonder.endswith("| – |")
