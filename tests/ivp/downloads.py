"""Reading what a user downloads: a streamed response, and a file made in the background
(ask on the page, follow to the download's page, fetch it when ready)."""

from __future__ import annotations

from django.test import TestCase
from django.urls import resolve


def gestreamd(response) -> bytes:
    assert response.streaming, "verwacht een gestreamd antwoord"
    return b"".join(response.streaming_content)


def via_downloadpagina(client, url: str, data: dict | None = None) -> bytes:
    """POST the request for a file, then fetch it from the page the user is sent to (tasks
    run eagerly in the tests, so the file is ready at once)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        gevraagd = client.post(url, data or {})
    assert gevraagd.status_code == 302, gevraagd.status_code
    pagina = resolve(gevraagd["Location"])
    assert pagina.url_name == "download", gevraagd["Location"]
    html = client.get(gevraagd["Location"]).content.decode()
    assert "Klaar" in html, html
    bestand = client.get(f"{gevraagd['Location']}bestand/")
    assert bestand.status_code == 200
    return gestreamd(bestand)
