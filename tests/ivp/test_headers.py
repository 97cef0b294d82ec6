"""Security headers (issue 15, finding 10): CSP without 'unsafe-inline', Permissions-Policy,
and no server software in the `Server` header of the container's gunicorn.

Every URL of the resolver is checked for the CSP header in tests/test_url_matrix.py; here the
policy itself and the templates."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]


def _policy(response) -> dict[str, list[str]]:
    beleid = response["Content-Security-Policy"]
    return {deel.split()[0]: deel.split()[1:] for deel in beleid.split(";") if deel.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("pad", ["/inloggen/", "/", "/bestaat-niet/", "/beheer/login/"])
def test_every_page_has_a_strict_csp_and_a_permissions_policy(client: Client, pad: str) -> None:
    response = client.get(pad)
    beleid = _policy(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert beleid["script-src"] == ["'self'"]
    assert beleid["style-src"] == ["'self'"]
    assert beleid["object-src"] == ["'none'"]
    assert beleid["frame-ancestors"] == ["'none'"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_base_template_switches_off_htmx_indicator_styles(client: Client) -> None:
    html = client.get("/inloggen/").content.decode()
    assert '"includeIndicatorStyles": false' in html


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style\b", re.I), "<style>"),
    (re.compile(r"\sstyle=", re.I), "style-attribuut"),
    (re.compile(r"\son[a-z]+=", re.I), "on…-attribuut"),
    (re.compile(r"\shx-on|\sdata-hx-on", re.I), "hx-on (eval)"),
    (re.compile(r"javascript:", re.I), "javascript:-URL"),
]


def test_no_template_has_inline_script_or_style() -> None:
    """What the CSP would block in a browser, caught in the source of every template."""
    gevonden = []
    mappen = [ROOT / "templates", *ROOT.glob("*/templates")]
    for map_ in mappen:
        for pad in map_.rglob("*.html"):
            if "pdf" in pad.parts:
                # Rendered by WeasyPrint into a PDF, never sent to a browser: its running
                # header is CSS written per document (stappen/pdf).
                continue
            tekst = pad.read_text()
            for patroon, wat in INLINE:
                if patroon.search(tekst):
                    gevonden.append(f"{pad.relative_to(ROOT)}: {wat}")
    assert gevonden == []


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_gunicorn_of_the_container_names_no_server_software(tmp_path: Path) -> None:
    """The Dockerfile and compose file start gunicorn with gunicorn.conf.py; its `Server`
    header names neither gunicorn nor a version."""
    assert '"-c", "gunicorn.conf.py"' in (ROOT / "Dockerfile").read_text()
    assert "-c gunicorn.conf.py" in (ROOT / "docker-compose.yml").read_text()
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    assert gunicorn is not None
    poort = _vrije_poort()
    omgeving = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ivp.settings_test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'leeg.sqlite3'}",
        "GUNICORN_WORKERS": "1",
    }
    proces = subprocess.Popen(
        [gunicorn, "ivp.wsgi", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{poort}"],
        cwd=ROOT,
        env=omgeving,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        antwoord = None
        for _ in range(100):  # at most ~20 s for the worker to boot
            try:
                antwoord = urllib.request.urlopen(f"http://127.0.0.1:{poort}/inloggen/", timeout=5)
                break
            except OSError:
                time.sleep(0.2)
        assert antwoord is not None, "gunicorn startte niet"
        server = antwoord.headers.get("Server", "")
        assert "gunicorn" not in server.lower()
        assert not re.search(r"\d", server)
        assert "Content-Security-Policy" in antwoord.headers
    finally:
        # Quick shutdown (SIGINT): a graceful one (SIGTERM) waits seconds for the idle worker.
        proces.send_signal(signal.SIGINT)
        proces.wait(timeout=10)
