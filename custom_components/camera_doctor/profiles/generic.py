"""Readings any camera device can offer, found by entity domain and device class.

This is the profile for cameras of unknown brands, and the base every brand
profile starts from: a brand only adds what its integration says in its own
way (attributes, enums, levels). Standard library only.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..diagnosis.model import Observation
from ._coerce import (
    as_bool,
    as_float,
    as_text,
    as_word,
    bars,
    celsius,
    dbm,
    first,
    lookup,
    lookup_folded,
    mapping,
    percent,
)
from .profile import ChangingReadings, Power, Profile, Reading

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from .sources import CameraSources, SourceState

# Name fragments of sensors that carry a Wi-Fi reading without saying so
# through their device class (eufy "wifiRSSI", Reolink "wifi_signal").
SIGNAL_NAMES = ("rssi", "signal_strength", "wifi_signal", "wifi_strength")
POWER_NAMES = ("power", "charg")
SOLAR = "solar"
_DBM_UNITS = frozenset({"dbm", "db"})
_CHANGING_CLASSES = frozenset({"temperature", "signal_strength", "battery", "voltage"})
_POWER_CLASSES = frozenset({"problem", "power", "plug"})


# --- entity helpers ---------------------------------------------------------


def names(entity: SourceState) -> tuple[str, ...]:
    """Return the lower-case names an entity goes by: its key and object id."""
    found = [as_text(entity.key), as_text(entity.entity_id)]
    return tuple(name.partition(".")[2] or name for name in found if name)


def named(entity: SourceState, fragments: Iterable[str]) -> bool:
    """Return whether any of the entity's names contains one of ``fragments``."""
    for name in names(entity):
        for part in fragments:
            if part in name:
                return True
    return False


def battery_level(entity: SourceState) -> bool:
    """Return whether a sensor gives the battery's charge (in %, or no unit)."""
    return entity.kind == "battery" and entity.unit_text in (None, "%")


def signal_sensor(entity: SourceState) -> bool:
    """Return whether a sensor gives the Wi-Fi signal (by class or by name)."""
    return entity.kind == "signal_strength" or named(entity, SIGNAL_NAMES)


def entities(
    sources: CameraSources, domain: str, *classes: str
) -> Iterator[SourceState]:
    """Yield the camera's sibling entities of ``domain`` (and device class)."""
    for entity in sources.siblings:
        if entity.domain == domain and (not classes or entity.kind in classes):
            yield entity


def all_known(*values: bool | None) -> bool | None:
    """Return False if any value is False, True if any is True, else None."""
    if False in values:
        return False
    return first(*values)


def any_known(values: Iterable[bool | None]) -> bool | None:
    """Return True if any value is True, False if any is False, else None."""
    known = [value for value in values if value is not None]
    return any(known) if known else None


# --- readings -----------------------------------------------------------------


def camera_available(camera: SourceState) -> bool | None:
    """Return False for an unavailable camera, None for an unknown state."""
    if as_word(camera.state) == "unavailable":
        return False
    return None if as_text(camera.state) is None else True


def signal_value(value: object, unit_of: object) -> tuple[float | None, int | None]:
    """Return ``(dBm, bars)`` from a signal reading: negative is dBm, 0..5 bars."""
    unit_text = as_text(unit_of)
    if unit_text in _DBM_UNITS:
        return dbm(value), None
    if unit_text is not None:
        return None, None
    return dbm(value), bars(value)


def _in_progress(value: object) -> bool | None:
    """Return an update entity's ``in_progress`` (bool, or a percentage).

    A number outside 0..100 is no percentage: unknown, not "updating".
    """
    flag = as_bool(value)
    if flag is not None:
        return flag
    number = percent(value)
    return None if number is None else number > 0


def _update_available(entity: SourceState) -> bool | None:
    """Return the update entity's state, else compare its versions."""
    if (state := as_bool(entity.state)) is not None:
        return state
    attributes = mapping(entity.attributes)
    installed = as_text(attributes.get("installed_version"))
    latest = as_text(attributes.get("latest_version"))
    if installed is None or latest is None:
        return None
    return installed != latest


def _power_fault(entity: SourceState) -> bool | None:
    """Return the fault a power or charging binary sensor reports, if any."""
    state = as_bool(entity.state)
    kind = entity.kind
    if state is None or not named(entity, POWER_NAMES):
        return None
    if kind == "problem":
        return state
    if kind in _POWER_CLASSES:
        return not state
    return None


def observe(sources: CameraSources) -> Observation:
    """Return what the usual entities of the camera's device say.

    One pass over the device's entities: a reading is the first known value
    of its kind (battery in % or without a unit, the signal of a sensor named
    or classed so, temperature converted by its own unit); a flag is known
    when any entity says it (``any_known``; connectivity: ``all_known``).
    """
    battery: float | None = None
    temperature_c: float | None = None
    signal_dbm: float | None = None
    signal_bars: int | None = None
    connected: list[bool | None] = []
    low: list[bool | None] = []
    faults: list[bool | None] = []
    updating: list[bool | None] = []
    outdated: list[bool | None] = []
    for entity in sources.siblings:
        domain, kind = entity.domain, entity.kind
        if domain == "sensor":
            if battery is None and battery_level(entity):
                battery = percent(entity.state)
            elif temperature_c is None and kind == "temperature":
                temperature_c = celsius(entity.state, entity.unit_text)
            if signal_sensor(entity):
                value_dbm, value_bars = signal_value(entity.state, entity.unit_text)
                signal_dbm = first(signal_dbm, value_dbm)
                signal_bars = first(signal_bars, value_bars)
        elif domain == "binary_sensor":
            if kind == "connectivity":
                connected.append(as_bool(entity.state))
            elif kind == "battery":
                low.append(as_bool(entity.state))
            faults.append(_power_fault(entity))
        elif domain == "update":
            updating.append(_in_progress(mapping(entity.attributes).get("in_progress")))
            outdated.append(_update_available(entity))
    return Observation(
        available=all_known(camera_available(sources.camera), all_known(*connected)),
        battery_percent=battery,
        battery_low=any_known(low),
        signal_dbm=signal_dbm,
        signal_bars=signal_bars,
        temperature_c=temperature_c,
        firmware_updating=any_known(updating),
        update_available=any_known(outdated),
        power_fault=any_known(faults),
    )


def readings(entity: SourceState) -> frozenset[Reading]:
    """Return the kinds of reading :func:`observe` takes from a sibling entity.

    The same tests as :func:`observe` (:func:`battery_level`,
    :func:`signal_sensor` and the device classes), on what the entity is
    (domain, device class, unit, name) and not on its state: an entity that
    is disabled, unavailable or reads garbage is judged all the same.
    """
    kind = entity.kind
    found: set[Reading] = set()
    if entity.domain == "sensor":
        if battery_level(entity):
            found.add(Reading.BATTERY)
        if signal_sensor(entity):
            found.add(Reading.SIGNAL)
        if kind == "temperature":
            found.add(Reading.TEMPERATURE)
    elif entity.domain == "binary_sensor":
        if kind == "battery":
            found.add(Reading.BATTERY)
        if kind == "connectivity":
            found.add(Reading.CONNECTIVITY)
        if kind in _POWER_CLASSES and named(entity, POWER_NAMES):
            found.add(Reading.CHARGING)
    return frozenset(found)


def has_battery(sources: CameraSources) -> bool:
    """Return whether the camera's device has a battery entity.

    The entity counts by its device class, whatever it reads now: an
    unavailable battery sensor still says the camera runs on a battery.
    """
    return any(entities(sources, "sensor", "battery")) or any(
        entities(sources, "binary_sensor", "battery")
    )


def solar_charged(sources: CameraSources) -> bool:
    """Return whether a solar panel charges the camera.

    Said by an entity named after the panel, or by a charging state that
    names it ("Solar charging").
    """
    return any(
        named(entity, (SOLAR,))
        or (named(entity, POWER_NAMES) and SOLAR in (as_text(entity.state) or ""))
        for entity in sources.siblings
    )


def powered_by(sources: CameraSources, *, battery: bool) -> Power:
    """Return the power of a camera that has a ``battery``, or has none."""
    if not battery:
        return Power.WIRED
    return Power.SOLAR if solar_charged(sources) else Power.RECHARGEABLE


def power(sources: CameraSources) -> Power:
    """Return a rechargeable battery (solar-charged or not), else wired."""
    return powered_by(sources, battery=has_battery(sources))


def changing_readings(sources: CameraSources) -> ChangingReadings:
    """Return the numeric measurements of the camera's sensors, by entity id."""
    readings: ChangingReadings = {}
    for entity in entities(sources, "sensor", *_CHANGING_CLASSES):
        if (value := as_float(entity.state)) is not None:
            readings[entity.entity_id] = value
    return readings


def attribute(
    sources: CameraSources, *keys: str, within: tuple[str, ...] = ()
) -> object:
    """Return the first of the camera's attributes ``keys`` that is set.

    ``within`` names nested attribute mappings to search after the top level
    (eufy puts the device's properties in ``state`` and ``properties``).
    """
    attributes = sources.camera_attributes
    if (found := lookup_folded(attributes, *keys)) is not None:
        return found
    nested = (lookup_folded(attributes, name) for name in within)
    return first(*(lookup(container, *keys) for container in nested))


GENERIC = Profile(
    name="generic",
    observe_fn=observe,
    changing_fn=changing_readings,
    power_fn=power,
    readings_fn=readings,
)

# Which field of a profile each reader fills, by the reader's name.
_READER_FIELDS = {
    "observe": "observe_fn",
    "changing_readings": "changing_fn",
    "power": "power_fn",
    "match_hub": "hub_fn",
    "keeps_hub": "keeps_hub_fn",
    "readings": "readings_fn",
    "indoor": "indoor_fn",
}


def brand(name: str, *readers: Callable[..., Any], **settings: Any) -> Profile:
    """Return the generic profile with a brand's own readers and settings.

    Each reader takes the place of the generic one of the same name
    (``observe``, ``changing_readings``, ``power``, ``match_hub``,
    ``keeps_hub``, ``readings`` or ``indoor``); ``settings`` are the brand's other
    :class:`Profile` fields.
    """
    fields: dict[str, Any] = {
        _READER_FIELDS[reader.__name__]: reader for reader in readers
    }
    return replace(GENERIC, name=name, **fields, **settings)
