"""A frozen copy of the word diff as it was before issue 8 (main 7e2db8a,
`stappen/vergelijk.py`): every whitespace run a token, `autojunk=False`. The regression test
and `bench/diff.py` compare the new diff against it. Never change this file."""

from __future__ import annotations

import difflib
import re

from django.utils.html import escape

_WOORDEN = re.compile(r"\s+|[^\s]+")
_DEL = '<del><span class="ivp-visueel-verborgen">verwijderd: </span>{}</del>'
_INS = '<ins><span class="ivp-visueel-verborgen">toegevoegd: </span>{}</ins>'


def _woorden(tekst: str) -> list[str]:
    return _WOORDEN.findall(tekst or "")


def vergelijk_tekst(oud: str, nieuw: str) -> tuple[str, str, bool]:
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
    return "".join(links), "".join(rechts), gewijzigd
