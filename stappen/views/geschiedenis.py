"""The record: the history of a document and of a chapter and the plan's log of transitions
and decisions (read-only pages for the readers of drafts), and the plan's decision record
for a Woo request (for the coordinator)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from ivp.views import AuthenticatedHttpRequest
from stappen import archief, selectors


@login_required
def document_geschiedenis(request: AuthenticatedHttpRequest, document_id: int) -> HttpResponse:
    geschiedenis = selectors.document_geschiedenis(
        request.user, document_id, pagina=request.GET.get("pagina", "1")
    )
    return _geschiedenis(request, geschiedenis)


@login_required
def hoofdstuk_geschiedenis(
    request: AuthenticatedHttpRequest, document_id: int, sleutel: str
) -> HttpResponse:
    geschiedenis = selectors.hoofdstuk_geschiedenis(
        request.user, document_id, sleutel, pagina=request.GET.get("pagina", "1")
    )
    return _geschiedenis(request, geschiedenis)


def _geschiedenis(
    request: AuthenticatedHttpRequest, geschiedenis: selectors.Geschiedenis
) -> HttpResponse:
    document = geschiedenis.document
    return render(
        request,
        "stappen/geschiedenis.html",
        {"geschiedenis": geschiedenis, "document": document, "plan": document.plan},
    )


@login_required
def plan_logboek(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    logboek = selectors.plan_logboek(request.user, plan_id, pagina=request.GET.get("pagina", "1"))
    return render(request, "stappen/logboek.html", {"logboek": logboek, "plan": logboek.plan})


@login_required
def woo_export(request: AuthenticatedHttpRequest, plan_id: int) -> StreamingHttpResponse:
    """The plan's decision record for a Woo request, as a ZIP streamed as it is written: per
    step the offers, the decisions and the public PDFs, with an index (CSV, JSON). For the
    coordinator; never a closed rendering."""
    dossier = selectors.besluitvormingsdossier(request.user, plan_id)
    antwoord = StreamingHttpResponse(
        archief.zip_stroom(selectors.dossier_bestanden(dossier)), content_type=archief.ZIP_TYPE
    )
    antwoord["Content-Disposition"] = f'attachment; filename="{dossier.bestandsnaam}"'
    return antwoord
