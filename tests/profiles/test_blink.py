"""Blink: camera attributes, sibling sensors and the sync module."""

from __future__ import annotations

from dataclasses import replace

import pytest

from custom_components.camera_doctor.diagnosis.model import Observation
from custom_components.camera_doctor.profiles import CameraSources, SourceState
from custom_components.camera_doctor.profiles.blink import BLINK, hub_online

from .shapes import blink, blink_camera, blink_siblings, entity, sync_module

HEALTHY = Observation(
    available=True,
    battery_low=False,
    signal_dbm=-58.0,
    signal_bars=4,
    temperature_c=18.9,
    hub_online=True,
)
HOME = sync_module()
GARAGE = sync_module(name="Garage", network_id=777, cameras=("Garage Cam",))
# A Blink Mini: wired, no battery, no Wi-Fi or temperature reading. blinkpy
# gives battery None, so core's battery binary sensor (battery != "ok") is on.
MINI = blink_camera(
    battery=None,
    battery_voltage=None,
    temperature=None,
    temperature_c=None,
    temperature_calibrated=None,
    wifi_strength=None,
    sync_signal_strength=None,
    type="mini",
    sync_module=...,
    network_id=...,
)
MINI_SIBLINGS = blink_siblings(temperature="unknown", wifi="unknown", battery="on")


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        pytest.param(blink(hubs=(HOME,)), HEALTHY, id="metric-celsius-sensor"),
        pytest.param(
            blink(siblings=blink_siblings(temperature="66", unit="°F"), hubs=(HOME,)),
            replace(HEALTHY, temperature_c=18.89),
            id="imperial-fahrenheit-sensor",
        ),
        pytest.param(
            blink(siblings=(), hubs=(HOME,)),
            replace(HEALTHY, temperature_c=20.0),
            id="attributes-only-temperature-c",
        ),
        pytest.param(
            blink(blink_camera(temperature_c=None), siblings=(), hubs=(HOME,)),
            replace(HEALTHY, temperature_c=20.0),
            id="attributes-only-fahrenheit",
        ),
        pytest.param(
            blink(blink_camera(battery="low"), blink_siblings(battery="on"), (HOME,)),
            replace(HEALTHY, battery_low=True),
            id="battery-low",
        ),
        pytest.param(
            blink(MINI, MINI_SIBLINGS, (HOME,)),
            Observation(available=True),
            id="mini-no-battery-no-wifi-no-sync-module",
        ),
        pytest.param(
            blink(blink_camera(wifi_strength=None), blink_siblings(wifi="-81")),
            replace(HEALTHY, signal_dbm=-81.0, hub_online=None),
            id="wifi-from-sensor-no-hub",
        ),
        pytest.param(
            blink(blink_camera(wifi_strength=3, sync_signal_strength=None), ()),
            replace(
                HEALTHY,
                signal_dbm=None,
                signal_bars=3,
                temperature_c=20.0,
                hub_online=None,
            ),
            id="wifi-reported-as-bars",
        ),
        pytest.param(
            blink(
                blink_camera(
                    "unavailable", **dict.fromkeys(("battery", "wifi_strength"), ...)
                ),
                (),
            ),
            replace(
                HEALTHY,
                available=False,
                battery_low=None,
                signal_dbm=None,
                temperature_c=20.0,
                hub_online=None,
            ),
            id="camera-unavailable",
        ),
    ],
)
def test_observe(sources: CameraSources, expected: Observation) -> None:
    """Realistic Blink entity sets give the expected observation."""
    assert BLINK.observe(sources) == expected


def test_battery_binary_sensor_never_read() -> None:
    """Without the camera's battery attribute the battery is unknown.

    Blink's battery binary sensor is on for a camera with no battery reading,
    and while the camera's state has no attributes yet (it is written after
    the binary sensor when Blink comes back): trusting it would flash a false
    low_battery.
    """
    camera = entity("camera.front_door", "idle", platform="blink")
    low = blink(camera, blink_siblings(battery="on"))
    assert BLINK.observe(low).battery_low is None


@pytest.mark.parametrize(
    ("camera", "hubs", "expected"),
    [
        pytest.param(blink_camera(), (GARAGE, HOME), HOME, id="by-sync-module-name"),
        pytest.param(
            blink_camera(sync_module="Renamed"),
            (GARAGE, sync_module(name="Other", network_id=1, cameras=())),
            None,
            id="nothing-matches",
        ),
        pytest.param(
            blink_camera(sync_module=None), (GARAGE, HOME), HOME, id="by-network-id"
        ),
        pytest.param(
            blink_camera(sync_module=..., network_id="4321"),
            (GARAGE, HOME),
            HOME,
            id="by-network-id-as-text",
        ),
        pytest.param(
            blink_camera(sync_module=..., network_id=...),
            (GARAGE, HOME),
            HOME,
            id="by-associated-camera-name",
        ),
        pytest.param(
            blink_camera(
                sync_module=..., network_id=..., name=..., friendly_name="front door"
            ),
            (HOME,),
            HOME,
            id="by-friendly-name-any-case",
        ),
        pytest.param(
            blink_camera(),
            (sync_module("unavailable"),),
            sync_module("unavailable"),
            id="unavailable-panel-by-friendly-name",
        ),
        pytest.param(blink_camera(), (), None, id="no-hubs"),
        pytest.param(
            blink_camera(),
            (
                entity(
                    "alarm_control_panel.home", "disarmed", platform="ring", name="Home"
                ),
            ),
            None,
            id="other-platform-ignored",
        ),
        pytest.param(
            blink_camera(),
            (entity("sensor.home", "on", name="Home"),),
            None,
            id="other-domain-ignored",
        ),
        pytest.param(
            entity("camera.front_door", "unavailable", platform="blink"),
            (sync_module("unavailable"),),
            None,
            id="unavailable-camera-names-no-hub",
        ),
        pytest.param(
            replace(blink_camera(), platform="fleet_sim"),
            (replace(sync_module("armed_away"), platform="fleet_sim"),),
            replace(sync_module("armed_away"), platform="fleet_sim"),
            id="stand-in-platform-matches-its-own-panel",
        ),
        pytest.param(
            blink_camera(sync_module=..., network_id=...),
            (
                sync_module(cameras=()),
                entity(
                    "alarm_control_panel.x", "disarmed", associated_cameras="Front Door"
                ),
            ),
            None,
            id="garbage-camera-list",
        ),
    ],
)
def test_match_hub(
    camera: SourceState, hubs: tuple[SourceState, ...], expected: SourceState | None
) -> None:
    """The camera's own sync module is found among all of them."""
    assert BLINK.match_hub(blink(camera, hubs=hubs)) == expected


def test_unavailable_camera_keeps_the_hub_matched_before() -> None:
    """An unavailable camera names no sync module: the one known before counts."""
    panel = sync_module("unavailable")
    sources = replace(
        blink(
            entity("camera.front_door", "unavailable", platform="blink"), hubs=(panel,)
        ),
        known_hub=panel.entity_id,
    )
    assert BLINK.match_hub(sources) == panel
    assert BLINK.observe(sources).hub_online is False


def test_of_equally_good_panels_the_one_matched_before_is_kept() -> None:
    """Two sync modules of one name: the first, unless the other matched before."""
    first = sync_module(network_id=1)
    second = replace(sync_module(network_id=2), entity_id="alarm_control_panel.b2")
    camera = blink_camera(network_id=...)  # named by its sync module only
    sources = blink(camera, hubs=(first, second))
    assert BLINK.match_hub(sources) == first
    assert BLINK.match_hub(replace(sources, known_hub=second.entity_id)) == second
    # A better match still wins over the one matched before.
    by_network = replace(sources, camera=blink_camera(sync_module=..., network_id=2))
    assert BLINK.match_hub(replace(by_network, known_hub=first.entity_id)) == second


_CAMERAS = (
    blink_camera(),
    blink_camera(sync_module="Garage"),
    blink_camera(sync_module=None),
    blink_camera(sync_module=..., network_id=777),
    blink_camera(sync_module=..., network_id=...),
    entity("camera.front_door", "unavailable", platform="blink"),
    MINI,
)
_PANELS = (HOME, GARAGE, sync_module("unavailable"), sync_module(network_id=777))


@pytest.mark.parametrize("camera", _CAMERAS)
@pytest.mark.parametrize("known", _PANELS)
def test_keeping_the_hub_agrees_with_matching_among_all(
    camera: SourceState, known: SourceState
) -> None:
    """Where the hub matched before is kept on its own, all hubs agree.

    ``keeps_hub`` sees only that hub; ``match_hub`` then picks it among all.
    """
    others = tuple(
        replace(panel, entity_id=f"alarm_control_panel.other_{number}")
        for number, panel in enumerate(_PANELS)
    )
    alone = replace(blink(camera, hubs=(known,)), known_hub=known.entity_id)
    everything = replace(alone, hubs=(*others, known))
    if BLINK.keeps_hub(alone):
        assert BLINK.match_hub(everything) == known
        assert BLINK.match_hub(alone) == known


def test_the_hub_matched_before_is_kept_while_the_camera_names_it() -> None:
    """The usual look reads one hub; a moved camera or a Mini reads them all."""
    at_home = replace(blink(blink_camera(), hubs=(HOME,)), known_hub=HOME.entity_id)
    assert BLINK.keeps_hub(at_home)
    moved = replace(at_home, camera=blink_camera(sync_module="Garage"))
    assert not BLINK.keeps_hub(moved)
    silent = replace(at_home, camera=entity("camera.front_door", "unavailable"))
    assert not BLINK.keeps_hub(silent)  # names nothing: the last resort is all
    assert not BLINK.keeps_hub(replace(at_home, camera=MINI))
    assert not BLINK.keeps_hub(replace(at_home, known_hub=None))


@pytest.mark.parametrize(
    ("hub", "expected"),
    [
        (sync_module(), True),
        (sync_module(status="offline"), False),
        (sync_module("unavailable"), False),
        (sync_module(None), False),
        (sync_module("unknown"), True),
        (sync_module(status="updating"), None),
        (None, None),
    ],
)
def test_hub_online(hub: SourceState | None, expected: bool | None) -> None:
    """The sync module's panel state and status give its health."""
    assert hub_online(hub) is expected


def test_hub_offline_in_observation() -> None:
    """An offline sync module shows in the camera's observation."""
    sources = blink(hubs=(GARAGE, sync_module(status="offline")))
    assert BLINK.observe(sources).hub_online is False


def test_changing_readings() -> None:
    """The moving readings are taken from the camera's attributes."""
    assert BLINK.changing_readings(blink()) == {
        "temperature": 68.0,
        "wifi_strength": -58.0,
        "sync_signal_strength": 4.0,
        "battery_voltage": 163.0,
        "last_record": "2024-05-01T10:00:00+00:00",
        "thumbnail": "https://rest-u034.immedia-semi.com/api/v3/media/thumb.jpg?ts=1714557600",
    }
    assert BLINK.changing_readings(blink(MINI)) == {
        "last_record": "2024-05-01T10:00:00+00:00",
        "thumbnail": "https://rest-u034.immedia-semi.com/api/v3/media/thumb.jpg?ts=1714557600",
    }
    garbage = blink_camera(last_record=["a"], thumbnail="  unknown ", temperature="nan")
    assert "thumbnail" not in BLINK.changing_readings(blink(garbage))


def test_profile_flags() -> None:
    """Blink freezes readings and names its hub entities."""
    assert BLINK.freezes_readings is True
    assert BLINK.hub_domain == "alarm_control_panel"
