"""What every view of IVP Regie shares: the typed request and the one way to refuse.

A service refuses with `ivp.exceptions.Geweigerd` (Dutch sentences: state, guards,
concurrency, permission) or with a `ValidationError` (input, keyed by field). `probeer` calls
one service and turns either refusal into what the page shows: errors on the form when the
page has one (on the field it names, otherwise in the error summary), so the form is rendered
again with everything the user entered; otherwise error messages above the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ivp import downloads
from ivp.constants import AchtergrondStatus
from ivp.exceptions import GeenToegang, Geweigerd
from ivp.inlog import log
from ivp.versies import Bewerkconflict, VersieForm

if TYPE_CHECKING:
    from ivp.models import Gebruiker


class AuthenticatedHttpRequest(HttpRequest):
    """The request of a view behind `login_required`: its user is a `Gebruiker`."""

    user: Gebruiker


def meld_weigering(request: HttpRequest, fout: Geweigerd | ValidationError) -> None:
    """Show a refusal as error messages above the page."""
    redenen = fout.redenen if isinstance(fout, Geweigerd) else fout.messages
    for reden in redenen:
        messages.error(request, reden)


def meld_formfouten(request: HttpRequest, form: BaseForm) -> None:
    """Show the errors of a small form without a page of its own (a button with a note) as
    error messages above the page it was posted from."""
    for fouten in form.errors.values():
        for fout in fouten:
            messages.error(request, str(fout))


def op_form(form: BaseForm, fout: Geweigerd | ValidationError) -> None:
    """Put a refusal on `form`: on the field it names when the form has it, else on top."""
    if isinstance(fout, Bewerkconflict) and isinstance(form, VersieForm):
        form.toon_conflict(fout)  # the input stays; the saved state is shown beside it
    if isinstance(fout, Geweigerd):
        for reden in fout.redenen:
            form.add_error(None, reden)
    elif hasattr(fout, "error_dict"):
        for veld, fouten in fout.error_dict.items():
            doel = veld if veld in form.fields else None
            for enkel in fouten:
                form.add_error(doel, enkel)
    else:
        form.add_error(None, fout)


def probeer(
    request: HttpRequest,
    service: Callable[..., Any],
    /,
    *,
    form: BaseForm | None = None,
    **kwargs: Any,
) -> Any:
    """Call `service(**kwargs)`, one write; a refusal goes onto `form` or into the messages.

    Returns the service's result (True when it returns nothing), or None when refused.
    """
    try:
        resultaat = service(**kwargs)
    except (Geweigerd, ValidationError) as fout:
        if isinstance(fout, GeenToegang):
            log.meld(log.GEWEIGERD, request=request, status=403, reden=str(fout))
        if form is None:
            meld_weigering(request, fout)
        else:
            op_form(form, fout)
        return None
    return True if resultaat is None else resultaat


# Downloads made in the background (ivp/downloads.py) --------------------------------------


@login_required
def download(request: AuthenticatedHttpRequest, download_id: int) -> HttpResponse:
    """The state of a requested file; htmx asks again every two seconds while it is being
    made and swaps only the state block (without JavaScript the page says to reload)."""
    gevraagd = downloads.eigen_download(request.user, download_id)
    if request.method == "POST":
        if probeer(request, downloads.download_opnieuw, download=gevraagd, door=request.user):
            messages.success(request, "Het bestand wordt opnieuw gemaakt.")
        return redirect("download", download_id=gevraagd.pk)
    sjabloon = "ivp/_download_status.html" if request.headers.get("HX-Request") else None
    return render(request, sjabloon or "ivp/download.html", {"download": gevraagd})


@login_required
def download_bestand(request: AuthenticatedHttpRequest, download_id: int) -> FileResponse:
    gevraagd = downloads.eigen_download(request.user, download_id)
    if gevraagd.status != AchtergrondStatus.KLAAR or not gevraagd.bestand:
        raise Http404("Het bestand is nog niet klaar.")
    return FileResponse(
        gevraagd.bestand.open("rb"),
        as_attachment=True,
        filename=gevraagd.bestandsnaam,
        content_type=downloads.content_type_van(gevraagd),
    )
