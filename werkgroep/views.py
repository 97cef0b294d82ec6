"""Thin views: check the permission, validate a form, call one service, redirect or render.

Werkgroep pages are visible to the plan readers of the plan's gemeente; everyone else gets a
404. Writes are the coordinator's. The hours pages are `werkgroep.uren.views`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from ivp.selectors import regie_plan
from ivp.views import AuthenticatedHttpRequest, meld_weigering, probeer
from werkgroep import ical, selectors, services
from werkgroep.forms import (
    ActiepuntForm,
    ActiepuntStatusForm,
    AfzeggenForm,
    AgendapuntForm,
    BijeenkomstForm,
    LidForm,
    PresentieForm,
    VerslagForm,
)

# Werkgroep and members ----------------------------------------------------------------------


@login_required
def werkgroep(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    pagina = selectors.werkgroep_pagina(request.user, plan_id, request.GET.get("bijeenkomsten"))
    return render(request, "werkgroep/werkgroep.html", {"pagina": pagina, "plan": pagina.plan})


@login_required
def lid_nieuw(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan = regie_plan(request.user, plan_id)
    form = LidForm(request.POST or None, kandidaten=selectors.kandidaten(plan))
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request, services.lid_add, form=form, plan=plan, door=request.user, **form.cleaned_data
        )
    ):
        messages.success(request, "Het lid is aan de werkgroep toegevoegd.")
        return redirect("werkgroep:werkgroep", plan_id=plan.pk)
    return render(request, "werkgroep/lid_form.html", {"form": form, "plan": plan, "lid": None})


@login_required
def lid_bewerken(request: AuthenticatedHttpRequest, lid_id: int) -> HttpResponse:
    lid = selectors.regie_lid(request.user, lid_id)
    plan = lid.werkgroep.plan
    initial = {
        "naam": lid.naam,
        "organisatie": lid.organisatie,
        "functie": lid.functie,
        "rol": lid.rol,
        "velden": selectors.velden_van(lid),
        "motivatie": lid.motivatie,
    }
    form = LidForm(request.POST or None, initial=initial, bewerken=True, versie_van=lid)
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request, services.lid_update, form=form, lid=lid, door=request.user, **form.cleaned_data
        )
    ):
        messages.success(request, f"De gegevens van {lid} zijn opgeslagen.")
        return redirect("werkgroep:werkgroep", plan_id=plan.pk)
    return render(request, "werkgroep/lid_form.html", {"form": form, "plan": plan, "lid": lid})


@login_required
@require_POST
def lid_verwijderen(request: AuthenticatedHttpRequest, lid_id: int) -> HttpResponse:
    lid = selectors.regie_lid(request.user, lid_id)
    plan_id = lid.werkgroep.plan_id
    naam = str(lid)
    if probeer(request, services.lid_remove, lid=lid, door=request.user):
        messages.success(request, f"{naam} is uit de werkgroep gehaald.")
    return redirect("werkgroep:werkgroep", plan_id=plan_id)


# Meetings -----------------------------------------------------------------------------------


@login_required
def bijeenkomst_nieuw(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan = regie_plan(request.user, plan_id)
    form = BijeenkomstForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        bijeenkomst = probeer(
            request,
            services.bijeenkomst_plan,
            form=form,
            plan=plan,
            door=request.user,
            **form.cleaned_data,
        )
        if bijeenkomst:
            messages.success(request, "De bijeenkomst is gepland.")
            return redirect("werkgroep:bijeenkomst", bijeenkomst_id=bijeenkomst.pk)
    context = {
        "form": form,
        "plan": plan,
        "bijeenkomst": None,
        "voortgangsoverleg": selectors.is_uitvoeringsfase(plan),
    }
    return render(request, "werkgroep/bijeenkomst_form.html", context)


def _terug_als_afgezegd(request: HttpRequest, bijeenkomst: Any) -> HttpResponse | None:
    """A called-off meeting takes no changes: a page to change it, reached by its address,
    leads back to the meeting and says why (the services refuse the change as well)."""
    try:
        bijeenkomst.vereis_niet_afgezegd()
    except ValidationError as fout:
        meld_weigering(request, fout)
        return redirect("werkgroep:bijeenkomst", bijeenkomst_id=bijeenkomst.pk)
    return None


@login_required
def bijeenkomst_bewerken(request: AuthenticatedHttpRequest, bijeenkomst_id: int) -> HttpResponse:
    bijeenkomst = selectors.regie_bijeenkomst(request.user, bijeenkomst_id)
    if terug := _terug_als_afgezegd(request, bijeenkomst):
        return terug
    initial = {
        naam: getattr(bijeenkomst, naam)
        for naam in ("titel", "datum", "begintijd", "eindtijd", "locatie", "online_link")
    } | {"motivatie": bijeenkomst.motivatie}
    form = BijeenkomstForm(request.POST or None, initial=initial, versie_van=bijeenkomst)
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.bijeenkomst_update,
            form=form,
            bijeenkomst=bijeenkomst,
            door=request.user,
            **form.cleaned_data,
        )
    ):
        messages.success(request, "De bijeenkomst is gewijzigd.")
        return redirect("werkgroep:bijeenkomst", bijeenkomst_id=bijeenkomst.pk)
    context = {
        "form": form,
        "plan": bijeenkomst.werkgroep.plan,
        "bijeenkomst": bijeenkomst,
        "voortgangsoverleg": bijeenkomst.voortgangsoverleg,
    }
    return render(request, "werkgroep/bijeenkomst_form.html", context)


@login_required
def bijeenkomst_afzeggen(request: AuthenticatedHttpRequest, bijeenkomst_id: int) -> HttpResponse:
    """Call a meeting off, with the reason, on a page of its own; a meeting that cannot be
    called off (held, already called off, a part of a joint meeting) gets the page saying
    why, without the form."""
    bijeenkomst = selectors.regie_bijeenkomst(request.user, bijeenkomst_id)
    form = AfzeggenForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.bijeenkomst_afzeggen,
            form=form,
            bijeenkomst=bijeenkomst,
            door=request.user,
            **form.cleaned_data,
        )
    ):
        messages.success(request, "De bijeenkomst is afgezegd. De leden krijgen bericht.")
        return redirect("werkgroep:bijeenkomst", bijeenkomst_id=bijeenkomst.pk)
    context = {
        "form": form,
        "plan": bijeenkomst.werkgroep.plan,
        "bijeenkomst": bijeenkomst,
        "niet_afzegbaar": selectors.niet_afzegbaar(bijeenkomst),
    }
    return render(request, "werkgroep/bijeenkomst_afzeggen.html", context)


@login_required
def agendapunt_nieuw(request: AuthenticatedHttpRequest, bijeenkomst_id: int) -> HttpResponse:
    """An agenda item for a meeting, on a page of its own: its choices (the plan's documents,
    their versions and every open thread, some 300 at 50×) are read only by the coordinator who
    adds one, not on every view of the meeting (issue 8)."""
    bijeenkomst = selectors.regie_bijeenkomst(request.user, bijeenkomst_id)
    if terug := _terug_als_afgezegd(request, bijeenkomst):
        return terug
    keuzes = selectors.agenda_keuzes(bijeenkomst.werkgroep.plan)
    form = AgendapuntForm(
        request.POST or None,
        documenten=keuzes.documenten,
        versies=keuzes.versies,
        draden=keuzes.draden,
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.agendapunt_add,
            form=form,
            bijeenkomst=bijeenkomst,
            door=request.user,
            **form.cleaned_data,
        )
    ):
        messages.success(request, "Het agendapunt is toegevoegd.")
        return redirect(f"{reverse('werkgroep:bijeenkomst', args=[bijeenkomst.pk])}#agenda")
    context = {
        "form": form,
        "plan": bijeenkomst.werkgroep.plan,
        "bijeenkomst": bijeenkomst,
        "agenda": bijeenkomst.agendapunten.order_by("volgorde", "pk"),
    }
    return render(request, "werkgroep/agendapunt_form.html", context)


@login_required
def bijeenkomst(request: AuthenticatedHttpRequest, bijeenkomst_id: int) -> HttpResponse:
    """The meeting with its agenda, attendance, notulen, decisions and actiepunten. The
    coordinator's forms post here, each with its own prefix, so an error keeps the input; the
    agenda item's form has a page of its own (`agendapunt_nieuw`)."""
    pagina = selectors.bijeenkomst_pagina(request.user, bijeenkomst_id)
    b = pagina.bijeenkomst
    plan = pagina.plan
    formulier = request.POST.get("formulier") if request.method == "POST" else None
    if formulier and not pagina.mag_regisseren:
        raise Http404("Bijeenkomst niet gevonden.")
    if formulier and not pagina.mag_wijzigen:  # called off: the page says so, nothing to post
        messages.error(request, "Deze bijeenkomst is afgezegd; u kunt haar niet meer wijzigen.")
        return redirect("werkgroep:bijeenkomst", bijeenkomst_id=b.pk)
    data = request.POST if formulier else None

    def bound(naam: str) -> QueryDict | None:
        return data if formulier == naam else None

    # Only the coordinator sees the forms: nobody else pays for their choices.
    forms_: dict[str, forms.Form] = {}
    if pagina.mag_wijzigen:
        forms_ = {
            "presentie": PresentieForm(
                bound("presentie"),
                prefix="presentie",
                leden=pagina.leden,
                huidig=pagina.presentie,
            ),
            "verslag": VerslagForm(
                bound("verslag"),
                prefix="verslag",
                initial={"notulen": b.notulen, "besluiten": b.besluiten},
                versie_van=b,
            ),
            "actiepunt": ActiepuntForm(
                bound("actiepunt"), prefix="actiepunt", leden=pagina.wie_keuzes
            ),
        }
    if formulier in forms_:
        form = forms_[formulier]
        acties: dict[str, tuple[Callable[..., Any], str]] = {
            "verslag": (services.bijeenkomst_verslag, "De notulen en besluiten zijn opgeslagen."),
            "actiepunt": (services.actiepunt_add, "Het actiepunt is vastgelegd."),
            "presentie": (services.presentie_record, "De aanwezigheid is vastgelegd."),
        }
        service, gelukt = acties[formulier]
        if form.is_valid():
            kwargs = (
                {"statussen": form.statussen()}
                if isinstance(form, PresentieForm)
                else dict(form.cleaned_data)
            )
            if probeer(request, service, form=form, bijeenkomst=b, door=request.user, **kwargs):
                messages.success(request, gelukt)
                return redirect(f"{reverse('werkgroep:bijeenkomst', args=[b.pk])}#{formulier}")
    return render(
        request,
        "werkgroep/bijeenkomst.html",
        {
            "pagina": pagina,
            "plan": plan,
            "b": b,
            "forms": forms_,
            "status_form": ActiepuntStatusForm(),
            "vandaag": timezone.localdate(),
        },
    )


@login_required
@require_POST
def actiepunt_status(request: AuthenticatedHttpRequest, actiepunt_id: int) -> HttpResponse:
    actiepunt = selectors.actiepunt_voor_status(request.user, actiepunt_id)
    form = ActiepuntStatusForm(request.POST)
    if form.is_valid() and probeer(
        request,
        services.actiepunt_set_status,
        actiepunt=actiepunt,
        door=request.user,
        status=form.cleaned_data["status"],
    ):
        messages.success(request, f"Het actiepunt ‘{actiepunt.wat}’ is bijgewerkt.")
    return redirect(
        f"{reverse('werkgroep:bijeenkomst', args=[actiepunt.bijeenkomst_id])}#actiepunten"
    )


@login_required
def bijeenkomst_ics(request: AuthenticatedHttpRequest, bijeenkomst_id: int) -> HttpResponse:
    b = selectors.werkgroep_bijeenkomst(request.user, bijeenkomst_id)
    url = request.build_absolute_uri(reverse("werkgroep:bijeenkomst", args=[b.pk]))
    response = HttpResponse(
        ical.bijeenkomst_ics(b, url), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="bijeenkomst-{b.datum:%Y-%m-%d}.ics"'
    return response


# Calendar feed ------------------------------------------------------------------------------


@login_required
def agenda(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method == "POST":
        if request.POST.get("actie") == "intrekken":
            if probeer(request, services.agendafeed_revoke, gebruiker=request.user):
                messages.success(request, "Uw agenda-link is ingetrokken en werkt niet meer.")
        elif probeer(request, services.agendafeed_create, gebruiker=request.user):
            messages.success(request, "U hebt een nieuwe agenda-link. Een oude werkt niet meer.")
        return redirect("werkgroep:agenda")
    feed = selectors.agendafeed_van(request.user)
    url = request.build_absolute_uri(reverse("werkgroep:feed", args=[feed.token])) if feed else ""
    verlopen = feed is not None and feed.is_verlopen(timezone.now())
    return render(
        request, "werkgroep/agenda.html", {"feed": feed, "feed_url": url, "verlopen": verlopen}
    )


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private feed: no login (calendar apps cannot log in), the secret token is the key.
    A revoked or unknown token is a 404."""
    gebruiker = selectors.feed_eigenaar(token)
    inhoud = ical.feed_ics(
        f"IVP Regie — {gebruiker}",
        selectors.bijeenkomsten_voor(gebruiker),
        selectors.stappen_voor(gebruiker),
    )
    response = HttpResponse(inhoud, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response
