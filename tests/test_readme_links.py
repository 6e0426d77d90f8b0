"""The README, for owners: short, its links and images absolute and real.

HACS renders the README (``render_readme``) and drops relative images, so
every image and link is an absolute URL of this repository on main, and
each names a file the repository has.
"""

from __future__ import annotations

from pathlib import Path
import re
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
MAX_BYTES = 15 * 1024
# A file of this repository on main, as GitHub shows it or as raw content.
OWN_URL = re.compile(
    rf"https://(?:github\.com/{REPOSITORY}/(?:blob|tree)/main"
    rf"|raw\.githubusercontent\.com/{REPOSITORY}/main)/([^)\s#]+)"
)
# Pages written on other branches (the card, phone notifications): the lead
# removes an entry once its page is merged (a strict xfail then fails).
PENDING: set[str] = set()


def _commands(text: str) -> list[str]:
    """The commands of the first shell block, comments dropped."""
    block = text.split("```bash\n", 1)[1].split("```", 1)[0]
    return [line.split("#", 1)[0].strip() for line in block.splitlines()]


def test_readme_is_short() -> None:
    """Owners read it in HACS: at most 15 KB."""
    assert len(README.encode("utf-8")) <= MAX_BYTES


def test_first_commands_run_the_instance_then_the_tests() -> None:
    """A fresh machine: the development instance first, then the test suite."""
    head = README.split("## Installation", 1)[0]
    assert "## Development" in head
    assert _commands(head)[:2] == ["scripts/develop", "scripts/test"]
    # The newest release, documented next to it.
    assert "`scripts/develop --latest`" in head
    assert "--latest)" in (ROOT / "scripts" / "develop").read_text()


def test_images_are_absolute() -> None:
    """No relative image: HACS would drop it."""
    images = re.findall(r"!\[[^\]]*\]\(([^)\s]+)", README)
    assert images
    assert all(url.startswith("https://") for url in images), images


def test_links_are_absolute() -> None:
    """No relative link either: HACS shows the README away from GitHub."""
    links = re.findall(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)", README)
    relative = [url for url in links if not url.startswith(("https://", "#"))]
    assert not relative


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(
            path,
            marks=pytest.mark.xfail(
                path in PENDING, reason="written on another branch", strict=True
            ),
        )
        for path in sorted(set(OWN_URL.findall(README)))
    ],
)
def test_own_links_name_files_that_exist(path: str) -> None:
    """Each link or image of this repository names a file or folder on main."""
    assert (ROOT / path).exists(), path


def test_anchors_exist() -> None:
    """Each ``#anchor`` link names a heading of the README."""
    anchors = {
        re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        for heading in re.findall(r"^#+ (.+)$", README, re.MULTILINE)
    }
    wanted = set(re.findall(r"\]\(#([^)]+)\)", README))
    assert wanted
    assert wanted <= anchors, wanted - anchors


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
