"""Picking a profile by platform, then by manufacturer."""

from __future__ import annotations

import pytest

from custom_components.camera_doctor.profiles import PROFILES, profile_for


@pytest.mark.parametrize(
    ("platform", "manufacturer", "expected"),
    [
        ("blink", None, "blink"),
        ("ring", "Blink", "ring"),
        ("arlo", None, "arlo"),
        ("aarlo", None, "arlo"),
        ("eufy_security", None, "eufy"),
        ("eufy", None, "eufy"),
        ("reolink", None, "reolink"),
        (" Blink ", None, "blink"),
        ("onvif", "Blink", "blink"),
        (None, "Immedia Semiconductor", "blink"),
        (None, "Ring LLC", "ring"),
        (None, "Bosch Engineering", "generic"),
        (None, "Springfield Cams", "generic"),
        (None, "Arlo Technologies", "arlo"),
        (None, "Netgear Arlo", "arlo"),
        (None, "Eufy Security", "eufy"),
        (None, "Anker Innovations", "eufy"),
        (None, "Reolink", "reolink"),
        ("generic", "Acme", "generic"),
        (None, None, "generic"),
        ("unknown", "unavailable", "generic"),
    ],
)
def test_profile_for(
    platform: str | None, manufacturer: str | None, expected: str
) -> None:
    """Platform decides first, then a whole-word manufacturer match."""
    assert profile_for(platform, manufacturer).name == expected


def test_profiles_registry() -> None:
    """Every profile is registered under its own name."""
    assert set(PROFILES) == {"blink", "ring", "arlo", "eufy", "reolink", "generic"}
    assert all(name == profile.name for name, profile in PROFILES.items())
