"""The coordinator's pages of a version's stuk: the voorstel form, the PDF renderings
(ask, watch, retry, release) and the download for everyone allowed (docs/pdf.md)."""

from __future__ import annotations

import hashlib
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ivp.selectors import regie_plan
from ivp.views import AuthenticatedHttpRequest, probeer
from stappen import selectors, services
from stappen.constants import GEHEIM_MARKERING, DocumentSoort, Orgaan, WeergaveSoort
from stappen.forms.stukken import VertrouwelijkForm, VoorstelForm
from stappen.models import Analyse, Document, Hoofdstuk, Weergave


def _stuk_url(weergave: Weergave) -> str:
    versie = weergave.versie
    return reverse("stappen:stuk", args=[versie.document_id, versie.nummer])


@login_required
def stuk(request: AuthenticatedHttpRequest, document_id: int, nummer: str) -> HttpResponse:
    versie = selectors.regie_versie(request.user, document_id, nummer)
    pagina = selectors.stuk_pagina(request.user, versie)
    return render(
        request,
        "stappen/stuk.html",
        {
            "pagina": pagina,
            "versie": versie,
            "document": versie.document,
            "plan": versie.document.plan,
            "orgaan": Orgaan(pagina.orgaan).label,
            "is_raad": pagina.orgaan == Orgaan.RAAD,
            "geheim": GEHEIM_MARKERING,
            "soorten": WeergaveSoort,
        },
    )


@login_required
def voorstel(request: AuthenticatedHttpRequest, document_id: int, nummer: str) -> HttpResponse:
    versie = selectors.regie_versie(request.user, document_id, nummer)
    pagina = selectors.stuk_pagina(request.user, versie)
    form = VoorstelForm(request.POST or None, instance=pagina.voorstel)
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request, services.voorstel_opslaan, form=form, versie=versie, door=request.user,
            **form.cleaned_data,
        )
    ):  # fmt: skip
        messages.success(request, "Het voorstel is opgeslagen.")
        return redirect("stappen:stuk", document_id, versie.nummer)
    soort = "Raadsvoorstel" if pagina.orgaan == Orgaan.RAAD else "Collegevoorstel"
    return render(
        request,
        "stappen/voorstel_form.html",
        {
            "form": form,
            "versie": versie,
            "document": versie.document,
            "plan": versie.document.plan,
            "soort": soort,
        },
    )


@login_required
@require_POST
def weergave_aanvragen(
    request: AuthenticatedHttpRequest, document_id: int, nummer: str
) -> HttpResponse:
    versie = selectors.regie_versie(request.user, document_id, nummer)
    soort = request.POST.get("soort", "")
    if probeer(request, services.weergave_aanvragen, versie=versie, door=request.user, soort=soort):
        messages.success(request, "De PDF is aangevraagd; hieronder ziet u hoe ver hij is.")
    return redirect("stappen:stuk", document_id, versie.nummer)


@login_required
@require_POST
def weergave_opnieuw(request: AuthenticatedHttpRequest, weergave_id: int) -> HttpResponse:
    weergave = selectors.regie_weergave(request.user, weergave_id)
    if probeer(request, services.weergave_opnieuw, weergave=weergave, door=request.user):
        messages.success(request, "De PDF wordt opnieuw gemaakt.")
    return redirect(_stuk_url(weergave))


@login_required
@require_POST
def weergave_vrijgeven(request: AuthenticatedHttpRequest, weergave_id: int) -> HttpResponse:
    weergave = selectors.regie_weergave(request.user, weergave_id)
    if probeer(request, services.weergave_vrijgeven, weergave=weergave, door=request.user):
        messages.success(request, "De besloten PDF is vrijgegeven aan de raad (de griffie).")
    return redirect(_stuk_url(weergave))


@login_required
def weergave_download(request: AuthenticatedHttpRequest, weergave_id: int) -> FileResponse:
    """The stored bytes, checked against the hash kept with them."""
    weergave = selectors.downloadbare_weergave(request.user, weergave_id)
    with weergave.bestand.open("rb") as bestand:
        inhoud = bestand.read()
    if hashlib.sha256(inhoud).hexdigest() != weergave.sha256:
        raise Http404("Het bestand is niet meer wat het was.")
    response = FileResponse(
        io.BytesIO(inhoud),
        as_attachment=True,
        filename=weergave.bestandsnaam,
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _vertrouwelijk_markeren(
    request: AuthenticatedHttpRequest,
    onderdeel: Hoofdstuk | Analyse,
    *,
    titel: str,
    soort: str,
    gemeld: str,
    terug: str,
    document: Document | None,
) -> HttpResponse:
    """The one form of both pages below: confidential (with the reason) or public again."""
    form = VertrouwelijkForm(
        request.POST or None,
        initial={"vertrouwelijk": onderdeel.vertrouwelijk, "reden": onderdeel.vertrouwelijk_reden},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.vertrouwelijk_markeren,
            form=form,
            onderdeel=onderdeel,
            door=request.user,
            **form.cleaned_data,
        )
    ):
        staat = "vertrouwelijk" if form.cleaned_data["vertrouwelijk"] else "openbaar"
        messages.success(request, f"{gemeld} is nu {staat}.")
        return redirect(terug)
    return render(
        request,
        "stappen/vertrouwelijk_form.html",
        {
            "form": form,
            "titel": titel,
            "soort": soort,
            "terug_url": terug,
            "document": document,
            "plan": onderdeel.document.plan if isinstance(onderdeel, Hoofdstuk) else onderdeel.plan,
        },
    )


@login_required
def hoofdstuk_vertrouwelijk(
    request: AuthenticatedHttpRequest, document_id: int, sleutel: str
) -> HttpResponse:
    """The coordinator marks a chapter confidential (with the reason) or public again."""
    hoofdstuk = selectors.regie_hoofdstuk(request.user, document_id, sleutel)
    return _vertrouwelijk_markeren(
        request,
        hoofdstuk,
        titel=hoofdstuk.titel,
        soort="hoofdstuk",
        gemeld=hoofdstuk.titel,
        terug=reverse("stappen:document", args=[document_id]) + f"#h-{sleutel}",
        document=hoofdstuk.document,
    )


@login_required
def analyse_vertrouwelijk(
    request: AuthenticatedHttpRequest, plan_id: int, veld_id: int, thema_id: int | None = None
) -> HttpResponse:
    """The coordinator marks the analysis of a veld or thema confidential, or public again."""
    plan = regie_plan(request.user, plan_id)
    veld, thema, analyse = selectors.analyse_voor_bewerking(plan, veld_id, thema_id)
    if analyse is None:
        raise Http404("Er is nog geen analyse.")
    return _vertrouwelijk_markeren(
        request,
        analyse,
        titel=f"Analyse {thema or veld}",
        soort="deel van de analyse",
        gemeld="De analyse",
        terug=(
            reverse("stappen:analyse_thema", args=[plan_id, veld_id, thema_id])
            if thema_id is not None
            else reverse("stappen:analyse_veld", args=[plan_id, veld_id])
        ),
        document=selectors.plan_document(plan, DocumentSoort.VEILIGHEIDSANALYSE),
    )
