"""The diagnosis package imports only the standard library."""

from __future__ import annotations

from pathlib import Path

import pytest

import custom_components.camera_doctor.diagnosis as package
from tests.purity import (
    RENAMED,
    absolute_imports,
    foreign_imports,
    parent_imports,
    run_isolated,
)

PACKAGE_DIR = Path(package.__file__).parent
SOURCES = sorted(PACKAGE_DIR.glob("*.py"))


def test_sources_found() -> None:
    """The check below really looks at the package's modules."""
    assert {path.name for path in SOURCES} >= {
        "__init__.py",
        "engine.py",
        "model.py",
        "readings.py",
    }


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_only_standard_library_imports(source: Path) -> None:
    """Every absolute import is from the standard library (or __future__)."""
    foreign = foreign_imports(source)
    assert not foreign, f"{source.name} imports {foreign}"


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_nothing_imported_from_outside_the_package(source: Path) -> None:
    """No relative import leaves the package (the engine stands on its own)."""
    outside = parent_imports(source)
    assert not outside, f"{source.name} imports {outside}"


def test_the_checker_catches_foreign_imports(tmp_path: Path) -> None:
    """The import scan sees plain, dotted and from-imports, and our own name."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os.path\nimport homeassistant.core\nfrom voluptuous import All\n"
        "from custom_components.camera_doctor.diagnosis.model import Cause\n"
        "from . import model\nfrom .model import Cause\n"
        "from ..diagnosis.model import Observation\nfrom .. import const\n",
        encoding="utf-8",
    )
    assert absolute_imports(sample) == [
        "os.path",
        "homeassistant.core",
        "voluptuous",
        "custom_components.camera_doctor.diagnosis.model",
    ]
    assert foreign_imports(sample) == [
        "homeassistant.core",
        "voluptuous",
        "custom_components.camera_doctor.diagnosis.model",
    ]
    assert parent_imports(sample) == ["..diagnosis.model", "..const"]


ISOLATED_RUN = f"""
import importlib.util
spec = importlib.util.spec_from_file_location(
    {RENAMED!r}, sys.argv[1], submodule_search_locations=[sys.argv[2]]
)
module = importlib.util.module_from_spec(spec)
sys.modules[{RENAMED!r}] = module
spec.loader.exec_module(module)
result = module.diagnose(module.Observation(battery_percent=5))
assert result.cause == "low_battery", result
"""


def test_runs_without_home_assistant() -> None:
    """Loaded on its own, the package works and pulls in nothing else."""
    run_isolated(ISOLATED_RUN, str(PACKAGE_DIR / "__init__.py"), str(PACKAGE_DIR))
