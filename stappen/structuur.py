"""Content builders: the structured content of steps 2–4 turned into document sections.

Each builder takes a `Document` and returns its sections as plain dicts
`{"sleutel", "titel", "tekst"}` (the `Sectie` of `stappen.secties`): `sleutel` is stable across
versions (so two versions compare section by section), `tekst` is Markdown that the shared
renderer sanitises. `registreer(registreer_bouwer)` hands all three to the registry of the
document core (`stappen.secties.registreer_bouwer`) when both are wired together.

Sections may end up in a public PDF for the raad: confidential sources (the ondermijningsbeeld)
are never in a section's text; they travel in its `besloten` parts, which only the closed PDF
shows (docs/pdf.md). A confidential analysis is marked `vertrouwelijk` with its reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from stappen.constants import (
    PRIORITEITEN_ZONDER_MOTIVATIE,
    VERTROUWELIJK_REDEN_STANDAARD,
    BronSoort,
    DocumentSoort,
)
from stappen.secties import Sectie
from stappen.selectors.inhoud import (
    analyses_van,
    prioriteiten_van,
    prioritering_stand,
    strategische_themas_van,
)

if TYPE_CHECKING:
    from stappen.models import Analyse, Bron, Document, Plaatsing


def _cel(tekst: object) -> str:
    """Text safe inside one Markdown table cell."""
    return " ".join(str(tekst).split()).replace("|", "\\|") or "–"


def _regel(tekst: str) -> str:
    return " ".join(tekst.split())


def _als_lijst(tekst: str) -> str:
    """One partner per line (as the form asks) becomes a Markdown list; text that is already
    Markdown with paragraphs or a list stays as it is."""
    regels = [r.strip() for r in tekst.strip().splitlines()]
    if len(regels) < 2 or any(not r or r[0] in "-*+" for r in regels):
        return tekst
    return "\n".join(f"- {r}" for r in regels)


def _blok(kop: str, tekst: str, leeg: str = "Nog niet beschreven.") -> str:
    return f"### {kop}\n\n{tekst.strip() or f'*{leeg}*'}\n"


def _analysetekst(analyse: Analyse | None) -> str:
    delen = [
        _blok("Problematiek", analyse.problematiek if analyse else ""),
        _blok("Huidige aanpak", analyse.huidige_aanpak if analyse else ""),
        _blok("Verbeterpunten", analyse.verbeterpunten if analyse else ""),
    ]
    # The section's text holds only the public sources; the confidential ones go to the
    # section's `besloten` parts (`_besloten_bronnen`), which only the closed PDF shows.
    bronnen = [b for b in analyse.bronnen.all() if not b.vertrouwelijk] if analyse else []
    if bronnen:
        regels = [_bronregel(bron) for bron in bronnen]
        delen.append("### Bronnen\n\n" + "\n".join(regels) + "\n")
    return "\n".join(delen)


def _bronregel(bron: Bron) -> str:
    titel = f"[{_regel(bron.titel)}]({bron.vindplaats})" if bron.vindplaats else _regel(bron.titel)
    periode = f" ({_regel(bron.periode)})" if bron.periode else ""
    return f"- {bron.get_soort_display()}: {titel}{periode}"


def _besloten(sectie: Sectie, analyse: Analyse | None) -> Sectie:
    """Mark a confidential analysis, and add its confidential sources as closed parts."""
    if analyse is None:
        return sectie
    if analyse.vertrouwelijk:
        sectie["vertrouwelijk"] = analyse.vertrouwelijk_reden.strip() or "vertrouwelijk"
    geheim = [b for b in analyse.bronnen.all() if b.vertrouwelijk]
    if geheim:
        sectie["besloten"] = [
            {"titel": f"Bron: {_regel(b.titel)}", "tekst": _bronregel(b), "reden": _reden(b)}
            for b in geheim
        ]
    return sectie


def _reden(bron: Bron) -> str:
    if bron.soort == BronSoort.ONDERMIJNINGSBEELD:
        return f"het ondermijningsbeeld is vertrouwelijk: {VERTROUWELIJK_REDEN_STANDAARD}"
    return f"de bron is vertrouwelijk: {VERTROUWELIJK_REDEN_STANDAARD}"


def bouw_analyse(document: Document) -> list[Sectie]:
    """One section per veld (`analyse-veld-<code>`), each followed by its themes'
    analyses (`analyse-thema-<code>`)."""
    secties: list[Sectie] = []
    for blok in analyses_van(document.plan, toont_vertrouwelijk=True):
        secties.append(
            _besloten(
                {
                    "sleutel": f"analyse-veld-{blok.veld.code}",
                    "titel": f"{blok.veld.code}. {blok.veld.naam}",
                    "tekst": _analysetekst(blok.analyse),
                },
                blok.analyse,
            )
        )
        for analyse in blok.thema_analyses:
            thema = analyse.thema
            assert thema is not None  # thema_analyses holds the analyses of a thema only
            secties.append(
                _besloten(
                    {
                        "sleutel": f"analyse-thema-{thema.code}",
                        "titel": f"{thema.code} {thema.naam}",
                        "tekst": _analysetekst(analyse),
                    },
                    analyse,
                )
            )
    return secties


def _opsomming(kandidaten: list, leeg: str) -> str:
    if not kandidaten:
        return f"*{leeg}*\n"
    regels = []
    for k in kandidaten:
        motivatie = f": {_regel(k.plaatsing.motivatie)}" if k.plaatsing.motivatie else ""
        regels.append(f"- **{k.thema.code} {_regel(k.thema.naam)}**{motivatie}")
    return "\n".join(regels) + "\n"


def bouw_prioritering(document: Document) -> list[Sectie]:
    stand = prioritering_stand(document.plan)
    p = stand.prioritering

    werkwijze = (
        "Elk hoofdthema van de gemeente is gescoord van 1 (laag) tot en met 5 (hoog) op zes "
        "criteria. De gewogen score is het gewogen gemiddelde van de gegeven scores.\n\n"
        "| Criterium | Gewicht |\n| --- | ---: |\n"
        + "\n".join(f"| {label} | {gewicht} |" for _, label, gewicht in stand.criteria_gewichten)
        + "\n"
    )
    koppen = " | ".join(label for _, label in stand.criteria)
    rangorde = [
        f"| Rang | Thema | {koppen} | Gewogen score | Plaatsing |",
        "| ---: | --- | " + " | ".join("---:" for _ in stand.criteria) + " | ---: | --- |",
    ]
    for k in stand.kandidaten:
        scores = " | ".join("–" if s is None else str(s) for s in k.scores_op_volgorde)
        gewogen = "–" if k.gewogen is None else str(k.gewogen).replace(".", ",")
        plaatsing = k.plaatsing.get_keuze_display() if k.plaatsing else "Nog niet geplaatst"
        rangorde.append(
            f"| {k.rang} | {_cel(k.thema.code + ' ' + k.thema.naam)} | {scores} | {gewogen} | "
            f"{plaatsing} |"
        )

    prioriteiten = stand.prioriteiten
    tekst = _opsomming(prioriteiten, "Nog geen prioriteit gekozen.")
    if len(prioriteiten) > PRIORITEITEN_ZONDER_MOTIVATIE and p.motivatie_aantal.strip():
        tekst += (
            f"\n**Pas toe of leg uit.** De startnotitie gaat uit van drie à vier prioriteiten; "
            f"er zijn er {len(prioriteiten)} gekozen. Motivatie: {p.motivatie_aantal.strip()}\n"
        )

    if p.raad_bijeenkomst_op:
        raad = f"Opiniërende bijeenkomst met de raad op {p.raad_bijeenkomst_op:%d-%m-%Y}."
        if p.raad_bijeenkomst_uitkomst.strip():
            raad += f" Uitkomst: {p.raad_bijeenkomst_uitkomst.strip()}"
    elif p.raad_niet_geraadpleegd_reden.strip():
        raad = (
            "Er is geen opiniërende bijeenkomst met de raad gehouden. Reden: "
            f"{p.raad_niet_geraadpleegd_reden.strip()}"
        )
    else:
        raad = "*De raadpleging van de raad is nog niet vastgelegd.*"
    if p.driehoek_op:
        driehoek = f"Besproken in de lokale driehoek op {p.driehoek_op:%d-%m-%Y}" + (
            f" (kenmerk {_regel(p.driehoek_kenmerk)})." if p.driehoek_kenmerk.strip() else "."
        )
        if p.driehoek_uitkomst.strip():
            driehoek += f" Uitkomst: {p.driehoek_uitkomst.strip()}"
    else:
        driehoek = "*De raadpleging van de driehoek is nog niet vastgelegd.*"

    return [
        {"sleutel": "prioritering-werkwijze", "titel": "Werkwijze", "tekst": werkwijze},
        {
            "sleutel": "prioritering-rangorde",
            "titel": "Rangorde van de thema's",
            "tekst": "\n".join(rangorde) + "\n",
        },
        {"sleutel": "prioritering-prioriteiten", "titel": "Prioriteiten", "tekst": tekst},
        {
            "sleutel": "prioritering-strategisch",
            "titel": "Overige strategische thema's",
            "tekst": _opsomming(stand.strategisch, "Geen overige strategische thema's."),
        },
        {
            "sleutel": "prioritering-beheer",
            "titel": "Thema's op beheerniveau",
            "tekst": _opsomming(stand.beheer, "Geen thema's op beheerniveau."),
        },
        {
            "sleutel": "prioritering-raadpleging",
            "titel": "Raadpleging van raad en driehoek",
            "tekst": f"### Gemeenteraad\n\n{raad}\n\n### Lokale driehoek\n\n{driehoek}\n",
        },
    ]


def doelstellingen_tabel(doelstellingen: Iterable[Any], *, beleid: bool = True) -> str:
    """Doelstellingen (`stappen.Doelstelling` or alike) as the IVP's Markdown table. Also the
    region's bovenlokale priorities (regio), whose doelstellingen have no flankerend beleid
    (`beleid=False`: no such column)."""
    doelstellingen = list(doelstellingen)
    if not doelstellingen:
        return "*Nog geen doelstelling.*\n"
    koppen = ["Doelstelling", "Indicator", "Nulmeting", "Streefwaarde", "Bron"]
    if beleid:
        koppen.append("Flankerend beleid")
    regels = ["| " + " | ".join(koppen) + " |", "|" + " --- |" * len(koppen)]
    for d in doelstellingen:
        nul = f"{d.nulmeting} ({d.nulmeting_jaar})" if d.nulmeting else "–"
        streef = f"{d.streefwaarde} ({d.streefjaar})" if d.streefwaarde else "–"
        cellen = [d.tekst, d.indicator, nul, streef, d.bron]
        if beleid:
            cellen.append("; ".join(b.titel for b in d.beleidsdocumenten.all()) or "–")
        regels.append("| " + " | ".join(_cel(c) for c in cellen) + " |")
    return "\n".join(regels) + "\n"


def _doelstellingen(prioriteit: Plaatsing) -> str:
    return doelstellingen_tabel(prioriteit.doelstellingen.all())


def bouw_ivp(document: Document) -> list[Sectie]:
    """One chapter per priority (`prioriteit-<thema code>`) and one for the overige
    strategische thema's."""
    secties: list[Sectie] = []
    for prioriteit in prioriteiten_van(document.plan):
        beleid = [
            f"- [{_regel(b.titel)}]({b.vindplaats})" if b.vindplaats else f"- {_regel(b.titel)}"
            for b in prioriteit.beleidsdocumenten.all()
        ]
        delen = [
            _blok("Aanleiding", prioriteit.aanleiding),
            "### Doelstellingen\n\n" + _doelstellingen(prioriteit),
            _blok("Aanpak op hoofdlijnen", prioriteit.aanpak),
            _blok("Partners en hun rollen", _als_lijst(prioriteit.partners)),
            _blok(
                "Portefeuillehouder", _regel(prioriteit.portefeuillehouder), "Nog niet vastgelegd."
            ),
        ]
        if beleid:
            delen.append("### Flankerend beleid\n\n" + "\n".join(beleid) + "\n")
        secties.append(
            {
                "sleutel": f"prioriteit-{prioriteit.thema.code}",
                "titel": prioriteit.thema.naam,
                "tekst": "\n".join(delen),
            }
        )
    strategisch = strategische_themas_van(document.plan)
    regels = [
        f"- **{_regel(p.thema.naam)}**" + (f": {_regel(p.motivatie)}" if p.motivatie else "")
        for p in strategisch
    ]
    secties.append(
        {
            "sleutel": "strategische-themas",
            "titel": "Overige strategische thema's",
            "tekst": ("\n".join(regels) + "\n")
            if regels
            else "*Geen overige strategische thema's.*\n",
        }
    )
    return secties


BOUWERS: dict[str, Callable[[Document], list[Sectie]]] = {
    DocumentSoort.VEILIGHEIDSANALYSE: bouw_analyse,
    DocumentSoort.PRIORITERING: bouw_prioritering,
    DocumentSoort.IVP: bouw_ivp,
}


# The IVP's priorities stand under its chapter "Prioriteiten" (domain.md §2.4).
NA_HOOFDSTUK: dict[str, str] = {DocumentSoort.IVP: "prioriteiten"}


def registreer(
    registreer_bouwer: Callable[[str, Callable[[Document], list[Sectie]]], None],
) -> None:
    """Register the three builders with the document core's registry (their place in the
    reading order: `NA_HOOFDSTUK`, registered by `StappenConfig.ready`)."""
    for soort, bouwer in BOUWERS.items():
        registreer_bouwer(str(soort), bouwer)
