"""From Home Assistant's states to a camera's :class:`Observation`.

Reading has no side effect: :func:`observe_camera` takes the states and what
is remembered of the camera and returns what it found (:class:`Observed`);
the monitor decides what to keep. The brand profile reads the states; this
layer adds what only Home Assistant knows: whether it is dark, whether the
source still updates (for frozen readings), since when an unavailable hub
has been gone, and whether the camera's own integration is down (the engine
decides when each counts).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Final

from homeassistant.const import (
    PERCENTAGE,
    SIGNAL_STRENGTH_DECIBELS_MILLIWATT,
    STATE_UNAVAILABLE,
    UnitOfTemperature,
)
from homeassistant.core import Event, EventStateChangedData, HomeAssistant, State

from .diagnosis import Diagnosis, Observation, is_quiet
from .diagnosis.readings import temperature_c
from .discovery import CameraSpec, SourceCache, collect_sources, read_hubs
from .freshness import Freshness, next_freshness, source_updating
from .integrations import IntegrationDown
from .options import CameraDoctorOptions
from .profiles import CameraSources

SENSOR_DOMAIN: Final = "sensor"

_READING_BY_DEVICE_CLASS: Final = {
    "battery": ("battery_percent", (PERCENTAGE,)),
    "signal_strength": ("signal_dbm", (SIGNAL_STRENGTH_DECIBELS_MILLIWATT,)),
    "temperature": ("temperature_c", tuple(UnitOfTemperature)),
}


@dataclass(frozen=True, slots=True)
class Observed:
    """What one look at a camera found."""

    observation: Observation
    sources: CameraSources
    hub_entity_id: str | None
    freshness: Freshness | None

    @property
    def absent(self) -> str | None:
        """The first of the camera's own entities that has no state at all."""
        own = (self.sources.camera, *self.sources.siblings)
        return next((source.entity_id for source in own if source.state is None), None)


def quiet_reading(
    event: Event[EventStateChangedData],
    spec: CameraSpec,
    diagnosis: Diagnosis | None,
    options: CameraDoctorOptions,
) -> str | None:
    """The reading a state change moves without changing the diagnosis, if so.

    Only a numeric battery (%), signal (dBm) or temperature sensor whose
    attributes did not change qualifies, only while its reading stays inside
    the engine's quiet range for the current diagnosis (both before and
    after), and never while the camera's freeze detection reads siblings.
    ``None``: the change may matter.
    """
    old, new = event.data["old_state"], event.data["new_state"]
    if (
        diagnosis is None
        or old is None
        or new is None
        or new.domain != SENSOR_DOMAIN
        or (old.attributes is not new.attributes and old.attributes != new.attributes)
        or _tracks_siblings_for_freeze(spec, options)
        # A clock set back: let a full diagnosis pull "since" back to now.
        or (diagnosis.since and max(diagnosis.since.values()) > new.last_updated)
    ):
        return None
    if (known := _reading(new)) is None:
        return None
    reading, unit = known
    before: object = old.state
    after: object = new.state
    if reading == "temperature_c":
        before, after = temperature_c(before, unit), temperature_c(after, unit)
    if is_quiet(reading, before, after, diagnosis, options.thresholds):
        return reading
    return None


def _reading(state: State) -> tuple[str, str] | None:
    """Which engine reading a sensor state carries, and in which unit, if any."""
    known = _READING_BY_DEVICE_CLASS.get(str(state.attributes.get("device_class")))
    unit = state.attributes.get("unit_of_measurement")
    if known is None or unit not in known[1]:
        return None
    return known[0], unit


def _tracks_freeze(spec: CameraSpec, options: CameraDoctorOptions) -> bool:
    return options.thresholds.stale_hours > 0 and (
        spec.profile.freezes_readings or options.stale_all_brands
    )


def _tracks_siblings_for_freeze(spec: CameraSpec, options: CameraDoctorOptions) -> bool:
    return _tracks_freeze(spec, options) and not spec.profile.changing_from_camera


def observe_camera(
    hass: HomeAssistant,
    spec: CameraSpec,
    *,
    known_hub: str | None,
    freshness: Freshness | None,
    options: CameraDoctorOptions,
    is_dark: bool | None,
    now: datetime,
    cache: SourceCache | None = None,
    integration: IntegrationDown | None = None,
) -> Observed:
    """Look at a camera: its observation, its hub and its readings' freshness.

    ``integration`` says why the camera's own integration is down, if it is.
    """
    cache = {} if cache is None else cache
    # The hub matched before first: most looks need no other (keeps_hub).
    known = (known_hub,) if known_hub in spec.hub_ids else None
    sources = collect_sources(hass, spec, known_hub, cache, known)
    if known is not None and not spec.profile.keeps_hub(sources):
        sources = replace(sources, hubs=read_hubs(hass, spec.hub_ids, cache))
    hub_entity_id = known_hub
    if (hub := spec.profile.match_hub(sources)) is not None:
        hub_entity_id = hub.entity_id
        if sources.hubs != (hub,) or sources.known_hub != hub.entity_id:
            # Matched once: the profile reads that hub, not every one again.
            sources = replace(sources, hubs=(hub,), known_hub=hub.entity_id)
    observation = spec.profile.observe(sources)
    hub_online, hub_unavailable_since = observation.hub_online, None
    if hub_online is False and hub is not None:
        state = hass.states.get(hub.entity_id)
        if state is None:
            hub_online = None  # removed while its integration reloads: unknown
        elif state.state == STATE_UNAVAILABLE:
            # Unavailable is not offline yet: the engine waits an outage's time.
            hub_online, hub_unavailable_since = None, state.last_changed
    if _tracks_freeze(spec, options):
        freshness = next_freshness(
            freshness, spec.profile.changing_readings(sources), now
        )
    else:
        freshness = None
    frozen = freshness.changed_at if freshness is not None else None
    if frozen is not None and (
        observation.available is False
        or observation.hub_online is False
        or not source_updating(hass.states.get(spec.entity_id), now)
    ):
        frozen = None
    observation = replace(
        observation,
        hub_online=hub_online,
        hub_unavailable_since=hub_unavailable_since,
        is_dark=is_dark,
        readings_frozen_since=min(frozen, now) if frozen else None,
        integration_offline=integration.reason if integration else None,
        integration_offline_since=integration.since if integration else None,
    )
    return Observed(observation, sources, hub_entity_id, freshness)
