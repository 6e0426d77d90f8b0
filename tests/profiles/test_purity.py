"""The profiles import nothing but the standard library and their own package."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.purity import foreign_imports

PROFILES_DIR = (
    Path(__file__).parents[2] / "custom_components" / "camera_doctor" / "profiles"
)
# The one module of the package outside profiles/ they may use.
ALLOWED_ABSOLUTE = ("custom_components.camera_doctor.diagnosis.model",)


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
    """Every absolute import is standard library, or the engine's model."""
    foreign = foreign_imports(path, allowed=ALLOWED_ABSOLUTE)
    assert not foreign, f"{path.name} imports {foreign}"
