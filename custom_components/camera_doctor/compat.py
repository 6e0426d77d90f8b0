"""Differences between the oldest supported and the newest Home Assistant.

Each shim names the release that changed the behaviour, so it can be dropped
once ``hacs.json`` no longer supports the older releases.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
import inspect

from homeassistant.const import MAJOR_VERSION, MINOR_VERSION
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import device_registry as dr, service
from homeassistant.helpers.entity import Entity

# 2025.8: a helper entity joins another integration's device through
# ``entity.device_entry``; before, through a ``device_info`` that added the
# helper's config entry to that device. Only while entities link through
# device_info is the entry added to the camera's device, which is what makes
# the device page offer the entry's device triggers and device diagnostics
# download. Device triggers written in YAML keep working on every version.
ENTITY_DEVICE_ENTRY = (MAJOR_VERSION, MINOR_VERSION) >= (2025, 8)

_EXTRACT_TAKES_HASS = (
    next(iter(inspect.signature(service.async_extract_entity_ids).parameters)) == "hass"
)


def link_entity_to_device(
    hass: HomeAssistant, entity: Entity, device_id: str | None
) -> None:
    """Show ``entity`` on the device ``device_id`` (the camera's device)."""
    if device_id is None or (device := dr.async_get(hass).async_get(device_id)) is None:
        return
    if ENTITY_DEVICE_ENTRY:
        entity.device_entry = device
    else:
        entity._attr_device_info = dr.DeviceInfo(  # noqa: SLF001
            identifiers=device.identifiers, connections=device.connections
        )


async def async_extract_entity_ids(hass: HomeAssistant, call: ServiceCall) -> set[str]:
    """Entity ids an action targets, through entities, devices and areas."""
    extract: Callable[..., Awaitable[set[str]]] = service.async_extract_entity_ids
    if _EXTRACT_TAKES_HASS:
        return await extract(hass, call)
    return await extract(call)
