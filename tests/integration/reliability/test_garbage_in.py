"""Garbage in: random states and attributes on every watched entity.

Each example writes garbage (text, NaN, infinities, huge numbers, wrong units,
missing attributes, lists, dicts, None) to every entity a loaded camera's
diagnosis reads, lets the grace period pass, and checks that nothing raised,
nothing was logged more than once per entity, no repair appeared and the
sensors hold valid states. The values are chosen so that none of them is a
real fault reading: garbage must stay unknown, and unknown is never a fault.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
import logging
import math
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from hypothesis import HealthCheck, example, given, settings, strategies as st
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import DOMAIN, EVENT_DIAGNOSIS
from custom_components.camera_doctor.diagnosis import FIX_KEYS, Cause
from custom_components.camera_doctor.profiles._coerce import as_bool, as_float
from tests.integration.fleet import FakeCamera, add_generic_camera

from .helpers import CAUSE, add_blink, advance, blink_healthy, our_issues, setup_entry

# Words a source uses for a real reading: never garbage.
MEANINGFUL = frozenset(
    {STATE_UNAVAILABLE, "online", "offline", "low", "ok", "on", "off", "true"}
)
# Any finite number this close to zero could be a battery %, dBm, bars or
# a temperature in °C/°F/K; beyond it, every reading rejects it.
SANE_LIMIT = 1000.0


def _is_garbage(value: object) -> bool:
    """Whether no profile could read ``value`` as a fault (or as anything)."""
    if isinstance(value, str) and value.strip().casefold() in MEANINGFUL:
        return False
    if as_bool(value) is not None:
        return False
    number = as_float(value)
    return number is None or abs(number) > SANE_LIMIT


HUGE = st.one_of(
    st.integers(min_value=10**4, max_value=10**40),
    st.integers(min_value=-(10**40), max_value=-(10**4)),
    st.floats(min_value=1e4, allow_infinity=True, allow_nan=False),
    st.floats(max_value=-1e4, allow_infinity=True, allow_nan=False),
)
SCALAR = st.one_of(
    st.none(),
    st.just(math.nan),
    st.just(math.inf),
    st.just(-math.inf),
    HUGE,
    st.text(max_size=12),
    st.sampled_from(["nan", "NaN", "inf", "-inf", "1e999", "", " ", "42%", "-"]),
)
GARBAGE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.text(max_size=6), inner, max_size=3),
    ),
    max_leaves=6,
).filter(_is_garbage)
# A state is a string of at most 255 characters in Home Assistant.
STATES = GARBAGE.map(lambda value: str(value)[:255]).filter(_is_garbage)
UNITS = st.one_of(
    st.none(),
    st.sampled_from(["parsec", "V", "mAh", "", "%", "°C", "°F", "K", "dBm", "bars"]),
    GARBAGE,
)
ATTRIBUTES = st.dictionaries(
    st.sampled_from(
        [
            "device_class",
            "unit_of_measurement",
            "battery",
            "battery_voltage",
            "temperature",
            "temperature_c",
            "wifi_strength",
            "sync_signal_strength",
            "sync_module",
            "network_id",
            "status",
            "name",
            "associated_cameras",
            "in_progress",
            "installed_version",
            "latest_version",
        ]
    ),
    GARBAGE,
    max_size=6,
)
# A plausible number under a unit no reading accepts.
WRONG_UNIT = st.tuples(
    st.floats(min_value=-200, max_value=200).map(lambda n: f"{n:g}"),
    st.sampled_from(["parsec", "V", "mAh", "lx", "W", "Hz"]),
)
WRONG_UNIT_KEYS = ("battery", "signal", "temperature")


@st.composite
def readings(draw: st.DrawFn, keys: tuple[str, ...]) -> dict[str, Any]:
    """States and attributes for every key.

    The battery, signal and temperature may get a plausible number in a unit
    no reading accepts instead.
    """
    written: dict[str, Any] = {}
    for key in keys:
        attributes = draw(ATTRIBUTES)
        if key in WRONG_UNIT_KEYS and draw(st.booleans()):
            state, unit = draw(WRONG_UNIT)
        else:
            state, unit = draw(STATES), draw(UNITS)
        if unit is not None:
            attributes["unit_of_measurement"] = unit
        written[key] = (state, attributes)
    return written


def _check_sensors(hass: HomeAssistant, name: str) -> None:
    cause = hass.states.get(CAUSE.format(name))
    assert cause is not None
    assert cause.state in {c.value for c in Cause}
    assert cause.state == Cause.NONE
    assert cause.attributes["causes"] == []
    fix = hass.states.get(f"sensor.{name}_recommended_fix")
    assert fix is not None
    assert fix.state in set(FIX_KEYS.values())
    assert hass.states.get(f"binary_sensor.{name}_red_flash").state == "off"


def _write(camera: FakeCamera, key: str, state: str, attributes: Any) -> None:
    entity_id = camera.entity_id if key == "camera" else camera.siblings[key]
    camera.hass.states.async_set(entity_id, state, attributes, force_update=True)


def _loud_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    # asyncio's debug mode reports the frozen clock's jumps as slow callbacks.
    return [
        r
        for r in caplog.records
        if r.levelno >= logging.WARNING and r.name != "asyncio"
    ]


def _assert_quiet(caplog: pytest.LogCaptureFixture, entity_ids: list[str]) -> None:
    """At most one warning or error per watched entity, none of ours unexplained."""
    loud = _loud_records(caplog)
    per_entity = Counter(
        next((e for e in entity_ids if e in r.getMessage()), None) for r in loud
    )
    assert per_entity.get(None, 0) == 0, [r.getMessage() for r in loud]
    assert all(count <= 1 for count in per_entity.values()), per_entity


@pytest.fixture
async def generic(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> FakeCamera:
    """A healthy generic camera with every kind of sibling, under watch."""
    camera = add_generic_camera(hass, "Garage")
    await setup_entry(hass, mock_config_entry)
    _check_sensors(hass, "garage")
    return camera


GENERIC_KEYS = (
    "camera",
    "battery",
    "signal",
    "temperature",
    "connectivity",
    "firmware",
)


async def _assert_harmless(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
    camera: FakeCamera,
    written: dict[str, Any],
    *,
    watched: list[str],
) -> None:
    """Write the garbage, wait past every grace period: nothing happens."""
    caplog.clear()
    events: list[Any] = []
    unsub = hass.bus.async_listen(EVENT_DIAGNOSIS, events.append)
    try:
        for key, (state, attributes) in written.items():
            _write(camera, key, state, attributes)
        await advance(hass, freezer, timedelta(minutes=7))
        _check_sensors(hass, camera.name.lower().replace(" ", "_"))
        assert our_issues(hass) == {}
        assert events == []
        _assert_quiet(caplog, watched)
    finally:
        unsub()


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(written=readings(GENERIC_KEYS))
@example(
    written={
        "camera": ("idle", {"entity_picture": math.nan}),
        "battery": ("1e999", {"unit_of_measurement": "%"}),
        "signal": ("-1e9", {"unit_of_measurement": "dBm"}),
        "temperature": ("20", {"unit_of_measurement": "parsec"}),
        "connectivity": ("[]", {}),
        "firmware": ("{}", {"in_progress": 10**30, "latest_version": ["2"]}),
    }
)
async def test_generic_camera_garbage(
    hass: HomeAssistant,
    generic: FakeCamera,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
    written: dict[str, Any],
) -> None:
    """Garbage on every sibling of a generic camera is unknown, never a fault."""
    try:
        await _assert_harmless(
            hass,
            freezer,
            caplog,
            generic,
            written,
            watched=[generic.entity_id, *generic.siblings.values()],
        )
    finally:
        # Back to healthy for the next example (same Home Assistant).
        hass.states.async_remove(generic.siblings["firmware"])
        for key, state in (
            ("camera", "idle"),
            ("battery", "80"),
            ("signal", "-55"),
            ("temperature", "21"),
            ("connectivity", "on"),
        ):
            hass.states.async_remove(
                generic.entity_id if key == "camera" else generic.siblings[key]
            )
            generic.set(key, state)
        generic.set("firmware", "off", installed_version="1", latest_version="1")
        await hass.async_block_till_done()


BLINK_KEYS = ("camera", "hub")


@pytest.fixture
async def blink(hass: HomeAssistant, mock_config_entry: MockConfigEntry) -> FakeCamera:
    """A Blink camera and its sync module panel, healthy, under watch."""
    camera = add_blink(hass)
    await setup_entry(hass, mock_config_entry)
    _check_sensors(hass, "front_door")
    return camera


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(written=readings(BLINK_KEYS))
async def test_blink_camera_garbage(
    hass: HomeAssistant,
    blink: FakeCamera,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
    written: dict[str, Any],
) -> None:
    """Garbage in a Blink camera's and sync module's attributes: no fault."""
    try:
        await _assert_harmless(
            hass,
            freezer,
            caplog,
            blink,
            written,
            watched=[blink.entity_id, blink.siblings["hub"]],
        )
    finally:
        blink_healthy(blink)
        await hass.async_block_till_done()


async def test_garbage_is_no_domain_error(
    hass: HomeAssistant, generic: FakeCamera, caplog: pytest.LogCaptureFixture
) -> None:
    """The worst of the garbage at once: nothing of ours logs at all."""
    for key in ("battery", "signal", "temperature"):
        _write(
            generic,
            key,
            "nan",
            {"unit_of_measurement": ["%"], "device_class": {"x": math.nan}},
        )
    _write(generic, "firmware", "[]", {"in_progress": math.inf, "latest_version": []})
    _write(generic, "connectivity", "None", {"device_class": None})
    await hass.async_block_till_done()
    _check_sensors(hass, "garage")
    assert not [
        r for r in caplog.records if r.name.startswith(f"custom_components.{DOMAIN}")
    ]
