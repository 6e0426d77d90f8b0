"""An NVR's cameras down together, or one alone, on the real ``reolink``.

Only reolink-aio's ``Host`` is mocked (see ``reolink_mock``): an NVR with
three wired cameras. One unplugged camera has made every camera of an NVR
unavailable (core #109275, #142162): the NVR's state update fails (core's
reolink device coordinator raises ``UpdateFailed``, every entity of the
entry becomes unavailable) or the NVR marks every channel offline
(reolink-aio's ``camera_online``). Either is one notice for the Reolink
entry, not a ``no_connection`` notice per camera. One channel offline
while the others stay is that camera's own outage.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er, issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from reolink_aio.exceptions import ReolinkError

from custom_components.camera_doctor.const import DOMAIN

from .fleet import advance, our_issues, setup_entry
from .reolink_mock import ReolinkDevice, async_setup_reolink, mock_reolink

# An outage counts after the grace period (5 minutes) plus its slack (one).
GRACE = timedelta(minutes=5)
PAST_GRACE = timedelta(minutes=1, seconds=1)
CHANNELS = (0, 1, 2)


@pytest.fixture
async def nvr(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> AsyncIterator[ReolinkDevice]:
    """An NVR with three wired cameras, and Camera Doctor, loaded."""
    with mock_reolink(hass, nvr=True, abilities=set(), cameras=3) as device:
        await async_setup_reolink(device)
        await setup_entry(hass, mock_config_entry)
        yield device


def camera(nvr: ReolinkDevice, channel: int) -> str:
    """The entity id of a channel's camera (its fluent stream)."""
    return nvr.entity_id("camera", "sub", channel=channel)


def ours(hass: HomeAssistant, nvr: ReolinkDevice, channel: int, key: str) -> str:
    """The entity id of Camera Doctor's ``key`` entity for a channel's camera."""
    registry = er.async_get(hass)
    unique_id = registry.async_get(camera(nvr, channel)).unique_id
    domain = "binary_sensor" if key == "red_flash" else "sensor"
    entity_id = registry.async_get_entity_id(
        domain, DOMAIN, f"reolink_{unique_id}_{key}"
    )
    assert entity_id is not None, (channel, key)
    return entity_id


def causes(hass: HomeAssistant, nvr: ReolinkDevice) -> list[str]:
    """The red flash cause of each channel's camera."""
    return [
        hass.states.get(ours(hass, nvr, channel, "red_flash_cause")).state
        for channel in CHANNELS
    ]


async def outage(
    hass: HomeAssistant, nvr: ReolinkDevice, freezer: FrozenDateTimeFactory
) -> None:
    """Let the NVR poll through the grace period and past it."""
    for _ in range(5):
        await nvr.poll(freezer)
    assert set(our_issues(hass)) == set()  # inside the grace period: nothing
    await advance(hass, freezer, PAST_GRACE)
    await nvr.poll(freezer)


def assert_one_notice(hass: HomeAssistant, nvr: ReolinkDevice) -> None:
    """Every camera ``integration_offline``, one notice for the NVR's entry."""
    assert causes(hass, nvr) == ["integration_offline"] * 3
    for channel in CHANNELS:
        red_flash = hass.states.get(ours(hass, nvr, channel, "red_flash"))
        assert red_flash.state == STATE_UNKNOWN
    issue_id = f"integration_offline_{nvr.entry.entry_id}"
    assert set(our_issues(hass)) == {issue_id}  # no no_connection per camera
    raised = ir.async_get(hass).async_get_issue(DOMAIN, issue_id)
    assert raised is not None
    placeholders = raised.translation_placeholders or {}
    assert placeholders["reason"] == (
        "Every Reolink camera became unavailable at the same time."
    )
    assert placeholders["cameras"] == ", ".join(
        sorted(hass.states.get(camera(nvr, channel)).name for channel in CHANNELS)
    )


async def test_nvr_update_fails_one_notice(
    hass: HomeAssistant, nvr: ReolinkDevice, freezer: FrozenDateTimeFactory
) -> None:
    """The NVR's update times out (one camera unplugged, core #109275)."""
    assert causes(hass, nvr) == ["none"] * 3
    assert set(our_issues(hass)) == set()
    nvr.api.get_states.side_effect = ReolinkError("Timeout waiting for the NVR")
    await nvr.poll(freezer)
    for channel in CHANNELS:
        assert hass.states.get(camera(nvr, channel)).state == STATE_UNAVAILABLE
    await outage(hass, nvr, freezer)
    assert_one_notice(hass, nvr)

    nvr.api.get_states.side_effect = None
    await nvr.poll(freezer)
    assert causes(hass, nvr) == ["none"] * 3
    assert set(our_issues(hass)) == set()


async def test_nvr_marks_every_camera_offline_one_notice(
    hass: HomeAssistant, nvr: ReolinkDevice, freezer: FrozenDateTimeFactory
) -> None:
    """The NVR reports every channel offline (core #142162): one notice."""
    nvr.offline = set(CHANNELS)
    await outage(hass, nvr, freezer)
    assert_one_notice(hass, nvr)


async def test_one_camera_of_the_nvr_offline_is_its_own_outage(
    hass: HomeAssistant, nvr: ReolinkDevice, freezer: FrozenDateTimeFactory
) -> None:
    """One channel offline, the others up: ``no_connection`` for it alone."""
    nvr.offline = {1}
    await nvr.poll(freezer)
    assert hass.states.get(camera(nvr, 1)).state == STATE_UNAVAILABLE
    assert hass.states.get(camera(nvr, 0)).state != STATE_UNAVAILABLE
    await outage(hass, nvr, freezer)
    assert causes(hass, nvr) == ["none", "no_connection", "none"]
    assert hass.states.get(ours(hass, nvr, 1, "red_flash")).state == "on"
    registry_id = er.async_get(hass).async_get(camera(nvr, 1)).id
    assert set(our_issues(hass)) == {f"no_connection_{registry_id}"}

    nvr.offline = set()
    await nvr.poll(freezer)
    assert causes(hass, nvr) == ["none"] * 3
    assert set(our_issues(hass)) == set()
