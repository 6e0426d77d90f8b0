"""From Home Assistant's states to a camera's :class:`Observation`.

The brand profile reads the states; this layer adds what only Home Assistant
knows: whether it is dark, whether the source still updates (for frozen
readings), and how long an unavailable hub has been gone (the same grace
period as a camera, so one failed poll of a cloud blames nothing).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Final

from homeassistant.const import (
    PERCENTAGE,
    SIGNAL_STRENGTH_DECIBELS_MILLIWATT,
    STATE_UNAVAILABLE,
    UnitOfTemperature,
)
from homeassistant.core import Event, EventStateChangedData, HomeAssistant
from homeassistant.util.unit_conversion import TemperatureConverter

from .diagnosis import Cause, Observation, is_quiet, outage_wait
from .discovery import SourceCache, collect_sources
from .freshness import FreshnessTracker, source_updating
from .options import CameraDoctorOptions
from .profiles import CameraSources
from .watch import CameraWatch

SENSOR_DOMAIN: Final = "sensor"


_READING_BY_DEVICE_CLASS: Final = {
    "battery": ("battery_percent", (PERCENTAGE,)),
    "signal_strength": ("signal_dbm", (SIGNAL_STRENGTH_DECIBELS_MILLIWATT,)),
    "temperature": ("temperature_c", tuple(UnitOfTemperature)),
}


def quiet_change(
    event: Event[EventStateChangedData],
    watch: CameraWatch,
    options: CameraDoctorOptions,
) -> bool:
    """Whether a state change of a sibling sensor cannot change the diagnosis.

    Only a numeric battery (%), signal (dBm) or temperature sensor whose
    attributes did not change qualifies, only while its reading stays inside
    the engine's quiet range for the current diagnosis (both before and
    after), and never while the camera's freeze detection reads siblings.
    Whatever the brand profile makes of that sensor, a change inside the
    range gives the same causes and evidence, so the re-diagnosis is skipped.
    """
    old, new = event.data["old_state"], event.data["new_state"]
    if (
        watch.diagnosis is None
        or old is None
        or new is None
        or new.domain != SENSOR_DOMAIN
        or old.attributes != new.attributes
        or _tracks_siblings_for_freeze(watch, options)
        # A clock set back: let a full diagnosis pull "since" back to now.
        or any(when > new.last_updated for when in watch.diagnosis.since.values())
    ):
        return False
    known = _READING_BY_DEVICE_CLASS.get(str(new.attributes.get("device_class")))
    if known is None:
        return False
    reading, units = known
    unit = new.attributes.get("unit_of_measurement")
    if unit not in units:
        return False
    before: object = old.state
    after: object = new.state
    if reading == "temperature_c":
        before, after = _celsius(before, unit), _celsius(after, unit)
    return is_quiet(reading, before, after, watch.diagnosis, options.thresholds)


def _tracks_siblings_for_freeze(
    watch: CameraWatch, options: CameraDoctorOptions
) -> bool:
    profile = watch.spec.profile
    tracked = options.thresholds.stale_hours > 0 and (
        profile.freezes_readings or options.stale_all_brands
    )
    return tracked and not profile.changing_from_camera


def _celsius(value: object, unit: str) -> float | None:
    try:
        return TemperatureConverter.convert(
            float(str(value)), unit, UnitOfTemperature.CELSIUS
        )
    except ValueError:
        return None


def observe_camera(
    hass: HomeAssistant,
    watch: CameraWatch,
    *,
    options: CameraDoctorOptions,
    freshness: FreshnessTracker,
    is_dark: bool | None,
    now: datetime,
    cache: SourceCache | None = None,
) -> tuple[Observation, datetime | None]:
    """Return the camera's observation, and when to look again, if needed."""
    spec = watch.spec
    sources = collect_sources(hass, spec, known_hub=watch.hub_entity_id, cache=cache)
    if (hub := spec.profile.match_hub(sources)) is not None:
        watch.hub_entity_id = hub.entity_id
        # Matched once: the profile reads that hub, not every candidate again.
        sources = replace(sources, hubs=(hub,), known_hub=hub.entity_id)
    observation = spec.profile.observe(sources)
    due: datetime | None = None
    if observation.hub_online is False and hub is not None:
        was_offline = watch.diagnosis is not None and (
            Cause.SYNC_MODULE_OFFLINE in watch.diagnosis.causes
        )
        hub_online, due = _hub_after_grace(
            hass, hub.entity_id, options, now, was_offline=was_offline
        )
        observation = replace(observation, hub_online=hub_online)
    frozen = _frozen_since(
        hass,
        watch,
        sources=sources,
        observation=observation,
        options=options,
        freshness=freshness,
        now=now,
    )
    if (observation.is_dark, observation.readings_frozen_since) != (is_dark, frozen):
        observation = replace(
            observation, is_dark=is_dark, readings_frozen_since=frozen
        )
    return observation, due


def _hub_after_grace(
    hass: HomeAssistant,
    entity_id: str,
    options: CameraDoctorOptions,
    now: datetime,
    *,
    was_offline: bool,
) -> tuple[bool | None, datetime | None]:
    """An offline hub counts; an unavailable one only after the grace period.

    A hub already found offline stays offline while it is unavailable, so a
    clock set back (or an offline hub turning unavailable) clears nothing.
    """
    state = hass.states.get(entity_id)
    if state is None:
        return None, None  # removed while its integration reloads: unknown
    if state.state != STATE_UNAVAILABLE or was_offline:
        return False, None  # the hub itself reports being offline
    ends = state.last_changed + timedelta(
        minutes=outage_wait(options.thresholds.grace_minutes)
    )
    return (False, None) if now >= ends else (None, ends)


def _frozen_since(
    hass: HomeAssistant,
    watch: CameraWatch,
    *,
    sources: CameraSources,
    observation: Observation,
    options: CameraDoctorOptions,
    freshness: FreshnessTracker,
    now: datetime,
) -> datetime | None:
    """Since when the camera's readings have not moved, if that matters."""
    profile = watch.spec.profile
    if options.thresholds.stale_hours <= 0 or not (
        profile.freezes_readings or options.stale_all_brands
    ):
        return None
    since = freshness.update(
        watch.spec.registry_id, profile.changing_readings(sources), now
    )
    if (
        since is None
        or observation.available is False
        or observation.hub_online is False
        or not source_updating(hass.states.get(watch.spec.entity_id), now)
    ):
        return None
    return since
