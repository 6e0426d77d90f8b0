"""The profiles import nothing but the standard library and their own package."""

from __future__ import annotations

import ast
from pathlib import Path
import sys

import pytest

PROFILES_DIR = (
    Path(__file__).parents[2] / "custom_components" / "camera_doctor" / "profiles"
)
# The one module of the package outside profiles/ they may use.
ALLOWED_ABSOLUTE = ("custom_components.camera_doctor.diagnosis.model",)


def _imports(path: Path) -> list[tuple[str, int]]:
    """Return ``(module, level)`` of every import in a source file."""
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((alias.name, 0) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.append((node.module or "", node.level))
    return found


SOURCES = sorted(PROFILES_DIR.glob("*.py"))


def test_all_modules_found() -> None:
    """The walk sees every brand module."""
    assert {path.stem for path in SOURCES} >= {
        "__init__",
        "blink",
        "ring",
        "arlo",
        "eufy",
        "reolink",
        "generic",
        "model",
    }


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_standard_library_only(path: Path) -> None:
    """Every import is relative, the engine's model, or standard library."""
    for module, level in _imports(path):
        if level:
            assert not module.startswith("diagnosis") or module == "diagnosis.model"
            continue
        if module in ALLOWED_ABSOLUTE:
            continue
        top = module.partition(".")[0]
        assert top == "__future__" or top in sys.stdlib_module_names, (
            f"{path.name} imports {module}"
        )


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_file_size(path: Path) -> None:
    """House style: no file over 400 lines."""
    assert len(path.read_text(encoding="utf-8").splitlines()) < 400
