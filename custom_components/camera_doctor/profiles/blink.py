"""Blink cameras (core ``blink`` integration, blinkpy 0.23).

The camera entity's attributes are blinkpy's ``camera.attributes``:
``battery`` ("ok"/"low"), ``battery_voltage`` (centivolts), ``temperature``
(°F), ``temperature_c``, ``wifi_strength`` (dBm, ``None`` on a Mini),
``sync_signal_strength`` (bars), ``sync_module`` (its name), ``network_id``.
Its siblings are the ``battery`` binary sensor and the ``temperature`` and
``wifi_strength`` sensors. Each sync module is an ``alarm_control_panel`` on
its own device, whose ``status`` attribute is "online" or "offline".

Blink's cloud keeps serving the last readings of a camera that died, so the
readings that move on a live camera are reported for freeze detection.
Standard library only.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..diagnosis.model import Observation
from . import generic
from ._coerce import as_float, as_text, bars, celsius, dbm, first, mapping
from .profile import ChangingReadings, Power, Reading, indoor_model, merge

if TYPE_CHECKING:
    from collections.abc import Callable

    from .sources import CameraSources, SourceState

HUB_DOMAIN = "alarm_control_panel"
PLATFORM = "blink"
# Attributes that move on a live camera (the cloud freezes them otherwise).
CHANGING_ATTRIBUTES = (
    "temperature",
    "wifi_strength",
    "sync_signal_strength",
    "battery_voltage",
    "last_record",
    "thumbnail",
)
_BATTERY_LOW = {"low": True, "ok": False}
# The Mini family (blinkpy's camera type "mini", product type "owl"): powered
# by USB, reaching the cloud over Wi-Fi without a sync module.
_WIRED_MODELS = frozenset({"mini"})
_WIRED_TYPES = frozenset({"mini", "owl"})
_HUB_STATUS = {"online": True, "offline": False}


def is_mini(sources: CameraSources) -> bool:
    """Return whether the camera is a Blink Mini: by its model, else its type.

    The model (blinkpy's camera type) stays while the camera is unavailable
    and has lost its attributes.
    """
    if as_text(sources.model) in _WIRED_MODELS:
        return True
    return as_text(mapping(sources.camera.attributes).get("type")) in _WIRED_TYPES


def power(sources: CameraSources) -> Power:
    """Return USB power for a Mini; every other Blink camera takes AA cells."""
    return Power.WIRED if is_mini(sources) else Power.AA_LITHIUM


def indoor(sources: CameraSources) -> bool:
    """Return whether the camera is made for indoors: a Mini, or by its model."""
    return is_mini(sources) or indoor_model(sources)


def battery_low(sources: CameraSources) -> bool | None:
    """Return whether the camera's batteries are low.

    blinkpy's ``battery`` attribute is "ok" or "low". The battery binary
    sensor says nothing more (it is ``battery != "ok"``), and it is on for a
    Mini or doorbell that has no battery reading, and for any camera whose
    state was just restored without attributes: it is never read.
    """
    attributes = mapping(sources.camera.attributes)
    return _BATTERY_LOW.get(as_text(attributes.get("battery")) or "")


def _names(hub: SourceState) -> set[str]:
    """Return what a sync module is called: its ``name`` and friendly name.

    The panel's friendly name is its device's, "blink <sync module name>";
    it survives when the panel is unavailable and loses its other attributes.
    """
    attributes = mapping(hub.attributes)
    names = {
        text
        for key in ("name", "friendly_name")
        if (text := as_text(attributes.get(key)))
    }
    return names | {name.removeprefix(f"{PLATFORM} ") for name in names}


def _cameras_of(hub: SourceState) -> list[str]:
    """Return the lower-case names of the cameras a sync module lists."""
    cameras = mapping(hub.attributes).get("associated_cameras")
    if not isinstance(cameras, list | tuple):
        return []
    return [name for name in map(as_text, cameras) if name]


def _panels(sources: CameraSources) -> list[SourceState]:
    """Return the hubs that may be the camera's: panels of its own integration.

    ``blink``, or a stand-in that mirrors it; a panel whose integration is
    unknown is given the benefit.
    """
    platforms = {None, sources.camera.platform or PLATFORM}
    return [
        hub
        for hub in sources.hubs
        if hub.domain == HUB_DOMAIN and hub.platform in platforms
    ]


def _hub_tests(sources: CameraSources) -> list[Callable[[SourceState], bool]]:
    """Return the tests a panel is matched by, best first.

    Only what the camera says is matched on: a test it gives nothing for is
    left out.
    """
    camera = mapping(sources.camera.attributes)
    sync_module = as_text(camera.get("sync_module"))
    network_id = as_float(camera.get("network_id"))
    own_names = {
        name
        for name in (as_text(camera.get("name")), as_text(camera.get("friendly_name")))
        if name
    }
    tests: list[Callable[[SourceState], bool]] = []
    if sync_module:
        tests.append(lambda hub: sync_module in _names(hub))
    if network_id is not None:
        tests.append(
            lambda hub: (
                as_float(mapping(hub.attributes).get("network_id")) == network_id
            )
        )
    if own_names:
        tests.append(lambda hub: bool(own_names.intersection(_cameras_of(hub))))
    return tests


def _known(hubs: list[SourceState], sources: CameraSources) -> SourceState | None:
    return next((hub for hub in hubs if hub.entity_id == sources.known_hub), None)


def match_hub(sources: CameraSources) -> SourceState | None:
    """Return the sync module panel the camera belongs to, if one matches.

    Tried in order: the camera's ``sync_module`` equals the panel's ``name``
    (or its friendly name, "blink <name>", which an unavailable panel keeps);
    the camera's ``network_id`` equals the panel's; the camera's name is in
    the panel's ``associated_cameras``; last, the panel matched before
    (``sources.known_hub``), since an unavailable camera loses the
    attributes that name its sync module. Where panels match equally well
    (two sync modules of one name), the one matched before is kept. No match
    gives ``None``: a camera is never blamed on another sync module. A Mini
    does not depend on a sync module, even one on its network: ``None``.
    """
    if is_mini(sources):
        return None
    hubs = _panels(sources)
    # Of panels that match equally well, the one matched before wins: a
    # camera stays with its sync module.
    known = _known(hubs, sources)
    if known is not None and len(hubs) == 1:
        return known  # no other panel to try: every test ends with this one
    for test in _hub_tests(sources):
        if known is not None and test(known):
            return known
        for hub in hubs:
            if test(hub):
                return hub
    return known  # last: the panel matched before


def keeps_hub(sources: CameraSources) -> bool:
    """Return whether the panel matched before wins whatever the others say.

    So it does when it passes the first test :func:`match_hub` tries: then
    the other panels need not be read.
    """
    if is_mini(sources):
        return False
    known = _known(_panels(sources), sources)
    tests = _hub_tests(sources)
    return known is not None and bool(tests) and tests[0](known)


def hub_online(hub: SourceState | None) -> bool | None:
    """Return whether a sync module is online (``None``: no hub, or unknown)."""
    if hub is None:
        return None
    if hub.state is None or generic.camera_available(hub) is False:
        return False
    return _HUB_STATUS.get(as_text(mapping(hub.attributes).get("status")) or "")


def observe(sources: CameraSources) -> Observation:
    """Return the Blink camera's observation.

    Wi-Fi in dBm, and the sync-module link in bars, come from the camera's
    attributes before its sensors; the temperature from its sensor (by the
    sensor's own unit) before the attributes.
    """
    common = generic.observe(sources)
    wifi = generic.attribute(sources, "wifi_strength")
    specific = Observation(
        battery_low=battery_low(sources),
        signal_dbm=first(dbm(wifi), common.signal_dbm),
        signal_bars=first(
            bars(generic.attribute(sources, "sync_signal_strength")),
            common.signal_bars,
            bars(wifi),
        ),
        temperature_c=first(
            common.temperature_c,
            celsius(generic.attribute(sources, "temperature_c"), "°C"),
            celsius(generic.attribute(sources, "temperature"), "°F"),
        ),
        hub_online=hub_online(match_hub(sources)),
    )
    # The battery binary sensor is already weighed (or distrusted) above.
    return merge(specific, replace(common, battery_low=None))


def changing_readings(sources: CameraSources) -> ChangingReadings:
    """Return the attributes that keep moving while the camera is alive."""
    attributes = mapping(sources.camera.attributes)
    readings: ChangingReadings = {}
    for key in CHANGING_ATTRIBUTES:
        value = attributes.get(key)
        if (number := as_float(value)) is not None:
            readings[key] = number
        elif isinstance(value, str) and as_text(value) is not None:
            readings[key] = value.strip()
    return readings


BLINK = generic.brand(
    "blink",
    observe,
    changing_readings,
    power,
    match_hub,
    keeps_hub,
    indoor,
    camera_readings=frozenset({Reading.BATTERY, Reading.SIGNAL, Reading.TEMPERATURE}),
    freezes_readings=True,
    changing_from_camera=True,
    wifi_only=True,
    hub_domain=HUB_DOMAIN,
    hub_identity=("name", "friendly_name", "network_id", "associated_cameras"),
)
