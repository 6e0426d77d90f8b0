"""The README documents the public keys the code publishes."""

from __future__ import annotations

from pathlib import Path

from custom_components.camera_doctor.diagnosis import FIX_KEYS
from custom_components.camera_doctor.fixes import FIX_OPTIONS

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text("utf-8")


def test_fix_keys_are_documented() -> None:
    """Automations read the fix key (sensor state, event data): each is named."""
    missing = [key for key in FIX_KEYS.values() if f"`{key}`" not in README]
    assert not missing


def test_every_fix_key_has_its_page() -> None:
    """docs/fixes.md names every fix key the sensor can show, and when."""
    page = (ROOT / "docs" / "fixes.md").read_text("utf-8")
    assert [key for key in FIX_OPTIONS if f"| `{key}` |" not in page] == []
