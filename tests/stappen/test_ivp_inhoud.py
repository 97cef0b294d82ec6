"""The IVP's priority chapters: aanleiding, doelstellingen, aanpak, partners,
portefeuillehouder, flankerend beleid; the step-4 guard, the builder and the query count."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ivp.constants import RolSoort
from ivp.exceptions import Geweigerd
from stappen import services
from stappen.constants import DocumentSoort, Keuze
from stappen.models import Doelstelling, Plaatsing
from stappen.structuur import bouw_ivp
from tests.ivp.factories import GebruikerFactory
from tests.stappen.factories import (
    coordinator_van,
    document,
    maak_plan,
    sluitblokkades,
    stap,
    stel_vast,
    tot_en_met_stap,
)
from veiligheidsvelden.models import Beleidsdocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    """Step 3 afgerond with priority 1.1 and the rest beheer; step 4 actief."""
    plan = maak_plan()
    coordinator = coordinator_van(plan.gemeente)
    tot_en_met_stap(plan, coordinator, 3)
    services.stap_start(stap=stap(plan, 4), door=coordinator)
    plan.coordinator = coordinator
    plan.prioriteit = plan.plaatsingen.get(keuze=Keuze.PRIORITEIT)
    return plan


def beleid(gemeente, titel="Jeugdbeleid 2021–2024"):
    return Beleidsdocument.objects.create(gemeente=gemeente, soort="jeugdbeleid", titel=titel)


def doel(plan, **velden):
    waarden = {
        "tekst": "Minder woninginbraken",
        "indicator": "Geregistreerde woninginbraken",
        "nulmeting": "96",
        "nulmeting_jaar": 2022,
        "streefwaarde": "70",
        "streefjaar": 2026,
        "bron": "Politie",
    } | velden
    return services.doelstelling_create(plaatsing=plan.prioriteit, door=plan.coordinator, **waarden)


def test_the_step_4_guard_needs_a_doelstelling_and_an_aanpak(plan):
    naam = plan.prioriteit.thema.naam
    blokkades = sluitblokkades(stap(plan, 4))
    assert f"Prioriteit ‘{naam}’ heeft nog geen doelstelling." in blokkades
    assert f"Prioriteit ‘{naam}’ heeft nog geen aanpak op hoofdlijnen." in blokkades
    doel(plan)
    services.prioriteit_update(
        plaatsing=plan.prioriteit,
        door=plan.coordinator,
        aanleiding="Inbraken stijgen",
        aanpak="Preventie en opsporing",
        partners="Politie – opsporing",
        portefeuillehouder="Burgemeester",
    )
    blokkades = sluitblokkades(stap(plan, 4))
    assert not any(b.startswith("Prioriteit") for b in blokkades)


def test_a_streefjaar_before_the_nulmeting_is_refused_on_its_field(plan):
    with pytest.raises(ValidationError) as error:
        doel(plan, nulmeting_jaar=2022, streefjaar=2020)
    assert error.value.message_dict["streefjaar"] == [
        "Het streefjaar ligt vóór het jaar van de nulmeting (2022)."
    ]


def test_a_nulmeting_needs_its_year(plan):
    with pytest.raises(ValidationError) as error:
        doel(plan, nulmeting_jaar=None)
    assert "nulmeting_jaar" in error.value.message_dict


def test_doelstellingen_are_edited_and_deleted(plan):
    d = doel(plan)
    services.doelstelling_update(doelstelling=d, door=plan.coordinator, streefwaarde="60")
    d.refresh_from_db()
    assert d.streefwaarde == "60"
    services.doelstelling_delete(doelstelling=d, door=plan.coordinator)
    assert not Doelstelling.objects.exists()


def test_only_flankerend_beleid_of_the_own_gemeente_is_linked(plan):
    eigen = beleid(plan.gemeente)
    ander = beleid(maak_plan().gemeente, "Ander beleid")
    with pytest.raises(ValidationError):
        services.prioriteit_update(
            plaatsing=plan.prioriteit,
            door=plan.coordinator,
            aanleiding="",
            aanpak="",
            partners="",
            portefeuillehouder="",
            beleidsdocumenten=[ander],
        )
    services.prioriteit_update(
        plaatsing=plan.prioriteit,
        door=plan.coordinator,
        aanleiding="",
        aanpak="x",
        partners="",
        portefeuillehouder="",
        beleidsdocumenten=[eigen],
    )
    assert list(plan.prioriteit.beleidsdocumenten.all()) == [eigen]


def test_the_ivp_content_is_frozen_once_adopted(plan):
    d = doel(plan)
    services.prioriteit_set_aanpak(plaatsing=plan.prioriteit, door=plan.coordinator, aanpak="x")
    stel_vast(document(plan, DocumentSoort.IVP), plan.coordinator, dt.date(2023, 1, 31))
    with pytest.raises(Geweigerd, match="vastgesteld"):
        services.doelstelling_delete(doelstelling=d, door=plan.coordinator)
    with pytest.raises(Geweigerd, match="vastgesteld"):
        doel(plan)


def test_the_builder_gives_a_chapter_per_priority_and_the_strategic_themes(plan):
    # The prioritering is adopted, so the placing is set up directly.
    Plaatsing.objects.filter(plan=plan, thema__code="4.1").update(
        keuze=Keuze.STRATEGISCH, motivatie="Blijft aandacht vragen"
    )
    doel(plan, tekst="Minder | inbraken")
    services.prioriteit_update(
        plaatsing=plan.prioriteit,
        door=plan.coordinator,
        aanleiding="Inbraken stijgen",
        aanpak="Preventie",
        partners="Politie – opsporing\nRIEC – analyse",
        portefeuillehouder="Burgemeester",
        beleidsdocumenten=[beleid(plan.gemeente)],
    )
    secties = bouw_ivp(document(plan, DocumentSoort.IVP))
    code = plan.prioriteit.thema.code
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


# --- Views ---------------------------------------------------------------------------------


def url(plan, naam, **kwargs):
    return reverse(f"stappen:{naam}", kwargs={"plan_id": plan.pk, **kwargs})


def test_the_coordinator_adds_a_doelstelling_and_a_bad_year_keeps_the_input(client, plan):
    client.force_login(plan.coordinator)
    nieuw = url(plan, "doelstelling_nieuw", plaatsing_id=plan.prioriteit.pk)
    data = {
        "tekst": "Minder woninginbraken",
        "indicator": "Inbraken",
        "nulmeting": "96",
        "nulmeting_jaar": "2022",
        "streefwaarde": "70",
        "streefjaar": "2019",
        "bron": "Politie",
    }
    html = client.post(nieuw, data).content.decode()
    assert "Het streefjaar ligt vóór het jaar van de nulmeting (2022)." in html
    assert "Minder woninginbraken" in html and 'value="2019"' in html
    data["streefjaar"] = "2026"
    assert client.post(nieuw, data).status_code == 302
    pagina = client.get(url(plan, "prioriteit", plaatsing_id=plan.prioriteit.pk)).content.decode()
    assert "Minder woninginbraken" in pagina and "70 (2026)" in pagina


def test_the_coordinator_writes_the_chapter_with_flankerend_beleid(client, plan):
    document_beleid = beleid(plan.gemeente)
    client.force_login(plan.coordinator)
    response = client.post(
        url(plan, "prioriteit_bewerken", plaatsing_id=plan.prioriteit.pk),
        {
            "aanleiding": "Inbraken stijgen",
            "aanpak": "Preventie",
            "partners": "Politie – opsporing",
            "portefeuillehouder": "Burgemeester",
            "beleidsdocumenten": [document_beleid.pk],
        },
    )
    assert response.status_code == 302
    html = client.get(url(plan, "prioriteit", plaatsing_id=plan.prioriteit.pk)).content.decode()
    assert "Jeugdbeleid 2021–2024" in html and "Burgemeester" in html


def test_a_doelstelling_of_another_plan_is_not_found(client, plan):
    ander = maak_plan(gemeente=plan.gemeente, titel="Ander plan")
    client.force_login(plan.coordinator)
    d = doel(plan)
    assert (
        client.get(
            reverse(
                "stappen:doelstelling_bewerken",
                kwargs={
                    "plan_id": ander.pk,
                    "plaatsing_id": plan.prioriteit.pk,
                    "doelstelling_id": d.pk,
                },
            )
        ).status_code
        == 404
    )


def test_readers_and_strangers(client, plan):
    hoofdstuk = url(plan, "prioriteit", plaatsing_id=plan.prioriteit.pk)
    client.force_login(GebruikerFactory(rol=(plan.gemeente, RolSoort.BESTUURDER)))
    html = client.get(hoofdstuk).content.decode()
    assert "Hoofdstuk bewerken" not in html
    assert (
        client.post(url(plan, "doelstelling_nieuw", plaatsing_id=plan.prioriteit.pk)).status_code
        == 404
    )
    client.force_login(GebruikerFactory(rol=(plan.gemeente, RolSoort.GRIFFIE)))
    assert client.get(url(plan, "ivp")).status_code == 404
    client.force_login(coordinator_van(maak_plan().gemeente))
    assert client.get(hoofdstuk).status_code == 404


def test_ivp_pages_have_a_flat_query_count(client, plan, django_assert_max_num_queries):
    client.force_login(plan.coordinator)
    hoofdstuk = url(plan, "prioriteit", plaatsing_id=plan.prioriteit.pk)
    client.get(url(plan, "ivp"))
    with django_assert_max_num_queries(12) as ivp_klein:
        client.get(url(plan, "ivp"))
    with django_assert_max_num_queries(12) as hoofdstuk_klein:
        client.get(hoofdstuk)
    documenten = [beleid(plan.gemeente, f"Beleid {n}") for n in range(10)]
    # The prioritering is adopted, so the extra priorities are set up directly.
    Plaatsing.objects.filter(plan=plan, thema__code__in=["1.2", "2.1", "3.1", "5.2"]).update(
        keuze=Keuze.PRIORITEIT
    )
    for plaatsing in plan.plaatsingen.filter(keuze=Keuze.PRIORITEIT):
        services.prioriteit_update(
            plaatsing=plaatsing,
            door=plan.coordinator,
            aanleiding="a",
            aanpak="b",
            partners="c",
            portefeuillehouder="d",
            beleidsdocumenten=documenten,
        )
        for n in range(10):
            services.doelstelling_create(
                plaatsing=plaatsing, door=plan.coordinator, tekst=f"Doel {n}"
            )
    with django_assert_max_num_queries(len(ivp_klein.captured_queries)):
        client.get(url(plan, "ivp"))
    with django_assert_max_num_queries(len(hoofdstuk_klein.captured_queries)):
        client.get(hoofdstuk)


def test_a_theme_that_is_no_priority_has_no_chapter(client, plan):
    beheer = plan.plaatsingen.exclude(keuze=Keuze.PRIORITEIT).first()
    client.force_login(plan.coordinator)
    assert client.get(url(plan, "prioriteit", plaatsing_id=beheer.pk)).status_code == 404
