"""The diagnosis package imports only the standard library."""

from __future__ import annotations

from pathlib import Path
import subprocess
import sys

import pytest

import custom_components.camera_doctor.diagnosis as package
from tests.purity import absolute_imports, foreign_imports

PACKAGE_DIR = Path(package.__file__).parent
SOURCES = sorted(PACKAGE_DIR.glob("*.py"))


def test_sources_found() -> None:
    """The check below really looks at the package's modules."""
    assert {path.name for path in SOURCES} >= {
        "__init__.py",
        "engine.py",
        "fixes.py",
        "model.py",
        "readings.py",
    }


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_only_standard_library_imports(source: Path) -> None:
    """Every absolute import is from the standard library (or __future__)."""
    foreign = foreign_imports(source)
    assert not foreign, f"{source.name} imports {foreign}"


def test_the_checker_catches_foreign_imports(tmp_path: Path) -> None:
    """The import scan sees plain, dotted and from-imports."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os.path\nimport homeassistant.core\nfrom voluptuous import All\n"
        "from . import model\nfrom .model import Cause\n",
        encoding="utf-8",
    )
    assert absolute_imports(sample) == ["os.path", "homeassistant.core", "voluptuous"]
    assert foreign_imports(sample) == ["homeassistant.core", "voluptuous"]


ISOLATED_RUN = """
import importlib.util, sys
before = set(sys.modules)
sys.modules["homeassistant"] = None  # any import of it now fails
spec = importlib.util.spec_from_file_location(
    "isolated_diagnosis", sys.argv[1], submodule_search_locations=[sys.argv[2]]
)
module = importlib.util.module_from_spec(spec)
sys.modules["isolated_diagnosis"] = module
spec.loader.exec_module(module)
result = module.diagnose(module.Observation(battery_percent=5))
assert result.cause == "low_battery", result
loaded = {name.partition(".")[0] for name in set(sys.modules) - before}
foreign = loaded - set(sys.stdlib_module_names) - {"isolated_diagnosis", "homeassistant"}
assert not foreign, foreign
"""


def test_runs_without_home_assistant() -> None:
    """Loaded on its own, the package works and pulls in nothing else."""
    subprocess.run(  # noqa: S603 - our own interpreter and files
        [
            sys.executable,
            "-I",
            "-c",
            ISOLATED_RUN,
            str(PACKAGE_DIR / "__init__.py"),
            str(PACKAGE_DIR),
        ],
        check=True,
        timeout=60,
    )
