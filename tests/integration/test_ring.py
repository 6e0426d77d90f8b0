"""Camera Doctor on Home Assistant's real ``ring`` integration.

Core's ring platforms run for real; only the Ring cloud client is mocked
(see ``ring_mock``): the devices are python-ring-doorbell's own objects, so
their battery and Wi-Fi readings come from the library's properties.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import DOMAIN

from .fleet import advance, our_issues, setup_entry
from .ring_mock import (
    BATTERY_ID,
    WIRED_ID,
    RingCloud,
    async_setup_ring,
    mock_ring_cloud,
)

GRACE = timedelta(minutes=6)
WIFI_KEYS = {
    "category": ("wifi_signal_category",),
    "dbm": ("wifi_signal_strength",),
    "both": ("wifi_signal_category", "wifi_signal_strength"),
}


@pytest.fixture
def enabled() -> tuple[str, ...]:
    """Ring's disabled-by-default sensors the user enabled (none unless set)."""
    return ()


@pytest.fixture
async def ring(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, enabled: tuple[str, ...]
) -> AsyncIterator[RingCloud]:
    """Ring (a battery Doorbell 3, a wired Doorbell Pro) and Camera Doctor, loaded."""
    with mock_ring_cloud(hass) as cloud:
        cloud.enable(BATTERY_ID, *enabled)
        await async_setup_ring(cloud)
        await setup_entry(hass, mock_config_entry)
        yield cloud


def cause(hass: HomeAssistant, api_id: int) -> str:
    """The red flash cause Camera Doctor shows for a Ring camera."""
    entity_id = er.async_get(hass).async_get_entity_id(
        "sensor", DOMAIN, f"ring_{api_id}-live_view_red_flash_cause"
    )
    assert entity_id is not None
    return hass.states.get(entity_id).state


async def test_ring_doorbells_healthy(hass: HomeAssistant, ring: RingCloud) -> None:
    """Both doorbells read fine; the wired Doorbell Pro's 0 % is no battery."""
    wired_battery = hass.states.get(ring.entity_id("sensor", WIRED_ID, "battery"))
    assert wired_battery.state == "0"  # what Ring reports for it (core #51692)
    assert (
        hass.states.get(ring.entity_id("sensor", BATTERY_ID, "battery")).state == "80"
    )
    assert (cause(hass, BATTERY_ID), cause(hass, WIRED_ID)) == ("none", "none")
    # Out of the box Ring creates both Wi-Fi sensors disabled: one notice
    # offers them, nothing else is raised.
    assert set(our_issues(hass)) == {f"missing_readings_{ring.entry.entry_id}"}


async def test_ring_false_low_batteries(
    hass: HomeAssistant, ring: RingCloud, freezer: FrozenDateTimeFactory
) -> None:
    """The wired doorbell's 0 % stays no battery; a real 8 % is a low battery.

    Core's ring sensor skips a falsy update (it keeps 80 when the cloud says
    0), so a 0 % only shows from the start, as on the wired Doorbell Pro.
    """
    ring.set_battery(BATTERY_ID, 0)
    await ring.poll(freezer)
    await advance(hass, freezer, GRACE)
    await ring.poll(freezer)
    assert (
        hass.states.get(ring.entity_id("sensor", BATTERY_ID, "battery")).state == "80"
    )
    assert (cause(hass, BATTERY_ID), cause(hass, WIRED_ID)) == ("none", "none")
    assert set(our_issues(hass)) == {f"missing_readings_{ring.entry.entry_id}"}

    ring.set_battery(BATTERY_ID, 8)
    await ring.poll(freezer)
    await advance(hass, freezer, GRACE)
    await ring.poll(freezer)
    assert cause(hass, BATTERY_ID) == "low_battery"
    assert cause(hass, WIRED_ID) == "none"


@pytest.mark.parametrize("enabled", WIFI_KEYS.values(), ids=WIFI_KEYS.keys())
@pytest.mark.parametrize(
    "link",
    [(-68, "fair", "none"), (-82, "poor", "weak_signal"), (-58, "good", "none")],
    ids=["fair", "poor", "good"],
)
async def test_ring_fair_one_answer(
    hass: HomeAssistant,
    ring: RingCloud,
    freezer: FrozenDateTimeFactory,
    enabled: tuple[str, ...],
    link: tuple[int, str, str],
) -> None:
    """Ring's "fair" is not weak, "poor" is: with either Wi-Fi sensor, or both."""
    strength, category, expected = link
    for key in enabled:
        assert hass.states.get(ring.entity_id("sensor", BATTERY_ID, key)) is not None
    ring.set_wifi(BATTERY_ID, strength, category)
    # Ring asks for a device's health once its Wi-Fi sensors subscribed: the
    # reading shows from the second poll.
    await ring.poll(freezer)
    await ring.poll(freezer)
    await advance(hass, freezer, GRACE)
    await ring.poll(freezer)
    if "wifi_signal_category" in enabled:
        state = hass.states.get(
            ring.entity_id("sensor", BATTERY_ID, "wifi_signal_category")
        )
        assert state.state == category
    assert cause(hass, BATTERY_ID) == expected
