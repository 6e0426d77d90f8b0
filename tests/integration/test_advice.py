"""The advice fits the camera: its brand, what powers it, and what it reports.

DESIGN, "Brand truth": Blink battery models take two lithium AA cells; Ring,
Arlo, eufy and Reolink battery cameras have a rechargeable pack; a Blink Mini
or a wired camera has no battery and does not depend on a sync module; a
brand that reports only a low/OK flag gets no percentage in the text.

And every surface agrees: the ``recommended_fix`` sensor, the bus event's and
the ``diagnose`` action's ``fix``, the action's ``fix_steps`` and the
notice's steps name the same fix, the one that fits the camera (an owner
audit found a Ring told "Replace the batteries" by its sensor and "Charge
the battery" by its notice).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.repairs import repairs_flow_manager
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import Event, HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import DOMAIN, EVENT_DIAGNOSIS
from custom_components.camera_doctor.diagnosis import Cause
from custom_components.camera_doctor.fixes import Fit
from custom_components.camera_doctor.monitor import async_loaded_monitor
from custom_components.camera_doctor.notice_texts import fix_steps
from custom_components.camera_doctor.profiles import Power
from custom_components.camera_doctor.watch import CameraWatch

from .fleet import (
    FIX,
    FakeCamera,
    add_camera,
    add_generic_camera,
    advance,
    diagnose,
    past_grace,
    setup_entry,
)

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
        """Add a Blink Outdoor and Mini, a Ring battery doorbell, two wired cameras.

        The wired generic camera reports a Wi-Fi signal; the Reolink on PoE
        reports none (it is on a network cable).
        """
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
        self.poe = add_camera(
            hass,
            "Driveway",
            platform="reolink",
            manufacturer="Reolink",
            model="RLC-810A",
            siblings={"temperature": ("sensor", "temperature", "°C")},
        )
        self.healthy()

    @property
    def every(self) -> dict[str, FakeCamera]:
        """The cameras by kind."""
        return {
            "blink_battery": self.outdoor,
            "blink_mini": self.mini,
            "ring_battery": self.ring,
            "wired_poe": self.poe,
            "wired_generic": self.wired,
        }

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
        self.poe.set("camera", "idle")
        self.poe.set("temperature", "30")


@pytest.fixture
async def fleet(hass: HomeAssistant, mock_config_entry: MockConfigEntry) -> Fleet:
    """The five cameras, watched."""
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
    fit = {
        camera.name: monitor_watch(hass, camera).fit
        for camera in (fleet.outdoor, fleet.mini, fleet.ring, fleet.wired)
    }
    outdoor = fix_steps(hass, fit["Front Door"], "replace_batteries")
    assert "two new 1.5 V lithium AA cells" in outdoor
    ring = fix_steps(hass, fit["Doorbell"], "charge_battery")
    assert ring.startswith("1. Charge the battery fully")
    mini = fix_steps(hass, fit["Kitchen"], "reset_camera")
    assert mini.startswith("1. Power-cycle the camera: unplug it")
    # A fix without a variant for the camera: the fix for any camera.
    assert fix_steps(hass, fit["Garage"], "move_to_shade").startswith(
        "1. Move the camera out of direct sun"
    )
    assert fix_steps(hass, fit["Kitchen"], "none") == (
        "Nothing to do: the camera works normally."
    )


def monitor_watch(hass: HomeAssistant, camera: FakeCamera) -> CameraWatch:
    """The watch of a camera in the loaded entry."""
    monitor = async_loaded_monitor(hass)
    assert monitor is not None
    watch = monitor.camera_set.watch_for_entity(camera.entity_id)
    assert watch is not None
    return watch


KINDS = {
    "blink_battery": Fit(Power.AA_LITHIUM, sync_module=True),
    "blink_mini": Fit(Power.WIRED, sync_module=False, indoor=True),
    "ring_battery": Fit(Power.RECHARGEABLE, sync_module=False),
    "wired_poe": Fit(Power.WIRED, sync_module=False, wifi=False),
    "wired_generic": Fit(Power.WIRED, sync_module=False),
}


async def test_each_camera_is_known_for_what_it_is(
    hass: HomeAssistant, fleet: Fleet
) -> None:
    """Power, sync module, Wi-Fi or maybe a cable, indoors: from what it is."""
    assert {
        kind: monitor_watch(hass, camera).fit for kind, camera in fleet.every.items()
    } == KINDS


# Words that would not be true of a camera of the kind.
def _untrue(fit: Fit) -> tuple[str, ...]:
    words: list[str] = []
    if fit.power is Power.WIRED:
        words += ["batter"]
    if fit.power is not Power.AA_LITHIUM:
        words += ["AA", "alkaline"]
    if not fit.sync_module:
        words += ["sync module"]
    if fit.indoor:
        words += ["sun shield", "protective housing", "eaves", "direct sun"]
    return tuple(words)


def _possible(fit: Fit) -> list[tuple[Cause, bool]]:
    """The causes a camera of the kind can have (a stuck update both ways)."""
    causes = set(Cause) - {Cause.NONE, Cause.INTEGRATION_OFFLINE}
    if fit.power is Power.WIRED:
        causes.discard(Cause.LOW_BATTERY)
    if not fit.sync_module:
        causes.discard(Cause.SYNC_MODULE_OFFLINE)
    if not fit.wifi:
        causes.discard(Cause.WEAK_SIGNAL)
    found = [(cause, False) for cause in sorted(causes)]
    return [*found, (Cause.FIRMWARE_UPDATING, True)]


@pytest.mark.parametrize("kind", list(KINDS))
async def test_every_fix_fits_the_camera(
    hass: HomeAssistant, fleet: Fleet, kind: str
) -> None:
    """No fix tells a camera about a part it does not have."""
    fit = KINDS[kind]
    for cause, stuck in _possible(fit):
        steps = fix_steps(hass, fit, fit.fix(cause, stuck=stuck))
        assert steps, (kind, cause)
        for word in _untrue(fit):
            assert word not in steps, (kind, cause, word)


@pytest.mark.parametrize(
    ("kind", "cause", "fix"),
    [
        ("blink_battery", Cause.LOW_BATTERY, "replace_batteries"),
        ("ring_battery", Cause.LOW_BATTERY, "charge_battery"),
        ("blink_battery", Cause.NO_CONNECTION, "check_wifi"),
        ("blink_mini", Cause.NO_CONNECTION, "check_wifi"),
        ("ring_battery", Cause.NO_CONNECTION, "check_wifi"),
        ("wired_generic", Cause.NO_CONNECTION, "check_wifi"),
        ("wired_poe", Cause.NO_CONNECTION, "check_network"),
        ("wired_poe", Cause.FIRMWARE_UPDATING, "wait_for_update"),
    ],
)
def test_a_fix_key_per_kind_of_fix(kind: str, cause: Cause, fix: str) -> None:
    """Where one fix per cause cannot be true, the camera's kind picks the key."""
    assert KINDS[kind].fix(cause) == fix
    assert KINDS[kind].fix(Cause.FIRMWARE_UPDATING, stuck=True) == "retry_update"


def _break(fleet: Fleet, kind: str, cause: Cause) -> None:
    camera = fleet.every[kind]
    match kind, cause:
        case "blink_battery", Cause.LOW_BATTERY:
            camera.set("camera", "idle", **(BLINK_OUTDOOR | {"battery": "low"}))
        case "ring_battery", Cause.LOW_BATTERY:
            camera.set("battery", "8")
        case "blink_mini", Cause.OVERHEATING:
            camera.set("camera", "idle", **(BLINK_MINI | {"temperature": 140}))
        case _, Cause.NO_CONNECTION:
            camera.set("camera", STATE_UNAVAILABLE)


@pytest.mark.parametrize(
    ("kind", "cause", "fix", "says"),
    [
        ("blink_battery", Cause.LOW_BATTERY, "replace_batteries", "lithium AA"),
        ("ring_battery", Cause.LOW_BATTERY, "charge_battery", "Charge the battery"),
        ("blink_mini", Cause.NO_CONNECTION, "check_wifi", "Wi-Fi"),
        ("blink_mini", Cause.OVERHEATING, "move_to_shade", "radiator"),
        ("wired_poe", Cause.NO_CONNECTION, "check_network", "network cable"),
        ("wired_generic", Cause.NO_CONNECTION, "check_wifi", "Wi-Fi"),
    ],
)
async def test_every_surface_names_the_same_fix(
    hass: HomeAssistant,
    fleet: Fleet,
    freezer: FrozenDateTimeFactory,
    *,
    kind: str,
    cause: Cause,
    fix: str,
    says: str,
) -> None:
    """Sensor, bus event, action and notice agree, and fit the camera."""
    camera = fleet.every[kind]
    events: list[Event[Any]] = []
    hass.bus.async_listen(EVENT_DIAGNOSIS, events.append)
    _break(fleet, kind, cause)
    await advance(hass, freezer, timedelta(minutes=7))

    notice = _words(hass, cause.value, camera)
    serial = camera.entity_id.removeprefix("camera.")
    assert hass.states.get(FIX.format(serial)).state == fix
    assert [
        event.data["fix"]
        for event in events
        if event.data["entity_id"] == camera.entity_id
    ] == [fix]
    answer = await diagnose(hass, camera)
    assert (answer["cause"], answer["fix"]) == (cause.value, fix)
    assert answer["fix_steps"] == notice["steps"]
    assert says in notice["steps"]
    for word in _untrue(KINDS[kind]):
        assert word not in notice["steps"], word


@pytest.mark.parametrize(
    ("kind", "step"),
    [("blink_battery", "replaced"), ("ring_battery", "recharged")],
)
async def test_the_battery_dialog_asks_what_the_fix_says(
    hass: HomeAssistant,
    fleet: Fleet,
    freezer: FrozenDateTimeFactory,
    kind: str,
    step: str,
) -> None:
    """The dialog asks "I charged the battery" exactly where the fix is to charge."""
    camera = fleet.every[kind]
    _break(fleet, kind, Cause.LOW_BATTERY)
    await past_grace(hass, freezer)
    manager = repairs_flow_manager(hass)
    assert manager is not None
    flow = await manager.async_init(
        DOMAIN, data={"issue_id": f"low_battery_{camera.registry_id}"}
    )
    assert flow["step_id"] == step
    serial = camera.entity_id.removeprefix("camera.")
    fix = hass.states.get(FIX.format(serial)).state
    assert (fix == "charge_battery") is (step == "recharged")


async def test_offline_notice_says_what_home_assistant_shows(
    hass: HomeAssistant, fleet: Fleet, freezer: FrozenDateTimeFactory
) -> None:
    """Unavailable in Home Assistant: never "if it still shows it as online"."""
    fleet.poe.set("camera", STATE_UNAVAILABLE)
    await advance(hass, freezer, timedelta(minutes=7))
    words = _words(hass, "no_connection", fleet.poe)
    assert words["reading"] == "Home Assistant shows it as unavailable or disconnected."
    assert "online" not in words["reading"]


async def test_offline_duration_stays_current(
    hass: HomeAssistant, fleet: Fleet, freezer: FrozenDateTimeFactory
) -> None:
    """The notice's duration follows the clock, in one unit, while it is raised."""
    fleet.poe.set("camera", STATE_UNAVAILABLE)
    await advance(hass, freezer, timedelta(minutes=7))
    words = _words(hass, "no_connection", fleet.poe)
    assert (words["value"], words["threshold"]) == ("7 min", "5 min")
    for _ in range(4):  # nothing changes but the clock
        await advance(hass, freezer, timedelta(minutes=1))
    assert _words(hass, "no_connection", fleet.poe)["value"] == "11 min"
    # Past the hour, nothing explains the outage: "unexplained", in hours.
    for _ in range(113):
        await advance(hass, freezer, timedelta(minutes=1))
    words = _words(hass, "unexplained", fleet.poe)
    assert (words["value"], words["threshold"]) == ("2.1 h", "1 h")


async def test_stuck_update_says_it_is_stuck(
    hass: HomeAssistant, fleet: Fleet, freezer: FrozenDateTimeFactory
) -> None:
    """A normal update shows on the entities; a stuck one gets its own fix."""
    shed = add_generic_camera(hass, "Shed")
    await hass.async_block_till_done()
    shed.set(
        "firmware",
        "on",
        installed_version="1.0",
        latest_version="1.1",
        in_progress=True,
    )
    await past_grace(hass, freezer)
    assert hass.states.get(FIX.format("shed")).state == "wait_for_update"
    issue_id = f"firmware_updating_{shed.registry_id}"
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None

    await advance(hass, freezer, timedelta(minutes=30))
    words = _words(hass, "firmware_updating", shed)
    assert hass.states.get(FIX.format("shed")).state == "retry_update"
    # Counted, as the limit, from when the update was confirmed.
    assert (words["value"], words["threshold"]) == ("30 min", "30 min")
    assert "restart the camera: take out its battery pack" in words["steps"]
    answer = await diagnose(hass, shed)
    assert (answer["fix"], answer["fix_steps"]) == ("retry_update", words["steps"])
    await advance(hass, freezer, timedelta(minutes=1))
    assert _words(hass, "firmware_updating", shed)["value"] == "31 min"
