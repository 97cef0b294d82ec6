"""The layout holds what docs/architectuur.md promises (read from the source, no imports run).

- apps import one way: ivp <- veiligheidsvelden <- stappen <- regio <- werkgroep <- uitvoering;
- no import cycle between the project's modules, function-level imports included (imports
  under `if TYPE_CHECKING:` are for typing only and never run);
- no module over 500 lines, no suffix modules (`*_documenten.py`), no ORM in a view module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["ivp", "veiligheidsvelden", "stappen", "regio", "werkgroep", "uitvoering"]
MAX_REGELS = 500


def _modules() -> dict[str, Path]:
    gevonden = {}
    for app in APPS:
        for pad in (ROOT / app).rglob("*.py"):
            if "migrations" in pad.parts:
                continue
            delen = list(pad.relative_to(ROOT).with_suffix("").parts)
            if delen[-1] == "__init__":
                delen.pop()
            gevonden[".".join(delen)] = pad
    return gevonden


MODULES = _modules()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(boom: ast.AST, module: str) -> set[str]:
    """The project modules that `module` imports when it runs."""
    doelen: set[str] = set()
    stapel: list[ast.AST] = [boom]
    while stapel:
        node = stapel.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            stapel.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            doelen.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            basis = node.module or ""
            if node.level:
                pakket = module.split(".")
                if MODULES[module].name != "__init__.py":
                    pakket = pakket[:-1]
                pakket = pakket[: len(pakket) - (node.level - 1)]
                basis = ".".join([*pakket, basis] if basis else pakket)
            for alias in node.names:
                sub = f"{basis}.{alias.name}"
                doelen.add(sub if sub in MODULES else basis)
        stapel.extend(ast.iter_child_nodes(node))
    return {d for d in doelen if d in MODULES and d != module}


GRAAF = {naam: _imports(ast.parse(pad.read_text()), naam) for naam, pad in MODULES.items()}


def _cycli() -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    laag: dict[str, int] = {}
    stapel: list[str] = []
    op_stapel: set[str] = set()
    gevonden: list[list[str]] = []

    def bezoek(v: str) -> None:
        index[v] = laag[v] = len(index)
        stapel.append(v)
        op_stapel.add(v)
        for w in sorted(GRAAF[v]):
            if w not in index:
                bezoek(w)
                laag[v] = min(laag[v], laag[w])
            elif w in op_stapel:
                laag[v] = min(laag[v], index[w])
        if laag[v] == index[v]:
            component = []
            while True:
                w = stapel.pop()
                op_stapel.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                gevonden.append(sorted(component))

    for v in sorted(GRAAF):
        if v not in index:
            bezoek(v)
    return gevonden


def test_the_graph_sees_the_packages():
    assert "stappen.services.proces" in MODULES
    assert "stappen.selectors.proces" in GRAAF["stappen.services.proces"]


def test_no_import_cycle_between_modules():
    assert _cycli() == []


def test_apps_import_only_apps_before_them():
    omhoog = [
        f"{van} -> {naar}"
        for van, doelen in GRAAF.items()
        for naar in doelen
        if APPS.index(naar.split(".")[0]) > APPS.index(van.split(".")[0])
    ]
    assert omhoog == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_stays_under_500_lines(module):
    regels = len(MODULES[module].read_text().splitlines())
    assert regels <= MAX_REGELS, f"{module} heeft {regels} regels; splits het in een pakket."


def test_no_suffix_modules():
    assert [m for m in MODULES if m.endswith(("_documenten", "_inhoud"))] == []


def test_views_do_not_read_the_orm():
    """Reads live in selectors; a view module names no manager."""
    lezen = [
        naam
        for naam, pad in MODULES.items()
        if ".views" in f".{naam}" and ".objects" in pad.read_text()
    ]
    assert lezen == []
