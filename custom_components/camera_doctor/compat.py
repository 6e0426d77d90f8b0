"""Differences between the oldest supported and the newest Home Assistant.

Each shim names the release that changed the behaviour, so it can be dropped
once ``hacs.json`` no longer supports the older releases.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import importlib
from types import ModuleType
from typing import Any

from homeassistant.const import MAJOR_VERSION, MINOR_VERSION
from homeassistant.core import HomeAssistant, ServiceCall, callback
from homeassistant.helpers import device_registry as dr, entity_registry as er, service
from homeassistant.helpers.entity import Entity

from .const import LOGGER

# 2025.8: a helper entity joins another integration's device through
# ``entity.device_entry``; before, through a ``device_info`` that added the
# helper's config entry to that device. Only while entities link through
# device_info is the entry added to the camera's device, which is what makes
# the device page offer the entry's device triggers and device diagnostics
# download. Device triggers written in YAML keep working on every version.
ENTITY_DEVICE_ENTRY = (MAJOR_VERSION, MINOR_VERSION) >= (2025, 8)

# 2026.8: a device belongs to one config entry. A device of several entries
# (the camera's, with Camera Doctor's added through device_info) was split
# into one device per entry, each with a new id and the old one kept as
# ``composite_device_id``: the camera's device and a twin of Camera Doctor.
SPLIT_DEVICES = (MAJOR_VERSION, MINOR_VERSION) >= (2026, 8)


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


def _owners(device: dr.DeviceEntry) -> set[str]:
    """The config entries a device belongs to (one from 2026.8)."""
    if SPLIT_DEVICES:
        return {device.config_entry_id}  # type: ignore[attr-defined]
    return set(device.config_entries)


@callback
def async_forget_device_info_links(
    hass: HomeAssistant, entry_id: str, homes: Mapping[str, str | None]
) -> dict[str, str]:
    """Take the entry off every device that linking through device_info left.

    Only while entities link to a device through ``device_entry`` (2025.8):
    before, the entry was on the cameras' devices on purpose. The entry is
    taken off a camera's device it shares with the camera's integration; a
    device that is the entry's alone (the 2026.8 split's twin of a camera's
    device) is removed once it holds no entity. Camera Doctor's entities on
    either go to their camera's device, ``homes[entity_id]``; the registry
    entries are kept, with their names, areas and history. Without anything
    to do (every start but the first) this is one registry lookup.

    Returns the ids of the removed twins, each with the id of the device it
    was split from, which device triggers written before the split name.
    """
    dev_reg = dr.async_get(hass)
    if not ENTITY_DEVICE_ENTRY or not (
        devices := dr.async_entries_for_config_entry(dev_reg, entry_id)
    ):
        return {}
    ent_reg = er.async_get(hass)
    ours = er.async_entries_for_config_entry(ent_reg, entry_id)
    removed: dict[str, str] = {}
    left = gone = 0
    for device in devices:
        on_it = [entity for entity in ours if entity.device_id == device.id]
        if _owners(device) - {entry_id}:
            # Off the device while the entry leaves it: the registry removes
            # an entry's entities from a device that no longer has the entry.
            for entity in on_it:
                ent_reg.async_update_entity(entity.entity_id, device_id=None)
            dev_reg.async_update_device(device.id, remove_config_entry_id=entry_id)
            for entity in on_it:
                ent_reg.async_update_entity(
                    entity.entity_id, device_id=homes.get(entity.entity_id, device.id)
                )
            LOGGER.debug("Taken off the camera's device %s", device.id)
            left += 1
            continue
        for entity in on_it:
            if (home := homes.get(entity.entity_id)) is not None:
                ent_reg.async_update_entity(entity.entity_id, device_id=home)
        if er.async_entries_for_device(
            ent_reg, device.id, include_disabled_entities=True
        ):
            LOGGER.debug("Own device %s kept: it holds entities", device.id)
            continue
        dev_reg.async_remove_device(device.id)
        gone += 1
        if composite := getattr(device, "composite_device_id", None):
            removed[device.id] = composite
        LOGGER.debug("Own device %s removed (split from %s)", device.id, composite)
    LOGGER.info(
        "Links to cameras' devices made as releases before 2025.8 wanted them"
        " undone: config entry taken off %d devices, %d devices of its own removed",
        left,
        gone,
    )
    return removed


def same_device_ids(
    hass: HomeAssistant, device_id: str, removed: Mapping[str, str]
) -> frozenset[str]:
    """``device_id`` and the devices split from the same device (2026.8).

    A device trigger written before the split names the device of several
    entries (resolved to the camera's device), or, if it was read while the
    twin existed, Camera Doctor's twin, which may be removed since
    (``removed``, from :func:`async_forget_device_info_links`).
    """
    if not SPLIT_DEVICES:
        return frozenset({device_id})
    dev_reg = dr.async_get(hass)
    device = dev_reg.async_get(device_id)
    if device is None:
        composite = removed.get(device_id)
    elif getattr(device, "is_composite_device", False):
        composite = device_id
    else:
        composite = getattr(device, "composite_device_id", None)
    if composite is None:
        return frozenset({device_id})
    splits: list[dr.DeviceEntry] = dev_reg.async_get_devices_for_composite_device_id(  # type: ignore[attr-defined]
        composite
    )
    return frozenset({device_id, *(split.id for split in splits)})
