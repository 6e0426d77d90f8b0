"""The README documents the public keys the code publishes."""

from __future__ import annotations

from pathlib import Path

from custom_components.camera_doctor.diagnosis import FIX_KEYS

README = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")


def test_fix_keys_are_documented() -> None:
    """Automations read the fix key (sensor state, event data): each is named."""
    missing = [key for key in FIX_KEYS.values() if f"`{key}`" not in README]
    assert not missing
