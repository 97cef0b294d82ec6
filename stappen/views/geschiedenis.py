"""The record a user can read: the history of a document and of a chapter, and the plan's
log of transitions and decisions. Read-only pages for the readers of drafts."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from ivp.views import AuthenticatedHttpRequest
from stappen import selectors


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
