"""Home Assistant's real ``reolink`` integration with only its device API mocked.

The boundary is the one core's own reolink tests patch:
``homeassistant.components.reolink.host.Host`` (reolink-aio's client, here
autospecced from the installed reolink-aio) and the webhook registration.
The mocked host answers what a Reolink Home Hub with one battery camera
(channel 0), or a standalone Wi-Fi camera, would: which abilities it
``supported``, the battery percentage, charging state, sleep state and
Wi-Fi signal. Its Wi-Fi signal is a 0..4 level on the host before core PR
#149191 (reolink-aio < 0.14: a ``wifi_signal`` property) and dBm per channel
since (a ``wifi_signal(channel)`` method): the mock serves whichever the
installed reolink-aio has. A test changes a reading and lets the reolink
coordinator poll.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from types import SimpleNamespace
from unittest.mock import MagicMock, create_autospec, patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.reolink.const import DOMAIN as REOLINK_DOMAIN
from homeassistant.const import (
    CONF_HOST,
    CONF_PASSWORD,
    CONF_PORT,
    CONF_PROTOCOL,
    CONF_USERNAME,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.device_registry import format_mac
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)
from reolink_aio.api import Host
from reolink_aio.baichuan import Baichuan

from .fleet import settle

# The reolink device coordinator polls every minute (battery hosts too).
POLL = timedelta(seconds=61)
MAC = "ab:cd:ef:12:34:56"
HOST_UID = format_mac(MAC)
# reolink-aio 0.14 (core PR #149191) made the Wi-Fi signal a dBm per channel.
WIFI_IN_DBM = callable(getattr(Host, "wifi_signal", None))
CAMERA_NAMES = ("Garden", "Driveway", "Porch")
BATTERY_STATES = {"discharging": 0, "charging": 1, "chargecomplete": 2}


@dataclass
class ReolinkDevice:
    """What the mocked Reolink host reports; change it, then :meth:`poll`."""

    hass: HomeAssistant
    api: MagicMock
    entry: MockConfigEntry
    nvr: bool
    abilities: set[str] = field(default_factory=set)
    battery: int = 80
    battery_state: str = "discharging"
    sleeping: bool = False
    # Channels the NVR / hub reports offline (reolink-aio's ``camera_online``).
    offline: set[int] = field(default_factory=set)
    channels: tuple[int, ...] = (0,)
    wifi: int = -55 if WIFI_IN_DBM else 4

    async def poll(self, freezer: FrozenDateTimeFactory) -> None:
        """Let the reolink coordinator's poll come round (a background task)."""
        freezer.tick(POLL)
        async_fire_time_changed(self.hass)
        await self.hass.async_block_till_done(wait_background_tasks=True)
        await settle(self.hass)

    def entity_id(self, domain: str, key: str, *, channel: int | None = 0) -> str:
        """The entity id reolink registered for a channel's (or the host's) ``key``."""
        unique_id = (
            f"{HOST_UID}_{channel}_{key}"
            if channel is not None
            else (f"{HOST_UID}_{key}")
        )
        entity_id = er.async_get(self.hass).async_get_entity_id(
            domain, REOLINK_DOMAIN, unique_id
        )
        assert entity_id is not None, (domain, unique_id)
        return entity_id

    def enable(self, domain: str, *unique_ids: str) -> None:
        """Pre-register reolink's disabled-by-default entities as enabled."""
        registry = er.async_get(self.hass)
        if self.hass.config_entries.async_get_entry(self.entry.entry_id) is None:
            self.entry.add_to_hass(self.hass)
        for unique_id in unique_ids:
            registry.async_get_or_create(
                domain,
                REOLINK_DOMAIN,
                f"{HOST_UID}_{unique_id}",
                config_entry=self.entry,
                disabled_by=None,
            )


def reolink_config_entry() -> MockConfigEntry:
    """A reolink config entry as core's tests make it."""
    return MockConfigEntry(
        domain=REOLINK_DOMAIN,
        unique_id=HOST_UID,
        data={
            CONF_HOST: "1.2.3.4",
            CONF_USERNAME: "admin",
            CONF_PASSWORD: "password",
            CONF_PORT: 1234,
            "use_https": True,
        },
        options={CONF_PROTOCOL: "rtsp"},
        title="Home Hub",
    )


def _host(device: ReolinkDevice, api: MagicMock) -> None:
    """Give the autospecced host the answers of the device."""
    api.get_host_data.return_value = None
    api.get_states.return_value = None
    api.check_new_firmware.return_value = False
    api.unsubscribe.return_value = True
    api.logout.return_value = True
    api.mac_address = MAC
    api.uid = "95270000YGAKNWKJ"
    api.onvif_enabled = True
    api.rtmp_enabled = True
    api.rtsp_enabled = True
    api.nvr_name = "Home Hub" if device.nvr else "Garden"
    api.port = 1234
    api.use_https = True
    api.is_admin = True
    api.user_level = "admin"
    api.protocol = "rtsp"
    api.channels = list(device.channels)
    api.stream_channels = list(device.channels)
    api.is_nvr = device.nvr
    api.is_hub = device.nvr
    api.is_battery = False
    api.baichuan_only = False
    api.is_dual_lens = False
    api.num_cameras = len(device.channels)
    api.capabilities = {}
    api.abilities = {}
    api.baichuan_cmds = {}
    api.broken_cmds = {}
    api.checked_api_versions = {}
    api.chime_list = []
    api.hdd_info = []
    api.new_devices = False
    api.sw_version_update_required = False
    api.hardware_version = "IPC_00000"
    api.sw_version = "v1.0.0.0.0.0000"
    api.manufacturer = "Reolink"
    api.model = "Reolink Home Hub" if device.nvr else "E1 Outdoor"
    if callable(getattr(Host, "item_number", None)):
        api.item_number.return_value = None
    else:
        api.item_number = None
    api.host = "1.2.3.4"
    api.camera_model.return_value = "Argus 4 Pro"
    api.camera_name.side_effect = lambda channel: CAMERA_NAMES[channel]
    api.camera_uid.side_effect = lambda channel: f"95270000YGAKNWKJ_{channel}"
    api.camera_hardware_version.return_value = "IPC_00000"
    api.camera_sw_version.return_value = "v1.1.0.0.0.0000"
    api.camera_sw_version_update_required.return_value = False
    api.session_active = True
    api.timeout = 60
    api.renewtimer.return_value = 600
    api.get_stream_source.return_value = "rtsp://1.2.3.4/stream"
    api.supported.side_effect = lambda channel, ability: ability in device.abilities
    api.camera_online.side_effect = lambda channel: channel not in device.offline
    api.battery_percentage.side_effect = lambda channel: device.battery
    api.battery_status.side_effect = lambda channel: BATTERY_STATES[
        device.battery_state
    ]
    api.battery_temperature.side_effect = lambda channel: 21
    api.sleeping.side_effect = lambda channel: device.sleeping
    if WIFI_IN_DBM:
        api.wifi_signal.side_effect = lambda channel=None: device.wifi
        api.wifi_connection.return_value = True
    else:
        type(api).wifi_signal = property(lambda _self: device.wifi)
        api.wifi_connection = True
    api.baichuan = create_autospec(Baichuan, instance=True)
    api.baichuan.port = 9000
    # Newer reolink-aio only: how the Baichuan protocol connects.
    api.baichuan.connection_type = SimpleNamespace(value="tcp")
    api.baichuan.abilities = {}
    api.baichuan.webhook_subscribed = False
    api.baichuan.privacy_mode.return_value = False
    api.baichuan.mac_address.return_value = None
    api.baichuan.login_sucess = True
    # TCP push events active: the host needs no ONVIF subscription.
    api.baichuan.events_active = True
    api.baichuan.subscribe_events.side_effect = None


@contextmanager
def mock_reolink(
    hass: HomeAssistant, *, nvr: bool, abilities: set[str], cameras: int = 1
) -> Iterator[ReolinkDevice]:
    """Patch reolink-aio's Host the way core's reolink tests do.

    ``cameras``: how many camera channels the NVR / hub has (0, 1, ...).
    """
    api = create_autospec(Host, instance=True)
    # Every camera streams its fluent ("sub") stream; newer reolink asks.
    device = ReolinkDevice(
        hass,
        api,
        reolink_config_entry(),
        nvr,
        {"stream", "sub", *abilities},
        channels=tuple(range(cameras)),
    )
    _host(device, api)
    with (
        patch("homeassistant.components.reolink.host.Host", return_value=api),
        patch(
            "homeassistant.components.reolink.host.webhook.async_register",
            return_value=True,
        ),
        patch(
            "homeassistant.components.reolink.host.async_get_source_ip",
            return_value="1.2.3.5",
            create=True,
        ),
    ):
        yield device


async def async_setup_reolink(device: ReolinkDevice) -> None:
    """Load the real reolink integration against the mocked host."""
    if device.hass.config_entries.async_get_entry(device.entry.entry_id) is None:
        device.entry.add_to_hass(device.hass)
    assert await device.hass.config_entries.async_setup(device.entry.entry_id)
    await device.hass.async_block_till_done()
