"""The coordinator's taxonomy pages: the gemeente's own themes and its flankerend beleid,
without the admin. Thin: the selector checks the permission (404), the form validates, one
service writes through `probeer`, which keeps the input and shows refusals in Dutch."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ivp.views import AuthenticatedHttpRequest, probeer
from veiligheidsvelden import selectors, services
from veiligheidsvelden.cijfers import selectors as cijfer_selectors
from veiligheidsvelden.cijfers.importeren import cijfers_importeer
from veiligheidsvelden.constants import ImportStatus
from veiligheidsvelden.forms import (
    BeleidsdocumentForm,
    CijferbestandForm,
    ThemaForm,
    ThemaWijzigForm,
)
from veiligheidsvelden.models import Beleidsdocument


@login_required
def themas(request: AuthenticatedHttpRequest, gemeente_id: int) -> HttpResponse:
    pagina = selectors.thema_pagina(request.user, gemeente_id)
    form = ThemaForm(request.POST or None, hoofdthemas=pagina.hoofdthemas)
    if request.method == "POST" and form.is_valid():
        thema = probeer(
            request,
            services.thema_create,
            form=form,
            gemeente=pagina.gemeente,
            door=request.user,
            **form.cleaned_data,
        )
        if thema:
            messages.success(request, f"Het thema ‘{thema.naam}’ is toegevoegd.")
            return redirect("veiligheidsvelden:themas", gemeente_id=gemeente_id)
    return render(
        request,
        "veiligheidsvelden/themas.html",
        {"pagina": pagina, "gemeente": pagina.gemeente, "form": form},
    )


@login_required
def thema(request: AuthenticatedHttpRequest, gemeente_id: int, thema_id: int) -> HttpResponse:
    eigen = selectors.regie_thema(request.user, gemeente_id, thema_id)
    form = ThemaWijzigForm(
        request.POST or None, initial={"naam": eigen.naam, "omschrijving": eigen.omschrijving}
    )
    if request.method == "POST" and form.is_valid():
        gewijzigd = probeer(
            request,
            services.thema_update,
            form=form,
            thema=eigen,
            door=request.user,
            **form.cleaned_data,
        )
        if gewijzigd:
            messages.success(request, f"Het thema ‘{gewijzigd.naam}’ is gewijzigd.")
            return redirect("veiligheidsvelden:themas", gemeente_id=gemeente_id)
    return render(
        request,
        "veiligheidsvelden/thema_form.html",
        {"gemeente": eigen.gemeente, "thema": eigen, "form": form},
    )


@login_required
@require_POST
def thema_verwijderen(
    request: AuthenticatedHttpRequest, gemeente_id: int, thema_id: int
) -> HttpResponse:
    eigen = selectors.regie_thema(request.user, gemeente_id, thema_id)
    naam = eigen.naam
    if probeer(request, services.thema_verwijder, thema=eigen, door=request.user):
        messages.success(request, f"Het thema ‘{naam}’ is verwijderd.")
        return redirect("veiligheidsvelden:themas", gemeente_id=gemeente_id)
    return redirect("veiligheidsvelden:thema", gemeente_id=gemeente_id, thema_id=thema_id)


@login_required
def beleid(request: AuthenticatedHttpRequest, gemeente_id: int) -> HttpResponse:
    gemeente, documenten = selectors.beleid_van(request.user, gemeente_id)
    return render(
        request,
        "veiligheidsvelden/beleid.html",
        {"gemeente": gemeente, "documenten": documenten},
    )


@login_required
def beleidsdocument(
    request: AuthenticatedHttpRequest, gemeente_id: int, document_id: int | None = None
) -> HttpResponse:
    gemeente = selectors.regie_gemeente(request.user, gemeente_id)
    document: Beleidsdocument | None = (
        selectors.regie_beleidsdocument(request.user, gemeente_id, document_id)
        if document_id
        else None
    )
    initial = (
        {
            "soort": document.soort,
            "titel": document.titel,
            "vastgesteld_op": document.vastgesteld_op,
            "vindplaats": document.vindplaats,
            "themas": list(document.themas.all()),
        }
        if document
        else None
    )
    form = BeleidsdocumentForm(
        request.POST or None, initial=initial, themas=selectors.themas_voor(gemeente)
    )
    if request.method == "POST" and form.is_valid():
        opgeslagen = probeer(
            request,
            services.beleidsdocument_save,
            form=form,
            gemeente=gemeente,
            door=request.user,
            document=document,
            **form.cleaned_data,
        )
        if opgeslagen:
            messages.success(request, f"‘{opgeslagen.titel}’ is opgeslagen.")
            return redirect("veiligheidsvelden:beleid", gemeente_id=gemeente_id)
    return render(
        request,
        "veiligheidsvelden/beleidsdocument_form.html",
        {"gemeente": gemeente, "document": document, "form": form},
    )


# --- Veiligheidsbeeld: the open figures of the gemeente, its neighbours and Nederland ------


@login_required
def veiligheidsbeeld(request: AuthenticatedHttpRequest, gemeente_id: int) -> HttpResponse:
    overzicht = cijfer_selectors.overzicht(request.user, gemeente_id)
    return render(
        request,
        "veiligheidsvelden/veiligheidsbeeld.html",
        {"overzicht": overzicht, "gemeente": overzicht.gemeente},
    )


@login_required
def veiligheidsbeeld_veld(
    request: AuthenticatedHttpRequest, gemeente_id: int, veld_id: int
) -> HttpResponse:
    beeld = cijfer_selectors.veiligheidsbeeld_pagina(request.user, gemeente_id, veld_id)
    return render(
        request,
        "veiligheidsvelden/veiligheidsbeeld_veld.html",
        {"beeld": beeld, "gemeente": beeld.gemeente},
    )


@login_required
def cijfers(request: AuthenticatedHttpRequest, gemeente_id: int) -> HttpResponse:
    """The coordinator's import page: upload a CSV download, or fetch from CBS (queued)."""
    gemeente, runs = cijfer_selectors.regie_cijfers(request.user, gemeente_id)
    form = CijferbestandForm(
        request.POST if request.POST.get("actie") == "upload" else None, request.FILES or None
    )
    if request.method == "POST" and request.POST.get("actie") == "ophalen":
        if probeer(request, services.cijfers_ophalen_start, gemeente=gemeente, door=request.user):
            messages.success(
                request,
                "Het ophalen bij CBS is gestart. Ververs deze pagina om de uitkomst te zien.",
            )
        return redirect("veiligheidsvelden:cijfers", gemeente_id=gemeente_id)
    if form.is_bound and form.is_valid():
        run = probeer(
            request,
            cijfers_importeer,
            form=form,
            gemeente=gemeente,
            door=request.user,
            bestand=form.cleaned_data["bestand"],
        )
        if run and run.status == ImportStatus.GELUKT:
            messages.success(request, f"De cijfers zijn ingelezen: {run.melding}")
            return redirect("veiligheidsvelden:cijfers", gemeente_id=gemeente_id)
        if run:
            form.add_error("bestand", run.melding)
            runs = [run, *runs]
    return render(
        request,
        "veiligheidsvelden/cijfers.html",
        {"gemeente": gemeente, "runs": runs, "form": form},
    )
