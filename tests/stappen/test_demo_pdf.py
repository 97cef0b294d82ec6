"""The demo renders the PDFs of the documents the raad decided (docs/pdf.md): one demo run."""

from __future__ import annotations

import io
import re
import subprocess
from io import StringIO

import pypdf
import pytest
from django.core.management import call_command

from ivp.models import Gebruiker
from stappen.constants import DocumentSoort, WeergaveSoort, WeergaveStatus
from stappen.demo.stukken import VERTROUWELIJK_REDEN, VERTROUWELIJKE_ZINNEN
from stappen.models import Weergave
from stappen.selectors import griffie_weergaven

pytestmark = pytest.mark.django_db


def _tekst(weergave: Weergave) -> str:
    with weergave.bestand.open("rb") as bestand:
        lezer = pypdf.PdfReader(io.BytesIO(bestand.read()))
    tekst = "\n".join(p.extract_text() for p in lezer.pages).replace("\u00a0", " ")
    tekst = re.sub(r"(?<=[a-zë])-\n(?=[a-z])", "", tekst)  # a word hyphenated at a line end
    return " ".join(tekst.split())


def test_the_demo_renders_the_raad_stukken_public_and_closed(tmp_path, settings):
    settings.IVP_DEMO_PDF = True  # as in `make run`
    call_command("demo", stdout=StringIO())
    weergaven = list(Weergave.objects.select_related("versie__document"))
    assert weergaven and {w.status for w in weergaven} == {WeergaveStatus.KLAAR}
    soorten = {(w.versie.document.soort, w.soort) for w in weergaven}
    assert (DocumentSoort.IVP, WeergaveSoort.OPENBAAR) in soorten
    assert (DocumentSoort.IVP, WeergaveSoort.BESLOTEN) in soorten
    assert (DocumentSoort.PRIORITERING, WeergaveSoort.OPENBAAR) in soorten

    openbaar = next(w for w in weergaven if w.versie.document.soort == "ivp" and not w.is_besloten)
    besloten = next(w for w in weergaven if w.versie.document.soort == "ivp" and w.is_besloten)
    tekst_openbaar, tekst_besloten = _tekst(openbaar), _tekst(besloten)
    for zin in VERTROUWELIJKE_ZINNEN:
        assert zin not in tekst_openbaar
        assert zin in tekst_besloten
    assert VERTROUWELIJK_REDEN.split(";")[0] in tekst_openbaar
    assert "Raadsvoorstel: Vaststellen Integraal Veiligheidsplan" in tekst_openbaar
    assert "gelet op artikel 38b van de Politiewet 2012" in tekst_openbaar

    pad = tmp_path / "ivp.pdf"
    pad.write_bytes(openbaar.bestand.open("rb").read())
    assert subprocess.run(["qpdf", "--check", str(pad)], capture_output=True).returncode == 0

    # The griffie's page has them: the public ones and the released closed one.
    griffie = Gebruiker.objects.get(username="griffie")
    zichtbaar = set(griffie_weergaven(griffie))
    assert openbaar in zichtbaar and besloten in zichtbaar
    assert besloten.vrijgegeven_op is not None

    call_command("demo", stdout=StringIO())  # again: nothing new
    assert Weergave.objects.count() == len(weergaven)
