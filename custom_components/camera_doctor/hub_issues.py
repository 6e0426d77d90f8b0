"""One notice per offline sync module, naming it and listing its cameras.

An offline sync module takes every camera on it offline; the cameras' own
sensors show ``sync_module_offline``, and one repair issue
``sync_module_offline_{registry id of the sync module's alarm panel}`` says
which module it is and which cameras it takes down. A camera joins the notice
once its own diagnosis confirms the cause; the notice goes with the last one.
"""

from __future__ import annotations

from homeassistant.const import ATTR_RESTORED
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import (
    device_registry as dr,
    entity_registry as er,
    issue_registry as ir,
)

from .const import DOMAIN, LOGGER
from .diagnosis import FIX_KEYS, Cause
from .discovery import CameraSpec
from .notice_texts import shared_fix_steps

HUB_ISSUE_PREFIX = f"{Cause.SYNC_MODULE_OFFLINE.value}_"
LEARN_MORE_URL = "https://github.com/camera-doctor/camera-doctor#sync-module-offline"


def entity_name(hass: HomeAssistant, entity_id: str) -> str:
    """The name an entity shows (its entity id while it has no state).

    An entity whose integration is not loaded has a placeholder state with
    no name of its own: its registry entry and device name it then.
    """
    state = hass.states.get(entity_id)
    if state is not None and not state.attributes.get(ATTR_RESTORED):
        return state.name
    entry = er.async_get(hass).async_get(entity_id)
    device = (
        dr.async_get(hass).async_get(entry.device_id)
        if entry is not None and entry.device_id
        else None
    )
    if entry is not None and entry.name:
        return entry.name
    if entry is not None and entry.has_entity_name and device is not None:
        device_name = device.name_by_user or device.name
        if device_name:
            own = entry.original_name
            return f"{device_name} {own}" if own else device_name
    if entry is not None and entry.original_name:
        return entry.original_name
    return state.name if state is not None else entity_id


class HubIssues:
    """The ``sync_module_offline`` issues, one per sync module."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Start with no sync module offline."""
        self._hass = hass
        self._members: dict[str, dict[str, str]] = {}  # hub -> camera ids -> entity
        self._hub_of: dict[str, str] = {}  # camera registry id -> hub entity id
        self._shown: dict[str, tuple[str, dict[str, str]]] = {}  # hub -> issue

    @property
    def issue_ids(self) -> set[str]:
        """The issues raised now."""
        return {issue_id for issue_id, _placeholders in self._shown.values()}

    @callback
    def async_update(self, spec: CameraSpec, hub_entity_id: str | None) -> None:
        """Say which offline hub (if any) takes ``spec`` down now."""
        before = self._hub_of.pop(spec.registry_id, None)
        if before is not None and before != hub_entity_id:
            self._members[before].pop(spec.registry_id, None)
            self._async_refresh(before)
        if hub_entity_id is not None:
            self._hub_of[spec.registry_id] = hub_entity_id
            self._members.setdefault(hub_entity_id, {})[spec.registry_id] = (
                spec.entity_id
            )
            self._async_refresh(hub_entity_id)

    @callback
    def _async_refresh(self, hub: str) -> None:
        """Raise, update or delete the notice of one hub."""
        entry = er.async_get(self._hass).async_get(hub)
        if entry is None:
            return
        issue_id = f"{HUB_ISSUE_PREFIX}{entry.id}"
        cameras = self._members.get(hub)
        if not cameras:
            self._members.pop(hub, None)
            if self._shown.pop(hub, None) is not None:
                LOGGER.debug("%s: notice %s cleared", hub, issue_id)
                ir.async_delete_issue(self._hass, DOMAIN, issue_id)
            return
        placeholders = {
            "steps": shared_fix_steps(self._hass, FIX_KEYS[Cause.SYNC_MODULE_OFFLINE]),
            "hub": entity_name(self._hass, hub),
            "cameras": ", ".join(
                sorted(entity_name(self._hass, camera) for camera in cameras.values())
            ),
        }
        if self._shown.get(hub) == (issue_id, placeholders):
            return
        if hub not in self._shown:
            LOGGER.debug("%s: notice %s raised for %s", hub, issue_id, list(cameras))
        self._shown[hub] = (issue_id, placeholders)
        ir.async_create_issue(
            self._hass,
            DOMAIN,
            issue_id,
            data={"hub_registry_id": entry.id, "hub_entity_id": hub},
            is_fixable=False,
            is_persistent=False,
            learn_more_url=LEARN_MORE_URL,
            severity=ir.IssueSeverity.ERROR,
            translation_key=Cause.SYNC_MODULE_OFFLINE.value,
            translation_placeholders=placeholders,
        )
