"""The docs say what the code publishes, and their links lead somewhere.

The README is for owners (tests/test_readme_links.py); each notice has its
page in docs/causes/ (its "Learn more"); docs/automations.md names the keys
automations read; quality_scale.yaml cites files that exist.
"""

from __future__ import annotations

from itertools import pairwise
import json
from pathlib import Path
import re

import pytest
import yaml

from custom_components.camera_doctor import const
from custom_components.camera_doctor.const import DOCS_URL, learn_more_url
from custom_components.camera_doctor.diagnosis import FIX_KEYS, Cause
from custom_components.camera_doctor.fixes import FIX_OPTIONS
from tests.test_readme_links import OWN_URL

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "custom_components" / "camera_doctor"
DOCS = ROOT / "docs"
README = (ROOT / "README.md").read_text("utf-8")
STRINGS = json.loads((PACKAGE / "strings.json").read_text("utf-8"))
# Notices without a page of their own: "no camera to watch" explains itself;
# the sign-in variant of integration_offline shares that cause's page.
NO_PAGE = {"no_cameras"}
SHARED_PAGE = {"integration_offline_reauth": "integration_offline"}
PAGES = [*sorted(DOCS.rglob("*.md")), ROOT / "CONTRIBUTING.md", ROOT / "CHANGELOG.md"]
# Paths quality_scale.yaml cites from the repository's root; others are the
# integration's own files, from its folder.
FROM_ROOT = ("tests/", "docs/", "blueprints/", "scripts/", "README.md")


def _anchors(text: str) -> set[str]:
    """GitHub's anchors for a Markdown file's headings."""
    return {
        re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        for heading in re.findall(r"^#+ (.+)$", text, re.MULTILINE)
    }


def _notice_pages() -> set[str]:
    keys = set(STRINGS["issues"]) - NO_PAGE
    return {SHARED_PAGE.get(key, key) for key in keys}


def test_option_keys_are_documented() -> None:
    """Every option key is in the README's options table."""
    options = README.split("## Options", 1)[1].split("\n## ", 1)[0]
    keys = [value for name, value in vars(const).items() if name.startswith("CONF_")]
    assert keys
    assert not [key for key in keys if f"| `{key}` |" not in options]


def test_every_notice_has_its_page() -> None:
    """Each notice's "Learn more" page exists, and the README links it."""
    pages = _notice_pages()
    assert {cause.value for cause in Cause if cause is not Cause.NONE} <= pages
    for key in pages:
        url = learn_more_url(key)
        path = ROOT / "docs" / url.removeprefix(f"{DOCS_URL}/")
        assert path.is_file(), key
        assert path.read_text("utf-8").startswith("# "), key
        assert url in README, key


def test_no_page_without_a_notice() -> None:
    """docs/causes/ holds a page per notice and nothing else."""
    assert {path.stem for path in (DOCS / "causes").glob("*.md")} == _notice_pages()


@pytest.mark.parametrize(
    "page", PAGES, ids=lambda path: path.relative_to(ROOT).as_posix()
)
def test_relative_links_resolve(page: Path) -> None:
    """Each link or image of a docs page into this repository names a file (and heading)."""
    text = page.read_text("utf-8")
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if own := OWN_URL.match(target):
            assert (ROOT / own[1]).exists(), (page.name, target)
            continue
        if target.startswith(("https://", "http://", "mailto:")):
            continue
        path_part, _, anchor = target.partition("#")
        path = (page.parent / path_part).resolve() if path_part else page
        assert path.exists(), (page.name, target)
        if anchor and path.suffix == ".md":
            assert anchor in _anchors(path.read_text("utf-8")), (page.name, target)


def test_changelog_entries_are_one_line() -> None:
    """Short entries: every entry is one line, under a version heading."""
    text = (ROOT / "CHANGELOG.md").read_text("utf-8")
    lines = text.splitlines()
    assert any(line.startswith("## 0.1.0") for line in lines)
    for before, line in pairwise(lines):
        if before.startswith("- "):
            assert not line.startswith(" "), before


def _cited(comment: str) -> list[tuple[str, str]]:
    """The file paths (and ``::test`` names) a quality-scale comment cites."""
    found = []
    for word in re.findall(r"[\w@./#:-]+", comment):
        word = word.rstrip(".,:;")
        path, _, name = word.partition("::")
        path = path.partition("#")[0]
        if "/" in path or re.search(r"\.(py|json|yaml|md|png)$", path):
            found.append((word, name))
    return found


def test_quality_scale_cites_files_that_exist() -> None:
    """Every file, folder, test and heading quality_scale.yaml cites is there."""
    rules = yaml.safe_load((PACKAGE / "quality_scale.yaml").read_text("utf-8"))
    cited = 0
    for rule, entry in rules["rules"].items():
        for word, name in _cited(str(entry.get("comment", ""))):
            path, _, anchor = word.partition("::")[0].partition("#")
            base = ROOT if path.startswith(FROM_ROOT) else PACKAGE
            target = base / path
            assert target.exists(), (rule, word)
            if name:
                assert f"def {name}(" in target.read_text("utf-8"), (rule, word)
            if anchor:
                assert anchor in _anchors(target.read_text("utf-8")), (rule, word)
            cited += 1
    assert cited > 30


def test_every_fix_key_has_its_page() -> None:
    """docs/fixes.md names every fix key the sensor can show, and when."""
    assert set(FIX_KEYS.values()) <= set(FIX_OPTIONS)
    page = (ROOT / "docs" / "fixes.md").read_text("utf-8")
    assert [key for key in FIX_OPTIONS if f"| `{key}` |" not in page] == []
