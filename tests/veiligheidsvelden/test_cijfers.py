"""The importer of open figures: recorded CBS responses (v3, v4, CSV) in, metingen out;
every failure a Dutch message and the stored metingen untouched. No test reaches the
network: the fetcher is `tests/veiligheidsvelden/cbs.py`, and `haal_json` is patched to
fail loudly if anything else is asked."""

from __future__ import annotations

import io
import urllib.error
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from ivp.models import Gemeente
from tests.stappen.stappenplan import coordinator_van, lid_van
from tests.veiligheidsvelden.cbs import OpgenomenCBS, bestand
from veiligheidsvelden.cijfers import lezen, ophalen
from veiligheidsvelden.cijfers.fouten import Ophaalfout, Schemafout
from veiligheidsvelden.cijfers.importeren import cijfers_importeer, standaard_indicatoren
from veiligheidsvelden.cijfers.tabellen import MISDRIJVEN, VEILIGHEIDSMONITOR
from veiligheidsvelden.constants import ImportStatus
from veiligheidsvelden.models import Cijferimport, Indicator, Meting
from veiligheidsvelden.tasks import cijfers_ophalen

pytestmark = pytest.mark.django_db
# The real fetcher, before the autouse fixture replaces the module attribute.
ORIGINEEL = ophalen.haal_json


@pytest.fixture(autouse=True)
def geen_netwerk(monkeypatch: pytest.MonkeyPatch) -> None:
    def weiger(url: str) -> dict[str, object]:
        raise AssertionError(f"een test vroeg het netwerk: {url}")

    monkeypatch.setattr(ophalen, "haal_json", weiger)


def _meting(code: str, tabel: str, maat: str, jaar: int, maand: int = 0) -> Meting:
    return Meting.objects.get(
        indicator__tabel=tabel, indicator__maat=maat, gebied_code=code, jaar=jaar, maand=maand
    )


# --- reading ---------------------------------------------------------------------------


def test_v3_met_volgende_pagina_ontbrekende_waarden_en_opgevulde_codes() -> None:
    cbs = OpgenomenCBS()
    rijen = list(ophalen.pagina_rijen(f"{MISDRIJVEN.v3}/TypedDataSet", cbs))
    assert len(cbs.gevraagd) == 2  # the odata.nextLink was followed
    cellen = lezen.lees_rijen(MISDRIJVEN, rijen)
    sleutels = {(c.soort, c.gebied, c.jaar, c.maat.sleutel): c.waarde for c in cellen}
    # 'T001161   ' and 'GM1708  ' arrive padded; the roll-up CRI1110 has no indicator
    assert ("T001161", "GM1708", 2023, "per1000") in sleutels
    assert not any(c.soort == "CRI1110" for c in cellen)
    # null is a suppressed value, not zero
    assert sleutels[("CRI3000", "GM0180", 2023, "per1000")] is None


def test_v4_maatcode_die_tussen_jaren_verandert_is_dezelfde_maat() -> None:
    cellen = ophalen.misdrijven(["GM1708", "NL01"], OpgenomenCBS())
    per1000 = {c.jaar for c in cellen if c.maat.sleutel == "per1000" and c.gebied == "GM1708"}
    assert per1000 == set(range(2019, 2025))  # A047047 until 2020, M004201_2 after
    onbekend = [c for c in cellen if c.gebied == "GM0180" and c.soort == "CRI6000"]
    assert any(c.waarde is None for c in onbekend)  # Value null, StringValue '.'


def test_veiligheidsmonitor_alleen_de_waarde_en_maten_op_naam() -> None:
    cellen = ophalen.veiligheidsmonitor(["GM1708"], OpgenomenCBS())
    # three editions x five regions x three measures; the 95% bounds are left out
    assert len(cellen) == 3 * 5 * 3
    # the suffix of a measure shifts between editions: matched on its name
    oud = lezen.lees_rijen(
        VEILIGHEIDSMONITOR,
        [
            {
                "Marges": "MW00000",
                "RegioS": "GM1708  ",
                "Perioden": "2017JJ00",
                "RapportcijferVeiligheidInBuurt_18": "  7.4",
            }
        ],
    )
    assert [(c.maat.sleutel, c.waarde) for c in oud] == [("rapportcijfer", Decimal("7.400"))]


def test_csv_download_met_punt_voor_ontbrekend() -> None:
    tabel, cellen = lezen.lees_csv(bestand("83648NED.csv"))
    assert tabel is MISDRIJVEN
    ontbrekend = [c for c in cellen if (c.gebied, c.soort, c.jaar) == ("GM0180", "CRI6000", 2023)]
    assert ontbrekend and all(c.waarde is None for c in ontbrekend)


# --- importing -------------------------------------------------------------------------


def test_import_via_cbs_voor_gemeente_buren_en_nederland(regio: dict[str, Gemeente]) -> None:
    steenwijkerland = regio["Steenwijkerland"]
    run = cijfers_importeer(gemeente=steenwijkerland, ophaler=OpgenomenCBS())
    assert run.status == ImportStatus.GELUKT, run.melding
    assert run.nieuw > 0 and run.gewijzigd == 0
    meting = _meting("GM1708", "83648NED", "T001161/per1000", 2023)
    assert meting.gemeente == steenwijkerland and meting.gebied_naam == "Steenwijkerland"
    assert "83648NED" in meting.bron and "opgehaald op" in meting.bron
    assert _meting("NL01", "83648NED", "T001161/per1000", 2023).gemeente is None
    assert _meting("GM0166", "83648NED", "T001161/per1000", 2019).gemeente == regio["Kampen"]
    wijk = _meting("WK170801", "47022NED", "1.2.3/aantal", 2025, 6)
    assert wijk.gebied_naam == "Wijk 01 Giethoorn" and wijk.gemeente == steenwijkerland
    assert _meting("GM1708", "85146NED", "rapportcijfer", 2023).waarde > 5
    # suppressed values are not stored as zero
    assert not Meting.objects.filter(
        gebied_code="WK170801", jaar=2025, maand=3, indicator__maat="1.1.1/aantal"
    ).exists()


def test_tweemaal_hetzelfde_antwoord_is_een_meting(regio: dict[str, Gemeente]) -> None:
    gemeente = regio["Steenwijkerland"]
    cijfers_importeer(gemeente=gemeente, ophaler=OpgenomenCBS())
    aantal = Meting.objects.count()
    tweede = cijfers_importeer(gemeente=gemeente, ophaler=OpgenomenCBS())
    assert Meting.objects.count() == aantal
    assert (tweede.nieuw, tweede.gewijzigd, tweede.ongewijzigd) == (0, 0, aantal)
    assert Indicator.objects.filter(gemeente__isnull=True).count() == len(standaard_indicatoren())


def test_gecorrigeerde_waarde_werkt_bij_en_geschiedenis_bewaart_oude(
    regio: dict[str, Gemeente],
) -> None:
    gemeente = regio["Steenwijkerland"]
    cijfers_importeer(gemeente=gemeente, bestand=bestand("83648NED.csv"))
    meting = _meting("GM1708", "83648NED", "T001161/per1000", 2023)
    oud = meting.waarde
    regels = bestand("83648NED.csv").decode("utf-8-sig").split("\r\n")
    for nummer, regel in enumerate(regels):
        velden = regel.split(";")
        if velden[1:4] == ['"T001161   "', '"GM1708  "', '"2023JJ00"']:
            velden[6] = '"   99.9"'
            regels[nummer] = ";".join(velden)
    run = cijfers_importeer(gemeente=gemeente, bestand="\r\n".join(regels).encode())
    assert run.gewijzigd >= 1
    meting.refresh_from_db()
    assert meting.waarde == Decimal("99.9")
    assert [h.waarde for h in meting.history.order_by("history_date")] == [oud, Decimal("99.9")]


def test_upload_alleen_eigen_regio(regio: dict[str, Gemeente]) -> None:
    gemeente = regio["Steenwijkerland"]
    run = cijfers_importeer(
        gemeente=gemeente, door=coordinator_van(gemeente), bestand=bestand("83648NED.csv")
    )
    assert run.status == ImportStatus.GELUKT and run.door is not None
    assert set(Meting.objects.values_list("gebied_code", flat=True)) == {
        "GM1708",
        "GM1896",
        "GM0180",
        "GM0166",
        "NL01",
    }
    assert "CSV-download" in Meting.objects.first().bron  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("fout", "zin"),
    [
        (urllib.error.URLError("Name or service not known"), "CBS is niet bereikbaar"),
        (Ophaalfout("De server van CBS gaf een fout (HTTP 503)."), "HTTP 503"),
        (TimeoutError("timed out"), "CBS is niet bereikbaar"),
    ],
)
def test_netwerkfout_laat_metingen_staan(
    regio: dict[str, Gemeente], monkeypatch: pytest.MonkeyPatch, fout: Exception, zin: str
) -> None:
    gemeente = regio["Steenwijkerland"]
    cijfers_importeer(gemeente=gemeente, bestand=bestand("83648NED.csv"))
    voor = list(Meting.objects.values_list("pk", "waarde"))

    class Antwoord:
        def __enter__(self) -> Antwoord:
            raise fout

        def __exit__(self, *args: object) -> None:
            return None

    monkeypatch.setattr(ophalen.urllib.request, "urlopen", lambda *a, **k: Antwoord())
    run = cijfers_importeer(gemeente=gemeente, ophaler=ORIGINEEL)
    assert run.status == ImportStatus.MISLUKT
    assert zin in run.melding and run.tijdelijk  # the task retries these
    assert list(Meting.objects.values_list("pk", "waarde")) == voor


def test_http_500_geeft_nederlandse_melding(monkeypatch: pytest.MonkeyPatch) -> None:
    def http_500(*args: object, **kwargs: object) -> None:
        raise urllib.error.HTTPError("https://x", 500, "Internal Server Error", {}, io.BytesIO())  # type: ignore[arg-type]

    monkeypatch.setattr(ophalen.urllib.request, "urlopen", http_500)
    with pytest.raises(Ophaalfout, match="De server van CBS gaf een fout \\(HTTP 500\\)"):
        ORIGINEEL("https://opendata.cbs.nl/ODataApi/odata/83648NED/TypedDataSet")


def test_gewijzigd_schema_laat_metingen_staan(regio: dict[str, Gemeente]) -> None:
    gemeente = regio["Steenwijkerland"]
    cijfers_importeer(gemeente=gemeente, ophaler=OpgenomenCBS())
    voor = list(Meting.objects.values_list("pk", "waarde"))
    zonder_regio = {
        "value": [
            {
                "ID": 0,
                "Marges": "MW00000",
                "Gebied": "GM1708",
                "Perioden": "2023JJ00",
                "VoeltZichWeleensOnveilig_43": 1,
            }
        ]
    }
    run = cijfers_importeer(
        gemeente=gemeente,
        ophaler=OpgenomenCBS(vervang={"v3_85146NED_TypedDataSet": zonder_regio}),
    )
    assert run.status == ImportStatus.MISLUKT
    assert "85146NED heeft niet de verwachte opbouw: de kolom RegioS ontbreekt" in run.melding
    assert not run.tijdelijk  # retrying would not help
    assert list(Meting.objects.values_list("pk", "waarde")) == voor


def test_geen_lijst_value_is_gewijzigd_schema() -> None:
    with pytest.raises(Schemafout, match="geen lijst ‘value’"):
        list(ophalen.pagina_rijen("https://x/83648NED/TypedDataSet", lambda url: {"d": []}))


def test_onbekende_gemeentecode(db: None) -> None:
    onbekend = Gemeente.objects.create(naam="Nergenshuizen", cbs_code="GM9999")
    run = cijfers_importeer(gemeente=onbekend, ophaler=OpgenomenCBS())
    assert run.status == ImportStatus.MISLUKT
    assert "geen cijfers voor gemeentecode GM9999 (Nergenshuizen)" in run.melding
    assert not Meting.objects.exists()


@pytest.mark.parametrize(
    ("inhoud", "zin"),
    [
        (b"\xff\xfe\x00k\x00a\x00p\x00o\x00t", "geen tekstbestand in UTF-8"),
        (b"dit is geen csv", "geen kolomkoppen"),
        (b'"ID";"Gemeente";"Jaar";"Aantal"\r\n"1";"GM1708";"2023";"5"\r\n', "geen CSV-download"),
        (
            b'"ID";"SoortMisdrijf";"RegioS";"Perioden";"GeregistreerdeMisdrijvenPer1000Inw_3"\r\n'
            b'"0";"T001161   ";"GM1708  ";"2023JJ00";"veel"\r\n',
            "‘veel’ is geen getal",
        ),
    ],
)
def test_kapotte_upload_laat_metingen_staan(
    regio: dict[str, Gemeente], inhoud: bytes, zin: str
) -> None:
    gemeente = regio["Steenwijkerland"]
    cijfers_importeer(gemeente=gemeente, bestand=bestand("83648NED.csv"))
    voor = list(Meting.objects.values_list("pk", "waarde"))
    run = cijfers_importeer(gemeente=gemeente, bestand=inhoud)
    assert run.status == ImportStatus.MISLUKT
    assert zin in run.melding
    assert list(Meting.objects.values_list("pk", "waarde")) == voor


def test_alleen_de_coordinator_leest_in(regio: dict[str, Gemeente]) -> None:
    from ivp.exceptions import GeenToegang

    gemeente = regio["Steenwijkerland"]
    with pytest.raises(GeenToegang):
        cijfers_importeer(gemeente=gemeente, door=lid_van(gemeente), bestand=b"")
    assert not Cijferimport.objects.exists()


def test_taak_haalt_op_en_is_idempotent(
    regio: dict[str, Gemeente], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ophalen, "haal_json", OpgenomenCBS())
    gemeente = regio["Steenwijkerland"]
    eerste = Cijferimport.objects.get(pk=cijfers_ophalen(gemeente.pk))
    tweede = Cijferimport.objects.get(pk=cijfers_ophalen(gemeente.pk))
    assert eerste.nieuw == tweede.ongewijzigd and tweede.nieuw == 0
    assert cijfers_ophalen(0) is None


def test_commando(regio: dict[str, Gemeente], tmp_path) -> None:
    pad = tmp_path / "83648NED.csv"
    pad.write_bytes(bestand("83648NED.csv"))
    uit = io.StringIO()
    call_command("veiligheidscijfers", "GM1708", "--bestand", str(pad), stdout=uit)
    assert "Steenwijkerland:" in uit.getvalue() and "nieuwe metingen" in uit.getvalue()
    with pytest.raises(CommandError, match="Onbekende gemeentecode: GM9998"):
        call_command("veiligheidscijfers", "GM9998")
    kapot = tmp_path / "kapot.csv"
    kapot.write_bytes(b"kapot")
    with pytest.raises(CommandError, match="Niet alle cijfers"):
        call_command("veiligheidscijfers", "GM1708", "--bestand", str(kapot), stderr=io.StringIO())
