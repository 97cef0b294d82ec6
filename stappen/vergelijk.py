"""Compare two versions section by section: a word diff rendered as safe HTML with `<del>`
and `<ins>` (each with a hidden "verwijderd:"/"toegevoegd:" for screen readers, so colour is
never the only cue). The texts are escaped word by word; nothing of them is trusted."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_WOORDEN = re.compile(r"\s+|[^\s]+")
_DEL = '<del><span class="ivp-visueel-verborgen">verwijderd: </span>{}</del>'
_INS = '<ins><span class="ivp-visueel-verborgen">toegevoegd: </span>{}</ins>'


@dataclass
class SectieVergelijking:
    sleutel: str
    titel: str
    oud: SafeString
    nieuw: SafeString
    gewijzigd: bool


def _woorden(tekst: str) -> list[str]:
    return _WOORDEN.findall(tekst or "")


def vergelijk_tekst(oud: str, nieuw: str) -> tuple[SafeString, SafeString, bool]:
    """The old text with its deletions marked and the new one with its insertions marked."""
    a, b = _woorden(oud), _woorden(nieuw)
    links: list[str] = []
    rechts: list[str] = []
    gewijzigd = False
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        stuk_a, stuk_b = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
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


def vergelijk_secties(oud: list[dict], nieuw: list[dict]) -> list[SectieVergelijking]:
    """Pair the sections by `sleutel`, in the new version's order, then the removed ones."""
    oud_per_sleutel = {s["sleutel"]: s for s in oud}
    nieuw_sleutels = {s["sleutel"] for s in nieuw}
    regels = []
    for sectie in nieuw:
        vorige = oud_per_sleutel.get(sectie["sleutel"], {"titel": "", "tekst": ""})
        links, rechts, gewijzigd = vergelijk_tekst(vorige["tekst"], sectie["tekst"])
        gewijzigd = gewijzigd or vorige["titel"] != sectie["titel"]
        regels.append(
            SectieVergelijking(sectie["sleutel"], sectie["titel"], links, rechts, gewijzigd)
        )
    for sectie in oud:
        if sectie["sleutel"] not in nieuw_sleutels:
            links, rechts, _ = vergelijk_tekst(sectie["tekst"], "")
            regels.append(
                SectieVergelijking(sectie["sleutel"], sectie["titel"], links, rechts, True)
            )
    return regels
