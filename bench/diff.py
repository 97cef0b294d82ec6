"""The version comparison on long chapters, old algorithm against new.

    .venv/bin/python bench/diff.py                    # 300, 1,500 and 10,000 words
    .venv/bin/python bench/diff.py --woorden 3000 --oud-tot 3000 --herhaal 3

A chapter is made of words drawn (seeded, so every run compares the same texts) from the
demo texts with their own frequencies, in paragraphs of 60–120 words; the new version
replaces one word in ten. Printed per size: the median seconds of the old diff (a frozen copy
in `tests/stappen/vergelijk_oud.py`) and of the new one, whether the new one fell back to
paragraphs, and whether the two gave the same HTML. The old diff takes minutes on 10,000
words, so it only runs up to `--oud-tot` words. `--document` also times a whole comparison
of seven such chapters through `vergelijk_secties`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable, Iterable
from functools import partial

import _django  # noqa: F401  (Django set up on the bench database)

from stappen import vergelijk
from stappen.demo import teksten
from tests.stappen import vergelijk_oud


def _strings(waarde: object) -> Iterable[str]:
    if isinstance(waarde, str):
        yield waarde
    elif isinstance(waarde, dict):
        for v in waarde.values():
            yield from _strings(v)
    elif isinstance(waarde, list | tuple):
        for v in waarde:
            yield from _strings(v)


def demo_woorden() -> list[str]:
    """Every word of the demo texts, as often as it occurs there."""
    return [
        woord
        for naam in dir(teksten)
        if naam.isupper()
        for tekst in _strings(getattr(teksten, naam))
        for woord in tekst.split()
    ]


def hoofdstuk(woorden: int, rng: random.Random, bron: list[str]) -> str:
    alineas, over = [], woorden
    while over > 0:
        lengte = min(over, rng.randint(60, 120))
        alineas.append(" ".join(rng.choice(bron) for _ in range(lengte)))
        over -= lengte
    return "\n\n".join(alineas)


def wijzig(tekst: str, rng: random.Random, bron: list[str], elke: int = 10) -> str:
    """One word in `elke` replaced by another demo word."""
    alineas = []
    for alinea in tekst.split("\n\n"):
        woorden = alinea.split(" ")
        for i in range(rng.randrange(elke), len(woorden), elke):
            woorden[i] = rng.choice(bron)
        alineas.append(" ".join(woorden))
    return "\n\n".join(alineas)


def mediaan(functie: Callable[[], object], herhaal: int) -> float:
    tijden = []
    for _ in range(herhaal):
        start = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - start)
    return statistics.median(tijden)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--woorden", type=int, nargs="+", default=[300, 1500, 10000])
    parser.add_argument("--herhaal", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--oud-tot", type=int, default=1500, help="old diff up to this size")
    parser.add_argument("--document", action="store_true", help="also 7 chapters at once")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    bron = demo_woorden()
    print(f"{'woorden':>8} {'oud s':>8} {'nieuw s':>8} {'per alinea':>10} {'gelijk':>7}")
    for n in args.woorden:
        a = hoofdstuk(n, rng, bron)
        b = wijzig(a, rng, bron)
        nieuw = vergelijk.vergelijk(a, b)
        t_nieuw = mediaan(partial(vergelijk.vergelijk, a, b), args.herhaal)
        if n <= args.oud_tot:
            oud = vergelijk_oud.vergelijk_tekst(a, b)
            t_oud = f"{mediaan(partial(vergelijk_oud.vergelijk_tekst, a, b), 1):8.3f}"
            gelijk = "ja" if (nieuw.oud, nieuw.nieuw) == oud[:2] else "nee"
        else:
            t_oud, gelijk = f"{'—':>8}", "—"
        print(
            f"{n:>8} {t_oud} {t_nieuw:8.3f} {'ja' if nieuw.per_alinea else 'nee':>10} {gelijk:>7}"
        )
    if args.document:
        for n in args.woorden:
            oud_doc = [
                {"sleutel": f"h{i}", "titel": f"H{i}", "tekst": hoofdstuk(n, rng, bron)}
                for i in range(7)
            ]
            nieuw_doc = [s | {"tekst": wijzig(s["tekst"], rng, bron)} for s in oud_doc]
            regels = vergelijk.vergelijk_secties(oud_doc, nieuw_doc)
            t = mediaan(partial(vergelijk.vergelijk_secties, oud_doc, nieuw_doc), 3)
            per_alinea = sum(r.per_alinea for r in regels)
            print(f"document 7 × {n} woorden: {t:.3f} s, {per_alinea} per alinea")


if __name__ == "__main__":
    main()
