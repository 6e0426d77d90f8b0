"""The profiles import the standard library and, relatively, the engine only."""

from __future__ import annotations

from pathlib import Path

import pytest

import custom_components.camera_doctor.profiles as package
from tests.purity import RENAMED, foreign_imports, parent_imports, run_isolated

PROFILES_DIR = Path(package.__file__).parent
INTEGRATION_DIR = PROFILES_DIR.parent
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
        "sources",
    }


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_standard_library_only(path: Path) -> None:
    """Every absolute import is standard library (our own package is not)."""
    foreign = foreign_imports(path)
    assert not foreign, f"{path.name} imports {foreign}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_only_the_engine_from_outside(path: Path) -> None:
    """Outside their package, profiles import only the pure diagnosis package."""
    outside = [
        name
        for name in parent_imports(path)
        if name != "..diagnosis" and not name.startswith("..diagnosis.")
    ]
    assert not outside, f"{path.name} imports {outside}"


# Our integration's folder as a package called RENAMED, without running its
# __init__ (which needs Home Assistant): only the profiles and what they
# import are loaded.
ISOLATED_RUN = f"""
import importlib, types
parent = types.ModuleType({RENAMED!r})
parent.__path__ = [sys.argv[1]]
sys.modules[{RENAMED!r}] = parent
profiles = importlib.import_module({RENAMED!r} + ".profiles")
model = importlib.import_module({RENAMED!r} + ".diagnosis.model")
camera = profiles.SourceState(
    entity_id="camera.porch",
    domain="camera",
    state="unavailable",
    attributes={{"battery": "low"}},
    platform="blink",
)
observed = profiles.profile_for("blink", None).observe(
    profiles.CameraSources(camera=camera)
)
assert observed == model.Observation(available=False, battery_low=True), observed
"""


def test_runs_under_another_name_without_home_assistant() -> None:
    """Installed under another name, the profiles work and need nothing else."""
    run_isolated(ISOLATED_RUN, str(INTEGRATION_DIR))
