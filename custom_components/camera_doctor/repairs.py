"""Fix flows of the repair issues that Home Assistant can act on.

- ``low_battery``: "I replaced the batteries" (Blink's AA cells) or "I charged
  the battery" (a rechargeable pack): ask for fresh readings, check again, and
  record the date only once the camera reports a good battery.
- ``no_connection`` / ``unexplained``: "Check again": ask the source for
  fresh readings and diagnose again.
- ``firmware_outdated``: "Install the update" through the camera's update
  entity, then check again.
- ``missing_readings``: "Enable them": enable the entities the camera's
  integration created disabled (never those the user disabled); Home
  Assistant reloads that integration after its delay, and the notice goes
  once the readings are no longer hidden.
- ``integration_offline`` while a sign-in is pending: "Sign in again" starts
  (or keeps) the integration's re-authentication, and says where to finish
  it (a repair flow cannot open another integration's config flow).

Each flow names its button (the step's ``submit`` text) and ends with an
abort whose translated reason says what happened: a created entry would show
Home Assistant's generic "repaired" text instead. A cause that is gone is
cleared by the monitor, which deletes the issue itself.
"""

from __future__ import annotations

from typing import Any, ClassVar

from homeassistant import data_entry_flow
from homeassistant.components.repairs import RepairsFlow
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import ATTR_ENTITY_ID, STATE_ON
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er, issue_registry as ir

from .const import DOMAIN
from .diagnosis import Cause
from .fixes import CHARGE_BATTERY
from .integrations import reauth_pending
from .monitor import CameraMonitor, async_loaded_monitor
from .readings_issues import PREFIX as MISSING_READINGS_PREFIX, entities_to_enable
from .watch import CameraWatch

UPDATE_DOMAIN = "update"
CONFIRM = "confirm"
NOT_LOADED = "not_loaded"
NOT_WATCHED = "not_watched"


def _notice_words(hass: HomeAssistant, issue_id: str) -> dict[str, str]:
    """The placeholders of one of our notices, as it shows now."""
    issue = ir.async_get(hass).async_get_issue(DOMAIN, issue_id)
    if issue is None or not issue.translation_placeholders:
        return {}
    return dict(issue.translation_placeholders)


class CameraRepairFlow(RepairsFlow):
    """Confirm, act, check again, and say how it went.

    ``fixed`` and ``still`` are the abort reasons for a cause that the check
    found gone, or still there.
    """

    fixed: str
    still: str

    def __init__(self, issue_id: str, cause: Cause, registry_id: str) -> None:
        """Remember which camera and cause the issue is about."""
        self.issue_id = issue_id
        self.cause = cause
        self.registry_id = registry_id
        self._words: dict[str, str] = {}

    def _found(self) -> tuple[CameraMonitor, CameraWatch] | str:
        """The monitor and the camera's watch, else why there are none."""
        if (monitor := async_loaded_monitor(self.hass)) is None:
            return NOT_LOADED
        if (watch := monitor.cameras.get(self.registry_id)) is None:
            return NOT_WATCHED
        return monitor, watch

    def _end(self, reason: str) -> data_entry_flow.FlowResult:
        """Say how it went (a camera no longer watched loses its notice)."""
        if reason == NOT_WATCHED:
            ir.async_delete_issue(self.hass, DOMAIN, self.issue_id)
        return self.async_abort(reason=reason, description_placeholders=self._words)

    def _step_id(self, watch: CameraWatch) -> str:
        """The confirmation step that fits the camera."""
        return CONFIRM

    async def async_step_init(
        self, user_input: dict[str, str] | None = None
    ) -> data_entry_flow.FlowResult:
        """Show the confirmation that fits the camera."""
        # The notice's words, kept: the issue goes once the cause is gone.
        self._words = _notice_words(self.hass, self.issue_id)
        found = self._found()
        if isinstance(found, str):
            return self._end(found)
        return await self._async_confirm(self._step_id(found[1]), None)

    async def async_step_confirm(
        self, user_input: dict[str, str] | None = None
    ) -> data_entry_flow.FlowResult:
        """Explain, then act when the user confirms."""
        return await self._async_confirm(CONFIRM, user_input)

    async def _async_confirm(
        self, step_id: str, user_input: dict[str, str] | None
    ) -> data_entry_flow.FlowResult:
        if user_input is None:
            return self.async_show_form(
                step_id=step_id, description_placeholders=self._words
            )
        found = self._found()
        if isinstance(found, str):
            return self._end(found)
        monitor, watch = found
        if (problem := await self._async_act(monitor, watch)) is not None:
            return self._end(problem)
        if not await self._async_check(monitor, watch):
            return self._end(self.still)
        return self._end(self._fixed(step_id))

    async def _async_act(
        self, monitor: CameraMonitor, watch: CameraWatch
    ) -> str | None:
        """Do what the user asked for; return an abort reason on failure."""
        return None

    async def _async_check(self, monitor: CameraMonitor, watch: CameraWatch) -> bool:
        """Check again (fresh readings): whether the cause is gone."""
        await monitor.async_recheck([watch])
        return not self._still_there(watch)

    def _still_there(self, watch: CameraWatch) -> bool:
        return self.cause in watch.causes

    def _fixed(self, step_id: str) -> str:
        """The abort reason once the user's ``step_id`` fixed the cause."""
        return self.fixed


class BatteryFlow(CameraRepairFlow):
    """New AA cells (Blink) or a charged pack: recorded once the camera agrees."""

    REPLACED: ClassVar[str] = "replaced"
    RECHARGED: ClassVar[str] = "recharged"
    still = "still_low"

    def _step_id(self, watch: CameraWatch) -> str:
        charge = watch.fit.fix(Cause.LOW_BATTERY) == CHARGE_BATTERY
        return self.RECHARGED if charge else self.REPLACED

    def _fixed(self, step_id: str) -> str:
        return step_id  # "replaced" or "recharged": what the user did

    async def async_step_replaced(
        self, user_input: dict[str, str] | None = None
    ) -> data_entry_flow.FlowResult:
        """The user put new cells in."""
        return await self._async_confirm(self.REPLACED, user_input)

    async def async_step_recharged(
        self, user_input: dict[str, str] | None = None
    ) -> data_entry_flow.FlowResult:
        """The user charged the battery."""
        return await self._async_confirm(self.RECHARGED, user_input)

    async def _async_check(self, monitor: CameraMonitor, watch: CameraWatch) -> bool:
        # The same as the camera_doctor.battery_replaced action.
        return await monitor.async_battery_changed(watch)


class OutageFlow(CameraRepairFlow):
    """Check an offline camera again (``no_connection`` / ``unexplained``)."""

    OUTAGES: ClassVar[frozenset[Cause]] = frozenset(
        {Cause.NO_CONNECTION, Cause.UNEXPLAINED}
    )

    def _still_there(self, watch: CameraWatch) -> bool:
        # An outage that grew into ``unexplained`` meanwhile is still one.
        return bool(self.OUTAGES.intersection(watch.causes))


class OfflineFlow(OutageFlow):
    """``no_connection``: back online, or still offline."""

    fixed = "back_online"
    still = "still_offline"


class UnexplainedFlow(OutageFlow):
    """``unexplained``: works again, or still does not respond."""

    fixed = "works_again"
    still = "still_faulty"


class InstallUpdateFlow(CameraRepairFlow):
    """Install the pending firmware update of the camera."""

    fixed = "installed"
    still = "installing"

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


class IntegrationNoticeFlow(RepairsFlow):
    """A notice about a camera integration's entry: the button, then one act."""

    def __init__(self, issue_id: str, entry_id: str) -> None:
        """Remember which integration entry the notice is about."""
        self.issue_id = issue_id
        self.entry_id = entry_id
        self._words: dict[str, str] = {}

    async def async_step_init(
        self, user_input: dict[str, str] | None = None
    ) -> data_entry_flow.FlowResult:
        """Show what the notice says (its words, kept), with the button."""
        self._words = _notice_words(self.hass, self.issue_id)
        return await self.async_step_confirm()

    async def async_step_confirm(
        self, user_input: dict[str, str] | None = None
    ) -> data_entry_flow.FlowResult:
        """Act once the user confirms; say what happened."""
        if user_input is None:
            return self.async_show_form(
                step_id=CONFIRM, description_placeholders=self._words
            )
        return self.async_abort(
            reason=self._act(), description_placeholders=self._words
        )

    def _act(self) -> str:
        """Do what the button says; return the outcome's reason."""
        raise NotImplementedError


class EnableReadingsFlow(IntegrationNoticeFlow):
    """Enable what a camera integration hid: ``missing_readings_{entry id}``."""

    def _act(self) -> str:
        if (monitor := async_loaded_monitor(self.hass)) is None:
            return NOT_LOADED
        specs = [watch.spec for watch in monitor.cameras.values()]
        hidden = entities_to_enable(self.hass, specs, self.entry_id)
        if not hidden:
            return "nothing_hidden"
        ent_reg = er.async_get(self.hass)
        for entity_id in hidden:
            ent_reg.async_update_entity(entity_id, disabled_by=None)
        return "enabled"


class SignInFlow(IntegrationNoticeFlow):
    """``integration_offline`` with a sign-in pending: start it, say where."""

    def _act(self) -> str:
        entry = self.hass.config_entries.async_get_entry(self.entry_id)
        if entry is None or (
            entry.state is ConfigEntryState.LOADED
            and not reauth_pending(self.hass, entry)
        ):
            return "integration_back"
        entry.async_start_reauth(self.hass)  # kept if already in progress
        return "reauth_started"


_FLOWS: dict[Cause, type[CameraRepairFlow]] = {
    Cause.LOW_BATTERY: BatteryFlow,
    Cause.NO_CONNECTION: OfflineFlow,
    Cause.UNEXPLAINED: UnexplainedFlow,
    Cause.FIRMWARE_OUTDATED: InstallUpdateFlow,
}


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, Any] | None
) -> RepairsFlow:
    """Create the fix flow of one of our issues."""
    data = data or {}
    if issue_id.startswith(MISSING_READINGS_PREFIX):
        return EnableReadingsFlow(issue_id, str(data.get("config_entry_id", "")))
    if data.get("cause") == Cause.INTEGRATION_OFFLINE.value:
        return SignInFlow(issue_id, str(data.get("entry_id", "")))
    cause = Cause(str(data.get("cause", Cause.UNEXPLAINED.value)))
    registry_id = str(data.get("registry_id", ""))
    return _FLOWS.get(cause, UnexplainedFlow)(issue_id, cause, registry_id)
