"""The regional coordinator's pages: the region, its members and its shared parts
(docs/regio.md). Anyone else gets a 404 from the selectors; the one exception is leaving the
region, which the member's own coordinator OOV may do too."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ivp.permissions import mag_regio_regisseren
from ivp.views import AuthenticatedHttpRequest, probeer
from regio import selectors as sel
from regio import services
from regio.constants import DeelSoort
from regio.forms import DeelForm, LidToevoegenForm, PubliceerForm, RegiodoelstellingForm
from regio.models import Regiodoelstelling


@login_required
def regio_detail(request: AuthenticatedHttpRequest, regio_id: int) -> HttpResponse:
    pagina = sel.regio_pagina(request.user, regio_id)
    return render(request, "regio/delen/regio.html", {"pagina": pagina, "regio": pagina.regio})


@login_required
def leden(request: AuthenticatedHttpRequest, regio_id: int) -> HttpResponse:
    pagina = sel.ledenpagina(request.user, regio_id)
    form = LidToevoegenForm(
        request.POST if request.method == "POST" else None, kandidaten=pagina.kandidaten
    )
    if request.method == "POST" and form.is_valid():
        gemeente = form.cleaned_data["gemeente"]
        if probeer(
            request,
            services.regio_lid_toevoegen,
            form=form,
            regio=pagina.regio,
            gemeente=gemeente,
            door=request.user,
        ):
            messages.success(
                request,
                f"{gemeente} is lid van {pagina.regio}. Wat de regio publiceerde, ligt nu als "
                "voorstel in haar nieuwste plan.",
            )
            return redirect("regio:leden", regio_id=regio_id)
    return render(
        request,
        "regio/delen/leden.html",
        {"pagina": pagina, "regio": pagina.regio, "form": form},
    )


@login_required
@require_POST
def lid_verlaten(
    request: AuthenticatedHttpRequest, regio_id: int, gemeente_id: int
) -> HttpResponse:
    regio, gemeente = sel.lid_van_regio(request.user, regio_id, gemeente_id)
    if probeer(request, services.regio_verlaat, regio=regio, gemeente=gemeente, door=request.user):
        messages.success(
            request,
            f"{gemeente} is geen lid meer van {regio}. Haar besluiten, haar overgenomen teksten "
            "en haar documenten blijven zoals ze zijn.",
        )
    if mag_regio_regisseren(request.user, regio.pk):
        return redirect("regio:leden", regio_id=regio.pk)
    return redirect("start")


# --- Parts ------------------------------------------------------------------------------------


@login_required
def deel_nieuw(request: AuthenticatedHttpRequest, regio_id: int, soort: str) -> HttpResponse:
    regio = sel.regie_regio(request.user, regio_id)
    if soort not in DeelSoort.values:
        raise Http404("Onbekende soort.")
    form = DeelForm(request.POST if request.method == "POST" else None, soort=soort)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        deel = probeer(
            request,
            services.deel_create,
            form=form,
            regio=regio,
            door=request.user,
            soort=soort,
            titel=data["titel"],
            tekst=data["tekst"],
            thema=data.get("thema"),
            veld=data.get("veld"),
            volgorde=data.get("volgorde") or 0,
        )
        if deel:
            messages.success(
                request, "Het deel is opgeslagen. De gemeenten zien het als u het publiceert."
            )
            return redirect("regio:deel", deel_id=deel.pk)
    return render(
        request,
        "regio/delen/deel_form.html",
        {"regio": regio, "form": form, "soort_label": DeelSoort(soort).label},
    )


@login_required
def deel_detail(request: AuthenticatedHttpRequest, deel_id: int) -> HttpResponse:
    pagina = sel.deel_pagina(request.user, deel_id)
    deel = pagina.deel
    form = DeelForm(
        request.POST if request.method == "POST" else None,
        initial={"titel": deel.titel, "tekst": deel.tekst, "volgorde": deel.volgorde}
        | ({"thema": deel.thema_id} if deel.thema_id else {})
        | ({"veld": deel.veld_id} if deel.veld_id else {}),
        soort=deel.soort,
        gepubliceerd=bool(deel.revisie),
        versie_van=deel,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if probeer(
            request,
            services.deel_update,
            form=form,
            deel=deel,
            door=request.user,
            titel=data["titel"],
            tekst=data["tekst"],
            thema=data.get("thema"),
            veld=data.get("veld"),
            volgorde=data.get("volgorde"),
            versie=data.get("versie"),
        ):
            messages.success(
                request,
                "Het deel is opgeslagen. De gemeenten zien de wijziging pas als u het publiceert.",
            )
            return redirect("regio:deel", deel_id=deel.pk)
    return render(
        request,
        "regio/delen/deel.html",
        {"pagina": pagina, "deel": deel, "regio": deel.regio, "form": form},
    )


@login_required
@require_POST
def deel_verwijderen(request: AuthenticatedHttpRequest, deel_id: int) -> HttpResponse:
    deel = sel.regie_deel(request.user, deel_id)
    if probeer(request, services.deel_delete, deel=deel, door=request.user):
        messages.success(request, f"‘{deel.titel}’ is verwijderd.")
        return redirect("regio:regio", regio_id=deel.regio_id)
    return redirect("regio:deel", deel_id=deel.pk)


@login_required
def deel_publiceren(request: AuthenticatedHttpRequest, deel_id: int) -> HttpResponse:
    voorbereiding = sel.publicatie_voorbereiding(request.user, deel_id)
    deel = voorbereiding.pagina.deel
    form = PubliceerForm(request.POST if request.method == "POST" else None, versie_van=deel)
    if request.method == "POST" and form.is_valid():
        versie = probeer(
            request,
            services.deel_publiceer,
            form=form,
            deel=deel,
            door=request.user,
            **form.cleaned_data,
        )
        if versie:
            messages.success(
                request,
                f"Versie {versie.nummer} van ‘{deel.titel}’ is gepubliceerd en aan de gemeenten "
                "van de regio voorgelegd.",
            )
            return redirect("regio:deel_geschiedenis", deel_id=deel.pk)
    return render(
        request,
        "regio/delen/publiceren.html",
        {
            "voorbereiding": voorbereiding,
            "pagina": voorbereiding.pagina,
            "deel": deel,
            "regio": deel.regio,
            "form": form,
            "oud_label": (
                f"Versie {deel.revisie}"
                if voorbereiding.pagina.laatste
                else "Nog niet gepubliceerd"
            ),
            "knop": f"Versie {deel.revisie + 1} publiceren",
        },
    )


@login_required
def deel_geschiedenis(request: AuthenticatedHttpRequest, deel_id: int) -> HttpResponse:
    geschiedenis = sel.deel_geschiedenis(request.user, deel_id)
    return render(
        request,
        "regio/delen/geschiedenis.html",
        {"geschiedenis": geschiedenis, "deel": geschiedenis.deel, "regio": geschiedenis.deel.regio},
    )


# --- Doelstellingen ---------------------------------------------------------------------------


@login_required
def regiodoelstelling_bewerken(
    request: AuthenticatedHttpRequest,
    deel_id: int | None = None,
    regiodoelstelling_id: int | None = None,
) -> HttpResponse:
    if regiodoelstelling_id is not None:
        doelstelling = sel.regie_regiodoelstelling(request.user, regiodoelstelling_id)
        deel = doelstelling.deel
    else:
        assert deel_id is not None
        deel = sel.regie_deel(request.user, deel_id)
        if deel.soort != DeelSoort.PRIORITEIT:
            raise Http404("Alleen een bovenlokale prioriteit heeft doelstellingen.")
        doelstelling = Regiodoelstelling(deel=deel)
    form = RegiodoelstellingForm(
        request.POST if request.method == "POST" else None,
        instance=doelstelling,
        versie_van=doelstelling if doelstelling.pk else None,
    )
    if request.method == "POST" and form.is_valid():
        if doelstelling.pk:
            opgeslagen = probeer(
                request,
                services.regiodoelstelling_update,
                form=form,
                doelstelling=doelstelling,
                door=request.user,
                **form.cleaned_data,
            )
        else:
            opgeslagen = probeer(
                request,
                services.regiodoelstelling_create,
                form=form,
                deel=deel,
                door=request.user,
                **form.cleaned_data,
            )
        if opgeslagen:
            messages.success(
                request,
                "De doelstelling is opgeslagen. De gemeenten zien de wijziging pas als u de "
                "prioriteit publiceert.",
            )
            return redirect("regio:deel", deel_id=deel.pk)
    return render(
        request,
        "regio/delen/doelstelling_form.html",
        {"deel": deel, "regio": deel.regio, "doelstelling": doelstelling, "form": form},
    )


@login_required
@require_POST
def regiodoelstelling_verwijderen(
    request: AuthenticatedHttpRequest, regiodoelstelling_id: int
) -> HttpResponse:
    doelstelling = sel.regie_regiodoelstelling(request.user, regiodoelstelling_id)
    if probeer(
        request, services.regiodoelstelling_delete, doelstelling=doelstelling, door=request.user
    ):
        messages.success(request, "De doelstelling is verwijderd.")
    return redirect("regio:deel", deel_id=doelstelling.deel_id)
