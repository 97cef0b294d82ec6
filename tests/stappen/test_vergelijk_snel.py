"""The word diff after issue 8: the same HTML as before on the demo texts, the same meaning on
heavier edits, and a comparison per paragraph (said on the page) above the size limit."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

import pytest
from django.urls import reverse
from django.utils.html import escape

from stappen import services, vergelijk
from stappen.constants import DocumentSoort
from stappen.demo import teksten
from tests.stappen import vergelijk_oud
from tests.stappen.factories import maak_plan
from tests.stappen.stappenplan import coordinator_van, document, schrijf


def _strings(waarde: object) -> Iterable[str]:
    if isinstance(waarde, str):
        yield waarde
    elif isinstance(waarde, dict):
        for v in waarde.values():
            yield from _strings(v)
    elif isinstance(waarde, list | tuple):
        for v in waarde:
            yield from _strings(v)


DEMO = [
    tekst
    for naam in sorted(dir(teksten))
    if naam.isupper()
    for tekst in _strings(getattr(teksten, naam))
    if len(tekst) > 20
]
WOORDEN = sorted({w for tekst in DEMO for w in tekst.split()})


def _vervang(tekst: str, rng: random.Random, elke: int = 10) -> str:
    """One word in `elke` replaced by another demo word (the case of the issue)."""
    delen = re.findall(r"\s+|\S+", tekst)
    woorden = [i for i, d in enumerate(delen) if not d.isspace()]
    for i in woorden[rng.randrange(elke) :: elke]:
        delen[i] = rng.choice(WOORDEN)
    return "".join(delen)


def _bewerk(tekst: str, rng: random.Random, kans: float) -> str:
    """Words replaced, dropped, added or capitalised, and whitespace changed, each with `kans`."""
    uit = []
    for deel in re.findall(r"\s+|\S+", tekst):
        if deel.isspace():
            uit.append(rng.choice([" ", "\n", "\n\n"]) if rng.random() < kans / 3 else deel)
            continue
        if rng.random() >= kans:
            uit.append(deel)
            continue
        keuze = rng.random()
        if keuze < 0.4:
            uit.append(rng.choice(WOORDEN))
        elif keuze < 0.8:
            uit += [deel, " ", rng.choice(WOORDEN)] if keuze >= 0.6 else []
        else:
            uit.append(deel.upper())
    return "".join(uit)


def _paren() -> list[tuple[str, str]]:
    rng = random.Random(8)
    paren = []
    for tekst in DEMO:
        paren += [(tekst, tekst), (tekst, ""), ("", tekst)]
        for _ in range(3):
            anders = _vervang(tekst, rng)
            paren += [(tekst, anders), (anders, tekst)]
            licht = _bewerk(tekst, rng, 0.02)
            paren += [(tekst, licht), (licht, tekst)]
    return paren


def test_the_demo_texts_compare_to_the_same_html_as_before():
    """Against a frozen copy of the diff of before issue 8: every demo text unchanged, added,
    removed, with one word in ten replaced, and with light edits (words and whitespace)."""
    paren = _paren()
    assert len(paren) > 500
    for oud, nieuw in paren:
        assert vergelijk.vergelijk_tekst(oud, nieuw) == vergelijk_oud.vergelijk_tekst(oud, nieuw)


_MARKERING = re.compile(
    r'<(del|ins)><span class="ivp-visueel-verborgen">(?:verwijderd|toegevoegd): </span>'
    r"(.*?)</\1>",
    re.S,
)


def _ongemarkeerd(html: str) -> str:
    return _MARKERING.sub("", html)


def _zonder_opmaak(html: str) -> str:
    return _MARKERING.sub(lambda m: m.group(2), html)


@pytest.mark.parametrize("kans", [0.1, 0.3, 0.6])
def test_heavier_edits_keep_the_meaning_of_the_comparison(kans):
    """Where the grouping may differ from before: each side still reads as its own text, what
    is not marked is the same on both sides, and a change is reported exactly when the texts
    differ."""
    rng = random.Random(int(kans * 100))
    for tekst in DEMO:
        anders = _bewerk(tekst, rng, kans)
        links, rechts, gewijzigd = vergelijk.vergelijk_tekst(tekst, anders)
        assert _zonder_opmaak(links) == escape(tekst)
        assert _zonder_opmaak(rechts) == escape(anders)
        assert _ongemarkeerd(links) == _ongemarkeerd(rechts)
        assert gewijzigd is (tekst != anders)
        assert "<del>" not in rechts and "<ins>" not in links


def _lang(woorden: int, rng: random.Random) -> str:
    alineas = []
    for start in range(0, woorden, 80):
        alineas.append(" ".join(rng.choice(WOORDEN) for _ in range(min(80, woorden - start))))
    return "\n\n".join(alineas)


def test_above_the_limit_the_comparison_is_per_paragraph():
    rng = random.Random(3)
    tekst = _lang(400, rng)
    alineas = tekst.split("\n\n")
    anders = "\n\n".join([*alineas[:2], _vervang(alineas[2], rng), *alineas[3:]])

    assert not vergelijk.vergelijk(tekst, anders).per_alinea
    per_alinea = vergelijk.vergelijk(tekst, anders, limiet=399 * 399)
    assert per_alinea.per_alinea and per_alinea.gewijzigd
    # Only the changed paragraph is marked, and as a whole.
    assert [m.group(2) for m in _MARKERING.finditer(per_alinea.oud)] == [escape(alineas[2])]
    assert per_alinea.nieuw.count("<ins>") == 1
    assert _zonder_opmaak(per_alinea.oud) == escape(tekst)
    assert _zonder_opmaak(per_alinea.nieuw) == escape(anders)
    assert not vergelijk.vergelijk(tekst, tekst, limiet=1).gewijzigd


def test_one_comparison_has_one_budget_over_all_its_sections():
    rng = random.Random(4)
    oud = [{"sleutel": f"h{i}", "titel": f"H{i}", "tekst": _lang(300, rng)} for i in range(4)]
    nieuw = [s | {"tekst": _vervang(s["tekst"], rng)} for s in oud]
    regels = vergelijk.vergelijk_secties(oud, nieuw, totaal=2 * 300 * 300)
    assert [r.per_alinea for r in regels] == [False, False, True, True]
    assert all(r.gewijzigd for r in regels)


def test_the_default_limit_sends_a_very_long_chapter_to_paragraphs():
    zijde = int(vergelijk.WOORD_LIMIET**0.5) + 1
    tekst = _lang(zijde, random.Random(5))
    assert vergelijk.vergelijk(tekst, tekst + " extra").per_alinea


@pytest.mark.django_db
def test_the_comparison_page_says_when_it_compared_per_paragraph(client, monkeypatch):
    plan = maak_plan()
    coordinator = coordinator_van(plan.gemeente)
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    rng = random.Random(6)
    lang = _lang(300, rng)
    schrijf(startnotitie, coordinator, {"inleiding": lang, "werkgroep": "Zeven leden."})
    services.versie_create(document=startnotitie, door=coordinator)
    schrijf(startnotitie, coordinator, {"inleiding": _vervang(lang, rng), "werkgroep": "Acht."})
    services.versie_create(document=startnotitie, door=coordinator)
    monkeypatch.setattr(vergelijk, "WOORD_LIMIET", 200 * 200)
    client.force_login(coordinator)
    url = reverse("stappen:vergelijken", args=[startnotitie.pk])
    html = client.get(url, {"oud": "0.1", "nieuw": "0.2"}).content.decode()
    melding = "Dit hoofdstuk is te lang voor een vergelijking per woord"
    assert html.count(melding) == 1
    assert "verwijderd: </span>Zeven leden.</del>" in html
