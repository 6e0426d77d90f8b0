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


@pytest.mark.parametrize(
    ("profile", "sources", "expected"),
    [
        pytest.param(BLINK, blink(), Power.AA_LITHIUM, id="blink-outdoor"),
        pytest.param(
            BLINK,
            blink(blink_camera("unavailable", battery=..., type=...), ()),
            Power.AA_LITHIUM,
            id="blink-outdoor-unavailable",
        ),
        pytest.param(BLINK, blink(MINI, MINI_SIBLINGS), Power.WIRED, id="blink-mini"),
        pytest.param(
            BLINK,
            replace(blink(blink_camera("unavailable", type=...), ()), model="mini"),
            Power.WIRED,
            id="blink-mini-unavailable-by-model",
        ),
        pytest.param(
            BLINK,
            blink(blink_camera(type="owl", battery=None)),
            Power.WIRED,
            id="blink-mini-by-product-type",
        ),
        pytest.param(
            RING,
            _sources(*ring_siblings(), camera=RING_CAMERA),
            Power.RECHARGEABLE,
            id="ring-battery-doorbell",
        ),
        pytest.param(
            RING,
            _sources(
                *(s for s in ring_siblings() if s.device_class != "battery"),
                camera=RING_CAMERA,
            ),
            Power.WIRED,
            id="ring-wired-doorbell",
        ),
        pytest.param(
            REOLINK,
            _sources(*reolink_siblings(), camera=REOLINK_CAMERA),
            Power.RECHARGEABLE,
            id="reolink-argus",
        ),
        pytest.param(
            REOLINK, _sources(camera=REOLINK_CAMERA), Power.WIRED, id="reolink-poe"
        ),
        pytest.param(
            ARLO,
            _sources(camera=aarlo_camera()),
            Power.RECHARGEABLE,
            id="arlo-by-attribute",
        ),
        pytest.param(
            ARLO,
            _sources(*AARLO_SIBLINGS, camera=aarlo_camera(charger_type="Solar Panel")),
            Power.SOLAR,
            id="arlo-solar-charger",
        ),
        pytest.param(
            EUFY,
            _sources(camera=eufy_camera(state={"battery": 80})),
            Power.RECHARGEABLE,
            id="eufy-by-property",
        ),
        pytest.param(
            EUFY,
            _sources(*EUFY_SIBLINGS, SOLAR_CHARGING, camera=eufy_camera()),
            Power.SOLAR,
            id="eufy-solar-charging",
        ),
        pytest.param(
            GENERIC, _sources(BATTERY), Power.RECHARGEABLE, id="generic-battery"
        ),
        pytest.param(
            GENERIC,
            _sources(GONE_BATTERY),
            Power.RECHARGEABLE,
            id="generic-battery-unavailable",
        ),
        pytest.param(
            GENERIC, _sources(LOW_FLAG), Power.RECHARGEABLE, id="generic-low-flag"
        ),
        pytest.param(
            GENERIC, _sources(BATTERY, SOLAR_PANEL), Power.SOLAR, id="generic-solar"
        ),
        pytest.param(
            GENERIC,
            _sources(SOLAR_PANEL),
            Power.WIRED,
            id="generic-panel-but-no-battery",
        ),
        pytest.param(GENERIC, _sources(PLUG), Power.WIRED, id="generic-plugged"),
        pytest.param(GENERIC, _sources(), Power.WIRED, id="generic-nothing"),
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
