"""``integration_offline`` one camera at a time, on the fleet's cameras.

Blink's cameras are all available or all not (see
``test_integration_offline``), so what follows one camera at a time is shown
on the fleet's cameras of one integration entry: one back while another is
still offline, an integration with one camera, a reload, and the entry's
state and sign-in followed without polling.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import (
    SIGNAL_CONFIG_ENTRY_CHANGED,
    SOURCE_REAUTH,
    ConfigEntryState,
    ConfigFlow,
    ConfigFlowResult,
)
from homeassistant.const import STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import HomeAssistant
from homeassistant.helpers.dispatcher import DATA_DISPATCHER
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockModule,
    mock_config_flow,
    mock_integration,
    mock_platform,
)

from .blink_view import GRACE
from .fleet import (
    CAUSE as FLEET_CAUSE,
    FLASH as FLEET_FLASH,
    FakeCamera,
    add_generic_camera,
    advance,
    our_issues,
    settle,
    setup_entry,
)

# An outage counts after the grace period plus its slack (one minute).
PAST_GRACE = GRACE + timedelta(minutes=1, seconds=1)


OUTAGE_WAIT = timedelta(minutes=6, seconds=1)


def two_cameras(hass: HomeAssistant) -> tuple[MockConfigEntry, FakeCamera, FakeCamera]:
    """Two cameras of one loaded ``acme`` integration entry."""
    entry = MockConfigEntry(domain="acme", title="Acme", state=ConfigEntryState.LOADED)
    entry.add_to_hass(hass)
    porch = add_generic_camera(hass, "Porch", source_entry=entry)
    yard = add_generic_camera(hass, "Yard", source_entry=entry)
    return entry, porch, yard


def fleet_cause(hass: HomeAssistant, camera: FakeCamera) -> str:
    """The red flash cause Camera Doctor shows for a fleet camera."""
    return hass.states.get(FLEET_CAUSE.format(camera.name.lower())).state


async def test_back_with_one_camera_still_offline(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The integration is back: a camera still offline waits a new grace period.

    Its outage clock starts when the integration came back (it could not
    report before); the integration's notice goes at once.
    """
    entry, porch, yard = two_cameras(hass)
    await setup_entry(hass, mock_config_entry)
    porch.set("camera", STATE_UNAVAILABLE)
    yard.set("camera", STATE_UNAVAILABLE)
    await advance(hass, freezer, OUTAGE_WAIT)
    assert fleet_cause(hass, porch) == fleet_cause(hass, yard) == "integration_offline"
    assert set(our_issues(hass)) == {f"integration_offline_{entry.entry_id}"}
    raised = our_issues(hass)[f"integration_offline_{entry.entry_id}"]
    assert raised.translation_placeholders is not None
    assert raised.translation_placeholders["cameras"] == "Porch, Yard"
    assert raised.translation_placeholders["integration"] == "acme"

    await advance(hass, freezer, timedelta(hours=2))
    porch.set("camera", "idle")
    await settle(hass)
    assert fleet_cause(hass, porch) == fleet_cause(hass, yard) == "none"
    yard_pending = hass.states.get(FLEET_CAUSE.format("yard")).attributes["pending"]
    assert yard_pending["cause"] == "no_connection"
    assert hass.states.get(FLEET_FLASH.format("yard")).state == "off"
    assert our_issues(hass) == {}

    await advance(hass, freezer, timedelta(minutes=5))
    assert fleet_cause(hass, yard) == "none"
    await advance(hass, freezer, timedelta(minutes=1, seconds=1))
    assert fleet_cause(hass, yard) == "no_connection"
    assert set(our_issues(hass)) == {f"no_connection_{yard.registry_id}"}


async def test_the_only_camera_of_its_integration_is_a_plain_outage(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """One camera unavailable while its integration runs: ``no_connection``."""
    shed = add_generic_camera(hass, "Shed")  # its own entry, loaded
    await setup_entry(hass, mock_config_entry)
    shed.set("camera", STATE_UNAVAILABLE)
    await advance(hass, freezer, OUTAGE_WAIT)
    assert fleet_cause(hass, shed) == "no_connection"
    assert set(our_issues(hass)) == {f"no_connection_{shed.registry_id}"}


async def test_reload_keeps_the_notice_and_prunes_it_once_back(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A reload keeps a confirmed notice; one whose cause went meanwhile goes."""
    entry, porch, yard = two_cameras(hass)
    await setup_entry(hass, mock_config_entry)
    porch.set("camera", STATE_UNAVAILABLE)
    yard.set("camera", STATE_UNAVAILABLE)
    await advance(hass, freezer, OUTAGE_WAIT)
    issue_id = f"integration_offline_{entry.entry_id}"
    assert set(our_issues(hass)) == {issue_id}

    assert await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await settle(hass)
    assert set(our_issues(hass)) == {issue_id}
    assert fleet_cause(hass, porch) == "integration_offline"

    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    porch.set("camera", "idle")
    yard.set("camera", "idle")
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await settle(hass)
    assert fleet_cause(hass, porch) == fleet_cause(hass, yard) == "none"
    assert our_issues(hass) == {}


def entry_listeners(hass: HomeAssistant) -> int:
    """How many callbacks follow config entry changes."""
    return len(hass.data.get(DATA_DISPATCHER, {}).get(SIGNAL_CONFIG_ENTRY_CHANGED, {}))


async def test_entry_state_is_followed_without_polling(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The entry leaves the loaded state, then is loaded again.

    No camera state changes: the config entry's own changes are followed,
    and the subscription goes with Camera Doctor's entry.
    """
    entry, porch, yard = two_cameras(hass)
    baseline = entry_listeners(hass)
    await setup_entry(hass, mock_config_entry)
    assert entry_listeners(hass) == baseline + 1
    entry.mock_state(hass, ConfigEntryState.SETUP_RETRY)
    await settle(hass)
    pending = hass.states.get(FLEET_CAUSE.format("porch")).attributes["pending"]
    assert pending["cause"] == "integration_offline"
    await advance(hass, freezer, OUTAGE_WAIT)
    assert fleet_cause(hass, porch) == fleet_cause(hass, yard) == "integration_offline"
    assert hass.states.get(FLEET_FLASH.format("porch")).state == STATE_UNKNOWN

    entry.mock_state(hass, ConfigEntryState.LOADED)
    await settle(hass)
    assert fleet_cause(hass, porch) == fleet_cause(hass, yard) == "none"
    assert our_issues(hass) == {}

    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert entry_listeners(hass) == baseline
    entry.mock_state(hass, ConfigEntryState.SETUP_RETRY)
    await advance(hass, freezer, OUTAGE_WAIT)
    assert our_issues(hass) == {}


class AcmeFlow(ConfigFlow, domain="acme"):
    """The ``acme`` integration's sign-in: one confirmation, then done."""

    VERSION = 1

    async def async_step_reauth(
        self, entry_data: Mapping[str, Any]
    ) -> ConfigFlowResult:
        """Ask the user to sign in again."""
        return await self.async_step_reauth_confirm()

    async def async_step_reauth_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Signed in."""
        if user_input is None:
            return self.async_show_form(step_id="reauth_confirm")
        return self.async_abort(reason="reauth_successful")


async def test_a_sign_in_started_and_finished_is_followed(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A sign-in asked for while the cameras still show: no state changes.

    Home Assistant's own notice of the pending sign-in comes and goes with
    it; the cameras of that entry are diagnosed again each time.
    """
    mock_integration(hass, MockModule("acme"))
    mock_platform(hass, "acme.config_flow", None)
    entry, porch, yard = two_cameras(hass)
    await setup_entry(hass, mock_config_entry)
    monitor = mock_config_entry.runtime_data.monitor

    def reasons() -> set[object]:
        return {
            watch.observation.integration_offline if watch.observation else None
            for watch in monitor.cameras.values()
        }

    with mock_config_flow("acme", AcmeFlow):
        entry.async_start_reauth(hass)
        await settle(hass)
        assert reasons() == {"reauth"}
        await advance(hass, freezer, OUTAGE_WAIT)
        assert fleet_cause(hass, porch) == "integration_offline"
        raised = our_issues(hass)[f"integration_offline_{entry.entry_id}"]
        assert raised.is_fixable

        (flow,) = entry.async_get_active_flows(hass, {SOURCE_REAUTH})
        await hass.config_entries.flow.async_configure(flow["flow_id"], {})
        await settle(hass)
    assert reasons() == {None}
    assert fleet_cause(hass, porch) == fleet_cause(hass, yard) == "none"
    assert our_issues(hass) == {}
