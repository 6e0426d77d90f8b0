"""Privacy: no network connection, ever, and no identifier in a download."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
import json
import socket
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import pytest_socket

from custom_components.camera_doctor.const import DOMAIN
from custom_components.camera_doctor.diagnostics import (
    async_get_config_entry_diagnostics,
)
from tests.integration.fleet import add_generic_camera

from .helpers import CAUSE, add_blink, advance, setup_entry


def _assert_blocked(open_socket: Callable[[], object]) -> None:
    """``open_socket`` is refused by the harness's socket block.

    Newer harnesses also fail any test that tried to open a socket; this
    probe is deliberate, so it is taken off that list again.
    """
    with pytest.raises(pytest_socket.SocketBlockedError) as refused:
        open_socket()
    tried = getattr(type(refused.value), "instances", None)
    if isinstance(tried, list) and refused.value in tried:
        tried.remove(refused.value)


async def test_full_cycle_with_sockets_blocked(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Discover, diagnose, raise, recheck, clear and unload: sockets stay blocked."""
    _assert_blocked(lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM))
    garage = add_generic_camera(hass, "Garage")
    await setup_entry(hass, mock_config_entry)
    garage.set("camera", STATE_UNAVAILABLE)
    garage.set("battery", "5")
    await advance(hass, freezer, timedelta(minutes=7))
    assert hass.states.get(CAUSE.format("garage")).state == "low_battery"
    response = await hass.services.async_call(
        DOMAIN,
        "diagnose",
        {"entity_id": garage.entity_id},
        blocking=True,
        return_response=True,
    )
    assert response
    await hass.services.async_call(
        DOMAIN, "recheck", {"entity_id": garage.entity_id}, blocking=True
    )
    garage.set("camera", "idle")
    garage.set("battery", "90")
    await hass.async_block_till_done()
    assert hass.states.get(CAUSE.format("garage")).state == "none"
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    # Still blocked after the whole cycle: nothing re-enabled sockets.
    _assert_blocked(lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM))
    _assert_blocked(lambda: socket.create_connection(("127.0.0.1", 9), timeout=0.1))


# Identifiers the Blink and other integrations put in attributes, under keys
# test_diagnostics.py does not cover yet.
IDENTIFIERS: dict[str, Any] = {
    "serial_number": "SN-SECRET-1",
    "mac_address": "AA:BB:CC:00:11:22",
    "ip_address": "10.1.2.3",
    "camera_id": 99887766,
    "sync_id": 55443322,
    "token": "TOKEN-SECRET-2",
    "latitude": 52.52,
    "longitude": 13.405,
    "unique_id": "UID-SECRET-3",
    "url": "https://example.invalid/u/SECRET-4",
    "video": "clip-SECRET-5",
}


@pytest.mark.parametrize("key", sorted(IDENTIFIERS))
async def test_every_identifying_key_is_redacted(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, key: str
) -> None:
    """Each identifying attribute, on the camera and on its sync module."""
    camera = add_blink(hass)
    await setup_entry(hass, mock_config_entry)
    value = IDENTIFIERS[key]
    camera.set("camera", "idle", **{key: value, "nested": {key: value}})
    hub = hass.states.get(camera.siblings["hub"])
    hass.states.async_set(hub.entity_id, hub.state, {**hub.attributes, key: value})
    await hass.async_block_till_done()
    data = await async_get_config_entry_diagnostics(hass, mock_config_entry)
    dump = json.dumps(data)
    assert str(value) not in dump
    states = data["cameras"][0]["states"]
    assert states[camera.entity_id]["attributes"][key] == "**REDACTED**"
    assert states[camera.entity_id]["attributes"]["nested"][key] == "**REDACTED**"
    assert states[hub.entity_id]["attributes"][key] == "**REDACTED**"


# Same identifiers as other integrations spell them (eufy: camelCase), and the
# account's own.
SPELLINGS: dict[str, Any] = {
    "serialNumber": "SN-SECRET-6",
    "stationSerialNumber": "SN-SECRET-7",
    "wifiMac": "AA:BB:CC:00:11:33",
    "Serial": "SN-SECRET-8",
    "email": "owner@example.invalid",
    "username": "owner-SECRET-9",
    "account_id": 11223344,
    "ssid": "HomeNet-SECRET-10",
    "password": "pw-SECRET-11",
}


@pytest.mark.parametrize("key", sorted(SPELLINGS))
async def test_other_spellings_are_redacted(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, key: str
) -> None:
    """Identifiers under another integration's spelling do not leak either."""
    camera = add_blink(hass)
    await setup_entry(hass, mock_config_entry)
    camera.set("camera", "idle", **{key: SPELLINGS[key]})
    await hass.async_block_till_done()
    data = await async_get_config_entry_diagnostics(hass, mock_config_entry)
    assert str(SPELLINGS[key]) not in json.dumps(data)
