"""manifest.json and hacs.json follow the hassfest and HACS rules."""

from __future__ import annotations

import json
from pathlib import Path
import re
from typing import Any

from homeassistant import components
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "custom_components" / "camera_doctor"
SEMVER = re.compile(r"^\d+\.\d+\.\d+$")
HACS_KEYS = {
    "name",
    "content_in_root",
    "zip_release",
    "filename",
    "hide_default_branch",
    "country",
    "homeassistant",
    "hacs",
    "persistent_directory",
    "render_readme",
}
MANIFEST_KEYS = {
    "domain",
    "name",
    "after_dependencies",
    "bluetooth",
    "codeowners",
    "config_flow",
    "dependencies",
    "dhcp",
    "documentation",
    "homekit",
    "integration_type",
    "iot_class",
    "issue_tracker",
    "loggers",
    "mqtt",
    "quality_scale",
    "requirements",
    "single_config_entry",
    "ssdp",
    "usb",
    "version",
    "zeroconf",
}


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_manifest() -> None:
    """Keys domain and name first, the rest sorted, and every value valid."""
    manifest = _load(PACKAGE / "manifest.json")
    keys = list(manifest)
    assert keys[:2] == ["domain", "name"]
    assert keys[2:] == sorted(keys[2:])
    assert set(keys) <= MANIFEST_KEYS
    assert manifest["domain"] == PACKAGE.name == "camera_doctor"
    assert manifest["name"] == "Camera Doctor"
    assert manifest["config_flow"] is True
    # One entry watches every camera: Home Assistant refuses a second one.
    assert manifest["single_config_entry"] is True
    assert manifest["iot_class"] == "calculated"
    assert manifest["integration_type"] in {"hub", "device", "service", "helper"}
    assert manifest["requirements"] == []
    assert SEMVER.match(manifest["version"])
    assert all(owner.startswith("@") for owner in manifest["codeowners"])
    for key in ("documentation", "issue_tracker"):
        assert manifest[key].startswith("https://")
    assert manifest["quality_scale"] in {"bronze", "silver", "gold", "platinum"}


def test_pyproject_version_matches_manifest() -> None:
    """One version everywhere."""
    manifest = _load(PACKAGE / "manifest.json")
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{manifest["version"]}"' in text


def test_hacs() -> None:
    """Only keys HACS knows, and the oldest supported Home Assistant."""
    hacs = _load(ROOT / "hacs.json")
    assert set(hacs) <= HACS_KEYS
    assert hacs["name"] == "Camera Doctor"
    assert re.match(r"^\d{4}\.\d{1,2}\.\d+$", hacs["homeassistant"])
    assert hacs["render_readme"] is True


def test_only_our_integration_under_custom_components() -> None:
    """HACS installs the single folder under custom_components/."""
    folders = [
        p.name
        for p in (ROOT / "custom_components").iterdir()
        if p.is_dir() and p.name != "__pycache__"
    ]
    assert folders == ["camera_doctor"]


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=str)
def test_files_are_small(path: Path) -> None:
    """One responsibility per file: none over 400 lines."""
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


def test_no_hass_data_domain() -> None:
    """Runtime data lives on the config entry, never in hass.data[DOMAIN]."""
    for path in PACKAGE.rglob("*.py"):
        assert "hass.data[DOMAIN]" not in path.read_text(encoding="utf-8"), path


def test_quality_scale_covers_every_rule() -> None:
    """Every rule of the installed Home Assistant's scale is done or exempt."""
    # peblar is a platinum integration: its file lists every rule.
    reference = Path(components.__file__).parent / "peblar" / "quality_scale.yaml"
    rules = set(yaml.safe_load(reference.read_text("utf-8"))["rules"])
    ours = yaml.safe_load((PACKAGE / "quality_scale.yaml").read_text("utf-8"))
    assert rules <= set(ours["rules"])
    for rule, value in ours["rules"].items():
        status = value if isinstance(value, str) else value["status"]
        assert status in {"done", "exempt"}, rule
        # done: the test or file that shows it; exempt: why it does not apply.
        assert value["comment"], rule
