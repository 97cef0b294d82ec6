"""Compare two versions section by section: a word diff rendered as safe HTML with `<del>`
and `<ins>` (each with a hidden "verwijderd:"/"toegevoegd:" for screen readers, so colour is
never the only cue). The texts are escaped piece by piece; nothing of them is trusted.

How it stays fast (issue 8). A token is a word with the whitespace that follows it, so the
matcher never spends its time pairing up spaces. Where a stretch differs, that stretch alone
is compared again in the finer tokens of before (every whitespace run a token), so the marks
fall on the same words as they always did. Above `WOORD_LIMIET` (the product of the two token
counts) a section is compared per paragraph instead and says so (`per_alinea`); above
`ALINEA_LIMIET` even that is skipped and the section is shown as replaced as a whole.
`vergelijk_secties` also keeps a budget over all sections of one comparison, so a document
of many long chapters cannot hold a worker either. The limits come from `bench/diff.py`."""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_WOORDEN = re.compile(r"\s+|[^\s]+")  # the fine tokens: each word and each whitespace run
_TOKENS = re.compile(r"\S+\s*|\s+")  # a word with its trailing whitespace (or leading space)
_ALINEASCHEIDING = re.compile(r"(\n[ \t]*\n\s*)")
_SLOT_WIT = re.compile(r"\s*\Z")
_DEL = '<del><span class="ivp-visueel-verborgen">verwijderd: </span>{}</del>'
_INS = '<ins><span class="ivp-visueel-verborgen">toegevoegd: </span>{}</ins>'

# len(a) * len(b) in word tokens: about 0.2 s on the 2-core test machine for two chapters of
# 3,000 words with one word in ten changed (see bench/README.md).
WOORD_LIMIET = 9_000_000
# The same for all sections of one comparison together: seven chapters of 1,500 words
# (15.75 million) stay per word, about 0.3 s.
TOTAAL_LIMIET = 20_000_000
# A changed stretch is compared again in the fine tokens only below this product.
VERFIJN_LIMIET = 40_000
# Paragraphs: beyond this the section is shown as replaced as a whole.
ALINEA_LIMIET = 1_000_000
# Part of the cache key of a comparison (`stappen.selectors.versievergelijking._vergeleken`):
# the hash of this module, so any change here (a limit, the markup) leaves the results made before.
VERGELIJKING_VERSIE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


@dataclass
class SectieVergelijking:
    sleutel: str
    titel: str
    oud: SafeString
    nieuw: SafeString
    gewijzigd: bool
    per_alinea: bool = False


@dataclass
class TekstVergelijking:
    oud: SafeString
    nieuw: SafeString
    gewijzigd: bool
    per_alinea: bool
    kosten: int  # len(a) * len(b) in the tokens that were compared


Opcode = tuple[str, str, str]  # (op, piece of the old text, piece of the new text)


def _woorden(tekst: str) -> list[str]:
    return _WOORDEN.findall(tekst)


def _tokens(tekst: str) -> list[str]:
    return _TOKENS.findall(tekst)


def _alineas(tekst: str) -> list[str]:
    """Paragraphs, each with the blank lines after it; joined they give the text back."""
    delen = _ALINEASCHEIDING.split(tekst)
    alineas = [delen[i] + delen[i + 1] for i in range(0, len(delen) - 1, 2)]
    if delen[-1]:
        alineas.append(delen[-1])
    return alineas


def _stukken(a: list[str], b: list[str]) -> Iterator[Opcode]:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        yield op, "".join(a[i1:i2]), "".join(b[j1:j2])


def _gedeeld_slot(oud: str, nieuw: str) -> str:
    """The whitespace both sides of a replaced stretch end in (but not all of either)."""
    slot_a, slot_b = _SLOT_WIT.search(oud), _SLOT_WIT.search(nieuw)
    slot = slot_a.group() if slot_a else ""
    if slot and slot_b and slot_b.group() == slot and len(slot) < min(len(oud), len(nieuw)):
        return slot
    return ""


def _zonder_gedeeld_slot(oud: str, nieuw: str) -> Iterator[Opcode]:
    """A replaced stretch whose two sides end in the same whitespace: that whitespace is not
    part of the change (the fine tokens gave it to the equal stretch after it)."""
    if slot := _gedeeld_slot(oud, nieuw):
        yield "replace", oud[: -len(slot)], nieuw[: -len(slot)]
        yield "equal", slot, slot
    else:
        yield "replace", oud, nieuw


def _verfijn(oud: str, nieuw: str) -> Iterator[Opcode]:
    """A replaced stretch compared again in the fine tokens (when it is short)."""
    slot = _gedeeld_slot(oud, nieuw)
    kern_a, kern_b = (oud[: -len(slot)], nieuw[: -len(slot)]) if slot else (oud, nieuw)
    a, b = _woorden(kern_a), _woorden(kern_b)
    if len(a) * len(b) <= VERFIJN_LIMIET:
        yield from _stukken(a, b)
    else:
        yield "replace", kern_a, kern_b
    if slot:
        yield "equal", slot, slot


def _per_woord(a: list[str], b: list[str]) -> Iterator[Opcode]:
    stukken = list(_stukken(a, b))
    for k in range(1, len(stukken) - 1):
        if stukken[k][0] in ("insert", "delete"):
            _verschuif(stukken, k)
    for op, oud, nieuw in stukken:
        if op == "replace":
            yield from _verfijn(oud, nieuw)
        else:
            yield op, oud, nieuw


def _verschuif(stukken: list[Opcode], k: int) -> None:
    """An insertion or deletion between two equal stretches ends in the same whitespace as the
    stretch before it: either stretch could own that whitespace. The fine tokens gave it to
    the longer one (the first that the matcher found), and so does this."""
    op, oud, nieuw = stukken[k]
    stuk = oud or nieuw
    voor, na = stukken[k - 1][1], stukken[k + 1][1]
    slot = _SLOT_WIT.search(stuk)
    wit = slot.group() if slot else ""
    if (
        wit
        and wit != stuk
        and voor.endswith(wit)
        and len(voor) > len(wit)
        and 1 + len(_woorden(na)) > len(_woorden(voor))
    ):
        stuk = wit + stuk[: -len(wit)]
        stukken[k - 1] = ("equal", voor[: -len(wit)], voor[: -len(wit)])
        stukken[k] = (op, stuk if oud else "", stuk if nieuw else "")
        stukken[k + 1] = ("equal", wit + na, wit + na)


def _per_alinea(oud: str, nieuw: str) -> Iterator[Opcode]:
    a, b = _alineas(oud), _alineas(nieuw)
    if len(a) * len(b) > ALINEA_LIMIET:
        a, b = [oud], [nieuw]
    for op, stuk_a, stuk_b in _stukken(a, b):
        if op == "replace":
            yield from _zonder_gedeeld_slot(stuk_a, stuk_b)
        else:
            yield op, stuk_a, stuk_b


def _opmaak(stukken: Iterator[Opcode]) -> tuple[SafeString, SafeString, bool]:
    links: list[str] = []
    rechts: list[str] = []
    gewijzigd = False
    for op, oud, nieuw in stukken:
        stuk_a, stuk_b = escape(oud), escape(nieuw)
        if op == "equal":
            links.append(stuk_a)
            rechts.append(stuk_b)
            continue
        gewijzigd = True
        if stuk_a:
            links.append(_DEL.format(stuk_a))
        if stuk_b:
            rechts.append(_INS.format(stuk_b))
    return mark_safe("".join(links)), mark_safe("".join(rechts)), gewijzigd


def vergelijk(oud: str, nieuw: str, *, limiet: int = WOORD_LIMIET) -> TekstVergelijking:
    """The old text with its deletions marked and the new one with its insertions marked; per
    paragraph when the two texts together are too long for a comparison per word."""
    oud, nieuw = oud or "", nieuw or ""
    a, b = _tokens(oud), _tokens(nieuw)
    kosten = len(a) * len(b)
    if kosten <= limiet:
        links, rechts, gewijzigd = _opmaak(_per_woord(a, b))
        return TekstVergelijking(links, rechts, gewijzigd, per_alinea=False, kosten=kosten)
    links, rechts, gewijzigd = _opmaak(_per_alinea(oud, nieuw))
    kosten = len(_alineas(oud)) * len(_alineas(nieuw))
    return TekstVergelijking(links, rechts, gewijzigd, per_alinea=True, kosten=kosten)


def vergelijk_tekst(oud: str, nieuw: str) -> tuple[SafeString, SafeString, bool]:
    """The old text with its deletions marked and the new one with its insertions marked."""
    uitkomst = vergelijk(oud, nieuw)
    return uitkomst.oud, uitkomst.nieuw, uitkomst.gewijzigd


def vergelijk_secties(
    oud: list[dict], nieuw: list[dict], *, totaal: int = TOTAAL_LIMIET
) -> list[SectieVergelijking]:
    """Pair the sections by `sleutel`, in the new version's order, then the removed ones.
    `totaal` is the budget of the whole comparison: once the word comparisons have used it,
    the remaining sections are compared per paragraph."""
    oud_per_sleutel = {s["sleutel"]: s for s in oud}
    nieuw_sleutels = {s["sleutel"] for s in nieuw}
    leeg = {"titel": "", "tekst": ""}
    paren = [(oud_per_sleutel.get(s["sleutel"], leeg), s, False) for s in nieuw]
    paren += [(s, s | leeg, True) for s in oud if s["sleutel"] not in nieuw_sleutels]
    regels = []
    over = totaal
    for vorige, sectie, weg in paren:
        uitkomst = vergelijk(vorige["tekst"], sectie["tekst"], limiet=min(WOORD_LIMIET, over))
        if not uitkomst.per_alinea:
            over -= uitkomst.kosten
        regels.append(
            SectieVergelijking(
                sleutel=sectie["sleutel"],
                titel=vorige["titel"] if weg else sectie["titel"],
                oud=uitkomst.oud,
                nieuw=uitkomst.nieuw,
                gewijzigd=weg or uitkomst.gewijzigd or vorige["titel"] != sectie["titel"],
                per_alinea=uitkomst.per_alinea,
            )
        )
    return regels
