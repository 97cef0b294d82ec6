"""The VNG list is loaded by a migration; the demo makes sure it is there (a test database
that was flushed, or a list that was edited in beheer) before the plans refer to it."""

from ivp.demo import Demo
from veiligheidsvelden import vng_themas
from veiligheidsvelden.models import Thema, Veld


def laad(demo: Demo) -> None:
    vng_themas.laad(Veld, Thema)
