"""The camera's own integration is down: ``integration_offline``.

On Home Assistant's real ``blink`` integration (only blinkpy's cloud client
mocked, see ``blink_mock``): Blink cannot be set up, asks to sign in again,
or its cloud stops answering. Each gives one notice for the integration,
naming it, the reason and its cameras, and no per-camera notice; the
cameras' red-flash sensors are unknown meanwhile. Blink's cameras are all
available or all not, so what follows one camera at a time (one back while
another is still offline, an integration with one camera) is shown on the
fleet's cameras of one integration entry.
"""

from __future__ import annotations

from datetime import timedelta

from aiohttp import ClientConnectionError
from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.repairs import (
    DOMAIN as REPAIRS_DOMAIN,
    repairs_flow_manager,
)
from homeassistant.config_entries import SOURCE_REAUTH, ConfigEntryState
from homeassistant.const import STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import async_capture_events

from custom_components.camera_doctor.const import DOMAIN, EVENT_DIAGNOSIS

from .blink_mock import BlinkCloud
from .blink_view import (
    FLASH,
    FRONT_CAM,
    GRACE,
    KITCHEN_CAM,
    MINI,
    OUTDOOR,
    attributes,
    cause,
    eid,
    wait,
)
from .fleet import our_issues, settle

# An outage counts after the grace period plus its slack (one minute).
PAST_GRACE = GRACE + timedelta(minutes=1, seconds=1)


def notice(hass: HomeAssistant, cloud: BlinkCloud) -> ir.IssueEntry | None:
    """The one notice of the Blink integration entry, if raised."""
    issue_id = f"integration_offline_{cloud.entry.entry_id}"
    return ir.async_get(hass).async_get_issue(DOMAIN, issue_id)


def camera_names(hass: HomeAssistant) -> str:
    """The two cameras as the notice lists them."""
    return ", ".join(
        sorted(hass.states.get(eid(hass, key)).name for key in (FRONT_CAM, KITCHEN_CAM))
    )


def assert_offline(hass: HomeAssistant, reason: str) -> None:
    """Both cameras ``integration_offline`` with ``reason``, red flash unknown."""
    for camera in (OUTDOOR, MINI):
        assert cause(hass, camera) == "integration_offline"
        assert attributes(hass, camera)["causes"] == ["integration_offline"]
        assert attributes(hass, camera)["evidence"] == {"integration_offline": reason}
        red_flash = hass.states.get(eid(hass, FLASH, camera))
        assert red_flash is not None
        assert red_flash.state == STATE_UNKNOWN


async def test_setup_failure_is_one_notice_for_blink(
    hass: HomeAssistant, blink: BlinkCloud, freezer: FrozenDateTimeFactory
) -> None:
    """Blink cannot connect at setup: Home Assistant retries it.

    Nothing within the grace period; then both cameras are
    ``integration_offline``, their red flash unknown, and one notice names
    Blink, the reason and both cameras, with no per-camera notice. Blink set
    up again clears it all at once.
    """
    names = camera_names(hass)
    events = async_capture_events(hass, EVENT_DIAGNOSIS)
    blink.api.start.side_effect = ClientConnectionError("Blink cloud unreachable")
    await hass.config_entries.async_reload(blink.entry.entry_id)
    await settle(hass)
    assert blink.entry.state is ConfigEntryState.SETUP_RETRY
    assert hass.states.get(eid(hass, FRONT_CAM)).state == STATE_UNAVAILABLE

    await wait(hass, freezer, GRACE)
    assert cause(hass, OUTDOOR) == cause(hass, MINI) == "none"
    assert attributes(hass, OUTDOOR)["pending"]["cause"] == "integration_offline"
    assert set(our_issues(hass)) == set()
    assert events == []

    await wait(hass, freezer, timedelta(minutes=1, seconds=1))
    assert_offline(hass, "not_loaded")
    raised = notice(hass, blink)
    assert raised is not None
    assert set(our_issues(hass)) == {raised.issue_id}
    assert raised.severity is ir.IssueSeverity.ERROR
    assert raised.translation_key == "integration_offline"
    assert not raised.is_fixable
    placeholders = dict(raised.translation_placeholders or {})
    assert placeholders.pop("steps").startswith("1. Open Settings")
    assert placeholders == {
        "integration": "Blink",
        "reason": "Home Assistant could not set up the Blink integration.",
        "cameras": names,
    }
    assert sorted((e.data["entity_id"], e.data["cause"]) for e in events) == [
        (eid(hass, FRONT_CAM), "integration_offline"),
        (eid(hass, KITCHEN_CAM), "integration_offline"),
    ]

    # Home Assistant's retries keep failing: still one notice, nothing else.
    await wait(hass, freezer, timedelta(minutes=30))
    assert blink.entry.state is ConfigEntryState.SETUP_RETRY
    assert set(our_issues(hass)) == {raised.issue_id}
    assert_offline(hass, "not_loaded")

    blink.api.start.side_effect = None
    await wait(hass, freezer, timedelta(hours=1))
    assert blink.entry.state is ConfigEntryState.LOADED
    assert cause(hass, OUTDOOR) == cause(hass, MINI) == "none"
    assert hass.states.get(eid(hass, FLASH, OUTDOOR)).state == "off"
    assert set(our_issues(hass)) == set()


async def test_sign_in_pending_is_fixable(
    hass: HomeAssistant, blink: BlinkCloud, freezer: FrozenDateTimeFactory
) -> None:
    """Blink asks to sign in again: the notice's fix flow starts the sign-in."""
    assert await async_setup_component(hass, REPAIRS_DOMAIN, {})
    blink.refuse_login()
    await hass.config_entries.async_reload(blink.entry.entry_id)
    await settle(hass)
    assert blink.entry.state is ConfigEntryState.SETUP_ERROR
    assert len(list(blink.entry.async_get_active_flows(hass, {SOURCE_REAUTH}))) == 1
    monitor = hass.config_entries.async_loaded_entries(DOMAIN)[0].runtime_data.monitor
    for watch in monitor.cameras.values():
        assert watch.observation is not None
        assert watch.observation.integration_offline == "reauth"
    await wait(hass, freezer, PAST_GRACE)

    assert_offline(hass, "reauth")
    raised = notice(hass, blink)
    assert raised is not None
    assert set(our_issues(hass)) == {raised.issue_id}
    assert raised.is_fixable
    assert raised.translation_key == "integration_offline_reauth"
    assert raised.translation_placeholders is not None
    assert raised.translation_placeholders["reason"] == (
        "The Blink integration is waiting for you to sign in again."
    )

    manager = repairs_flow_manager(hass)
    assert manager is not None
    form = await manager.async_init(DOMAIN, data={"issue_id": raised.issue_id})
    assert form["type"] == "form"
    assert form["step_id"] == "confirm"
    assert form["description_placeholders"] == raised.translation_placeholders
    done = await manager.async_configure(form["flow_id"], {})
    assert done["type"] == "abort"
    assert done["reason"] == "reauth_started"
    await settle(hass)
    # The sign-in Home Assistant started is the one to finish: not a second.
    assert len(list(blink.entry.async_get_active_flows(hass, {SOURCE_REAUTH}))) == 1
    assert notice(hass, blink) is not None

    # The sign-in was closed meanwhile: the fix flow starts a new one.
    form = await manager.async_init(DOMAIN, data={"issue_id": raised.issue_id})
    for flow in blink.entry.async_get_active_flows(hass, {SOURCE_REAUTH}):
        hass.config_entries.flow.async_abort(flow["flow_id"])
    await settle(hass)
    assert not list(blink.entry.async_get_active_flows(hass, {SOURCE_REAUTH}))
    done = await manager.async_configure(form["flow_id"], {})
    assert done["reason"] == "reauth_started"
    await settle(hass)
    assert len(list(blink.entry.async_get_active_flows(hass, {SOURCE_REAUTH}))) == 1

    # Signed in meanwhile (the sign-in ends, Blink is set up again): the
    # notice opened before says so, and it is gone.
    form = await manager.async_init(DOMAIN, data={"issue_id": raised.issue_id})
    for flow in blink.entry.async_get_active_flows(hass, {SOURCE_REAUTH}):
        hass.config_entries.flow.async_abort(flow["flow_id"])
    blink.accept_login()
    assert await hass.config_entries.async_reload(blink.entry.entry_id)
    await settle(hass)
    assert blink.entry.state is ConfigEntryState.LOADED
    done = await manager.async_configure(form["flow_id"], {})
    assert done["reason"] == "integration_back"
    assert cause(hass, OUTDOOR) == cause(hass, MINI) == "none"
    assert set(our_issues(hass)) == set()


async def test_cloud_down_during_polling(
    hass: HomeAssistant, blink: BlinkCloud, freezer: FrozenDateTimeFactory
) -> None:
    """Every Blink camera unavailable at once is Blink's outage, not theirs.

    The Mini (on no sync module) is no longer ``no_connection`` and then
    ``unexplained`` (a factory reset!); the Outdoor is not blamed on its
    sync module, whose panel is down with Blink. One notice, for Blink.
    """
    events = async_capture_events(hass, EVENT_DIAGNOSIS)
    blink.fail(ClientConnectionError("Blink cloud unreachable"))
    await blink.poll(freezer)
    await wait(hass, freezer, GRACE)
    assert cause(hass, OUTDOOR) == cause(hass, MINI) == "none"  # inside the wait
    assert set(our_issues(hass)) == set()

    await wait(hass, freezer, timedelta(minutes=1, seconds=1))
    assert_offline(hass, "all_unavailable")
    raised = notice(hass, blink)
    assert raised is not None
    assert set(our_issues(hass)) == {raised.issue_id}
    assert not raised.is_fixable
    assert raised.translation_placeholders is not None
    assert raised.translation_placeholders["reason"] == (
        "Every Blink camera became unavailable at the same time."
    )

    for _ in range(15):  # 75 minutes, past the 60 minute escalation
        await wait(hass, freezer, GRACE)
    assert_offline(hass, "all_unavailable")
    assert set(our_issues(hass)) == {raised.issue_id}
    assert {e.data["cause"] for e in events} == {"integration_offline"}

    blink.fail(None)
    await blink.poll(freezer)
    assert cause(hass, OUTDOOR) == cause(hass, MINI) == "none"
    assert set(our_issues(hass)) == set()
