"""Ring's cloud or login down, on Home Assistant's real ``ring`` integration.

Only the Ring cloud client is mocked (see ``ring_mock``). Core's ring
devices coordinator turns a failing poll into ``UpdateFailed`` (a
``RingError`` or ``RingTimeout``): every Ring entity, each camera included,
becomes unavailable at once. An ``AuthenticationError`` while polling
becomes ``ConfigEntryAuthFailed``: Home Assistant starts Ring's
re-authentication (both in core's ``ring/coordinator.py``, the same on the
oldest and the newest Home Assistant tested).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import SOURCE_REAUTH
from homeassistant.const import STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er, issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from ring_doorbell import AuthenticationError, RingError

from custom_components.camera_doctor.const import DOMAIN

from .fleet import advance, setup_entry
from .ring_mock import (
    BATTERY_ID,
    WIRED_ID,
    RingCloud,
    async_setup_ring,
    mock_ring_cloud,
)

# An outage counts after the grace period (5 minutes) plus its slack (one).
GRACE = timedelta(minutes=5)
PAST_GRACE = timedelta(minutes=1, seconds=1)
CAMERAS = (BATTERY_ID, WIRED_ID)


@pytest.fixture
async def ring(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> AsyncIterator[RingCloud]:
    """Ring (a battery Doorbell 3, a wired Doorbell Pro) and Camera Doctor."""
    with mock_ring_cloud(hass) as cloud:
        await async_setup_ring(cloud)
        await setup_entry(hass, mock_config_entry)
        yield cloud


def ours(hass: HomeAssistant, api_id: int, key: str) -> str:
    """The entity id of Camera Doctor's ``key`` entity for a Ring camera."""
    domain = "binary_sensor" if key == "red_flash" else "sensor"
    entity_id = er.async_get(hass).async_get_entity_id(
        domain, DOMAIN, f"ring_{api_id}-live_view_{key}"
    )
    assert entity_id is not None, (api_id, key)
    return entity_id


def cause(hass: HomeAssistant, api_id: int) -> str:
    """The red flash cause Camera Doctor shows for a Ring camera."""
    return hass.states.get(ours(hass, api_id, "red_flash_cause")).state


def outage_issues(hass: HomeAssistant, ring: RingCloud) -> set[str]:
    """Camera Doctor's notices but the Wi-Fi sensors' one (Ring hides them)."""
    hidden = f"missing_readings_{ring.entry.entry_id}"
    return {i for domain, i in ir.async_get(hass).issues if domain == DOMAIN} - {hidden}


def notice(hass: HomeAssistant, ring: RingCloud) -> ir.IssueEntry | None:
    """The one notice of the Ring integration entry, if raised."""
    issue_id = f"integration_offline_{ring.entry.entry_id}"
    return ir.async_get(hass).async_get_issue(DOMAIN, issue_id)


def camera_names(hass: HomeAssistant, ring: RingCloud) -> str:
    """Both Ring cameras as the notice lists them."""
    return ", ".join(
        sorted(
            hass.states.get(ring.entity_id("camera", api_id, "live_view")).name
            for api_id in CAMERAS
        )
    )


def assert_offline(hass: HomeAssistant, reason: str) -> None:
    """Both cameras ``integration_offline`` for ``reason``, red flash unknown."""
    for api_id in CAMERAS:
        assert cause(hass, api_id) == "integration_offline"
        attributes = hass.states.get(ours(hass, api_id, "red_flash_cause")).attributes
        assert attributes["evidence"] == {"integration_offline": reason}
        assert hass.states.get(ours(hass, api_id, "red_flash")).state == STATE_UNKNOWN


async def test_ring_cloud_poll_failure_is_one_notice(
    hass: HomeAssistant, ring: RingCloud, freezer: FrozenDateTimeFactory
) -> None:
    """Ring's poll fails: every camera unavailable, one notice for Ring."""
    names = camera_names(hass, ring)
    ring.api.async_update_devices.side_effect = RingError("Ring cloud unreachable")
    await ring.poll(freezer)
    for api_id in CAMERAS:
        camera = ring.entity_id("camera", api_id, "live_view")
        assert hass.states.get(camera).state == STATE_UNAVAILABLE
    for _ in range(4):  # inside the grace period (polls keep failing): nothing
        await ring.poll(freezer)
    assert cause(hass, BATTERY_ID) == cause(hass, WIRED_ID) == "none"
    assert outage_issues(hass, ring) == set()

    await advance(hass, freezer, PAST_GRACE)
    await ring.poll(freezer)
    assert_offline(hass, "all_unavailable")
    raised = notice(hass, ring)
    assert raised is not None
    assert outage_issues(hass, ring) == {raised.issue_id}  # none per camera
    assert raised.translation_key == "integration_offline"
    assert not raised.is_fixable
    placeholders = raised.translation_placeholders or {}
    assert placeholders["integration"] == "Ring"
    assert placeholders["cameras"] == names
    assert placeholders["reason"] == (
        "Every Ring camera became unavailable at the same time."
    )

    for _ in range(15):  # an hour later still one notice, nothing per camera
        await advance(hass, freezer, GRACE)
    await ring.poll(freezer)
    assert_offline(hass, "all_unavailable")
    assert outage_issues(hass, ring) == {raised.issue_id}

    ring.api.async_update_devices.side_effect = None
    await ring.poll(freezer)
    assert cause(hass, BATTERY_ID) == cause(hass, WIRED_ID) == "none"
    assert hass.states.get(ours(hass, BATTERY_ID, "red_flash")).state == "off"
    assert outage_issues(hass, ring) == set()


async def test_ring_login_expired_is_the_sign_in_notice(
    hass: HomeAssistant, ring: RingCloud, freezer: FrozenDateTimeFactory
) -> None:
    """Ring's token is refused while polling: the notice offers to sign in."""
    ring.api.async_update_devices.side_effect = AuthenticationError("expired")
    await ring.poll(freezer)
    assert len(list(ring.entry.async_get_active_flows(hass, {SOURCE_REAUTH}))) == 1
    await advance(hass, freezer, GRACE)
    assert outage_issues(hass, ring) == set()

    await advance(hass, freezer, PAST_GRACE)
    assert_offline(hass, "reauth")
    raised = notice(hass, ring)
    assert raised is not None
    assert outage_issues(hass, ring) == {raised.issue_id}
    assert raised.translation_key == "integration_offline_reauth"
    assert raised.is_fixable
    assert (raised.translation_placeholders or {})["reason"] == (
        "The Ring integration is waiting for you to sign in again."
    )

    # Signed in again: Ring is set up anew, the notice goes.
    for flow in ring.entry.async_get_active_flows(hass, {SOURCE_REAUTH}):
        hass.config_entries.flow.async_abort(flow["flow_id"])
    ring.api.async_update_devices.side_effect = None
    assert await hass.config_entries.async_reload(ring.entry.entry_id)
    await advance(hass, freezer, timedelta(seconds=1))
    assert cause(hass, BATTERY_ID) == cause(hass, WIRED_ID) == "none"
    assert outage_issues(hass, ring) == set()
