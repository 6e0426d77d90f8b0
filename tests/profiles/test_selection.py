"""Picking a profile by platform, then by manufacturer."""

from __future__ import annotations

import pytest

from custom_components.camera_doctor.profiles import profile_for
from custom_components.camera_doctor.profiles.arlo import ARLO
from custom_components.camera_doctor.profiles.blink import BLINK
from custom_components.camera_doctor.profiles.eufy import EUFY
from custom_components.camera_doctor.profiles.generic import GENERIC
from custom_components.camera_doctor.profiles.reolink import REOLINK
from custom_components.camera_doctor.profiles.ring import RING


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


def test_every_profile_has_its_own_name() -> None:
    """The name diagnostics show tells the profiles apart, and selects each."""
    profiles = (BLINK, RING, ARLO, EUFY, REOLINK, GENERIC)
    assert len({profile.name for profile in profiles}) == len(profiles)
    assert all(profile_for(profile.name, None) is profile for profile in profiles)
