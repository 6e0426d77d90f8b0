"""The README's one-click links point at what the repository ships."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
# The README and the owner pages under docs/ (a feature's page has its button).
DOCS = "\n".join([README, *(page.read_text() for page in (ROOT / "docs").glob("*.md"))])
REPOSITORY = "camera-doctor/camera-doctor"
BLUEPRINTS = sorted(
    (ROOT / "blueprints" / "automation" / "camera_doctor").glob("*.yaml")
)


def test_hacs_repository_link() -> None:
    """The HACS button opens this repository as an integration."""
    owner, name = REPOSITORY.split("/")
    assert (
        "https://my.home-assistant.io/redirect/hacs_repository/"
        f"?owner={owner}&repository={name}&category=integration"
    ) in README


@pytest.mark.parametrize("blueprint", BLUEPRINTS, ids=lambda path: path.name)
def test_blueprint_import_link(blueprint: Path) -> None:
    """Each blueprint has an import button for its raw file on main (README or docs)."""
    path = blueprint.relative_to(ROOT).as_posix()
    raw = f"https://raw.githubusercontent.com/{REPOSITORY}/main/{path}"
    link = (
        "https://my.home-assistant.io/redirect/blueprint_import/"
        f"?blueprint_url={quote(raw, safe='')}"
    )
    assert link in DOCS
    # The blueprint's own source_url names the same file (re-import updates it).
    assert f"source_url: https://github.com/{REPOSITORY}/blob/main/{path}" in (
        blueprint.read_text()
    )


def test_license_is_mit() -> None:
    """The LICENSE file matches pyproject's licence."""
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License\n")
    assert "Copyright (c) 2026 Camera Doctor developers" in text
    assert 'license = "MIT"' in (ROOT / "pyproject.toml").read_text()
