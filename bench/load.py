"""The app's pages under load against a bare Django page, and a 60 s mix, through gunicorn
(`gunicorn.conf.py`, 2 sync workers) on the bench database, driven by wrk (Debian's `wrk`
package).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ivp_bench .venv/bin/python bench/load.py
    … bench/load.py --duur 10 --mix-duur 60 --alleen bijeenkomst

1. Interleaved: for every page of `bench/pages.py` (except the CSV export) a run of the bare
   page (`bench/load_urls.py`: one view, a 50-row table, the same middleware and session),
   then a run of the page, each `--duur` seconds at `--verbindingen` connections; printed:
   req/s, p50, p95, p99 and req/s ÷ the bare run just before it.
2. The mix for `--mix-duur` seconds at `--mix-verbindingen` connections, every connection
   the logged-in coordinator: 70 % reads (the pages in turn), 20 % writes (an hour entry for
   an external member through the hours form, with the CSRF token), 10 % exports (half the
   streamed CSV, half asking for the Excel file, which the embedded default makes in the
   request). Printed: req/s, p50, p95, p99, wrk's errors (connect, read, write, timeout, and
   answers that are not 2xx/3xx) and how many of the writes were stored.

The sessions are made in the database beforehand (as `Client.force_login` does); the
server runs `bench/load_settings.py` (the test settings: plain HTTP, DEBUG off, tasks
in-process) with the same DATABASE_URL. Run `bench/scale.py` on that database first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import _django  # noqa: F401  (Django set up on the bench database)
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from pages import _paginas
from scale import demo_plan

from ivp.models import Gebruiker
from werkgroep.models import Lid, Urenregistratie

ROOT = Path(__file__).resolve().parent.parent
KAAL = "/bench/kaal/"

DONE_LUA = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  local schrijf = 0
  for _, t in ipairs(draden or {}) do schrijf = schrijf + (t:get("schrijf") or 0) end
  io.write(string.format(
    '\nRESULTAAT {"n": %d, "duur_us": %d, "connect": %d, "read": %d, "write": %d, ' ..
    '"status": %d, "timeout": %d, "p50": %d, "p95": %d, "p99": %d, "schrijf": %d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), schrijf))
end
"""


def _lua_tekst(waarde: str) -> str:
    return json.dumps(waarde)  # a JSON string is a valid Lua string for these characters


def _sessie() -> tuple[str, str]:
    """A logged-in session of the demo coordinator and its CSRF token."""
    client = Client()
    client.force_login(Gebruiker.objects.get(username="coordinator"))
    client.get(reverse("werkgroep:uren", args=[demo_plan().pk]))
    return client.cookies[settings.SESSION_COOKIE_NAME].value, client.cookies["csrftoken"].value


def _pagina_script(cookie: str) -> str:
    return f'wrk.headers["Cookie"] = {_lua_tekst(cookie)}\n' + DONE_LUA


def _mix_script(cookie: str, token: str, lezen: list[str], plan_id: int) -> str:
    plan = demo_plan()
    leden = list(
        Lid.objects.filter(werkgroep__plan=plan, gebruiker__isnull=True).values_list(
            "pk", flat=True
        )
    )
    assert leden, "Geen externe leden: draai eerst bench/scale.py (--leden)."
    dagen = max((min(dt.date.today(), plan.einde) - plan.traject_start).days, 1)
    datums = [(plan.traject_start + dt.timedelta(days=d)).isoformat() for d in range(dagen)]
    lijst = lambda xs: "{" + ", ".join(_lua_tekst(str(x)) for x in xs) + "}"  # noqa: E731
    return (
        f"""
local cookie = {_lua_tekst(cookie)}
local token = {_lua_tekst(token)}
local lezen = {lijst(lezen)}
local leden = {lijst(leden)}
local datums = {lijst(datums)}
local uren = "/plannen/{plan_id}/uren/"
local csv = "/plannen/{plan_id}/uren/uren.csv"
local xlsx = "/plannen/{plan_id}/uren/uren.xlsx"
draden = {{}}
local nummer = 0
setup = function(thread)
  nummer = nummer + 1
  thread:set("id", nummer)
  table.insert(draden, thread)
end
local i = 0
local schrijf = 0
init = function(args) math.randomseed(id or 1) end
request = function()
  i = i + 1
  local k = i % 20
  local kop = {{["Cookie"] = cookie}}
  if k < 14 then
    return wrk.format("GET", lezen[(i % #lezen) + 1], kop)
  elseif k < 18 then
    schrijf = schrijf + 1
    wrk.thread:set("schrijf", schrijf)
    kop["Content-Type"] = "application/x-www-form-urlencoded"
    local n = schrijf * 7 + (id or 1) * 1000003
    local body = "csrfmiddlewaretoken=" .. token ..
      "&lid=" .. leden[(n % #leden) + 1] ..
      "&datum=" .. datums[(math.floor(n / #leden) % #datums) + 1] ..
      "&uren=0%2C25&stap=&omschrijving=Bench-mix+" .. schrijf
    return wrk.format("POST", uren, kop, body)
  elseif k == 18 then
    return wrk.format("GET", csv, kop)
  else
    kop["Content-Type"] = "application/x-www-form-urlencoded"
    return wrk.format("POST", xlsx, kop, "csrfmiddlewaretoken=" .. token)
  end
end
"""
        + DONE_LUA
    )


def _wrk(script: Path, url: str, duur: int, verbindingen: int) -> dict[str, float]:
    uit = subprocess.run(
        [
            "wrk",
            f"-t{min(2, verbindingen)}",
            f"-c{verbindingen}",
            f"-d{duur}s",
            "--timeout",
            "30s",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    regel = next(r for r in uit.splitlines() if r.startswith("RESULTAAT "))
    r = json.loads(regel.removeprefix("RESULTAAT "))
    r["rps"] = r["n"] / (r["duur_us"] / 1e6)
    r["fouten"] = r["connect"] + r["read"] + r["write"] + r["status"] + r["timeout"]
    return r


def _gunicorn(poort: int, workers: int) -> subprocess.Popen[bytes]:
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "bench.load_settings",
        "GUNICORN_WORKERS": str(workers),
        "DATABASE_URL": os.environ["DATABASE_URL"],
    }
    proces = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "-c",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{poort}",
            "--access-logfile",
            "/dev/null",
            "--timeout",
            "120",
            "ivp.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{poort}{KAAL}", timeout=5) as r:
                if r.status == 200:
                    return proces
        except OSError:
            time.sleep(0.5)
    proces.terminate()
    raise RuntimeError("gunicorn antwoordt niet")


def _celery() -> subprocess.Popen[bytes] | None:
    """With a broker (CELERY_BROKER_URL), as in production: one Celery worker beside gunicorn
    makes the Excel files and sends the mail. Without one the tasks run in the request (the
    embedded default)."""
    if not os.environ.get("CELERY_BROKER_URL"):
        return None
    return subprocess.Popen(
        [
            str(ROOT / ".venv/bin/celery"),
            "-A",
            "ivp",
            "worker",
            "--concurrency",
            "1",
            "--loglevel",
            "warning",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=os.environ | {"DJANGO_SETTINGS_MODULE": "bench.load_settings"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _deel(a: float, b: float) -> float:
    return a / b if b else float("nan")


def _ms(us: float) -> str:
    return f"{us / 1000:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duur", type=int, default=8, help="seconds a run (bare and page)")
    parser.add_argument("--verbindingen", type=int, default=4)
    parser.add_argument("--mix-duur", type=int, default=60)
    parser.add_argument("--mix-verbindingen", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--poort", type=int, default=8765)
    parser.add_argument("--alleen", default="", help="only the pages whose name contains this")
    parser.add_argument("--geen-mix", action="store_true")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk ontbreekt: apt-get install -y wrk")
    if "DATABASE_URL" not in os.environ:
        sys.exit("Noem de database: DATABASE_URL=postgres://…/ivp_bench")
    sessie, token = _sessie()
    cookie = f"{settings.SESSION_COOKIE_NAME}={sessie}; csrftoken={token}"
    paginas = [(n, u) for n, u in _paginas() if ".csv" not in u and args.alleen in n]
    plan_id = demo_plan().pk
    map_ = Path(tempfile.mkdtemp(prefix="ivp-load-"))
    pagina_lua = map_ / "pagina.lua"
    pagina_lua.write_text(_pagina_script(cookie))
    mix_lua = map_ / "mix.lua"
    mix_lua.write_text(_mix_script(cookie, token, [u for _, u in paginas], plan_id))
    connection.close()  # the server has the database to itself while it runs
    basis = f"http://127.0.0.1:{args.poort}"
    server = _gunicorn(args.poort, args.workers)
    werker = _celery()
    try:
        # Warm both workers (each loads the app lazily), one request at a time: a wrk run
        # would leave slow requests queued behind it that the next run then waits for.
        for _, url in [("kaal", KAAL), *paginas]:
            for _ in range(args.workers):
                verzoek = urllib.request.Request(basis + url, headers={"Cookie": cookie})
                with urllib.request.urlopen(verzoek, timeout=120) as antwoord:
                    antwoord.read()
        print(
            f"{args.workers} gunicorn workers, {connection.vendor}, {args.verbindingen} "
            f"verbindingen, {args.duur} s per run, bare and page interleaved; tasks "
            + ("in a Celery worker" if werker else "in the request (no broker)")
        )
        print(f"{'pagina':<28} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6} {'÷ kaal':>7}")
        for naam, url in paginas:
            kaal = _wrk(pagina_lua, basis + KAAL, args.duur, args.verbindingen)
            r = _wrk(pagina_lua, basis + url, args.duur, args.verbindingen)
            for label, m in (("  kaal", kaal), (naam, r)):
                print(
                    f"{label:<28} {m['rps']:>7.1f} {_ms(m['p50']):>6} {_ms(m['p95']):>6} "
                    f"{_ms(m['p99']):>6} "
                    + (f"{_deel(r['rps'], kaal['rps']):>7.3f}" if label == naam else f"{'':>7}")
                    + (f"  fouten {m['fouten']}" if m["fouten"] else "")
                )
        if args.geen_mix:
            return
        voor = Urenregistratie.objects.count()
        connection.close()
        kaal = _wrk(pagina_lua, basis + KAAL, args.duur, args.mix_verbindingen)
        mix = _wrk(mix_lua, basis + "/", args.mix_duur, args.mix_verbindingen)
        # Requests wrk sent in its last moment are still being answered: let gunicorn finish
        # them (it is stopped only after the count) before counting what was stored.
        time.sleep(3)
        opgeslagen = Urenregistratie.objects.count() - voor
        print(
            f"\nmix {args.mix_duur} s, {args.mix_verbindingen} verbindingen "
            "(70 % lezen, 20 % schrijven, 10 % export):"
        )
        print(
            f"  {mix['rps']:.1f} req/s (kaal {kaal['rps']:.1f}: "
            f"÷ {_deel(mix['rps'], kaal['rps']):.3f}),"
            f" p50 {_ms(mix['p50'])} ms, p95 {_ms(mix['p95'])} ms, p99 {_ms(mix['p99'])} ms"
        )
        print(
            f"  {mix['n']} verzoeken, fouten {mix['fouten']} (connect {mix['connect']}, read "
            f"{mix['read']}, write {mix['write']}, timeout {mix['timeout']}, status "
            f"{mix['status']}); {mix['schrijf']} uren verstuurd, {opgeslagen} opgeslagen"
        )
    finally:
        for proces in (server, werker):
            if proces is not None:
                proces.terminate()
                proces.wait(timeout=30)


if __name__ == "__main__":
    main()
