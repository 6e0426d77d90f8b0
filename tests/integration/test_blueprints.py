"""The automation blueprints, loaded into Home Assistant and run on a diagnosis."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import timedelta
from pathlib import Path
import shutil
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import automation
from homeassistant.const import STATE_ON, STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from homeassistant.util.yaml import load_yaml_dict
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    async_mock_service,
)

from custom_components.camera_doctor.fixes import FIX_OPTIONS

from .fleet import FakeCamera, add_generic_camera, past_grace, settle, setup_entry

BLUEPRINTS = Path(__file__).parents[2] / "blueprints" / "automation" / "camera_doctor"
NOTIFY = "notify.test"


def install_blueprints(hass: HomeAssistant, config_dir: Path) -> None:
    """Make ``config_dir`` the configuration, with Camera Doctor's blueprints."""
    hass.config.config_dir = str(config_dir)
    shutil.copytree(
        BLUEPRINTS, Path(hass.config.path("blueprints/automation/camera_doctor"))
    )


@pytest.fixture
async def fleet(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, tmp_path: Path
) -> AsyncGenerator[dict[str, FakeCamera]]:
    """Two healthy cameras watched by a loaded entry; blueprints installed."""
    install_blueprints(hass, tmp_path)
    cameras = {
        "garage": add_generic_camera(hass, "Garage"),
        "porch": add_generic_camera(hass, "Porch"),
    }
    await setup_entry(hass, mock_config_entry)
    yield cameras
    # Stop the automation's triggers (the time trigger keeps a timer).
    if hass.services.has_service(automation.DOMAIN, "turn_off"):
        await hass.services.async_call(
            automation.DOMAIN, "turn_off", {"entity_id": "all"}, blocking=True
        )


async def _use(hass: HomeAssistant, blueprint: str, **inputs: Any) -> list[ServiceCall]:
    """Create an automation from a blueprint that notifies ``notify.test``."""
    calls = async_mock_service(hass, "notify", "test")
    assert await async_setup_component(
        hass,
        automation.DOMAIN,
        {
            automation.DOMAIN: {
                "id": "under_test",
                "alias": "Under test",
                "use_blueprint": {
                    "path": f"camera_doctor/{blueprint}",
                    "input": {"notify_action": NOTIFY, **inputs},
                },
            }
        },
    )
    await settle(hass)
    # An invalid blueprint gives an unavailable automation, not an error.
    assert hass.states.get("automation.under_test").state == STATE_ON
    return calls


def test_every_blueprint_is_tested() -> None:
    """Each blueprint in the folder has a test below."""
    assert sorted(path.name for path in BLUEPRINTS.glob("*.yaml")) == [
        "camera_back_online.yaml",
        "low_battery_daily_reminder.yaml",
        "notify_red_flash.yaml",
        "phone_notifications.yaml",  # test_blueprint_phone.py
    ]


async def test_notify_red_flash(
    hass: HomeAssistant, fleet: dict[str, FakeCamera], freezer: FrozenDateTimeFactory
) -> None:
    """A new cause sends its name and fix; clearing it sends nothing."""
    calls = await _use(hass, "notify_red_flash.yaml")

    fleet["garage"].set("battery", "8")
    await past_grace(hass, freezer)
    assert len(calls) == 1
    assert calls[0].data["title"] == "Garage is flashing red"
    message = calls[0].data["message"]
    # Brand truth: the generic camera has a pack to charge (its fix key says so).
    assert message.startswith("Garage: Low battery. Charge the battery fully")
    assert "AA" not in message

    fleet["garage"].set("battery", "90")
    await past_grace(hass, freezer)
    assert len(calls) == 1

    fleet["porch"].set("signal", "-90")
    await past_grace(hass, freezer)
    assert len(calls) == 2
    assert (
        calls[1].data["message"].startswith("Porch: Weak Wi-Fi signal. Move the camera")
    )


async def test_notify_red_flash_filters(
    hass: HomeAssistant, fleet: dict[str, FakeCamera], freezer: FrozenDateTimeFactory
) -> None:
    """Only the chosen cameras, and no ignored cause, send a notification."""
    calls = await _use(
        hass,
        "notify_red_flash.yaml",
        cameras=[fleet["garage"].entity_id],
        ignored_causes=["weak_signal"],
    )
    fleet["porch"].set("battery", "8")
    fleet["garage"].set("signal", "-90")
    await past_grace(hass, freezer)
    assert calls == []

    fleet["garage"].set("temperature", "60")
    await past_grace(hass, freezer)
    assert [call.data["message"] for call in calls] == [
        (
            "Garage: Overheating. Move the camera away from the heat (direct sun, "
            "a sunny window, a heater) to a cooler, ventilated spot, and let it "
            "cool down."
        )
    ]


@pytest.mark.parametrize("chosen", [False, True])
async def test_notify_red_flash_tells_advice_only_when_chosen(
    hass: HomeAssistant,
    fleet: dict[str, FakeCamera],
    freezer: FrozenDateTimeFactory,
    chosen: bool,
) -> None:
    """An available update does not flash red: no "flashing red" message for it."""
    calls = await _use(hass, "notify_red_flash.yaml", include_update_available=chosen)
    fleet["garage"].set("firmware", "on", installed_version="1.0", latest_version="1.1")
    await past_grace(hass, freezer)
    titles = [call.data["title"] for call in calls]
    assert titles == (["Garage: firmware update available"] if chosen else [])


def test_notify_red_flash_knows_every_fix() -> None:
    """Every fix key an event can carry has words in the blueprint."""
    blueprint = load_yaml_dict(str(BLUEPRINTS / "notify_red_flash.yaml"))
    fixes = blueprint["variables"]["fixes"]
    assert set(fixes) == set(FIX_OPTIONS) - {"none"}


async def test_low_battery_daily_reminder(
    hass: HomeAssistant,
    fleet: dict[str, FakeCamera],
    freezer: FrozenDateTimeFactory,
) -> None:
    """Every day at the chosen time while a battery stays low, none after."""
    calls = await _use(hass, "low_battery_daily_reminder.yaml", time="08:00:00")
    fleet["garage"].set("battery", "8")
    fleet["porch"].set("signal", "-90")
    await past_grace(hass, freezer)

    now = dt_util.now()
    eight = now.replace(hour=8, minute=0, second=0, microsecond=0)
    if eight <= now:
        eight += timedelta(days=1)
    for _ in range(2):
        freezer.move_to(eight)
        async_fire_time_changed(hass, eight)
        await settle(hass)
        eight += timedelta(days=1)
    assert len(calls) == 2
    assert calls[0].data["title"] == "Camera batteries are low"
    assert (
        calls[0]
        .data["message"]
        .startswith(
            "Low battery: Garage (8 %). Charge or replace the batteries as each "
            "camera needs"
        )
    )

    fleet["garage"].set("battery", "100")
    await past_grace(hass, freezer)
    freezer.move_to(eight)
    async_fire_time_changed(hass, eight)
    await settle(hass)
    assert len(calls) == 2


async def test_low_battery_reminder_selected_sensors(
    hass: HomeAssistant,
    fleet: dict[str, FakeCamera],
    freezer: FrozenDateTimeFactory,
) -> None:
    """With sensors chosen, only those cameras are checked and listed."""
    calls = await _use(
        hass,
        "low_battery_daily_reminder.yaml",
        time="08:00:00",
        cause_sensors=["sensor.porch_red_flash_cause"],
    )
    fleet["garage"].set("battery", "8")
    fleet["porch"].set("battery", "15")
    fleet["porch"].set("signal", "-90")
    await past_grace(hass, freezer)
    eight = dt_util.now().replace(
        hour=8, minute=0, second=0, microsecond=0
    ) + timedelta(days=1)
    freezer.move_to(eight)
    async_fire_time_changed(hass, eight)
    await settle(hass)
    assert [call.data["message"].split(".")[0] for call in calls] == [
        "Low battery: Porch (15 %)"
    ]


async def test_camera_back_online(
    hass: HomeAssistant,
    fleet: dict[str, FakeCamera],
    freezer: FrozenDateTimeFactory,
) -> None:
    """Announced when an offline camera works again, not after other causes."""
    calls = await _use(hass, "camera_back_online.yaml")
    garage = fleet["garage"]

    garage.set("camera", STATE_UNAVAILABLE)
    await past_grace(hass, freezer)
    freezer.tick(timedelta(minutes=6))
    async_fire_time_changed(hass)
    await settle(hass)
    assert hass.states.get("sensor.garage_red_flash_cause").state == "no_connection"
    assert calls == []

    garage.set("camera", "idle")
    await past_grace(hass, freezer)
    assert len(calls) == 1
    assert calls[0].data["title"] == "Garage is back online"
    assert calls[0].data["message"] == (
        "Garage is back online and works normally again (it was: no connection)."
    )

    garage.set("battery", "8")
    await past_grace(hass, freezer)
    garage.set("battery", "90")
    await past_grace(hass, freezer)
    assert len(calls) == 1
