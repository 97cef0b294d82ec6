"""The document pages. Thin, like `stappen.views`: check the permission, validate a form,
call one service, redirect or render. Everything works without JavaScript."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ivp.berichten import voorkeuren_bewaar
from ivp.exceptions import Geweigerd
from ivp.forms import MeldingvoorkeurForm
from ivp.selectors import meldingvoorkeuren as meldingvoorkeuren_van
from ivp.views import AuthenticatedHttpRequest, meld_formfouten, op_form, probeer
from stappen import selectors, services
from stappen.constants import BESLUITORGAAN, DocumentSoort, Orgaan
from stappen.forms import (
    AanbiedenForm,
    AntwoordForm,
    AuteurForm,
    BesluitForm,
    BesprekingForm,
    BesprekingSluitenForm,
    HoofdstukForm,
    OpmerkingForm,
    RaadInformatieForm,
    UitkomstForm,
    VersieForm,
)
from stappen.markdown import naar_html
from stappen.rechten import mag_regisseren


def _document_url(document_id: int, anker: str = "") -> str:
    url = reverse("stappen:document", kwargs={"document_id": document_id})
    return f"{url}#{anker}" if anker else url


@login_required
def document_lijst(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan, documenten = selectors.documenten_van_plan(request.user, plan_id)
    return render(request, "stappen/document_lijst.html", {"plan": plan, "documenten": documenten})


@login_required
def document_detail(request: AuthenticatedHttpRequest, document_id: int) -> HttpResponse:
    return _document_pagina(request, document_id)


def _document_pagina(
    request: AuthenticatedHttpRequest,
    document_id: int,
    aanbieden_form: forms.Form | None = None,
    bespreking_sluiten_form: forms.Form | None = None,
) -> HttpResponse:
    pagina = selectors.document_pagina(request.user, document_id)
    document = pagina.document
    return render(
        request,
        "stappen/document_detail.html",
        {
            "pagina": pagina,
            "document": document,
            "plan": document.plan,
            "orgaan": Orgaan(BESLUITORGAAN[DocumentSoort(document.soort)]).label.lower(),
            "aanbieden_form": aanbieden_form or AanbiedenForm(),
            "open_punten": selectors.open_punten(document)
            if pagina.mag_regisseren and document.status == "concept"
            else [],
            "sluiten_form": bespreking_sluiten_form or BesprekingSluitenForm(),
            "versie_form": VersieForm(),
        },
    )


@login_required
def hoofdstuk_bewerken(
    request: AuthenticatedHttpRequest, document_id: int, sleutel: str
) -> HttpResponse:
    hoofdstuk = selectors.hoofdstuk_voor_bewerken(request.user, document_id, sleutel)
    document = hoofdstuk.document
    form = HoofdstukForm(
        request.POST or None, initial={"tekst": hoofdstuk.tekst, "versie": hoofdstuk.versie}
    )
    voorbeeld = conflict = None
    if request.method == "POST" and form.is_valid():
        if request.POST.get("actie") == "voorbeeld":
            voorbeeld = naar_html(form.cleaned_data["tekst"])
        else:
            try:
                services.hoofdstuk_save(
                    hoofdstuk=hoofdstuk,
                    door=request.user,
                    tekst=form.cleaned_data["tekst"],
                    versie=form.cleaned_data["versie"],
                )
            except services.Bewerkconflict as fout:
                conflict = fout.huidig
                form.add_error(None, fout.redenen[0])
                # The next save starts from the text as it is now: a deliberate choice.
                form.data = dict(form.data.items()) | {"versie": str(conflict.versie)}
            except (Geweigerd, ValidationError) as fout:
                op_form(form, fout)
            else:
                messages.success(request, f"Het hoofdstuk ‘{hoofdstuk.titel}’ is opgeslagen.")
                return redirect(_document_url(document.pk, f"h-{hoofdstuk.sleutel}"))
    return render(
        request,
        "stappen/hoofdstuk_form.html",
        {
            "form": form,
            "hoofdstuk": hoofdstuk,
            "document": document,
            "plan": document.plan,
            "voorbeeld": voorbeeld,
            "conflict": conflict,
            "conflict_html": naar_html(conflict.tekst) if conflict else None,
        },
    )


@login_required
@require_POST
def hoofdstuk_auteur(
    request: AuthenticatedHttpRequest, document_id: int, sleutel: str
) -> HttpResponse:
    hoofdstuk = selectors.regie_hoofdstuk(request.user, document_id, sleutel)
    document = hoofdstuk.document
    leden = selectors.werkgroepleden_van(document.plan)
    form = AuteurForm(request.POST, leden=leden)
    if form.is_valid():
        auteur = next((lid for lid in leden if str(lid.pk) == form.cleaned_data["auteur"]), None)
        if probeer(
            request,
            services.hoofdstuk_set_auteur,
            hoofdstuk=hoofdstuk,
            door=request.user,
            auteur=auteur,
        ):
            messages.success(
                request,
                f"‘{hoofdstuk.titel}’ wordt nu geschreven door "
                f"{auteur.get_full_name() if auteur else 'de coördinator'}.",
            )
    else:
        messages.error(request, "Kies een lid van de werkgroep.")
    return redirect(_document_url(document.pk, f"h-{sleutel}"))


@login_required
def bespreking_openen(request: AuthenticatedHttpRequest, document_id: int) -> HttpResponse:
    document = selectors.regie_document(request.user, document_id)
    form = BesprekingForm(request.POST or None, prefix="bespreking")
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.document_open_review,
            form=form,
            document=document,
            door=request.user,
            sluit_op=form.cleaned_data["sluit_op"],
            bericht=form.cleaned_data["bericht"],
        )
    ):
        messages.success(
            request, "De bespreking is geopend; de werkgroepleden hebben een melding gekregen."
        )
        return redirect(_document_url(document.pk))
    return render(
        request,
        "stappen/bespreking_form.html",
        {"form": form, "document": document, "plan": document.plan},
    )


# The one table of the document transitions a button can ask for: the service, the form
# that carries its note (and confirmation), and what the user is told.
_OVERGANGEN: dict[str, tuple[Any, type[forms.Form], str]] = {
    "bespreking-sluiten": (
        services.document_close_review,
        BesprekingSluitenForm,
        "De bespreking is gesloten.",
    ),
    "aanbieden": (
        services.document_submit,
        AanbiedenForm,
        "Het document is ter besluitvorming aangeboden.",
    ),
}


@login_required
@require_POST
def document_overgang(
    request: AuthenticatedHttpRequest, document_id: int, actie: str
) -> HttpResponse:
    if actie not in _OVERGANGEN:
        raise Http404("Onbekende actie.")
    document = selectors.regie_document(request.user, document_id)
    service, form_class, gelukt = _OVERGANGEN[actie]
    form = form_class(request.POST)
    if form.is_valid() and probeer(
        request, service, form=form, document=document, door=request.user, **form.cleaned_data
    ):
        messages.success(request, gelukt)
        return redirect(_document_url(document.pk))
    # Refused: the document page again, with the error on the field and the input kept.
    return _document_pagina(request, document_id, **{f"{actie.replace('-', '_')}_form": form})


@login_required
@require_POST
def versie_maken(request: AuthenticatedHttpRequest, document_id: int) -> HttpResponse:
    document = selectors.regie_document(request.user, document_id)
    form = VersieForm(request.POST)
    aanleiding = form.cleaned_data["aanleiding"] if form.is_valid() else ""
    versie = probeer(
        request,
        services.versie_create,
        document=document,
        door=request.user,
        aanleiding=aanleiding,
    )
    if versie:
        messages.success(request, f"Versie {versie.nummer} is gemaakt.")
    return redirect(_document_url(document.pk, "versies"))


@login_required
def besluit_vastleggen(request: AuthenticatedHttpRequest, document_id: int) -> HttpResponse:
    document = selectors.regie_document(request.user, document_id)
    orgaan = BESLUITORGAAN[DocumentSoort(document.soort)]
    form = BesluitForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.besluit_record,
            form=form,
            document=document,
            door=request.user,
            orgaan=orgaan,
            **form.cleaned_data,
        )
    ):
        messages.success(request, "Het besluit is vastgelegd.")
        return redirect(_document_url(document.pk))
    return render(
        request,
        "stappen/besluit_form.html",
        {
            "form": form,
            "document": document,
            "plan": document.plan,
            "orgaan": Orgaan(orgaan).label,
        },
    )


@login_required
def raad_informeren(request: AuthenticatedHttpRequest, document_id: int) -> HttpResponse:
    document = selectors.regie_document(request.user, document_id)
    form = RaadInformatieForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.raad_informeer,
            form=form,
            document=document,
            door=request.user,
            **form.cleaned_data,
        )
    ):
        messages.success(request, "Vastgelegd dat de raad is geïnformeerd.")
        return redirect(_document_url(document.pk, "besluiten"))
    return render(
        request,
        "stappen/raad_informeren.html",
        {"form": form, "document": document, "plan": document.plan},
    )


@login_required
def versie_detail(request: AuthenticatedHttpRequest, document_id: int, nummer: str) -> HttpResponse:
    pagina = selectors.versie_pagina(request.user, document_id, nummer)
    document = pagina.versie.document
    return render(
        request,
        "stappen/versie_detail.html",
        {"pagina": pagina, "versie": pagina.versie, "document": document, "plan": document.plan},
    )


@login_required
def versies_vergelijken(request: AuthenticatedHttpRequest, document_id: int) -> HttpResponse:
    vergelijking = selectors.vergelijking(
        request.user, document_id, request.GET.get("oud", ""), request.GET.get("nieuw", "")
    )
    document = vergelijking.document
    return render(
        request,
        "stappen/versies_vergelijken.html",
        {"vergelijking": vergelijking, "document": document, "plan": document.plan},
    )


@login_required
def reactienota(request: AuthenticatedHttpRequest, document_id: int) -> HttpResponse:
    nota = selectors.reactienota(request.user, document_id, request.GET.get("pagina", "1"))
    return render(
        request,
        "stappen/reactienota.html",
        {"nota": nota, "document": nota.document, "plan": nota.document.plan},
    )


@login_required
def sectie_draden(
    request: AuthenticatedHttpRequest, document_id: int, sleutel: str
) -> HttpResponse:
    lijst = selectors.sectie_draden(
        request.user,
        document_id,
        sleutel,
        versie=request.GET.get("versie", ""),
        pagina=request.GET.get("pagina", "1"),
    )
    return render(
        request,
        "stappen/sectie_draden.html",
        {"lijst": lijst, "document": lijst.document, "plan": lijst.document.plan},
    )


@login_required
@require_POST
def opmerking_plaatsen(
    request: AuthenticatedHttpRequest, document_id: int, nummer: str
) -> HttpResponse:
    versie = selectors.versie_van(request.user, document_id, nummer)
    form = OpmerkingForm(request.POST)
    if form.is_valid():
        opmerking = probeer(
            request,
            services.opmerking_create,
            form=form,
            versie=versie,
            door=request.user,
            **form.cleaned_data,
        )
        if opmerking:
            messages.success(request, "Uw opmerking is geplaatst.")
            return redirect("stappen:opmerking", opmerking_id=opmerking.pk)
    meld_formfouten(request, form)
    anker = f"s-{request.POST.get('sectie', '')}"
    url = reverse("stappen:versie", kwargs={"document_id": document_id, "nummer": nummer})
    return redirect(f"{url}#{anker}")


@login_required
def opmerking_detail(request: AuthenticatedHttpRequest, opmerking_id: int) -> HttpResponse:
    draad = selectors.opmerking_draad(request.user, opmerking_id)
    if draad.antwoord_op_id:
        return redirect("stappen:opmerking", opmerking_id=draad.antwoord_op_id)
    return _opmerking_pagina(
        request,
        draad,
        AntwoordForm(),
        UitkomstForm(initial={"uitkomst": draad.uitkomst, "reden": draad.uitkomst_reden}),
    )


def _opmerking_pagina(request, draad, antwoord_form, uitkomst_form) -> HttpResponse:
    document = draad.versie.document
    from stappen.rechten import mag_reageren

    sectie = draad.versie.sectie(draad.sectie) or {"titel": draad.sectie, "tekst": ""}
    return render(
        request,
        "stappen/opmerking_detail.html",
        {
            "draad": draad,
            "sectie": sectie,
            "document": document,
            "plan": document.plan,
            "mag_regisseren": mag_regisseren(request.user, document),
            "mag_reageren": mag_reageren(request.user, document) and not document.is_vastgesteld,
            "antwoord_form": antwoord_form,
            "uitkomst_form": uitkomst_form,
        },
    )


_OPMERKING_ACTIES = {
    "oplossen": (services.opmerking_resolve, "De opmerking is opgelost."),
    "heropenen": (services.opmerking_reopen, "De opmerking is heropend."),
}


@login_required
@require_POST
def opmerking_actie(
    request: AuthenticatedHttpRequest, opmerking_id: int, actie: str
) -> HttpResponse:
    opmerking = selectors.opmerking_voor_actie(request.user, opmerking_id)
    draad_id = opmerking.antwoord_op_id or opmerking.pk
    if actie in _OPMERKING_ACTIES:
        service, gelukt = _OPMERKING_ACTIES[actie]
        if probeer(request, service, opmerking=opmerking, door=request.user):
            messages.success(request, gelukt)
        return redirect("stappen:opmerking", opmerking_id=draad_id)
    if actie == "antwoord":
        antwoord = AntwoordForm(request.POST)
        if antwoord.is_valid() and probeer(
            request,
            services.opmerking_reply,
            form=antwoord,
            opmerking=opmerking,
            door=request.user,
            tekst=antwoord.cleaned_data["tekst"],
        ):
            messages.success(request, "Uw reactie is geplaatst.")
            return redirect("stappen:opmerking", opmerking_id=draad_id)
        draad = selectors.opmerking_draad(request.user, draad_id)
        return _opmerking_pagina(request, draad, antwoord, UitkomstForm())
    if actie == "uitkomst":
        form = UitkomstForm(request.POST)
        if form.is_valid() and probeer(
            request,
            services.opmerking_set_uitkomst,
            form=form,
            opmerking=opmerking,
            door=request.user,
            **form.cleaned_data,
        ):
            messages.success(request, "De verwerking is vastgelegd.")
            return redirect("stappen:opmerking", opmerking_id=draad_id)
        draad = selectors.opmerking_draad(request.user, draad_id)
        return _opmerking_pagina(request, draad, AntwoordForm(), form)
    raise Http404("Onbekende actie.")


@login_required
def meldingen_aantal(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The unread count beside "Meldingen" in the header (an htmx fragment)."""
    aantal = selectors.aantal_ongelezen(request.user)
    return render(request, "stappen/_meldingen_aantal.html", {"aantal": aantal})


@login_required
@require_POST
def meldingen_gelezen(request: AuthenticatedHttpRequest) -> HttpResponse:
    services.meldingen_gelezen(gebruiker=request.user)
    messages.success(request, "Alle meldingen zijn als gelezen gemarkeerd.")
    return redirect("start")


@login_required
def meldingvoorkeuren(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Which notices a person gets by e-mail: at once, in the daily digest, or not."""
    form = MeldingvoorkeurForm(request.POST or None, keuzes=meldingvoorkeuren_van(request.user))
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request, voorkeuren_bewaar, form=form, gebruiker=request.user, keuzes=form.cleaned_data
        )
    ):
        messages.success(request, "Uw keuzes voor de meldingen zijn bewaard.")
        return redirect("stappen:meldingvoorkeuren")
    return render(request, "stappen/meldingvoorkeuren.html", {"form": form})
