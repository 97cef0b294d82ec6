"""The three open tables the veiligheidsbeeld reads, and the default indicators on them.

Each indicator is one measure of one table, for one `SoortMisdrijf` where the table has it.
`Indicator.maat` holds the stable key `<soort>/<maat>` ("T001161/per1000", "1.1.1/aantal",
"onveilig"): the measure's *name* without CBS's numeric suffix, because the suffix
(`_3`, `_43`) and the v4 measure code shift between editions of a table
(`../shared/domain.md` §4.3). The themes follow `../shared/domain.md` §1.2.
"""

from __future__ import annotations

from dataclasses import dataclass

from veiligheidsvelden.constants import IndicatorBron, Richting

CBS_V3 = "https://opendata.cbs.nl/ODataApi/odata"
CBS_V4 = "https://datasets.cbs.nl/odata/v1/CBS"
POLITIE_V3 = "https://dataderden.cbs.nl/ODataApi/OData"


@dataclass(frozen=True)
class Maat:
    """A measure of a table: its stable key, the v3 column name without the suffix, and the
    v4 title (CBS's MeasureCodes), by which a renumbered code is still recognised."""

    sleutel: str
    kolom: str
    titel: str
    eenheid: str
    richting: str = Richting.LAGER


@dataclass(frozen=True)
class Tabel:
    code: str
    naam: str
    bron: str
    v3: str
    geo: str  # the geographic dimension: RegioS or WijkenEnBuurten
    maten: tuple[Maat, ...]
    soorten: tuple[tuple[str, str, tuple[str, ...]], ...]  # (code, naam, thema-codes)
    marges: bool = False  # 85146NED: only the value (MW00000), not the 95% bounds
    maandcijfers: bool = False

    def maat(self, kolom: str) -> Maat | None:
        """The measure of a v3 column ("GeregistreerdeMisdrijvenPer1000Inw_3"), by name."""
        naam = kolom.rsplit("_", 1)[0] if kolom.rsplit("_", 1)[-1].isdigit() else kolom
        return next((m for m in self.maten if m.kolom == naam), None)

    def maat_met_titel(self, titel: str) -> Maat | None:
        schoon = " ".join(titel.split()).casefold()
        return next((m for m in self.maten if m.titel.casefold() == schoon), None)

    @property
    def soortcodes(self) -> set[str]:
        return {code for code, _, _ in self.soorten}


MISDRIJVEN = Tabel(
    code="83648NED",
    naam="CBS StatLine 83648NED, geregistreerde criminaliteit",
    bron=IndicatorBron.CBS_MISDRIJVEN,
    v3=f"{CBS_V3}/83648NED",
    geo="RegioS",
    maten=(
        Maat(
            "per1000",
            "GeregistreerdeMisdrijvenPer1000Inw",
            "Geregistreerde misdrijven per 1000 inwoners",
            "per 1.000 inwoners",
        ),
        Maat(
            "opgehelderd",
            "OpgehelderdeMisdrijvenRelatief",
            "Opgehelderde misdrijven relatief",
            "% opgehelderd",
            Richting.HOGER,
        ),
    ),
    soorten=(
        ("T001161", "Misdrijven, totaal", ("1.3",)),
        ("CRI1100", "Diefstal/verduistering en inbraak", ("1.3", "1.3.1", "1.3.2", "1.3.3")),
        (
            "CRI2000",
            "Vernielingen, misdrijven tegen openbare orde en gezag",
            ("1.2", "1.2.1"),
        ),
        ("CRI3000", "Gewelds- en seksuele misdrijven", ("1.3.7", "1.3.8", "2.3.1")),
        ("CRI5000", "Verkeersmisdrijven", ("4.1",)),
        ("CRI6000", "Drugsmisdrijven", ("1.1.3", "3.5.1", "5.2.1")),
    ),
)

POLITIE_WIJK = Tabel(
    code="47022NED",
    naam="Politie open data 47022NED, misdrijven per wijk en maand",
    bron=IndicatorBron.POLITIE_WIJK,
    v3=f"{POLITIE_V3}/47022NED",
    geo="WijkenEnBuurten",
    maten=(
        Maat(
            "aantal",
            "GeregistreerdeMisdrijven",
            "Geregistreerde misdrijven",
            "aantal misdrijven",
        ),
    ),
    # domain.md §1.2: police crime codes to the VNG themes.
    soorten=(
        ("0.0.0", "Totaal misdrijven", ("1.3",)),
        ("1.1.1", "Diefstal/inbraak woning", ("1.3.1",)),
        ("1.1.2", "Diefstal/inbraak box/garage/schuur", ("1.3.1",)),
        ("1.2.1", "Diefstal uit/vanaf motorvoertuigen", ("1.3.2",)),
        ("1.2.2", "Diefstal van motorvoertuigen", ("1.3.4",)),
        ("1.2.3", "Diefstal van brom-, snor-, fietsen", ("1.3.3",)),
        ("1.2.4", "Zakkenrollerij", ("1.3",)),
        ("1.4.6", "Straatroof", ("1.3.5",)),
        ("1.4.7", "Overval", ("1.3.6",)),
        ("1.4.4", "Bedreiging", ("1.3.7",)),
        ("1.4.5", "Mishandeling", ("1.3.8",)),
        ("2.4.1", "Burengerucht (relatieproblemen)", ("1.3.9", "1.1.2")),
        ("2.2.1", "Vernieling cq. zaakbeschadiging", ("1.2.1",)),
        ("2.1.1", "Drugs/drankoverlast", ("1.1.3",)),
        ("2.5.2", "Winkeldiefstal", ("2.1.1",)),
        ("2.5.1", "Diefstal/inbraak bedrijven enz.", ("2.2.1",)),
        ("1.3.1", "Ongevallen (weg)", ("4.1",)),
        ("3.5.2", "Onder invloed (weg)", ("4.1",)),
        ("1.6.1", "Brand/ontploffing", ("4.2",)),
        ("3.1.1", "Drugshandel", ("5.2.1",)),
        ("1.6.3", "Mensenhandel", ("5.2.3",)),
        ("3.7.4", "Cybercrime", ("0.1",)),
        ("3.9.1", "Horizontale fraude", ("0.1",)),
        ("3.7.1", "Discriminatie", ("5.1",)),
        ("3.6.4", "Aantasting openbare orde", ("5.1.2",)),
    ),
    maandcijfers=True,
)

VEILIGHEIDSMONITOR = Tabel(
    code="85146NED",
    naam="CBS Veiligheidsmonitor 85146NED, kerncijfers regio",
    bron=IndicatorBron.VEILIGHEIDSMONITOR,
    v3=f"{CBS_V3}/85146NED",
    geo="RegioS",
    maten=(
        Maat(
            "onveilig",
            "VoeltZichWeleensOnveilig",
            "Voelt zich weleens onveilig",
            "% van de inwoners",
        ),
        Maat(
            "rapportcijfer",
            "RapportcijferVeiligheidInBuurt",
            "Rapportcijfer veiligheid in buurt",
            "rapportcijfer",
            Richting.HOGER,
        ),
        Maat(
            "veelcriminaliteit",
            "DenktDatErVeelCriminaliteitInBuurt",
            "Denkt dat er veel criminaliteit in buurt is",
            "% van de inwoners",
        ),
    ),
    soorten=(),
    marges=True,
)

TABELLEN: dict[str, Tabel] = {t.code: t for t in (MISDRIJVEN, POLITIE_WIJK, VEILIGHEIDSMONITOR)}

# The Veiligheidsmonitor's measures all belong to subjective safety.
MONITOR_THEMAS = ("1.4", "1.4.1")


def sleutel(soort: str | None, maat: Maat) -> str:
    """`Indicator.maat`: "T001161/per1000", or the measure alone for a table without soorten."""
    return f"{soort}/{maat.sleutel}" if soort else maat.sleutel


def indicator_naam(tabel: Tabel, soort: str | None, maat: Maat) -> str:
    if soort is None:
        return maat.titel
    soortnaam = next(naam for code, naam, _ in tabel.soorten if code == soort)
    if maat.sleutel == "opgehelderd":
        return f"{soortnaam}: opgehelderd"
    return soortnaam


def indicatoren() -> list[tuple[Tabel, str | None, Maat, tuple[str, ...]]]:
    """Every default indicator: (table, soort or None, measure, theme codes)."""
    rijen: list[tuple[Tabel, str | None, Maat, tuple[str, ...]]] = []
    for tabel in TABELLEN.values():
        if not tabel.soorten:
            rijen.extend((tabel, None, maat, MONITOR_THEMAS) for maat in tabel.maten)
            continue
        for code, _, themas in tabel.soorten:
            rijen.extend((tabel, code, maat, themas) for maat in tabel.maten)
    return rijen
