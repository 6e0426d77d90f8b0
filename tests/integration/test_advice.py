"""The advice fits the camera: its brand, what powers it, and what it reports.

DESIGN, "Brand truth": Blink battery models take two lithium AA cells; Ring,
Arlo, eufy and Reolink battery cameras have a rechargeable pack; a Blink Mini
or a wired camera has no battery and does not depend on a sync module; a
brand that reports only a low/OK flag gets no percentage in the text.
"""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import DOMAIN
from custom_components.camera_doctor.monitor import async_loaded_monitor
from custom_components.camera_doctor.notice_texts import fix_steps
from custom_components.camera_doctor.watch import CameraWatch

from .fleet import FakeCamera, add_camera, advance, past_grace, setup_entry

BLINK_OUTDOOR = {
    "battery": "ok",
    "battery_voltage": 165,
    "wifi_strength": -55,
    "sync_signal_strength": 5,
    "temperature": 68,
    "sync_module": "Home",
    "type": "catalina",
}
BLINK_MINI = {"battery": None, "wifi_strength": None, "type": "owl"}


class Fleet:
    """One camera of each kind, as their integrations publish them."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Add a Blink Outdoor and Mini, a Ring battery doorbell, a wired camera."""
        self.outdoor = add_camera(
            hass, "Front Door", platform="blink", manufacturer="Blink", model=""
        )
        self.mini = add_camera(
            hass, "Kitchen", platform="blink", manufacturer="Blink", model="mini"
        )
        self.ring = add_camera(
            hass,
            "Doorbell",
            platform="ring",
            manufacturer="Ring",
            model="Battery Video Doorbell",
            siblings={
                "battery": ("sensor", "battery", "%"),
                "signal": ("sensor", "signal_strength", "dBm"),
            },
        )
        self.wired = add_camera(
            hass,
            "Garage",
            siblings={
                "signal": ("sensor", "signal_strength", "dBm"),
                "connectivity": ("binary_sensor", "connectivity", None),
            },
        )
        self.healthy()

    def healthy(self) -> None:
        """Every camera reads fine."""
        self.outdoor.set("camera", "idle", **BLINK_OUTDOOR)
        self.mini.set("camera", "idle", **BLINK_MINI)
        self.ring.set("camera", "idle")
        self.ring.set("battery", "80")
        self.ring.set("signal", "-55")
        self.wired.set("camera", "idle")
        self.wired.set("signal", "-55")
        self.wired.set("connectivity", "on")


@pytest.fixture
async def fleet(hass: HomeAssistant, mock_config_entry: MockConfigEntry) -> Fleet:
    """The four cameras, watched."""
    cameras = Fleet(hass)
    await setup_entry(hass, mock_config_entry)
    return cameras


def _words(hass: HomeAssistant, cause: str, camera: FakeCamera) -> dict[str, str]:
    issue = ir.async_get(hass).async_get_issue(DOMAIN, f"{cause}_{camera.registry_id}")
    assert issue is not None, (cause, camera.name)
    assert issue.translation_placeholders is not None
    return issue.translation_placeholders


async def test_low_battery(
    hass: HomeAssistant, fleet: Fleet, freezer: FrozenDateTimeFactory
) -> None:
    """Blink: new lithium AA cells, no percentage; Ring: charge the pack."""
    fleet.outdoor.set("camera", "idle", **(BLINK_OUTDOOR | {"battery": "low"}))
    fleet.ring.set("battery", "8")
    await past_grace(hass, freezer)

    blink = _words(hass, "low_battery", fleet.outdoor)
    assert blink["value"] == "low"
    assert blink["threshold"] == ""
    assert blink["reading"] == (
        "reports a low battery. The camera tells only low or OK, not how much charge is left."
    )
    assert "%" not in blink["value"] + blink["threshold"]
    assert "two new 1.5 V lithium AA cells" in blink["steps"]
    assert "Charge the battery" not in blink["steps"]

    ring = _words(hass, "low_battery", fleet.ring)
    assert (ring["value"], ring["threshold"]) == ("8 %", "20 %")
    assert ring["reading"] == (
        "has 8 % of battery left; a battery counts as low at 20 % or below."
    )
    assert ring["steps"].startswith("1. Charge the battery fully")
    assert "AA" not in ring["steps"]
    assert "alkaline" not in ring["steps"]


async def test_weak_signal(
    hass: HomeAssistant, fleet: Fleet, freezer: FrozenDateTimeFactory
) -> None:
    """Only a camera on a sync module is told about the sync module."""
    fleet.outdoor.set("camera", "idle", **(BLINK_OUTDOOR | {"wifi_strength": -85}))
    fleet.ring.set("signal", "-85")
    fleet.wired.set("signal", "-85")
    await past_grace(hass, freezer)

    blink = _words(hass, "weak_signal", fleet.outdoor)
    assert (blink["value"], blink["threshold"]) == ("-85 dBm", "-75 dBm")
    assert "30 m (100 ft) of its sync module" in blink["steps"]
    for camera in (fleet.ring, fleet.wired):
        words = _words(hass, "weak_signal", camera)
        assert words["steps"].startswith("1. Move the camera and the router")
        assert "sync module" not in words["steps"]


async def test_weak_signal_in_bars_reads_in_words(
    hass: HomeAssistant, fleet: Fleet, freezer: FrozenDateTimeFactory
) -> None:
    """Signal bars read "1 of 5 bars", not a bare "1/5"."""
    fleet.outdoor.set(
        "camera",
        "idle",
        **(BLINK_OUTDOOR | {"wifi_strength": None, "sync_signal_strength": 1}),
    )
    await past_grace(hass, freezer)
    blink = _words(hass, "weak_signal", fleet.outdoor)
    assert (blink["value"], blink["threshold"]) == ("1 of 5 bars", "2 of 5 bars")


async def test_offline(
    hass: HomeAssistant, fleet: Fleet, freezer: FrozenDateTimeFactory
) -> None:
    """Batteries where there are some, and the cable where there are none."""
    for camera in (fleet.outdoor, fleet.mini, fleet.ring, fleet.wired):
        camera.set("camera", STATE_UNAVAILABLE)
    await advance(hass, freezer, timedelta(minutes=7))

    steps = {
        camera.name: _words(hass, "no_connection", camera)["steps"]
        for camera in (fleet.outdoor, fleet.mini, fleet.ring, fleet.wired)
    }
    assert "Power-cycle the router" in steps["Front Door"]
    assert "lithium AA cells are empty" in steps["Front Door"]
    assert "battery is charged" in steps["Doorbell"]
    for wired in ("Kitchen", "Garage"):
        assert "adapter or USB cable" in steps[wired]
        assert "batter" not in steps[wired]
        assert "sync module" not in steps[wired]


async def test_mini_is_never_told_about_batteries_or_sync_modules(
    hass: HomeAssistant, fleet: Fleet, freezer: FrozenDateTimeFactory
) -> None:
    """A Mini, unavailable for hours, gets wired advice in every notice."""
    fleet.mini.set("camera", STATE_UNAVAILABLE)
    for _ in range(15):  # past the hour after which an outage is unexplained
        await advance(hass, freezer, timedelta(minutes=5))
    mini = [
        issue
        for (domain, issue_id), issue in ir.async_get(hass).issues.items()
        if domain == DOMAIN and issue_id.endswith(fleet.mini.registry_id)
    ]
    assert [issue.translation_key for issue in mini] == ["unexplained"]
    steps = mini[0].translation_placeholders["steps"]
    assert steps.startswith("1. Power-cycle the camera: unplug it for 10 seconds")
    assert "batter" not in steps


async def test_fix_steps_for_the_diagnose_action(
    hass: HomeAssistant, fleet: Fleet
) -> None:
    """``fix_steps`` gives any fix key's steps for the camera it is asked about."""
    watch = {
        camera.name: monitor_watch(hass, camera)
        for camera in (fleet.outdoor, fleet.mini, fleet.ring)
    }
    outdoor = fix_steps(hass, watch["Front Door"].spec, "replace_batteries")
    assert "two new 1.5 V lithium AA cells" in outdoor
    ring = fix_steps(hass, watch["Doorbell"].spec, "replace_batteries")
    assert ring.startswith("1. Charge the battery fully")
    mini = fix_steps(hass, watch["Kitchen"].spec, "reset_camera")
    assert mini.startswith("1. Power-cycle the camera: unplug it")
    # A fix without a variant for the camera: the fix for any camera.
    assert fix_steps(hass, watch["Kitchen"].spec, "move_to_shade").startswith(
        "1. Move the camera out of direct sun"
    )
    assert fix_steps(hass, watch["Kitchen"].spec, "none") == (
        "Nothing to do: the camera works normally."
    )


def monitor_watch(hass: HomeAssistant, camera: FakeCamera) -> CameraWatch:
    """The watch of a camera in the loaded entry."""
    monitor = async_loaded_monitor(hass)
    assert monitor is not None
    watch = monitor.camera_set.watch_for_entity(camera.entity_id)
    assert watch is not None
    return watch
