"""Camera Doctor on the real ``blink`` integration: outages and frozen readings.

Blink down as a whole (its cloud, its login): ``test_integration_offline``.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import async_capture_events

from custom_components.camera_doctor.const import EVENT_DIAGNOSIS

from .blink_mock import BlinkCloud
from .blink_view import (
    FRONT_CAM,
    GRACE,
    MINI,
    OUTDOOR,
    SYNC_PANEL,
    attributes,
    cause,
    eid,
    wait,
)
from .fleet import our_issues, settle


async def test_outage_shorter_than_grace_is_not_a_fault(
    hass: HomeAssistant, blink: BlinkCloud, freezer: FrozenDateTimeFactory
) -> None:
    """Blink unreachable for two minutes (< grace): nothing is raised."""
    events = async_capture_events(hass, EVENT_DIAGNOSIS)
    blink.fail(TimeoutError())
    await blink.poll(freezer)
    assert hass.states.get(eid(hass, FRONT_CAM)).state == STATE_UNAVAILABLE
    await wait(hass, freezer, timedelta(minutes=2))
    blink.fail(None)
    await blink.refresh_now()
    assert hass.states.get(eid(hass, FRONT_CAM)).state == "idle"
    await wait(hass, freezer, GRACE * 3)
    assert cause(hass, OUTDOOR) == cause(hass, MINI) == "none"
    assert events == []
    assert set(our_issues(hass)) == set()


async def test_single_failed_poll_is_not_a_fault(
    hass: HomeAssistant, blink: BlinkCloud, freezer: FrozenDateTimeFactory
) -> None:
    """One failed poll, the next one succeeds (after the usual network delay).

    The cameras are unavailable for one poll interval plus the time the
    cloud takes to answer: a single transient cloud error must not flap every
    Blink camera to ``no_connection`` (events, repair issue) and back.
    """
    events = async_capture_events(hass, EVENT_DIAGNOSIS)
    blink.fail(TimeoutError())
    await blink.poll(freezer)
    answer = asyncio.Event()

    async def slow_refresh(*_args: Any, **_kwargs: Any) -> bool:
        await answer.wait()
        return True

    blink.fail(None)
    blink.api.refresh.side_effect = slow_refresh
    await blink.poll(freezer)  # the next poll is under way...
    answer.set()  # ...and answers
    await settle(hass)
    assert hass.states.get(eid(hass, FRONT_CAM)).state == "idle"
    assert cause(hass, OUTDOOR) == "none"
    assert events == []


async def test_frozen_blink_readings_are_no_connection(
    hass: HomeAssistant, blink: BlinkCloud, freezer: FrozenDateTimeFactory
) -> None:
    """Blink's cloud keeps serving a dead camera's last readings.

    Polls keep succeeding and the sync module stays online, but nothing the
    camera reports moves for ``stale_hours`` (12 h): ``no_connection``.
    """
    for _ in range(11):
        await wait(hass, freezer, timedelta(hours=1))
    assert cause(hass, OUTDOOR) == "none"
    for _ in range(2):
        await wait(hass, freezer, timedelta(hours=1))
    assert hass.states.get(eid(hass, FRONT_CAM)).state == "idle"
    assert hass.states.get(SYNC_PANEL).attributes["status"] == "online"
    assert cause(hass, OUTDOOR) == "no_connection"
    evidence = attributes(hass, OUTDOOR)["evidence"]
    assert evidence["stale_hours"] == 12
    assert "readings_frozen_since" in evidence

    # The camera comes back: a new thumbnail and temperature.
    blink.outdoor.thumbnail = "https://rest-u034.immedia-semi.com/thumbnail/1b.jpg"
    blink.set_temperature_f(70)
    await blink.poll(freezer)
    assert cause(hass, OUTDOOR) == "none"


async def test_moving_blink_readings_are_healthy(
    hass: HomeAssistant, blink: BlinkCloud, freezer: FrozenDateTimeFactory
) -> None:
    """Cameras whose thumbnails keep changing are never taken for frozen."""
    for hour in range(14):
        blink.outdoor.thumbnail = f"https://rest-u034.immedia-semi.com/t/1-{hour}.jpg"
        blink.mini.thumbnail = f"https://rest-u034.immedia-semi.com/t/2-{hour}.jpg"
        await wait(hass, freezer, timedelta(hours=1))
    assert cause(hass, OUTDOOR) == cause(hass, MINI) == "none"
    assert set(our_issues(hass)) == set()
