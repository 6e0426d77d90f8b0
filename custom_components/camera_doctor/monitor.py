"""The orchestrator: states in, confirmed diagnoses out.

For each camera: observe (``observe``), diagnose (the pure engine), keep what
is remembered (``store``), publish (entities through the watch, the bus
event, repair issues) and look again at the one moment the engine names.
Event driven: a state subscription per camera covering exactly the entities
its diagnosis reads, one for all hubs, and a timer only while time itself
can change the result. The battery history of each camera found (at set-up
or later) is seeded once from what the recorder kept (``recorded``), in one
task for all the cameras found together.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HomeAssistant,
    callback,
)
from homeassistant.helpers.start import async_at_started
from homeassistant.util import dt as dt_util

from .battery import BatteryForecasts
from .bus_event import async_announce_change
from .cameras import CameraSet, async_refresh_sources
from .const import DOMAIN, LOGGER
from .daylight import Daylight
from .diagnosis import Cause, diagnose
from .diagnosis.readings import battery_percent
from .discovery import CameraSpec, SourceCache
from .fixes import fit_of
from .hubs import HubListener
from .integrations import IntegrationListener
from .issues import IssueManager, async_notice_no_cameras
from .notice_texts import camera_fit
from .observe import Observed, observe_camera, quiet_reading
from .options import CameraDoctorOptions
from .recorded import async_recorded_levels
from .store import CameraStore
from .watch import CameraWatch


@dataclass(slots=True)
class CameraDoctorData:
    """What a loaded entry holds."""

    monitor: CameraMonitor


type CameraDoctorConfigEntry = ConfigEntry[CameraDoctorData]


@callback
def async_loaded_monitor(hass: HomeAssistant) -> CameraMonitor | None:
    """The monitor of the loaded (single) entry, if it is loaded."""
    entries: list[CameraDoctorConfigEntry] = hass.config_entries.async_loaded_entries(
        DOMAIN
    )
    return entries[0].runtime_data.monitor if entries else None


class CameraMonitor:
    """Diagnoses every watched camera and publishes the confirmed result."""

    def __init__(self, hass: HomeAssistant, options: CameraDoctorOptions) -> None:
        """Prepare; nothing is subscribed before :meth:`async_start`."""
        self.hass = hass
        self.options = options
        self.store = CameraStore(hass)
        self.issues = IssueManager(hass, self._async_evaluate_id)
        self.batteries = BatteryForecasts(self.store, self.issues.forecasts)
        self.camera_set = CameraSet(
            hass,
            make=self._make_watch,
            on_added=self._async_follow,
            on_changed=self._async_follow,
            on_removed=self._async_forget,
            on_synced=self._async_cameras_synced,
        )
        # Every hub as last read, shared: cameras of one hub all read its
        # panel, which is then translated once, not once per camera.
        self.sources: SourceCache = {}
        self._hub_listener = HubListener(
            hass,
            self._async_source_changed,
            lambda registry_id: self.store.get(registry_id).hub_entity_id,
        )
        self._integrations = IntegrationListener(hass, self.async_evaluate)
        self._unsubs: list[CALLBACK_TYPE] = []
        self._started = False
        self._daylight = Daylight(hass, self.async_evaluate_all)
        # Twins of cameras' devices removed at set-up, with the device each
        # was split from (compat.async_forget_device_info_links).
        self.removed_devices: dict[str, str] = {}
        self._unseeded: set[str] = set()  # cameras whose recorder history waits
        self._seeding: asyncio.Task[None] | None = None

    async def async_load(self) -> None:
        """Read what was remembered, then find the cameras."""
        await self.store.async_load()
        self.camera_set.async_sync(self.options.exclude)
        self.store.async_retain(set(self.cameras))

    @callback
    def async_start(self) -> None:
        """Follow the registries; diagnose once Home Assistant runs."""
        self.camera_set.async_start()
        self._unsubs.append(async_at_started(self.hass, self._async_ha_started))

    async def async_stop(self) -> None:
        """Remove every listener and timer; save what is known."""
        self._started = False
        while self._unsubs:
            self._unsubs.pop()()
        self.camera_set.async_stop()
        if self._seeding is not None:
            self._seeding.cancel()
        self._daylight.async_stop()
        self._hub_listener.async_stop()
        self._integrations.async_stop()
        self.issues.async_stop()
        await self.store.async_save()

    @callback
    def async_options_updated(self, options: CameraDoctorOptions) -> None:
        """Apply changed options live: exclusions and thresholds."""
        self.options = options
        self.camera_set.async_sync(self.options.exclude)
        self.async_evaluate_all()

    @callback
    def _async_ha_started(self, _hass: HomeAssistant) -> None:
        self._started = True
        self._hub_listener.async_update(self.cameras.values())
        self._daylight.async_start()
        self.async_evaluate_all()
        self.issues.readings.async_update(w.spec for w in self.cameras.values())
        self.issues.async_prune()
        async_notice_no_cameras(self.hass, watching=bool(self.cameras))

    @property
    def cameras(self) -> dict[str, CameraWatch]:
        """The watched cameras, keyed by the registry id of the camera entity."""
        return self.camera_set.cameras

    @callback
    def _async_cameras_synced(self) -> None:
        """Follow the hubs of the cameras now watched; forget other hubs."""
        watches = self.cameras.values()
        watched = {i for watch in watches for i in watch.spec.hub_ids}
        for entity_id in self.sources.keys() - watched:
            del self.sources[entity_id]
        self._integrations.async_update(watches)
        if self._unseeded and self._seeding is None:
            self._seeding = self.hass.async_create_task(
                self._async_seed(), f"{DOMAIN} battery history from the recorder"
            )
        if self._started:  # hubs are followed from the start on
            self._hub_listener.async_update(watches)
            async_notice_no_cameras(self.hass, watching=bool(self.cameras))
            self.issues.readings.async_update(watch.spec for watch in watches)

    def _make_watch(self, spec: CameraSpec) -> CameraWatch:
        diagnosis = self.store.get(spec.registry_id).diagnosis
        forecast = self.batteries.remembered(spec, self.options, dt_util.utcnow())
        return CameraWatch(
            self.hass, spec, diagnosis, camera_fit(self.hass, spec), forecast
        )

    @callback
    def _async_follow(self, watch: CameraWatch) -> None:
        watch.async_follow(partial(self._async_source_changed, watch))
        if watch.spec.battery_entity_id is not None:
            self._unseeded.add(watch.spec.registry_id)
        self.async_evaluate(watch)

    async def _async_seed(self) -> None:
        """Merge what the recorder kept of each new camera's battery."""
        try:
            await self._async_seed_unseeded()
        finally:
            self._seeding = None

    async def _async_seed_unseeded(self) -> None:
        while self._unseeded:
            batteries = {
                watch.spec.battery_entity_id: watch
                for registry_id in self._unseeded
                if (watch := self.cameras.get(registry_id)) is not None
                and watch.spec.battery_entity_id is not None
            }
            self._unseeded.clear()
            levels = await async_recorded_levels(self.hass, batteries, dt_util.utcnow())
            now = dt_util.utcnow()
            for entity_id, found in levels.items():
                watch = batteries[entity_id]
                if self.cameras.get(watch.spec.registry_id) is watch:
                    self.batteries.async_merge(
                        watch, found, self.options, now, notify=self._started
                    )

    @callback
    def _async_forget(self, watch: CameraWatch) -> None:
        LOGGER.debug("No longer watching %s", watch.spec.entity_id)
        self.issues.async_clear(watch.spec)
        self.store.async_forget(watch.spec.registry_id)

    @callback
    def _async_source_changed(
        self, watch: CameraWatch, event: Event[EventStateChangedData]
    ) -> None:
        if not self._started:
            return  # every camera is diagnosed once Home Assistant has started
        reading = quiet_reading(event, watch.spec, watch.diagnosis, self.options)
        if reading is None:
            self.async_evaluate(watch)
            self._integrations.async_camera_changed(watch, event)
        elif reading == "battery_percent" and (new := event.data["new_state"]):
            # A level that changes no diagnosis: for the forecast only.
            level = battery_percent(new.state)
            self.batteries.async_update(watch, level, self.options, dt_util.utcnow())

    @callback
    def async_evaluate_all(self) -> None:
        """Diagnose every camera again."""
        for watch in list(self.cameras.values()):
            self.async_evaluate(watch)

    @callback
    def _async_evaluate_id(self, registry_id: str) -> None:
        if (watch := self.cameras.get(registry_id)) is not None:
            self.async_evaluate(watch)

    def observe(self, watch: CameraWatch, now: datetime) -> Observed:
        """Look at a camera now (no side effect: nothing is kept)."""
        record = self.store.get(watch.spec.registry_id)
        return observe_camera(
            self.hass,
            watch.spec,
            known_hub=record.hub_entity_id,
            freshness=record.freshness,
            options=self.options,
            is_dark=self._daylight.is_dark,
            now=now,
            cache=self.sources,
            integration=self._integrations.down(watch.spec),
        )

    @callback
    def async_evaluate(self, watch: CameraWatch) -> None:
        """Diagnose one camera from the current states and publish the result."""
        if not self._started:
            return
        spec, now = watch.spec, dt_util.utcnow()
        observed = self.observe(watch, now)
        if watch.diagnosis is not None and (missing := observed.absent):
            # A source with no state at all is being renamed or re-added (an
            # entity that goes away for good leaves the registry, or turns
            # unavailable): it says nothing yet, so nothing changes.
            LOGGER.debug("%s: waiting for %s to come back", spec.entity_id, missing)
            return
        diagnosis = diagnose(
            observed.observation, self.options.thresholds, watch.diagnosis, now
        )
        self.store.async_update(
            spec.registry_id,
            diagnosis=diagnosis,
            hub_entity_id=observed.hub_entity_id,
            freshness=observed.freshness,
        )
        fit = fit_of(spec.profile, observed.sources)
        previous = watch.async_set_diagnosis(observed.observation, diagnosis, fit, now)
        self.issues.async_update(
            spec,
            diagnosis,
            self.options.thresholds,
            now,
            observed.hub_entity_id,
            fit=fit,
        )
        level = battery_percent(observed.observation.battery_percent)
        self.batteries.async_update(watch, level, self.options, now)
        watch.async_schedule(diagnosis.next_check, lambda: self.async_evaluate(watch))
        async_announce_change(self.hass, watch, previous)

    async def async_battery_changed(self, watch: CameraWatch) -> bool:
        """The owner put new batteries in, or charged the battery.

        Ask for fresh readings and check again; once the camera no longer
        reports a low battery, record the date and start a new discharge.
        Whether it was recorded ("I replaced the batteries" of the notice,
        and the ``battery_replaced`` action).
        """
        await self.async_recheck([watch])
        if Cause.LOW_BATTERY in watch.causes:
            return False
        self.batteries.async_replaced(watch, dt_util.utcnow())
        return True

    async def async_recheck(self, watches: Iterable[CameraWatch]) -> None:
        """Ask the source integrations to refresh, then diagnose again."""
        watches = list(watches)
        await async_refresh_sources(
            self.hass, {i for watch in watches for i in watch.spec.watched_ids}
        )
        for watch in watches:
            self.async_evaluate(watch)
