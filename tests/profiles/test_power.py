"""What keeps each camera running, which decides the advice its owner reads."""

from __future__ import annotations

from dataclasses import replace

import pytest

from custom_components.camera_doctor.profiles import CameraSources, Power, Profile
from custom_components.camera_doctor.profiles.arlo import ARLO
from custom_components.camera_doctor.profiles.blink import BLINK
from custom_components.camera_doctor.profiles.eufy import EUFY
from custom_components.camera_doctor.profiles.generic import GENERIC
from custom_components.camera_doctor.profiles.reolink import REOLINK
from custom_components.camera_doctor.profiles.ring import RING

from .shapes import blink, blink_camera, blink_siblings, entity, sync_module
from .test_blink import MINI, MINI_SIBLINGS
from .test_brands import (
    AARLO_SIBLINGS,
    EUFY_SIBLINGS,
    REOLINK_CAMERA,
    RING_CAMERA,
    aarlo_camera,
    eufy_camera,
    reolink_siblings,
    ring_siblings,
)

ONVIF = entity("camera.porch", "streaming", platform="onvif")
BATTERY = entity("sensor.porch_battery", "87", device_class="battery", unit="%")
GONE_BATTERY = entity("sensor.porch_battery", "unavailable", device_class="battery")
LOW_FLAG = entity("binary_sensor.porch_battery", "off", device_class="battery")
SOLAR_PANEL = entity("sensor.porch_solar_power", "3.2", unit="W")
SOLAR_CHARGING = entity("sensor.porch_charging_status", "Solar charging")
PLUG = entity("binary_sensor.porch_power", "on", device_class="power")


def _sources(*siblings: object, camera: object = ONVIF) -> CameraSources:
    return CameraSources(camera=camera, siblings=siblings)  # type: ignore[arg-type]


RING_WIRED = tuple(s for s in ring_siblings() if s.device_class != "battery")
MINI_UNAVAILABLE = blink(blink_camera("unavailable", type=...), ())

# What powers each camera, by what its integration publishes.
CASES: dict[Power, dict[str, tuple[Profile, CameraSources]]] = {
    Power.AA_LITHIUM: {
        "blink-outdoor": (BLINK, blink()),
        "blink-outdoor-unavailable": (
            BLINK,
            blink(blink_camera("unavailable", battery=..., type=...), ()),
        ),
    },
    Power.RECHARGEABLE: {
        "ring-battery-doorbell": (RING, _sources(*ring_siblings(), camera=RING_CAMERA)),
        "reolink-argus": (
            REOLINK,
            _sources(*reolink_siblings(), camera=REOLINK_CAMERA),
        ),
        "arlo-by-attribute": (ARLO, _sources(camera=aarlo_camera())),
        "eufy-by-property": (EUFY, _sources(camera=eufy_camera(state={"battery": 80}))),
        "generic-battery": (GENERIC, _sources(BATTERY)),
        "generic-battery-unavailable": (GENERIC, _sources(GONE_BATTERY)),
        "generic-low-flag": (GENERIC, _sources(LOW_FLAG)),
    },
    Power.SOLAR: {
        "arlo-solar-charger": (
            ARLO,
            _sources(*AARLO_SIBLINGS, camera=aarlo_camera(charger_type="Solar Panel")),
        ),
        "eufy-solar-charging": (
            EUFY,
            _sources(*EUFY_SIBLINGS, SOLAR_CHARGING, camera=eufy_camera()),
        ),
        "generic-solar": (GENERIC, _sources(BATTERY, SOLAR_PANEL)),
    },
    Power.WIRED: {
        "blink-mini": (BLINK, blink(MINI, MINI_SIBLINGS)),
        "blink-mini-unavailable-by-model": (
            BLINK,
            replace(MINI_UNAVAILABLE, model="mini"),
        ),
        "blink-mini-by-product-type": (
            BLINK,
            blink(blink_camera(type="owl", battery=None)),
        ),
        "ring-wired-doorbell": (RING, _sources(*RING_WIRED, camera=RING_CAMERA)),
        "reolink-poe": (REOLINK, _sources(camera=REOLINK_CAMERA)),
        "generic-panel-but-no-battery": (GENERIC, _sources(SOLAR_PANEL)),
        "generic-plugged": (GENERIC, _sources(PLUG)),
        "generic-nothing": (GENERIC, _sources()),
    },
}


@pytest.mark.parametrize(
    ("profile", "sources", "expected"),
    [
        pytest.param(profile, sources, power, id=name)
        for power, cases in CASES.items()
        for name, (profile, sources) in cases.items()
    ],
)
def test_power(profile: Profile, sources: CameraSources, expected: Power) -> None:
    """Blink battery models take AA cells, the Mini USB; others a pack, or a cable."""
    assert profile.power(sources) is expected


def test_mini_depends_on_no_sync_module() -> None:
    """A Mini on a sync module's network is never matched to it (nor blamed)."""
    home = sync_module(status="offline", cameras=("Front Door", "Kitchen"))
    mini = blink_camera(
        name="Kitchen",
        friendly_name="Kitchen",
        battery=None,
        battery_voltage=None,
        type="owl",
    )
    assert mini.attributes["sync_module"] == "Home"
    sources = replace(blink(mini, blink_siblings(battery="on"), (home,)), model="mini")
    assert BLINK.match_hub(sources) is None
    assert BLINK.match_hub(replace(sources, known_hub=home.entity_id)) is None
    assert BLINK.observe(sources).hub_online is None
    # The Outdoor next to it still depends on (and is blamed on) the module.
    outdoor = blink(hubs=(home,))
    assert BLINK.match_hub(outdoor) == home
    assert BLINK.observe(outdoor).hub_online is False
