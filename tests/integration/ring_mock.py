"""Home Assistant's real ``ring`` integration with only its cloud mocked.

The boundary is the one core's own ring tests patch:
``homeassistant.components.ring.Ring`` (the cloud client), ``Auth`` and the
push ``RingEventListener``. Behind the mocked client sit real
python-ring-doorbell device objects (``RingDevices`` built from the
client's ``devices_data``, in the shape of core's ``devices.json`` fixture),
so battery, model and Wi-Fi health come from the library's own properties.
A test changes ``devices_data`` or the health answer and lets the ring
coordinator poll.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from unittest.mock import AsyncMock, MagicMock, create_autospec, patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.ring.const import DOMAIN as RING_DOMAIN
from homeassistant.const import CONF_DEVICE_ID, CONF_USERNAME
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)
from ring_doorbell import Ring, RingDevices

from .fleet import settle

# The ring devices coordinator polls every minute.
POLL = timedelta(seconds=61)

BATTERY_ID = 987654  # a battery "Doorbell 3" (kind doorbell_scallop_lite)
WIRED_ID = 765432  # a wired "Doorbell Pro" (kind lpd_v1)


def _doorbot(api_id: int, name: str, kind: str, battery: Any) -> dict[str, Any]:
    """One doorbell as Ring's ``ring_devices`` answer lists it."""
    return {
        "address": "123 Main St",
        "alerts": {"connection": "online"},
        "battery_life": battery,
        "description": name,
        "device_id": f"aacdef{api_id}",
        "external_connection": False,
        "features": {"motions_enabled": True, "show_recordings": True},
        "firmware_version": "1.4.26",
        "id": api_id,
        "kind": kind,
        "latitude": 12.0,
        "longitude": -70.12345,
        "motion_snooze": None,
        "owned": True,
        "owner": {"email": "foo@bar.org", "id": 999999},
        "settings": {
            "chime_settings": {"duration": 3, "enable": True, "type": 0},
            "doorbell_volume": 1,
            "motion_detection_enabled": True,
        },
        "subscribed": True,
        "subscribed_motions": True,
        "time_zone": "America/New_York",
    }


def _health(strength: int, category: str) -> dict[str, Any]:
    """A doorbell's ``health`` answer (python-ring-doorbell reads two fields)."""
    return {
        "device_health": {
            "latest_signal_strength": strength,
            "latest_signal_category": category,
        }
    }


@dataclass
class RingCloud:
    """What the mocked Ring client serves; change it, then :meth:`poll`."""

    hass: HomeAssistant
    api: MagicMock
    entry: MockConfigEntry
    health: dict[int, dict[str, Any]] = field(default_factory=dict)

    async def poll(self, freezer: FrozenDateTimeFactory) -> None:
        """Let the ring coordinator's one-minute poll come round.

        The coordinator polls in a background task (not awaited by
        ``async_block_till_done``): wait for it before the states settle.
        """
        freezer.tick(POLL)
        async_fire_time_changed(self.hass)
        await self.hass.async_block_till_done(wait_background_tasks=True)
        await settle(self.hass)

    def set_battery(self, api_id: int, battery: Any) -> None:
        """The cloud reports another ``battery_life`` for a doorbell."""
        self.api.devices_data["doorbots"][api_id]["battery_life"] = battery

    def set_wifi(self, api_id: int, strength: int, category: str) -> None:
        """The doorbell's health answer reports another Wi-Fi signal."""
        self.health[api_id] = _health(strength, category)

    def entity_id(self, domain: str, api_id: int, key: str) -> str:
        """The entity id the ring platform registered for a device's ``key``."""
        entity_id = er.async_get(self.hass).async_get_entity_id(
            domain, RING_DOMAIN, f"{api_id}-{key}"
        )
        assert entity_id is not None, (domain, api_id, key)
        return entity_id

    def enable(self, api_id: int, *keys: str) -> None:
        """Pre-register Ring's disabled-by-default sensors as enabled."""
        registry = er.async_get(self.hass)
        if self.hass.config_entries.async_get_entry(self.entry.entry_id) is None:
            self.entry.add_to_hass(self.hass)
        for key in keys:
            registry.async_get_or_create(
                "sensor",
                RING_DOMAIN,
                f"{api_id}-{key}",
                config_entry=self.entry,
                disabled_by=None,
            )


def ring_config_entry() -> MockConfigEntry:
    """A ring config entry as core's tests make it."""
    return MockConfigEntry(
        title="Ring",
        domain=RING_DOMAIN,
        data={
            CONF_DEVICE_ID: "foo-bar",
            CONF_USERNAME: "foo@bar.com",
            "token": {"access_token": "mock-token"},
        },
        unique_id="foo@bar.com",
        version=1,
        minor_version=3,
    )


@contextmanager
def mock_ring_cloud(hass: HomeAssistant) -> Iterator[RingCloud]:
    """Patch the Ring client, its auth and its push listener as core's tests do."""
    api = create_autospec(Ring, instance=True)
    api.devices_data = {
        "doorbots": {
            BATTERY_ID: _doorbot(BATTERY_ID, "Front Door", "doorbell_scallop_lite", 80),
            WIRED_ID: _doorbot(WIRED_ID, "Back Door", "lpd_v1", 0),
        },
        "stickup_cams": {},
        "chimes": {},
        "authorized_doorbots": {},
        "other": {},
    }
    devices = RingDevices(api, api.devices_data)
    api.devices.return_value = devices
    api.active_alerts.return_value = []
    cloud = RingCloud(hass, api, ring_config_entry())
    cloud.set_wifi(BATTERY_ID, -58, "good")
    cloud.set_wifi(WIRED_ID, -50, "excellent")

    async def query(url: str, *args: Any, **kwargs: Any) -> MagicMock:
        response = MagicMock()
        api_id = int(url.split("/")[3])
        response.json.return_value = (
            deepcopy(cloud.health[api_id]) if url.endswith("/health") else []
        )
        return response

    api.async_query = AsyncMock(side_effect=query)
    with (
        patch("homeassistant.components.ring.Ring", return_value=api),
        patch("homeassistant.components.ring.Auth", autospec=True),
        patch(
            "homeassistant.components.ring.coordinator.RingEventListener",
            autospec=True,
        ) as listener,
    ):
        listener.return_value.started = True
        yield cloud


async def async_setup_ring(cloud: RingCloud) -> None:
    """Load the real ring integration against the mocked cloud."""
    if cloud.hass.config_entries.async_get_entry(cloud.entry.entry_id) is None:
        cloud.entry.add_to_hass(cloud.hass)
    assert await cloud.hass.config_entries.async_setup(cloud.entry.entry_id)
    await cloud.hass.async_block_till_done()
