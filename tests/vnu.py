"""The W3C Nu HTML Checker (`vnu.jar` from the npm package `vnu-jar`), run with the system's Java
(Debian's `default-jre-headless`).

`vnu_fouten(paden)` checks many files in one JVM start and returns the errors, one line each
("bestand:regel:kolom: melding"). Without Java or the jar the calling test is skipped, unless
REQUIRE_SERVICES=1 (CI), where that fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[1]
VNU_JAR = PROJECT_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _ontbreekt(wat: str) -> None:
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"{wat} (REQUIRE_SERVICES=1)")
    pytest.skip(wat)


def java() -> str:
    pad = shutil.which("java")
    if pad is None:
        _ontbreekt("Java ontbreekt: installeer het Debian-pakket 'default-jre-headless'")
    if not VNU_JAR.exists():
        _ontbreekt(f"{VNU_JAR.relative_to(PROJECT_DIR)} ontbreekt: voer 'npm ci' uit")
    return str(pad)


def vnu_fouten(paden: Iterable[Path]) -> list[str]:
    """Every error (not warnings or info) the checker reports on these HTML files."""
    bestanden = [str(pad) for pad in paden]
    if not bestanden:
        return []
    resultaat = subprocess.run(
        [
            java(),
            # The checker's work is short: the JVM's quick compiler (C1) alone and the serial
            # collector halve its processor time (same messages); C1 code needs a deeper stack
            # than the 512k the checker asks for.
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xss4m",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            "--exit-zero-always",
            *bestanden,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    fouten = []
    for melding in json.loads(resultaat.stderr or '{"messages": []}')["messages"]:
        if melding.get("type") != "error" and melding.get("subType") != "fatal":
            continue
        bestand = Path(melding.get("url", "").removeprefix("file:")).name
        plaats = f"{bestand}:{melding.get('lastLine', '?')}:{melding.get('firstColumn', '?')}"
        fragment = melding.get("extract", "").strip().replace("\n", " ")
        fouten.append(f"{plaats}: {melding['message']}  «{fragment[:120]}»")
    return fouten
