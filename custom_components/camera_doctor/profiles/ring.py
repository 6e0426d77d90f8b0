"""Ring cameras and doorbells (core ``ring`` integration).

Siblings: the ``battery`` sensor (%, device class battery; Ring creates it
for every camera and doorbell, wired ones too), the ``wifi_signal_strength``
sensor (dBm) and the ``wifi_signal_category`` sensor ("excellent", "good",
"fair", "poor"), both created disabled. Everything else is read the generic
way.

- A wired model (python-ring-doorbell's models without the battery
  capability: "Doorbell Pro", "Floodlight Cam", "Stick Up Cam Wired" ...)
  runs on power; a battery of exactly 0 % is no reading: wired doorbells
  report 0 % (core #51692), and a camera whose battery is really empty
  cannot report at all.
- "fair" is not a weak signal: Ring's app calls a link "fair" while it
  streams, and asks the owner to act only on "poor". With both sensors
  enabled the dBm reading, the more precise one, decides.

Standard library only.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Final

from ..diagnosis.model import Observation
from . import generic
from ._coerce import as_float, as_text, first
from .profile import Power, merge

if TYPE_CHECKING:
    from .sources import CameraSources

CATEGORY_KEY: Final = "wifi_signal_category"
# Ring's signal words on the 0..5 bar scale: only "poor" is at or below the
# default weak level (2 bars, from -75 dBm).
CATEGORY_BARS: Final = {"excellent": 5, "good": 4, "fair": 3, "poor": 1}
# python-ring-doorbell 0.9 model names of the kinds without the battery
# capability (doorbot.py, stickup_cam.py), matched at their start.
WIRED_MODELS: Final = (
    "doorbell pro",
    "doorbell elite",
    "doorbell wired",
    "floodlight cam",
    "indoor cam",
    "spotlight cam wired",
    "spotlight cam mount",
    "spotlight cam plus",
    "spotlight cam pro",
    "stick up cam wired",
)
SOLAR: Final = "solar"


def category_bars(sources: CameraSources) -> int | None:
    """Return signal bars from the Wi-Fi signal category sensor."""
    return first(
        *(
            CATEGORY_BARS.get(as_text(entity.state) or "")
            for entity in generic.entities(sources, "sensor")
            if generic.named(entity, (CATEGORY_KEY,))
        )
    )


def wired(sources: CameraSources) -> bool:
    """Return whether the camera's model has no battery."""
    return (as_text(sources.model) or "").startswith(WIRED_MODELS)


def observe(sources: CameraSources) -> Observation:
    """Return the Ring camera's observation."""
    common = generic.observe(sources)
    if wired(sources) or as_float(common.battery_percent) == 0.0:
        common = replace(common, battery_percent=None)
    return merge(
        Observation(on_power=True if wired(sources) else None),
        common,
        Observation(signal_bars=category_bars(sources)),
    )


def power(sources: CameraSources) -> Power:
    """Return wired for a wired model, solar for a solar one, else its battery."""
    if wired(sources):
        return Power.WIRED
    if SOLAR in (as_text(sources.model) or ""):
        return Power.SOLAR
    return generic.power(sources)


RING = generic.brand("ring", observe, power)
