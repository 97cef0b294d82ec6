"""The veiligheidsbeeld pages and the coordinator's import page."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from ivp.constants import RolSoort
from ivp.models import Gemeente
from tests.ivp.factories import GemeenteFactory, RegioFactory
from tests.stappen.stappenplan import coordinator_van, lid_van
from tests.veiligheidsvelden.cbs import bestand
from veiligheidsvelden.cijfers import selectors
from veiligheidsvelden.cijfers.importeren import standaard_indicatoren
from veiligheidsvelden.models import Cijferimport, Meting, Veld

pytestmark = pytest.mark.django_db


def _figuren(gemeente: Gemeente, buren: int, jaren: int = 10) -> None:
    regio = [gemeente, *GemeenteFactory.create_batch(buren)]
    RegioFactory.create(gemeenten=regio)
    indicatoren = [i for (tabel, _), i in standaard_indicatoren().items() if tabel == "83648NED"]
    nu = timezone.now()
    laatste = timezone.localdate().year - 1
    gebieden = [(g.cbs_code, g.naam, g) for g in regio] + [("NL01", "Nederland", None)]
    Meting.objects.bulk_create(
        Meting(
            indicator=indicator,
            gebied_code=code,
            gebied_naam=naam,
            gemeente=eigen,
            jaar=jaar,
            waarde=Decimal(20 + n % 7),
            bron="CBS StatLine 83648NED, test",
            opgehaald_op=nu,
        )
        for n, indicator in enumerate(indicatoren)
        for code, naam, eigen in gebieden
        for jaar in range(laatste - jaren + 1, laatste + 1)
    )


@pytest.mark.parametrize("buren", [1, 25])
def test_veiligheidsbeeld_vlak_aantal_queries(
    client, gemeente, buren, django_assert_max_num_queries
) -> None:
    _figuren(gemeente, buren)
    client.force_login(coordinator_van(gemeente))
    veld = Veld.objects.get(code="1")
    url = reverse("veiligheidsvelden:veiligheidsbeeld_veld", args=[gemeente.pk, veld.pk])
    with django_assert_max_num_queries(12):
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Misdrijven, totaal" in html and "Nederland" in html
    assert html.count("<svg") >= 1 and "<table" in html
    beeld = selectors.veiligheidsbeeld(gemeente, veld)
    assert len(beeld.buren) == buren
    assert all(len(t.jaren) == 10 for t in beeld.trends)
    assert len(beeld.trends[0].reeksen) == buren + 2


def test_trend_en_citaat(gemeente) -> None:
    _figuren(gemeente, 1, jaren=3)
    trend = selectors.veiligheidsbeeld(gemeente, Veld.objects.get(code="1")).trends[0]
    jaar = trend.jaren[-1]
    assert trend.citaat == (
        f"{trend.indicator.naam} in {gemeente.naam} in {jaar}: "
        f"{selectors.getal(trend.eigen.waarden[jaar].waarde)} ({trend.indicator.eenheid}); "
        f"Nederland: {selectors.getal(trend.reeksen[-1].waarden[jaar].waarde)}. "
        "Bron: CBS StatLine 83648NED, test."
    )
    assert not trend.verouderd
    assert selectors.getal(Decimal("1204.500")) == "1.204,5"


def test_veiligheidsbeeld_alleen_voor_wie_het_plan_ziet(client, gemeente, andere_gemeente) -> None:
    veld = Veld.objects.get(code="1")
    url = reverse("veiligheidsvelden:veiligheidsbeeld_veld", args=[gemeente.pk, veld.pk])
    client.force_login(lid_van(gemeente, RolSoort.BESTUURDER))
    assert client.get(url).status_code == 200
    client.force_login(lid_van(gemeente, RolSoort.GRIFFIE))
    assert client.get(url).status_code == 404
    client.force_login(coordinator_van(andere_gemeente))
    assert client.get(url).status_code == 404
    assert client.get(reverse("veiligheidsvelden:cijfers", args=[gemeente.pk])).status_code == 404


def test_werkgroeplid_ziet_beeld_maar_leest_niet_in(client, gemeente) -> None:
    client.force_login(lid_van(gemeente))
    overzicht = client.get(reverse("veiligheidsvelden:veiligheidsbeeld", args=[gemeente.pk]))
    assert overzicht.status_code == 200 and "Cijfers inlezen" not in overzicht.content.decode()
    assert client.get(reverse("veiligheidsvelden:cijfers", args=[gemeente.pk])).status_code == 404


@pytest.fixture
def steenwijkerland(regio):
    return regio["Steenwijkerland"]


def test_upload_op_de_importpagina(client, steenwijkerland) -> None:
    client.force_login(coordinator_van(steenwijkerland))
    url = reverse("veiligheidsvelden:cijfers", args=[steenwijkerland.pk])
    leeg = client.post(url, {"actie": "upload"})
    assert "Kies het CSV-bestand dat u van StatLine hebt gedownload." in leeg.content.decode()
    kapot = client.post(
        url, {"actie": "upload", "bestand": SimpleUploadedFile("x.csv", b"geen csv")}
    )
    assert "geen kolomkoppen" in kapot.content.decode()
    assert not Meting.objects.exists()
    goed = client.post(
        url,
        {"actie": "upload", "bestand": SimpleUploadedFile("83648NED.csv", bestand("83648NED.csv"))},
        follow=True,
    )
    html = goed.content.decode()
    assert "De cijfers zijn ingelezen" in html and "nieuwe metingen" in html
    assert "Mislukt" in html  # the broken upload stays in the list
    assert Meting.objects.filter(gebied_code="GM1708").exists()
    beeld = client.get(
        reverse(
            "veiligheidsvelden:veiligheidsbeeld_veld",
            args=[steenwijkerland.pk, Veld.objects.get(code="1").pk],
        )
    ).content.decode()
    assert "Zwartewaterland" in beeld and "CSV-download ingelezen op" in beeld


def test_ophalen_wordt_in_de_wachtrij_gezet(
    client, steenwijkerland, django_capture_on_commit_callbacks, monkeypatch
) -> None:
    from tests.veiligheidsvelden.cbs import OpgenomenCBS
    from veiligheidsvelden.cijfers import ophalen

    monkeypatch.setattr(ophalen, "haal_json", OpgenomenCBS())
    client.force_login(coordinator_van(steenwijkerland))
    url = reverse("veiligheidsvelden:cijfers", args=[steenwijkerland.pk])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(url, {"actie": "ophalen"})
    assert response.status_code == 302 and len(callbacks) == 1
    run = Cijferimport.objects.get()
    assert run.status == "gelukt" and run.tabellen == "83648NED, 47022NED, 85146NED"


def test_politiecijfers_per_wijk_over_de_laatste_twaalf_maanden(
    client, steenwijkerland, monkeypatch
) -> None:
    from tests.veiligheidsvelden.cbs import OpgenomenCBS
    from veiligheidsvelden.cijfers.importeren import cijfers_importeer

    cijfers_importeer(gemeente=steenwijkerland, ophaler=OpgenomenCBS())
    veld = Veld.objects.get(code="1")
    wijken = {w.indicator.maat: w for w in selectors.veiligheidsbeeld(steenwijkerland, veld).wijken}
    fietsen = wijken["1.2.3/aantal"]
    assert [naam for naam, _ in fietsen.rijen] == ["Wijk 00 Steenwijk", "Wijk 01 Giethoorn"]
    assert fietsen.periode == "01-2025 tot en met 06-2025"
    som = sum(
        Meting.objects.filter(
            indicator=fietsen.indicator, gebied_code="WK170800", maand__gt=0
        ).values_list("waarde", flat=True)
    )
    assert dict(fietsen.rijen)["Wijk 00 Steenwijk"] == som
    client.force_login(coordinator_van(steenwijkerland))
    html = client.get(
        reverse("veiligheidsvelden:veiligheidsbeeld_veld", args=[steenwijkerland.pk, veld.pk])
    ).content.decode()
    assert "Per wijk (politie)" in html and "Wijk 01 Giethoorn" in html
