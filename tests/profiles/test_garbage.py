"""Any state or attribute, however broken, gives an Observation."""

from __future__ import annotations

import math
from types import MappingProxyType
from typing import Any

from hypothesis import HealthCheck, given, settings, strategies as st

from custom_components.camera_doctor.diagnosis.model import Observation
from custom_components.camera_doctor.profiles import CameraSources, SourceState
from custom_components.camera_doctor.profiles.arlo import ARLO
from custom_components.camera_doctor.profiles.blink import BLINK
from custom_components.camera_doctor.profiles.eufy import EUFY
from custom_components.camera_doctor.profiles.generic import GENERIC
from custom_components.camera_doctor.profiles.reolink import REOLINK
from custom_components.camera_doctor.profiles.ring import RING

from .shapes import BLINK_CAMERA_ATTRIBUTES, blink, blink_siblings, sync_module

KEYS = [
    *BLINK_CAMERA_ATTRIBUTES,
    "status",
    "associated_cameras",
    "in_progress",
    "installed_version",
    "latest_version",
    "battery_level",
    "signal_strength",
    "charging",
    "connection",
    "state",
    "properties",
    "wifiRssi",
    "batteryLow",
    "unit_of_measurement",
    "device_class",
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [
            "on",
            "off",
            "unknown",
            "unavailable",
            "ok",
            "low",
            "online",
            "offline",
            "-60",
            "4",
            "nan",
            "°F",
        ]
    ),
    st.text(max_size=8),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(KEYS), inner, max_size=3),
    ),
    max_leaves=6,
)
ATTRIBUTES = st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=8)
DOMAINS = st.sampled_from(
    ["camera", "sensor", "binary_sensor", "update", "alarm_control_panel", "switch"]
)
CLASSES = st.sampled_from(
    [
        None,
        "battery",
        "signal_strength",
        "temperature",
        "connectivity",
        "problem",
        "power",
        "plug",
        "firmware",
    ]
)
WORDS = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "temperature",
            "wifi_strength",
            "wifi_signal",
            "battery_state",
            "power",
            "day_night_state",
            "wifi_signal_category",
        ]
    ),
    st.text(max_size=6),
)


@st.composite
def source_states(draw: st.DrawFn) -> SourceState:
    """Draw an entity with a random state, attributes, class and unit."""
    domain = draw(DOMAINS)
    state: Any = draw(st.one_of(SCALARS, st.lists(SCALARS, max_size=2)))
    attributes: Any = draw(
        st.one_of(
            ATTRIBUTES.map(MappingProxyType), st.lists(SCALARS, max_size=2), st.none()
        )
    )
    return SourceState(
        entity_id=f"{domain}.{draw(st.text('abc_', min_size=1, max_size=6))}",
        domain=domain,
        state=state,
        attributes=attributes,
        device_class=draw(CLASSES),
        unit=draw(
            st.one_of(
                st.none(),
                st.sampled_from(["°C", "°F", "K", "%", "dBm", "dB", "lux"]),
                st.text(max_size=3),
            )
        ),
        key=draw(WORDS),
        platform=draw(st.sampled_from([None, "blink", "ring", "other"])),
    )


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    camera=source_states(),
    siblings=st.lists(source_states(), max_size=6).map(tuple),
    hubs=st.lists(source_states(), max_size=3).map(tuple),
)
def test_random_sources_never_raise(
    camera: SourceState,
    siblings: tuple[SourceState, ...],
    hubs: tuple[SourceState, ...],
) -> None:
    """Every profile copes with any entity set and returns sane values."""
    sources = CameraSources(camera=camera, siblings=siblings, hubs=hubs)
    for profile in (BLINK, RING, ARLO, EUFY, REOLINK, GENERIC):
        observation = profile.observe(sources)
        assert isinstance(observation, Observation)
        _assert_sane(observation)
        readings = profile.changing_readings(sources)
        assert all(isinstance(value, float | str) for value in readings.values())
        profile.match_hub(sources)


@settings(max_examples=200)
@given(changes=ATTRIBUTES, hub_attributes=ATTRIBUTES)
def test_blink_attribute_garbage(
    changes: dict[str, Any], hub_attributes: dict[str, Any]
) -> None:
    """Realistic Blink entities with garbled attributes still give sane readings."""
    hub = sync_module()
    garbled_hub = SourceState(
        entity_id=hub.entity_id,
        domain=hub.domain,
        state="disarmed",
        attributes=hub_attributes,
        platform="blink",
    )
    sources = blink(
        SourceState(
            entity_id="camera.front_door",
            domain="camera",
            state="idle",
            attributes={**BLINK_CAMERA_ATTRIBUTES, **changes},
            platform="blink",
        ),
        blink_siblings(),
        (garbled_hub, hub),
    )
    _assert_sane(BLINK.observe(sources))


def _assert_sane(observation: Observation) -> None:
    """Check every known reading lies in its documented range."""
    for value in (
        observation.battery_percent,
        observation.signal_dbm,
        observation.temperature_c,
    ):
        assert value is None or (isinstance(value, float) and math.isfinite(value))
    assert (
        observation.battery_percent is None or 0 <= observation.battery_percent <= 100
    )
    assert observation.signal_dbm is None or observation.signal_dbm < 0
    assert observation.signal_bars is None or 0 <= observation.signal_bars <= 5
    for flag in (
        observation.available,
        observation.battery_low,
        observation.firmware_updating,
        observation.update_available,
        observation.hub_online,
        observation.power_fault,
        observation.is_dark,
    ):
        assert flag is None or isinstance(flag, bool)
