"""Home Assistant's real ``blink`` integration with only its cloud mocked.

The boundary is the one core's own blink tests patch:
``homeassistant.components.blink.Blink`` (the cloud client) and ``Auth``.
Behind the mocked client sit real blinkpy 0.23 model objects (a
``BlinkSyncModule``, a ``BlinkCamera`` and a ``BlinkCameraMini``), so the
``attributes`` the platforms publish have exactly blinkpy's shape. A test
changes a reading on those objects and refreshes the blink coordinator, just
as blinkpy would after polling the cloud.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from types import SimpleNamespace
from typing import Any
from unittest.mock import AsyncMock, MagicMock, create_autospec, patch

from blinkpy.auth import Auth
from blinkpy.blinkpy import Blink
from blinkpy.camera import BlinkCamera, BlinkCameraMini
from blinkpy.sync_module import BlinkSyncModule
from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.blink.const import DOMAIN as BLINK_DOMAIN
from homeassistant.const import CONF_PASSWORD, CONF_SCAN_INTERVAL, CONF_USERNAME
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from .fleet import settle

# The blink coordinator polls every 300 s.
POLL = timedelta(seconds=301)

SYNC_NAME = "Home"
SYNC_SERIAL = "SYNC0001"
NETWORK_ID = 222222
OUTDOOR_NAME = "Front Door"
OUTDOOR_SERIAL = "G8T1000001"
MINI_NAME = "Kitchen"
MINI_SERIAL = "G8T2000002"


def _sync_module(api: Any) -> BlinkSyncModule:
    # blinkpy reads these off the client while it builds a sync module.
    client = SimpleNamespace(auth=SimpleNamespace(region_id="u034"), motion_interval=1)
    sync = BlinkSyncModule(client, SYNC_NAME, NETWORK_ID, [])
    sync.blink = api
    sync.serial = SYNC_SERIAL
    sync.sync_id = 1234
    sync._version = "4.4.8"
    sync.status = "online"
    sync.available = True
    sync.network_info = {"network": {"armed": False}}
    return sync


def _outdoor(sync: BlinkSyncModule) -> BlinkCamera:
    """A battery-powered Blink Outdoor: battery, °F temperature, Wi-Fi dBm."""
    camera = BlinkCamera(sync)
    camera.name = OUTDOOR_NAME
    camera.camera_id = "111111"
    camera.network_id = NETWORK_ID
    camera.serial = OUTDOOR_SERIAL
    camera._version = "10.61"
    camera.camera_type = "catalina"
    camera.product_type = "catalina"
    camera.motion_enabled = True
    camera.motion_detected = False
    camera.battery_state = "ok"
    camera.battery_level = 3
    camera._battery_voltage = 165
    camera.temperature = 68
    camera.temperature_calibrated = 68
    camera.wifi_strength = -55
    camera.sync_signal_strength = 5
    camera.thumbnail = "https://rest-u034.immedia-semi.com/thumbnail/1.jpg"
    return camera


def _mini(sync: BlinkSyncModule) -> BlinkCameraMini:
    """A wired Blink Mini: no battery, Wi-Fi or temperature reading."""
    camera = BlinkCameraMini(sync)
    camera.name = MINI_NAME
    camera.camera_id = "222222"
    camera.network_id = NETWORK_ID
    camera.serial = MINI_SERIAL
    camera._version = "9.60"
    camera.product_type = "owl"
    camera.motion_enabled = True
    camera.motion_detected = False
    camera.thumbnail = "https://rest-u034.immedia-semi.com/thumbnail/2.jpg"
    return camera


@dataclass
class BlinkCloud:
    """What the mocked blinkpy client serves; change it, then :meth:`poll`."""

    hass: HomeAssistant
    api: MagicMock
    sync: BlinkSyncModule
    outdoor: BlinkCamera
    mini: BlinkCameraMini
    entry: MockConfigEntry
    auth: MagicMock | None = None  # the patched blinkpy ``Auth`` class

    async def poll(self, freezer: FrozenDateTimeFactory) -> None:
        """Let the blink coordinator's 300 s poll come round."""
        freezer.tick(POLL)
        async_fire_time_changed(self.hass)
        await settle(self.hass)

    async def refresh_now(self) -> None:
        """Refresh the blink coordinator at once (as a recheck would)."""
        await self.entry.runtime_data.async_refresh()
        await settle(self.hass)

    def fail(self, error: BaseException | None) -> None:
        """Make every following cloud refresh raise ``error`` (None: succeed)."""
        self.api.refresh.side_effect = error

    def refuse_login(self) -> None:
        """The Blink account asks to sign in again (a new code), as at setup.

        blinkpy before 0.25 says so through ``Auth.check_key_required``;
        later ones raise ``UnauthorizedError`` from ``Blink.start``.
        """
        if hasattr(Auth, "check_key_required"):
            assert self.auth is not None
            self.auth.return_value.check_key_required.return_value = True
        else:  # pragma: no cover - blinkpy >= 0.25 (newest Home Assistant)
            from blinkpy.auth import UnauthorizedError

            self.api.start.side_effect = UnauthorizedError("sign in again")

    def accept_login(self) -> None:
        """The Blink account signs in again (undoes :meth:`refuse_login`)."""
        if hasattr(Auth, "check_key_required"):
            assert self.auth is not None
            self.auth.return_value.check_key_required.return_value = False
        self.api.start.side_effect = None

    def set_temperature_f(self, fahrenheit: float) -> None:
        """The Outdoor camera reports a new temperature, in °F as blinkpy does."""
        self.outdoor.temperature = fahrenheit
        self.outdoor.temperature_calibrated = fahrenheit

    def entity_id(self, domain: str, unique_id: str) -> str:
        """The entity id the blink platform registered under ``unique_id``."""
        entity_id = er.async_get(self.hass).async_get_entity_id(
            domain, BLINK_DOMAIN, unique_id
        )
        assert entity_id is not None, (domain, unique_id)
        return entity_id

    def camera_entry(self, serial: str) -> er.RegistryEntry:
        """The registry entry of a camera entity, by its Blink serial."""
        entry = er.async_get(self.hass).async_get(
            self.entity_id("camera", f"{serial}-camera")
        )
        assert entry is not None
        return entry


def blink_config_entry() -> MockConfigEntry:
    """A blink config entry as core's tests make it (version 3)."""
    return MockConfigEntry(
        domain=BLINK_DOMAIN,
        data={
            CONF_USERNAME: "test_user",
            CONF_PASSWORD: "Password",
            "device_id": "Home Assistant",
            "uid": "BlinkCamera_e1233333e2-0909-09cd-777a-123456789012",
            "token": "A_token",
            "host": "u034.immedia-semi.com",
            "region_id": "u034",
            "client_id": 123456,
            "account_id": 654321,
        },
        options={CONF_SCAN_INTERVAL: 300},
        version=3,
    )


@contextmanager
def mock_blink_cloud(hass: HomeAssistant) -> Iterator[BlinkCloud]:
    """Patch blinkpy's client and auth the way core's blink tests do."""
    api = create_autospec(Blink, instance=True)
    sync = _sync_module(api)
    outdoor, mini = _outdoor(sync), _mini(sync)
    sync.cameras = {OUTDOOR_NAME: outdoor, MINI_NAME: mini}
    api.available = True
    api.start = AsyncMock(return_value=True)
    api.refresh = AsyncMock(return_value=True)
    api.sync = {SYNC_NAME: sync}
    api.cameras = dict(sync.cameras)
    api.networks = {"summary": {str(NETWORK_ID): {"name": SYNC_NAME}}}
    with (
        patch("homeassistant.components.blink.Blink", return_value=api),
        patch("homeassistant.components.blink.Auth", autospec=True) as auth,
    ):
        if hasattr(Auth, "check_key_required"):  # blinkpy < 0.25 only
            auth.return_value.check_key_required.return_value = False
        yield BlinkCloud(
            hass, api, sync, outdoor, mini, blink_config_entry(), auth=auth
        )


async def async_setup_blink(cloud: BlinkCloud) -> None:
    """Load the real blink integration against the mocked cloud."""
    cloud.entry.add_to_hass(cloud.hass)
    assert await cloud.hass.config_entries.async_setup(cloud.entry.entry_id)
    await cloud.hass.async_block_till_done()
