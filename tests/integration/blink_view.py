"""What Camera Doctor shows for the mocked Blink cameras (``blink_mock``).

Shared by the tests on the real ``blink`` integration: the keys of the
entities to look at, reading them, letting time pass, and setting up Blink
with Camera Doctor.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.camera_doctor.const import DOMAIN

from .blink_mock import (
    MINI_SERIAL,
    OUTDOOR_SERIAL,
    BlinkCloud,
    async_setup_blink,
    mock_blink_cloud,
)
from .fleet import settle, setup_entry

# Entity ids depend on the device name, which the blink platforms set in
# whatever order they load ("Front Door" or "blink Front Door"): every entity
# is looked up by its unique id instead.
OUTDOOR = OUTDOOR_SERIAL
MINI = MINI_SERIAL
CAUSE = ("sensor", DOMAIN, "blink_{}-camera_red_flash_cause")
FIX = ("sensor", DOMAIN, "blink_{}-camera_recommended_fix")
FLASH = ("binary_sensor", DOMAIN, "blink_{}-camera_red_flash")
SYNC_PANEL = "alarm_control_panel.blink_home"
TEMPERATURE = ("sensor", "blink", f"{OUTDOOR_SERIAL}-temperature")
WIFI = ("sensor", "blink", f"{OUTDOOR_SERIAL}-wifi_strength")
FRONT_CAM = ("camera", "blink", f"{OUTDOOR_SERIAL}-camera")
KITCHEN_CAM = ("camera", "blink", f"{MINI_SERIAL}-camera")
GRACE = timedelta(minutes=5)


@asynccontextmanager
async def blink_with_doctor(
    hass: HomeAssistant, entry: MockConfigEntry
) -> AsyncIterator[BlinkCloud]:
    """Blink (an Outdoor and a Mini on one sync module) and Camera Doctor, loaded."""
    with mock_blink_cloud(hass) as blink:
        await async_setup_blink(blink)
        await setup_entry(hass, entry)
        yield blink


def eid(hass: HomeAssistant, key: tuple[str, str, str], serial: str = "") -> str:
    """The entity id registered for ``(domain, platform, unique id)``."""
    domain, platform, unique_id = key
    entity_id = er.async_get(hass).async_get_entity_id(
        domain, platform, unique_id.format(serial)
    )
    assert entity_id is not None, key
    return entity_id


def cause(hass: HomeAssistant, camera: str) -> str:
    """The red flash cause Camera Doctor shows for a camera."""
    return hass.states.get(eid(hass, CAUSE, camera)).state


def attributes(hass: HomeAssistant, camera: str) -> dict[str, Any]:
    """The attributes of a camera's red flash cause sensor."""
    return dict(hass.states.get(eid(hass, CAUSE, camera)).attributes)


async def wait(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, delta: timedelta
) -> None:
    """Let time pass and every timer due by then run."""
    freezer.tick(delta)
    async_fire_time_changed(hass)
    await settle(hass)
