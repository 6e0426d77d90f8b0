"""Build cameras in a test Home Assistant from registry entries and states."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import (
    device_registry as dr,
    entity_registry as er,
    issue_registry as ir,
)
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.camera_doctor.const import DOCS_URL, DOMAIN

DOCS = Path(__file__).parents[2] / "docs"


@dataclass
class FakeCamera:
    """A camera with its device and sibling entities, as a source integration makes them."""

    hass: HomeAssistant
    name: str
    platform: str
    entity_id: str
    device_id: str
    registry_id: str
    siblings: dict[str, str] = field(default_factory=dict)

    def set(self, key: str, state: str, **attributes: Any) -> None:
        """Write the state of the camera (key ``camera``) or of a sibling."""
        entity_id = self.entity_id if key == "camera" else self.siblings[key]
        entry = er.async_get(self.hass).async_get(entity_id)
        assert entry is not None
        base: dict[str, Any] = {"friendly_name": f"{self.name} {key}".strip()}
        if entry.original_device_class:
            base["device_class"] = entry.original_device_class
        if entry.unit_of_measurement:
            base["unit_of_measurement"] = entry.unit_of_measurement
        if key == "camera":
            base["friendly_name"] = self.name
        self.hass.states.async_set(entity_id, state, base | attributes)


def add_camera(
    hass: HomeAssistant,
    name: str,
    *,
    platform: str = "acme",
    manufacturer: str = "Acme",
    model: str = "Cam 1",
    serial: str | None = None,
    siblings: dict[str, tuple[str, str | None, str | None]] | None = None,
    source_entry: MockConfigEntry | None = None,
) -> FakeCamera:
    """Register a camera and its siblings ``{key: (domain, device_class, unit)}``.

    Each camera gets its own source config entry unless ``source_entry`` (one
    integration's entry shared by many cameras) is given; it counts as loaded
    (its integration is up), as a real camera's entry would be.
    """
    serial = serial or name.lower().replace(" ", "_")
    if source_entry is None:
        source_entry = MockConfigEntry(
            domain=platform, title=platform, state=ConfigEntryState.LOADED
        )
        source_entry.add_to_hass(hass)
    device = dr.async_get(hass).async_get_or_create(
        config_entry_id=source_entry.entry_id,
        identifiers={(platform, serial)},
        manufacturer=manufacturer,
        model=model,
        name=name,
    )
    ent_reg = er.async_get(hass)
    camera = ent_reg.async_get_or_create(
        "camera",
        platform,
        f"{serial}-camera",
        config_entry=source_entry,
        device_id=device.id,
        suggested_object_id=serial,
        has_entity_name=True,
    )
    fake = FakeCamera(hass, name, platform, camera.entity_id, device.id, camera.id)
    for key, (domain, device_class, unit) in (siblings or {}).items():
        entry = ent_reg.async_get_or_create(
            domain,
            platform,
            f"{serial}-{key}",
            config_entry=source_entry,
            device_id=device.id,
            suggested_object_id=f"{serial}_{key}",
            original_device_class=device_class,
            unit_of_measurement=unit,
        )
        fake.siblings[key] = entry.entity_id
    return fake


GENERIC_SIBLINGS: dict[str, tuple[str, str | None, str | None]] = {
    "battery": ("sensor", "battery", "%"),
    "signal": ("sensor", "signal_strength", "dBm"),
    "temperature": ("sensor", "temperature", "°C"),
    "connectivity": ("binary_sensor", "connectivity", None),
    "firmware": ("update", "firmware", None),
}


def add_generic_camera(hass: HomeAssistant, name: str, **kwargs: Any) -> FakeCamera:
    """A healthy generic battery camera with every kind of reading."""
    camera = add_camera(hass, name, siblings=GENERIC_SIBLINGS, **kwargs)
    camera.set("camera", "idle")
    camera.set("battery", "80")
    camera.set("signal", "-55")
    camera.set("temperature", "21")
    camera.set("connectivity", "on")
    camera.set(
        "firmware",
        "off",
        installed_version="1.0",
        latest_version="1.0",
        in_progress=False,
    )
    return camera


async def setup_entry(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Add and load the Camera Doctor entry."""
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


async def advance(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, delta: timedelta
) -> None:
    """Let ``delta`` of simulated time pass, firing the timers due."""
    await hass.async_block_till_done()
    freezer.tick(delta)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


# Camera Doctor's entities of a camera named e.g. "garage".
CAUSE = "sensor.{}_red_flash_cause"
FIX = "sensor.{}_recommended_fix"
FLASH = "binary_sensor.{}_red_flash"
EVENT = "event.{}_diagnosis"

GRACE = timedelta(minutes=5)


async def past_grace(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Let the default grace period (5 minutes) pass: a problem is confirmed."""
    await advance(hass, freezer, GRACE + timedelta(seconds=1))


async def settle(hass: HomeAssistant) -> None:
    """Wait until everything a state change set off has run.

    State trackers and event triggers dispatch one loop turn later
    (``call_soon``), after a single ``async_block_till_done`` may already
    have returned.
    """
    for _ in range(3):  # a loaded machine may need a turn more
        await hass.async_block_till_done()
        await asyncio.sleep(0)


def state_callbacks(hass: HomeAssistant) -> int:
    """Per-entity callbacks of every state-change tracker.

    Home Assistant keeps no public count of them (one bus listener serves
    every tracker), so this reads its tracker index.
    """
    tracked = hass.data.get("track_state_change_data")
    return sum(len(jobs) for jobs in tracked.callbacks.values()) if tracked else 0


def listeners(hass: HomeAssistant) -> dict[str, object]:
    """Bus listeners by event type, and the state trackers' callbacks."""
    return {
        "bus_listeners": hass.bus.async_listeners(),
        "state_callbacks": state_callbacks(hass),
    }


def live_timers(hass: HomeAssistant) -> int:
    """Timers scheduled on the event loop and not cancelled.

    Neither Home Assistant nor asyncio counts them publicly: this reads the
    loop's schedule.
    """
    return sum(not handle.cancelled() for handle in hass.loop._scheduled)


async def diagnose(hass: HomeAssistant, camera: FakeCamera) -> dict[str, Any]:
    """The ``camera_doctor.diagnose`` action's answer for one camera."""
    response = await hass.services.async_call(
        DOMAIN,
        "diagnose",
        target={"entity_id": camera.entity_id},
        blocking=True,
        return_response=True,
    )
    assert response is not None
    answer: dict[str, Any] = response["cameras"][camera.entity_id]
    return answer


def our_issues(hass: HomeAssistant) -> dict[str, ir.IssueEntry]:
    """Camera Doctor's repair issues, by issue id.

    Each one's "Learn more" must open a page of the repository's docs/.
    """
    issues = {
        issue_id: issue
        for (domain, issue_id), issue in ir.async_get(hass).issues.items()
        if domain == DOMAIN
    }
    for issue in issues.values():
        if (url := issue.learn_more_url) is not None:
            assert url.startswith(f"{DOCS_URL}/"), url
            assert (DOCS / url.removeprefix(f"{DOCS_URL}/")).is_file(), url
    return issues
