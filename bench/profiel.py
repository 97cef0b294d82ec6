"""cProfile of one page of `pages.py` (by name, as `--alleen`): the top functions by
cumulative and by own time, after one warm-up request.

    .venv/bin/python bench/profiel.py agenda --n 5 --top 30
"""

from __future__ import annotations

import argparse
import cProfile
import pstats

import _django  # noqa: F401  (Django set up on the bench database)
from django.test import Client
from pages import _paginas

from ivp.models import Gebruiker


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pagina")
    parser.add_argument("--n", type=int, default=5)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sorteer", default="cumulative")
    parser.add_argument("--uit", default="")
    args = parser.parse_args()
    client = Client()
    client.force_login(Gebruiker.objects.get(username="coordinator"))
    url = next(url for naam, url in _paginas() if args.pagina in naam)
    client.get(url)
    profiel = cProfile.Profile()
    profiel.enable()
    for _ in range(args.n):
        client.get(url)
    profiel.disable()
    if args.uit:
        profiel.dump_stats(args.uit)
    stats = pstats.Stats(profiel).strip_dirs()
    stats.sort_stats(args.sorteer).print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
