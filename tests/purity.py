"""Check what a pure package imports (shared by the purity tests).

A pure package imports the standard library, and our own modules only by
relative import: an absolute ``custom_components.camera_doctor...`` import
breaks wherever the integration is installed under another name.
"""

from __future__ import annotations

import ast
from pathlib import Path
import subprocess
import sys

# The package name the isolated runs load our code under.
RENAMED = "renamed"

_ISOLATION = """
import sys
before = set(sys.modules)
for blocked in ("homeassistant", "custom_components"):
    sys.modules[blocked] = None  # any import of it now fails
{script}
loaded = {{name.partition(".")[0] for name in set(sys.modules) - before}}
foreign = loaded - set(sys.stdlib_module_names) - {{{renamed!r}}}
foreign -= {{"homeassistant", "custom_components"}}
assert not foreign, foreign
"""


def absolute_imports(source: Path) -> list[str]:
    """Return the full names of every absolute import in ``source``."""
    tree = ast.parse(source.read_text(encoding="utf-8"), str(source))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            assert node.module is not None
            names.append(node.module)
    return names


def parent_imports(source: Path) -> list[str]:
    """Return the relative imports in ``source`` that leave its own package.

    Each is written as in the source, dots first: ``..diagnosis.model`` for
    ``from ..diagnosis.model import Observation`` and ``..const`` for
    ``from .. import const``.
    """
    tree = ast.parse(source.read_text(encoding="utf-8"), str(source))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level > 1:
            dots = "." * node.level
            if node.module is not None:
                names.append(f"{dots}{node.module}")
            else:
                names.extend(f"{dots}{alias.name}" for alias in node.names)
    return names


def foreign_imports(source: Path) -> list[str]:
    """Absolute imports that are not the standard library (nor ``__future__``).

    Our own package imported by its absolute name is foreign too.
    """
    return [
        name
        for name in absolute_imports(source)
        if (top := name.partition(".")[0]) != "__future__"
        and top not in sys.stdlib_module_names
    ]


def run_isolated(script: str, *args: str) -> None:
    """Run ``script`` in a fresh interpreter, without Home Assistant.

    Neither ``homeassistant`` nor ``custom_components`` can be imported
    there; ``script`` loads our code under the name ``RENAMED`` (its
    arguments are in ``sys.argv[1:]``). Afterwards nothing but the standard
    library and ``RENAMED`` may have been loaded.
    """
    subprocess.run(  # noqa: S603 - our own interpreter and files
        [
            sys.executable,
            "-I",
            "-c",
            _ISOLATION.format(script=script, renamed=RENAMED),
            *args,
        ],
        check=True,
        timeout=60,
    )
