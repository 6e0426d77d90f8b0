"""The module structure docs/architecture.md describes: layers, one way, no cycle."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path
import re

PACKAGE = Path(__file__).parents[2] / "custom_components" / "camera_doctor"
DOCUMENT = PACKAGE.parents[1] / "docs" / "architecture.md"
PURE = ("diagnosis", "profiles")


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    """Module -> the modules of this package it imports (relative imports).

    Every import counts, those under ``TYPE_CHECKING`` too. ``from . import
    generic`` imports the module ``generic``, not the package.
    """
    modules = {_module(path) for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = _module(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not node.level:
                continue
            base = package.split(".") if package else []
            base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
            module = ".".join([*base, *filter(None, (node.module or "").split("."))])
            submodules = {
                f"{module}.{alias.name}".lstrip(".")
                for alias in node.names
                if f"{module}.{alias.name}".lstrip(".") in modules
            }
            deps |= submodules or {module}
        graph[name] = deps - {name}
    return graph


def _layers() -> list[set[str]]:
    """The modules of each row of the document's layer table, top to bottom.

    ``name.py`` is a module (``__init__.py`` the package itself), ``name/`` a
    package with everything in it.
    """
    section = DOCUMENT.read_text("utf-8").split("## Layers", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]
    return [set(re.findall(r"`([\w/.]+)`", row.split("|")[2])) for row in rows]


def _layer_of(module: str, layers: list[set[str]]) -> int:
    top = module.partition(".")[0]
    names = {f"{top}/"} if "." in module or f"{top}/" in set().union(*layers) else set()
    names.add(f"{module or '__init__'}.py")
    found = [index for index, layer in enumerate(layers) if names & layer]
    assert len(found) == 1, (module, found)
    return found[0]


def test_no_import_cycle() -> None:
    """The modules import each other in one direction only."""
    try:
        tuple(TopologicalSorter(_graph()).static_order())
    except CycleError as err:  # pragma: no cover - the failure itself
        raise AssertionError(f"import cycle: {err.args[1]}") from err


def test_pure_packages_import_nothing_of_the_layer_around_them() -> None:
    """diagnosis/ imports only itself; profiles/ itself and the engine."""
    for module, deps in _graph().items():
        top = module.partition(".")[0]
        if top not in PURE:
            continue
        allowed = {top, "diagnosis"} if top == "profiles" else {top}
        outside = {dep for dep in deps if dep.partition(".")[0] not in allowed}
        assert not outside, (module, outside)


def test_the_layers_name_modules_that_exist() -> None:
    """Each module or package the layer table names is there."""
    layers = _layers()
    assert len(layers) >= 4
    for name in set().union(*layers):
        assert (PACKAGE / name).exists(), name


def test_every_module_is_in_one_layer() -> None:
    """Every module of the integration has its one row in the table."""
    layers = _layers()
    for module in _graph():
        _layer_of(module, layers)


def test_imports_point_up_the_layers() -> None:
    """A module imports only from its own layer or the layers above it."""
    layers = _layers()
    upward = [
        (module, dep)
        for module, deps in _graph().items()
        for dep in deps
        if _layer_of(dep, layers) > _layer_of(module, layers)
    ]
    assert not upward


def test_every_module_is_in_the_architecture_document() -> None:
    """docs/architecture.md names every module of the Home Assistant layer."""
    text = DOCUMENT.read_text("utf-8")
    for path in PACKAGE.glob("*.py"):
        assert path.name in text, path.name
