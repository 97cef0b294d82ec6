"""The griffie's pages: the stukken per raad meeting, the metadata for the
raadsinformatiesysteem (JSON, CSV) and one ZIP per meeting, streamed (`stappen.archief`).
A PDF itself downloads through `stappen:weergave_download` (docs/pdf.md), which checks who
may have it and that its bytes still match their SHA-256."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from ivp.views import AuthenticatedHttpRequest
from stappen import archief, selectors
from stappen.selectors.griffie import Vergadering, metadata


@login_required
def griffie(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Per raad meeting what the raad decides, decided or receives ter informatie."""
    return render(
        request,
        "stappen/griffie.html",
        {"vergaderingen": selectors.griffie_vergaderingen(request.user)},
    )


def _metadata(vergaderingen: list[Vergadering]) -> list[dict[str, str]]:
    return [metadata(stuk, v) for v in vergaderingen for stuk in v.stukken]


@login_required
def griffie_metadata(request: AuthenticatedHttpRequest, formaat: str) -> HttpResponse:
    """The metadata of every stuk on the page, as JSON or CSV."""
    rijen = _metadata(selectors.griffie_vergaderingen(request.user))
    if formaat == "json":
        inhoud, soort = archief.als_json({"stukken": rijen}), archief.JSON_TYPE
    elif formaat == "csv":
        inhoud, soort = archief.als_csv(rijen, selectors.METADATA_VELDEN), archief.CSV_TYPE
    else:
        raise Http404("Onbekend formaat.")
    antwoord = HttpResponse(inhoud, content_type=soort)
    antwoord["Content-Disposition"] = f'attachment; filename="raadsstukken.{formaat}"'
    return antwoord


@login_required
def griffie_zip(request: AuthenticatedHttpRequest, sleutel: str) -> StreamingHttpResponse:
    """One ZIP per meeting: the public PDFs and the metadata (CSV and JSON), streamed."""
    vergadering = selectors.griffie_vergadering(request.user, sleutel)
    rijen = _metadata([vergadering])
    antwoord = StreamingHttpResponse(
        archief.zip_stroom(selectors.vergadering_bestanden(vergadering, rijen)),
        content_type=archief.ZIP_TYPE,
    )
    antwoord["Content-Disposition"] = f'attachment; filename="raad-{vergadering.sleutel}.zip"'
    return antwoord
