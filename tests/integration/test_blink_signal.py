"""A Blink camera's two signal readings on Home Assistant's real ``blink``.

blinkpy's camera attributes, which core's blink camera shows as its own
(the same on the oldest and the newest Home Assistant tested), carry two
signals in two units: ``wifi_strength``, the camera's Wi-Fi in dBm (also
core's ``wifi_strength`` sensor, unit dBm), and ``sync_signal_strength``,
the camera's link to its sync module in bars (0..5). Each is read in its
own unit: a good -55 dBm is no weak bar, and 1 bar is no strong "1 dBm".
The dBm reading, when there is one, decides (as for Ring's two Wi-Fi
sensors); the bars count when the camera reports no dBm.
"""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest

from .blink_mock import BlinkCloud
from .blink_view import FRONT_CAM, GRACE, OUTDOOR, WIFI, attributes, cause, eid, wait


@pytest.mark.parametrize(
    "case",
    [
        (-55, 5, "none", {}),
        (-55, 3, "none", {}),
        (-85, 5, "weak_signal", {"signal_dbm": -85, "signal_weak_threshold": -75}),
        (None, 3, "none", {}),
        (None, 1, "weak_signal", {"signal_bars": 1, "signal_bars_weak_threshold": 2}),
    ],
    ids=["both-good", "sync-3-bars", "wifi-weak", "no-dbm-3-bars", "no-dbm-1-bar"],
)
async def test_blink_wifi_dbm_and_sync_module_bars(
    hass: HomeAssistant,
    blink: BlinkCloud,
    freezer: FrozenDateTimeFactory,
    case: tuple[int | None, int, str, dict[str, int]],
) -> None:
    """The camera's Wi-Fi is dBm, its sync-module link bars: each read in its unit."""
    wifi, sync, expected, evidence = case
    blink.outdoor.wifi_strength = wifi
    blink.outdoor.sync_signal_strength = sync
    await blink.poll(freezer)
    await wait(hass, freezer, GRACE + timedelta(seconds=1))

    wifi_sensor = hass.states.get(eid(hass, WIFI))
    assert wifi_sensor.state == ("unknown" if wifi is None else str(wifi))
    assert wifi_sensor.attributes["unit_of_measurement"] == "dBm"
    camera = hass.states.get(eid(hass, FRONT_CAM)).attributes
    assert (camera["wifi_strength"], camera["sync_signal_strength"]) == (wifi, sync)
    assert cause(hass, OUTDOOR) == expected
    assert attributes(hass, OUTDOOR)["evidence"] == evidence
