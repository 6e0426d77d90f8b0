"""One notice per offline sync module, naming it and listing its cameras.

An offline sync module takes every camera on it offline; the cameras' own
sensors show ``sync_module_offline``, and one repair issue
``sync_module_offline_{registry id of the sync module's alarm panel}`` says
which module it is and which cameras it takes down (``shared_notices``).
"""

from __future__ import annotations

from collections.abc import Mapping

from homeassistant.const import ATTR_RESTORED
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import device_registry as dr, entity_registry as er

from .const import learn_more_url
from .diagnosis import FIX_KEYS, Cause
from .discovery import CameraSpec
from .notice_texts import shared_fix_steps
from .shared_notices import Notice, SharedNotices

HUB_ISSUE_PREFIX = f"{Cause.SYNC_MODULE_OFFLINE.value}_"


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


class HubIssues(SharedNotices[str]):
    """The ``sync_module_offline`` issues, one per sync module."""

    learn_more_url = learn_more_url(Cause.SYNC_MODULE_OFFLINE)

    @callback
    def async_update(self, spec: CameraSpec, hub_entity_id: str | None) -> None:
        """Say which offline hub (if any) takes ``spec`` down now."""
        if hub_entity_id is None:
            self.async_leave(spec)
        else:
            self.async_join(spec, hub_entity_id, spec.entity_id)

    def _issue_id(self, group: str) -> str | None:
        entry = er.async_get(self._hass).async_get(group)
        return None if entry is None else f"{HUB_ISSUE_PREFIX}{entry.id}"

    def _notice(self, group: str, issue_id: str, members: Mapping[str, str]) -> Notice:
        return Notice(
            translation_key=Cause.SYNC_MODULE_OFFLINE.value,
            placeholders={
                "steps": shared_fix_steps(
                    self._hass, FIX_KEYS[Cause.SYNC_MODULE_OFFLINE]
                ),
                "hub": entity_name(self._hass, group),
                "cameras": ", ".join(
                    sorted(
                        entity_name(self._hass, camera) for camera in members.values()
                    )
                ),
            },
            data={
                "hub_registry_id": issue_id.removeprefix(HUB_ISSUE_PREFIX),
                "hub_entity_id": group,
            },
        )
