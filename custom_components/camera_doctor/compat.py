"""Differences between the oldest supported and the newest Home Assistant.

Each shim names the release that changed the behaviour, so it can be dropped
once ``hacs.json`` no longer supports the older releases.
"""

from __future__ import annotations

from dataclasses import dataclass
import importlib
from types import ModuleType
from typing import Any

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


def _target_helper() -> ModuleType | None:
    """``helpers.target`` where it exists (it is imported by name: not in 2025.4)."""
    try:
        return importlib.import_module("homeassistant.helpers.target")
    except ImportError:
        return None


# 2025.8: targets are resolved by ``helpers.target``; the resolver of
# ``helpers.service`` is deprecated then and gone in 2026.8. The selection
# class is ``TargetSelectorData`` at first, ``TargetSelection`` later.
_TARGET = _target_helper()


type DeviceLink = dr.DeviceEntry | dr.DeviceInfo


def device_link(hass: HomeAssistant, device_id: str | None) -> DeviceLink | None:
    """What shows entities on the device ``device_id`` (the camera's device).

    One link serves all of a camera's entities.
    """
    if device_id is None or (device := dr.async_get(hass).async_get(device_id)) is None:
        return None
    if ENTITY_DEVICE_ENTRY:
        return device
    return dr.DeviceInfo(identifiers=device.identifiers, connections=device.connections)


def link_entity_to_device(entity: Entity, link: DeviceLink | None) -> None:
    """Show ``entity`` on the device ``link`` leads to.

    Which kind of link it is follows from the release, as in
    :func:`device_link`; its type would not tell (2026.11 made ``DeviceInfo``
    a dataclass, and a camera's device may be a ``ChildDeviceEntry``, which is
    no ``DeviceEntry``).
    """
    if link is None:
        return
    if ENTITY_DEVICE_ENTRY:
        entity.device_entry = link  # type: ignore[assignment]
    else:
        entity._attr_device_info = link  # type: ignore[assignment]  # noqa: SLF001


@dataclass(frozen=True, slots=True)
class Targets:
    """The entity ids an action aims at.

    ``named``: given by entity id; ``contained``: only found inside a device,
    area, floor or label that was aimed at.
    """

    named: frozenset[str]
    contained: frozenset[str]


def extract_targets(hass: HomeAssistant, call: ServiceCall) -> Targets:
    """Entity ids an action targets: named, and found in what it aims at."""
    selected: Any
    if _TARGET is None:
        selected = service.async_extract_referenced_entity_ids(hass, call)
    else:
        selection = getattr(_TARGET, "TargetSelection", None) or (
            _TARGET.TargetSelectorData
        )
        selected = _TARGET.async_extract_referenced_entity_ids(
            hass, selection(call.data)
        )
    named = frozenset(selected.referenced)
    return Targets(named, frozenset(selected.indirectly_referenced) - named)
