"""Scan a package's sources for the modules they import (shared by tests)."""

from __future__ import annotations

import ast
from pathlib import Path
import sys


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


def foreign_imports(source: Path, allowed: tuple[str, ...] = ()) -> list[str]:
    """Absolute imports that are neither standard library nor ``allowed``."""
    return [
        name
        for name in absolute_imports(source)
        if name not in allowed
        and (top := name.partition(".")[0]) != "__future__"
        and top not in sys.stdlib_module_names
    ]
