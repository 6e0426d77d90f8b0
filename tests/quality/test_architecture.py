"""The module structure docs/architecture.md describes: one way, no cycle."""

from __future__ import annotations

from graphlib import CycleError, TopologicalSorter
from pathlib import Path
import re

PACKAGE = Path(__file__).parents[2] / "custom_components" / "camera_doctor"
IMPORT = re.compile(r"^from (\.+)([\w.]*) import \(?\s*([\w, \n]+)", re.MULTILINE)
PURE = ("diagnosis", "profiles")


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    """Module -> the modules of this package it imports (relative imports).

    ``from . import generic`` imports the module ``generic``, not the package.
    """
    modules = {_module(path) for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = _module(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: set[str] = set()
        for dots, target, names in IMPORT.findall(path.read_text("utf-8")):
            base = package.split(".") if package else []
            base = base[: len(base) - (len(dots) - 1)] if len(dots) > 1 else base
            module = ".".join([*base, *filter(None, target.split("."))])
            submodules = {
                f"{module}.{n}".lstrip(".")
                for n in re.findall(r"\w+", names)
                if f"{module}.{n}".lstrip(".") in modules
            }
            deps |= submodules or {module}
        graph[name] = deps - {name}
    return graph


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


def test_every_module_is_in_the_architecture_document() -> None:
    """docs/architecture.md names every module of the Home Assistant layer."""
    text = (PACKAGE.parents[1] / "docs" / "architecture.md").read_text("utf-8")
    skip = {"", "const", "compat", "config_flow", "options", "services", "diagnostics"}
    for path in PACKAGE.glob("*.py"):
        name = _module(path)
        if name not in skip:
            assert f"{name}.py" in text, name
