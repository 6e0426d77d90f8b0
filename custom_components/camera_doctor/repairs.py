"""Fix flows of the repair issues that Home Assistant can act on.

- ``firmware_outdated``: install the update through the camera's update entity.
- ``low_battery``: "I replaced the batteries": record it, refresh, check again.
- ``no_connection`` / ``unexplained``: ask the source to refresh, check again.
"""

from __future__ import annotations

from typing import Any

from homeassistant import data_entry_flow
from homeassistant.components.repairs import RepairsFlow
from homeassistant.const import ATTR_ENTITY_ID, STATE_ON
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir

from .const import DOMAIN
from .diagnosis import Cause
from .monitor import CameraMonitor, async_loaded_monitor
from .watch import CameraWatch

UPDATE_DOMAIN = "update"


class CameraRepairFlow(RepairsFlow):
    """Confirm, act, then diagnose again and say how it went."""

    def __init__(self, issue_id: str, cause: Cause, registry_id: str) -> None:
        """Remember which camera and cause the issue is about."""
        self.issue_id = issue_id
        self.cause = cause
        self.registry_id = registry_id

    def _placeholders(self) -> dict[str, str]:
        issue = ir.async_get(self.hass).async_get_issue(DOMAIN, self.issue_id)
        if issue is None or issue.translation_placeholders is None:
            return {"camera": "", "value": "", "threshold": ""}
        return dict(issue.translation_placeholders)

    def _monitor_and_watch(self) -> tuple[CameraMonitor, CameraWatch] | None:
        if (monitor := async_loaded_monitor(self.hass)) is None:
            return None
        watch = monitor.cameras.get(self.registry_id)
        return None if watch is None else (monitor, watch)

    async def async_step_init(
        self, user_input: dict[str, str] | None = None
    ) -> data_entry_flow.FlowResult:
        """Start with the confirmation."""
        return await self.async_step_confirm()

    async def async_step_confirm(
        self, user_input: dict[str, str] | None = None
    ) -> data_entry_flow.FlowResult:
        """Explain, then act when the user submits."""
        placeholders = self._placeholders()
        if user_input is None:
            return self.async_show_form(
                step_id="confirm", description_placeholders=placeholders
            )
        if (found := self._monitor_and_watch()) is None:
            return self.async_create_entry(data={})  # camera gone: nothing to fix
        monitor, watch = found
        if (problem := await self._async_act(monitor, watch)) is not None:
            return self.async_abort(
                reason=problem, description_placeholders=placeholders
            )
        await monitor.async_recheck([watch])
        if self.cause in watch.causes:
            return self.async_abort(
                reason="still_low"
                if self.cause is Cause.LOW_BATTERY
                else "still_faulty",
                description_placeholders=placeholders | {"cause": watch.cause.value},
            )
        return self.async_create_entry(data={})

    async def _async_act(
        self, monitor: CameraMonitor, watch: CameraWatch
    ) -> str | None:
        """Do what the user asked for; return an abort reason on failure."""
        if self.cause is Cause.LOW_BATTERY:
            monitor.async_record_batteries_replaced(watch)
        return None


class InstallUpdateFlow(CameraRepairFlow):
    """Install the pending firmware update of the camera."""

    async def _async_act(
        self, monitor: CameraMonitor, watch: CameraWatch
    ) -> str | None:
        updates = [
            entity_id
            for entity_id in watch.spec.sibling_ids
            if entity_id.startswith(f"{UPDATE_DOMAIN}.")
            and (state := self.hass.states.get(entity_id)) is not None
            and state.state == STATE_ON
        ]
        if not updates:
            return "update_unavailable"
        try:
            await self.hass.services.async_call(
                UPDATE_DOMAIN, "install", {ATTR_ENTITY_ID: updates}, blocking=True
            )
        except HomeAssistantError:
            return "install_failed"
        return None


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, Any] | None
) -> RepairsFlow:
    """Create the fix flow of one of our issues."""
    data = data or {}
    cause = Cause(str(data.get("cause", Cause.UNEXPLAINED.value)))
    registry_id = str(data.get("registry_id", ""))
    if cause is Cause.FIRMWARE_OUTDATED:
        return InstallUpdateFlow(issue_id, cause, registry_id)
    return CameraRepairFlow(issue_id, cause, registry_id)
