"""Diagnostics download of the entry and of a camera's device."""

from __future__ import annotations

from datetime import timedelta
import json

from freezegun.api import FrozenDateTimeFactory

# Imported before time is frozen: the download's system info imports it, and
# its mashumaro models cannot be compiled under a fake datetime.
import homeassistant.components.hassio  # noqa: F401
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
    get_diagnostics_for_device,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from syrupy.assertion import SnapshotAssertion
from syrupy.filters import props

from custom_components.camera_doctor.compat import ENTITY_DEVICE_ENTRY
from custom_components.camera_doctor.diagnostics import async_get_device_diagnostics

from .fleet import FakeCamera, add_generic_camera, setup_entry

SERIAL = "G8T1-9E3A-7C21-SECRET"
NETWORK_ID = 424242
SYNC_ID = 777001
THUMBNAIL = (
    "https://rest-u011.immedia-semi.com/api/v3/media/thumb.jpg?token=THUMB-SECRET"
)
ACCESS_TOKEN = "0f1e2d3c4b5a-ACCESS-SECRET"  # noqa: S105 (a fake, to find leaks)
MAC = "AA:BB:CC:DD:EE:0F"
IP = "192.168.88.42"
SECRETS = (
    SERIAL,
    str(NETWORK_ID),
    str(SYNC_ID),
    THUMBNAIL,
    "THUMB-SECRET",
    ACCESS_TOKEN,
    MAC,
    IP,
)
# Random per run: registry and device ids.
RANDOM_IDS = props("registry_id", "device_id")


def _leak_secrets(camera: FakeCamera) -> None:
    """Write the kind of attributes Blink and others expose."""
    camera.set(
        "camera",
        "idle",
        serial=SERIAL,
        network_id=NETWORK_ID,
        sync_id=SYNC_ID,
        thumbnail=THUMBNAIL,
        video=f"{THUMBNAIL}&video=1",
        recent_clips=[{"clip": THUMBNAIL, "time": "2025-01-01T10:00:00+00:00"}],
        access_token=ACCESS_TOKEN,
        stream_source=f"rtsp://admin:pw@{IP}/live?token={ACCESS_TOKEN}",
        entity_picture=f"/api/camera_proxy/{camera.entity_id}?token={ACCESS_TOKEN}",
    )
    camera.set(
        "signal",
        "-58",
        mac=MAC,
        network_info={"ip": IP, "ssid": "home"},
    )


@pytest.fixture
async def low_garage(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> FakeCamera:
    """A loaded entry watching two cameras; the garage's battery is low."""
    freezer.move_to("2025-01-01T12:00:00+00:00")
    garage = add_generic_camera(hass, "Garage")
    add_generic_camera(hass, "Porch")
    _leak_secrets(garage)
    await setup_entry(hass, mock_config_entry)
    garage.set("battery", "8")
    await hass.async_block_till_done()
    freezer.tick(timedelta(minutes=6))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    return garage


async def test_entry_diagnostics(
    hass: HomeAssistant,
    low_garage: FakeCamera,
    hass_client: ClientSessionGenerator,
    mock_config_entry: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    """Every camera: profile, sources, observation, diagnosis and issues."""
    data = await get_diagnostics_for_config_entry(hass, hass_client, mock_config_entry)
    assert data == snapshot(exclude=RANDOM_IDS)

    cameras = {camera["entity_id"]: camera for camera in data["cameras"]}  # type: ignore[index,union-attr]
    assert sorted(cameras) == ["camera.garage", "camera.porch"]
    assert cameras["camera.garage"]["diagnosis"]["cause"] == "low_battery"
    assert cameras["camera.garage"]["issues"] == {"low_battery": "error"}
    assert cameras["camera.garage"]["registry_id"] == low_garage.registry_id
    assert cameras["camera.porch"]["diagnosis"]["cause"] == "none"


@pytest.mark.skipif(
    ENTITY_DEVICE_ENTRY,
    reason="Home Assistant 2025.8+ offers device diagnostics only for a device's "
    "own config entry; the function itself is covered by test_no_secret_leaks",
)
async def test_device_diagnostics(
    hass: HomeAssistant,
    low_garage: FakeCamera,
    hass_client: ClientSessionGenerator,
    mock_config_entry: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    """A camera's device shows only that camera."""
    device = dr.async_get(hass).async_get(low_garage.device_id)
    assert device is not None
    data = await get_diagnostics_for_device(
        hass, hass_client, mock_config_entry, device
    )
    assert data == snapshot(exclude=RANDOM_IDS)
    assert [camera["entity_id"] for camera in data["cameras"]] == ["camera.garage"]  # type: ignore[index,union-attr]


async def test_no_secret_leaks(
    hass: HomeAssistant,
    low_garage: FakeCamera,
    hass_client: ClientSessionGenerator,
    mock_config_entry: MockConfigEntry,
) -> None:
    """Serials, network ids, MACs, IPs, tokens and thumbnail URLs are redacted."""
    device = dr.async_get(hass).async_get(low_garage.device_id)
    assert device is not None
    for data in (
        await get_diagnostics_for_config_entry(hass, hass_client, mock_config_entry),
        await async_get_device_diagnostics(hass, mock_config_entry, device),
    ):
        dump = json.dumps(data)
        for secret in SECRETS:
            assert secret not in dump
        attributes = data["cameras"][0]["states"]["camera.garage"]["attributes"]  # type: ignore[index,call-overload]
        for key in (
            "serial",
            "network_id",
            "thumbnail",
            "access_token",
            "stream_source",
        ):
            assert attributes[key] == "**REDACTED**"
        assert attributes["friendly_name"] == "Garage"
