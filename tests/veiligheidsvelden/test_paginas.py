"""Things a coordinator must reach without the admin (issue 16, item 6): the gemeente's own
themes and its flankerend beleid, linked to themes."""

import pytest
from django.urls import reverse

from ivp.constants import RolSoort
from tests.ivp.factories import GemeenteFactory
from tests.stappen.factories import PlaatsingFactory, maak_plan
from tests.stappen.stappenplan import coordinator_van, lid_van
from tests.veiligheidsvelden.factories import ThemaFactory
from veiligheidsvelden.constants import BeleidsdocumentSoort
from veiligheidsvelden.models import Beleidsdocument, Thema

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeente():
    return GemeenteFactory()


def test_the_coordinator_adds_an_own_thema_under_a_vng_hoofdthema(client, gemeente):
    client.force_login(coordinator_van(gemeente))
    url = reverse("veiligheidsvelden:themas", args=[gemeente.pk])
    hoofd = Thema.objects.get(code="2.5", gemeente=None)
    fout = client.post(url, {"naam": "", "omschrijving": "Rondvaartboten in de zomer"})
    assert "Geef het thema een naam." in fout.content.decode()
    assert "Rondvaartboten in de zomer" in fout.content.decode()
    response = client.post(url, {"naam": "Drukte op het water", "hoofdthema": hoofd.pk})
    assert response.status_code == 302
    thema = Thema.objects.get(gemeente=gemeente)
    assert (thema.naam, thema.hoofdthema, thema.veld) == ("Drukte op het water", hoofd, hoofd.veld)
    assert thema in Thema.objects.voor_gemeente(gemeente.pk)
    assert "Drukte op het water" in client.get(url).content.decode()


def test_the_coordinator_records_flankerend_beleid_linked_to_themes(client, gemeente):
    client.force_login(coordinator_van(gemeente))
    nieuw = reverse("veiligheidsvelden:beleidsdocument_nieuw", args=[gemeente.pk])
    jeugd = Thema.objects.get(code="3.1", gemeente=None)
    fout = client.post(
        nieuw,
        {"soort": BeleidsdocumentSoort.JEUGDBELEID, "titel": "Jeugdnota", "vindplaats": "nee"},
    )
    assert "Vul een volledige link in" in fout.content.decode()
    assert 'value="Jeugdnota"' in fout.content.decode()
    response = client.post(
        nieuw,
        {
            "soort": BeleidsdocumentSoort.JEUGDBELEID,
            "titel": "Jeugdnota 2023",
            "vastgesteld_op": "14-02-2023",
            "themas": [jeugd.pk],
        },
    )
    assert response.status_code == 302
    document = Beleidsdocument.objects.get(gemeente=gemeente)
    assert list(document.themas.all()) == [jeugd]
    lijst = client.get(reverse("veiligheidsvelden:beleid", args=[gemeente.pk])).content.decode()
    assert "Jeugdnota 2023" in lijst and "3.1 " in lijst

    bewerk = reverse("veiligheidsvelden:beleidsdocument", args=[gemeente.pk, document.pk])
    client.post(bewerk, {"soort": BeleidsdocumentSoort.APV, "titel": "Apv 2023", "themas": []})
    document.refresh_from_db()
    assert (document.titel, list(document.themas.all())) == ("Apv 2023", [])


@pytest.mark.parametrize("rol", [None, RolSoort.WERKGROEPLID, RolSoort.BESTUURDER])
def test_anyone_but_the_coordinator_finds_nothing(client, gemeente, rol):
    gebruiker = lid_van(gemeente, rol) if rol else coordinator_van(GemeenteFactory())
    document = Beleidsdocument.objects.create(
        gemeente=gemeente, soort=BeleidsdocumentSoort.APV, titel="Apv"
    )
    client.force_login(gebruiker)
    for url in [
        reverse("veiligheidsvelden:themas", args=[gemeente.pk]),
        reverse("veiligheidsvelden:beleid", args=[gemeente.pk]),
        reverse("veiligheidsvelden:beleidsdocument", args=[gemeente.pk, document.pk]),
    ]:
        assert client.get(url).status_code == 404
        assert client.post(url, {"naam": "x", "soort": "apv", "titel": "x"}).status_code == 404
    assert not Thema.objects.filter(gemeente=gemeente).exists()


@pytest.mark.parametrize("aantal", [1, 20])
def test_the_pages_keep_a_flat_query_count(client, gemeente, aantal, django_assert_max_num_queries):
    coordinator = coordinator_van(gemeente)
    themas = list(Thema.objects.filter(gemeente=None)[:3])
    for n in range(aantal):
        document = Beleidsdocument.objects.create(
            gemeente=gemeente, soort=BeleidsdocumentSoort.OVERIG, titel=f"Beleid {n}"
        )
        document.themas.set(themas)
        Thema.objects.create(gemeente=gemeente, code=f"{gemeente.cbs_code}-{n}", naam=f"T{n}")
    client.force_login(coordinator)
    for url in [
        reverse("veiligheidsvelden:themas", args=[gemeente.pk]),
        reverse("veiligheidsvelden:beleid", args=[gemeente.pk]),
        reverse("veiligheidsvelden:beleidsdocument_nieuw", args=[gemeente.pk]),
    ]:
        with django_assert_max_num_queries(9):
            assert client.get(url).status_code == 200


def test_a_doelstelling_links_to_flankerend_beleid_of_its_gemeente(gemeente):
    from stappen import services
    from stappen.constants import Keuze
    from tests.stappen.factories import maak_plan

    plan = maak_plan(gemeente=gemeente)
    coordinator = coordinator_van(gemeente)
    thema = Thema.objects.get(code="3.1", gemeente=None)
    plaatsing = services.plaatsing_save(
        plan=plan, thema=thema, door=coordinator, keuze=Keuze.PRIORITEIT
    )
    eigen = Beleidsdocument.objects.create(
        gemeente=gemeente, soort=BeleidsdocumentSoort.JEUGDBELEID, titel="Jeugdnota"
    )
    vreemd = Beleidsdocument.objects.create(
        gemeente=GemeenteFactory(), soort=BeleidsdocumentSoort.APV, titel="Apv elders"
    )
    doel = services.doelstelling_create(
        plaatsing=plaatsing, door=coordinator, tekst="Minder overlast", beleidsdocumenten=[eigen]
    )
    assert list(doel.beleidsdocumenten.all()) == [eigen]
    assert list(eigen.doelstellingen.all()) == [doel]
    import pytest as _pytest
    from django.core.exceptions import ValidationError

    with _pytest.raises(ValidationError, match="alleen flankerend beleid van deze gemeente"):
        services.doelstelling_update(
            doelstelling=doel, door=coordinator, beleidsdocumenten=[vreemd]
        )


def test_the_driehoek_is_recorded_with_date_outcome_and_kenmerk(gemeente):
    import datetime as dt

    from stappen import services
    from stappen.models import Prioritering
    from stappen.structuur import bouw_prioritering
    from tests.stappen.factories import maak_plan
    from tests.stappen.stappenplan import document

    plan = maak_plan(gemeente=gemeente)
    services.prioritering_update(
        plan=plan,
        door=coordinator_van(gemeente),
        driehoek_op=dt.date(2022, 10, 12),
        driehoek_uitkomst="De driehoek steunt de prioriteiten.",
        driehoek_kenmerk="DH-2022-14",
    )
    assert Prioritering.objects.get(plan=plan).driehoek_kenmerk == "DH-2022-14"
    tekst = next(
        s["tekst"]
        for s in bouw_prioritering(document(plan, "prioritering"))
        if s["sleutel"] == "prioritering-raadpleging"
    )
    assert "Besproken in de lokale driehoek op 12-10-2022 (kenmerk DH-2022-14)." in tekst


def test_the_coordinator_renames_an_own_thema_and_a_wrong_input_keeps_the_text(client, gemeente):
    thema = ThemaFactory(gemeente=gemeente, naam="Drukte op het water")
    client.force_login(coordinator_van(gemeente))
    url = reverse("veiligheidsvelden:thema", args=[gemeente.pk, thema.pk])
    fout = client.post(url, {"naam": " ", "omschrijving": "Rondvaart en sloepen"})
    assert "Geef het thema een naam." in fout.content.decode()
    assert "Rondvaart en sloepen" in fout.content.decode()
    response = client.post(url, {"naam": "Waterrecreatie", "omschrijving": "Sloepen"})
    assert response.status_code == 302
    thema.refresh_from_db()
    assert (thema.naam, thema.omschrijving) == ("Waterrecreatie", "Sloepen")
    lijst = client.get(reverse("veiligheidsvelden:themas", args=[gemeente.pk])).content.decode()
    assert "Waterrecreatie" in lijst


def test_an_unused_own_thema_can_be_removed_and_a_used_one_stays(client, gemeente):
    los = ThemaFactory(gemeente=gemeente, naam="Los thema")
    gebruikt = ThemaFactory(gemeente=gemeente, naam="Gebruikt thema")
    plan = maak_plan(gemeente)
    PlaatsingFactory(plan=plan, thema=gebruikt)
    client.force_login(coordinator_van(gemeente))
    weg = client.post(
        reverse("veiligheidsvelden:thema_verwijderen", args=[gemeente.pk, los.pk]), follow=True
    )
    assert "Het thema ‘Los thema’ is verwijderd." in weg.content.decode()
    assert not Thema.objects.filter(pk=los.pk).exists()
    blijft = client.post(
        reverse("veiligheidsvelden:thema_verwijderen", args=[gemeente.pk, gebruikt.pk]),
        follow=True,
    )
    assert "wordt al gebruikt in de analyse of de prioritering" in blijft.content.decode()
    assert Thema.objects.filter(pk=gebruikt.pk).exists()


def test_vng_themes_and_other_gemeenten_themes_are_not_editable(client, gemeente):
    vng = Thema.objects.get(code="2.5", gemeente=None)
    ander = ThemaFactory(gemeente=GemeenteFactory())
    eigen = ThemaFactory(gemeente=gemeente)
    client.force_login(coordinator_van(gemeente))
    for thema in (vng, ander):
        assert (
            client.get(reverse("veiligheidsvelden:thema", args=[gemeente.pk, thema.pk])).status_code
            == 404
        )
        assert (
            client.post(
                reverse("veiligheidsvelden:thema_verwijderen", args=[gemeente.pk, thema.pk])
            ).status_code
            == 404
        )
    client.force_login(lid_van(gemeente))
    assert (
        client.get(reverse("veiligheidsvelden:thema", args=[gemeente.pk, eigen.pk])).status_code
        == 404
    )
    assert Thema.objects.filter(pk__in=[vng.pk, ander.pk, eigen.pk]).count() == 3
