"""The word diff of two versions of a section."""

import pytest

from stappen.vergelijk import vergelijk_tekst

pytestmark = pytest.mark.django_db


def test_the_word_diff_marks_deletions_and_insertions_and_escapes_text():
    oud, nieuw, gewijzigd = vergelijk_tekst(
        "De werkgroep telt zeven leden.", "De werkgroep telt acht <b>leden</b>."
    )
    assert gewijzigd
    assert "<del>" in oud and "zeven" in oud and "<ins>" not in oud
    assert "<ins>" in nieuw and "acht" in nieuw
    assert "&lt;b&gt;" in nieuw and "<b>" not in nieuw
    assert "verwijderd: " in oud and "toegevoegd: " in nieuw
    assert vergelijk_tekst("gelijk", "gelijk")[2] is False
