"""A camera on a child device (newer Home Assistant: ``ChildDeviceEntry``).

Newer Home Assistant releases register some devices as children of another
(a camera channel of a hub). A child device has no manufacturer or model of
its own; asking for one logs a deprecation warning about the custom
integration that asked. Camera Doctor watches such a camera without asking.
"""

from __future__ import annotations

import logging

from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import DOMAIN

from .fleet import setup_entry

pytestmark = pytest.mark.skipif(
    not hasattr(dr.DeviceRegistry, "async_get_or_create_child"),
    reason="this Home Assistant has no child devices",
)


async def test_camera_on_a_child_device(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The camera is watched; nothing is read that a child device lacks."""
    source = MockConfigEntry(domain="acme", title="Acme hub")
    source.add_to_hass(hass)
    devices = dr.async_get(hass)
    hub = devices.async_get_or_create(
        config_entry_id=source.entry_id,
        identifiers={("acme", "hub")},
        manufacturer="Acme",
        model="Hub 1",
        name="Hub",
    )
    channel = devices.async_get_or_create_child(  # type: ignore[attr-defined]
        config_entry_id=source.entry_id,
        identifiers={("acme", "hub-channel-1")},
        name="Porch",
        parent_device_id=hub.id,
    )
    registry = er.async_get(hass)
    camera = registry.async_get_or_create(
        "camera",
        "acme",
        "hub-channel-1-camera",
        config_entry=source,
        device_id=channel.id,
        suggested_object_id="porch",
    )
    battery = registry.async_get_or_create(
        "sensor",
        "acme",
        "hub-channel-1-battery",
        config_entry=source,
        device_id=channel.id,
        original_device_class="battery",
        unit_of_measurement="%",
        suggested_object_id="porch_battery",
    )
    hass.states.async_set(camera.entity_id, "idle")
    hass.states.async_set(
        battery.entity_id, "80", {"device_class": "battery", "unit_of_measurement": "%"}
    )
    caplog.set_level(logging.WARNING)
    await setup_entry(hass, mock_config_entry)
    cause = registry.async_get_entity_id(
        "sensor", DOMAIN, "acme_hub-channel-1-camera_red_flash_cause"
    )
    assert cause is not None
    assert registry.async_get(cause).device_id == channel.id
    state = hass.states.get(cause)
    assert state.state == "none"
    assert "ChildDeviceEntry" not in caplog.text
