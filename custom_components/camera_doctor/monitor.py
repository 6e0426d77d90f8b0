"""Watch the cameras: source states in, diagnoses out to entities, issues, events.

Event driven: one state subscription per camera covering exactly the entities
its diagnosis reads, plus a timer only while time itself can change the result
(a grace period or an escalation running out).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from typing import Any

from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import (
    CALLBACK_TYPE,
    DOMAIN as HA_DOMAIN,
    Event,
    EventStateChangedData,
    HomeAssistant,
    callback,
)
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.event import (
    async_track_point_in_utc_time,
    async_track_state_change_event,
)
from homeassistant.helpers.start import async_at_started
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .const import CAMERA_DOMAIN, DOMAIN, ENTITY_KEYS, LOGGER
from .diagnosis import Cause, Diagnosis, diagnose
from .discovery import CameraSpec, SourceCache, discover_cameras
from .events import async_fire_diagnosis_event
from .freshness import FreshnessTracker
from .hubs import HubListener
from .issues import IssueManager
from .models import CameraDoctorConfigEntry
from .observe import observe_camera, quiet_change
from .options import CameraDoctorOptions
from .store import STORAGE_VERSION, diagnosis_from_dict, diagnosis_to_dict
from .watch import CameraWatch, Transition

STORAGE_KEY = f"{DOMAIN}.diagnoses"
SUN_ENTITY = "sun.sun"
SUN_STATES = {"below_horizon": True, "above_horizon": False}
SAVE_DELAY = 10
SERVICE_UPDATE_ENTITY = "update_entity"

type NewCameraCallback = Callable[[CameraWatch], None]


class CameraMonitor:
    """Keeps one :class:`CameraWatch` per camera and publishes diagnoses."""

    def __init__(self, hass: HomeAssistant, entry: CameraDoctorConfigEntry) -> None:
        """Prepare; nothing is subscribed before :meth:`async_start`."""
        self.hass = hass
        self.entry = entry
        self.options = CameraDoctorOptions.from_mapping(entry.options)
        self.cameras: dict[str, CameraWatch] = {}
        # Every watched source as last read, shared: cameras of one hub all
        # read its panel, which is then translated once, not once per camera.
        self.sources: SourceCache = {}
        self.issues = IssueManager(hass)
        self._store: Store[dict[str, Any]] = Store(hass, STORAGE_VERSION, STORAGE_KEY)
        self._stored: dict[str, Diagnosis] = {}
        self._replaced: dict[str, datetime] = {}
        self._hubs: dict[str, str] = {}  # registry id -> hub entity matched last
        self.freshness = FreshnessTracker()
        self._hub_listener = HubListener(hass, self._async_source_changed)
        self._new_camera_callbacks: list[NewCameraCallback] = []
        self._unsubs: list[CALLBACK_TYPE] = []
        self._started = False
        self._is_dark: bool | None = None
        self._rediscover_pending = False

    # -- lifecycle -----------------------------------------------------------

    async def async_load(self) -> None:
        """Read the diagnoses stored before the last restart."""
        data = await self._store.async_load() or {}
        for registry_id, raw in data.get("cameras", {}).items():
            if isinstance(raw, dict) and (diagnosis := diagnosis_from_dict(raw)):
                self._stored[registry_id] = diagnosis
        self.freshness.load(data.get("freshness", {}))
        for registry_id, raw in data.get("batteries_replaced", {}).items():
            if isinstance(raw, str) and (when := dt_util.parse_datetime(raw)):
                self._replaced[registry_id] = when
        if isinstance(hubs := data.get("hubs"), dict):
            self._hubs = {k: v for k, v in hubs.items() if isinstance(v, str)}
        self._async_sync_cameras(discover_cameras(self.hass, self.options.exclude))

    @callback
    def async_start(self) -> None:
        """Subscribe to registry changes and begin diagnosing once started."""
        self._unsubs.append(
            self.hass.bus.async_listen(
                er.EVENT_ENTITY_REGISTRY_UPDATED,
                self._async_registry_updated,
                event_filter=self._registry_event_relevant,
            )
        )
        self._unsubs.append(
            async_track_state_change_event(
                self.hass, SUN_ENTITY, self._async_sun_changed
            )
        )
        self._unsubs.append(async_at_started(self.hass, self._async_ha_started))

    async def async_stop(self) -> None:
        """Remove every listener and timer; save what is known."""
        self._started = False
        while self._unsubs:
            self._unsubs.pop()()
        self._hub_listener.async_stop()
        for watch in self.cameras.values():
            watch.async_cancel()
        await self._store.async_save(self._data_to_store())

    @staticmethod
    async def async_remove_store(hass: HomeAssistant) -> None:
        """Delete the stored diagnoses (the entry is being removed)."""
        await Store[dict[str, Any]](hass, STORAGE_VERSION, STORAGE_KEY).async_remove()

    @callback
    def async_options_updated(self) -> None:
        """Apply changed options live: exclusions and thresholds."""
        self.options = CameraDoctorOptions.from_mapping(self.entry.options)
        self._async_sync_cameras(discover_cameras(self.hass, self.options.exclude))
        self.async_evaluate_all()

    @callback
    def async_on_new_camera(self, add: NewCameraCallback) -> CALLBACK_TYPE:
        """Let an entity platform add entities for cameras found later."""
        self._new_camera_callbacks.append(add)
        return lambda: self._new_camera_callbacks.remove(add)

    @callback
    def _async_ha_started(self, _hass: HomeAssistant) -> None:
        self._started = True
        self._is_dark = self._read_is_dark()
        self.async_evaluate_all()

    # -- discovery -----------------------------------------------------------

    @callback
    def _registry_event_relevant(
        self, event_data: er.EventEntityRegistryUpdatedData
    ) -> bool:
        entity_id = event_data["entity_id"]
        if entity_id.startswith(f"{CAMERA_DOMAIN}."):
            return True
        if event_data["action"] == "update" and "old_entity_id" in event_data:
            entity_id = event_data["old_entity_id"]
        if any(entity_id in w.spec.watched_ids for w in self.cameras.values()):
            return True
        entry = er.async_get(self.hass).async_get(event_data["entity_id"])
        if entry is None or entry.platform == DOMAIN:
            return False
        return any(
            entry.device_id == w.spec.device_id
            or entry.domain == w.spec.profile.hub_domain
            for w in self.cameras.values()
        )

    @callback
    def _async_registry_updated(
        self, _event: Event[er.EventEntityRegistryUpdatedData]
    ) -> None:
        """Rediscover once per burst of registry changes."""
        if self._rediscover_pending:
            return
        self._rediscover_pending = True
        self.hass.loop.call_soon(self._async_rediscover)

    @callback
    def _async_rediscover(self) -> None:
        self._rediscover_pending = False
        if self._unsubs:
            self._async_sync_cameras(discover_cameras(self.hass, self.options.exclude))

    @callback
    def _async_sync_cameras(self, specs: dict[str, CameraSpec]) -> None:
        """Make the watched cameras match ``specs``."""
        for registry_id in set(self.cameras) - set(specs):
            self._async_remove_camera(self.cameras.pop(registry_id))
        for registry_id, spec in specs.items():
            watch = self.cameras.get(registry_id)
            if watch is None:
                watch = CameraWatch(
                    spec=spec,
                    diagnosis=self._stored.get(registry_id),
                    batteries_replaced=self._replaced.get(registry_id),
                    hub_entity_id=self._hubs.pop(registry_id, None),
                )
                self.cameras[registry_id] = watch
                self._async_subscribe(watch)
                for add in self._new_camera_callbacks:
                    add(watch)
                self.async_evaluate(watch)
            elif watch.spec != spec:
                if watch.spec.device_id != spec.device_id:
                    self._async_move_entities(spec)
                watch.spec = spec
                self._async_subscribe(watch)
                self.async_evaluate(watch)
        watched = {i for watch in self.cameras.values() for i in watch.spec.watched_ids}
        for entity_id in self.sources.keys() - watched:
            del self.sources[entity_id]
        self._hub_listener.async_update(self.cameras.values())

    @callback
    def _async_subscribe(self, watch: CameraWatch) -> None:
        """Follow the camera's own entities (its hubs: one listener for all)."""
        if watch.unsub_state is not None:
            watch.unsub_state()
        watch.unsub_state = async_track_state_change_event(
            self.hass, watch.spec.own_ids, partial(self._async_source_changed, watch)
        )

    @callback
    def _async_source_changed(
        self, watch: CameraWatch, event: Event[EventStateChangedData]
    ) -> None:
        if not quiet_change(event, watch, self.options):
            self.async_evaluate(watch)

    @callback
    def _async_remove_camera(self, watch: CameraWatch) -> None:
        """Forget a camera: its listeners, entities, issues and history."""
        watch.async_cancel()
        self.issues.async_clear(watch.spec)
        self._stored.pop(watch.spec.registry_id, None)
        self._replaced.pop(watch.spec.registry_id, None)
        self.freshness.forget(watch.spec.registry_id)
        ent_reg = er.async_get(self.hass)
        for entity_id in self._entity_ids(watch.spec):
            ent_reg.async_remove(entity_id)
        self._store.async_delay_save(self._data_to_store, SAVE_DELAY)

    def _entity_ids(self, spec: CameraSpec) -> list[str]:
        """The entity ids of a camera's diagnostic entities."""
        ent_reg = er.async_get(self.hass)
        return [
            entity_id
            for platform, key in ENTITY_KEYS
            if (
                entity_id := ent_reg.async_get_entity_id(
                    platform, DOMAIN, f"{spec.unique_id}_{key}"
                )
            )
        ]

    @callback
    def _async_move_entities(self, spec: CameraSpec) -> None:
        """Follow a camera that moved to another device."""
        ent_reg = er.async_get(self.hass)
        for entity_id in self._entity_ids(spec):
            ent_reg.async_update_entity(entity_id, device_id=spec.device_id)

    # -- diagnosis -----------------------------------------------------------

    def _read_is_dark(self) -> bool | None:
        if (sun := self.hass.states.get(SUN_ENTITY)) is None:
            return None
        return SUN_STATES.get(sun.state)

    @callback
    def _async_sun_changed(self, _event: Event[EventStateChangedData]) -> None:
        if (is_dark := self._read_is_dark()) != self._is_dark:
            self._is_dark = is_dark
            self.async_evaluate_all()

    @callback
    def async_evaluate_all(self) -> None:
        """Diagnose every camera again."""
        for watch in list(self.cameras.values()):
            self.async_evaluate(watch)

    @callback
    def async_evaluate(self, watch: CameraWatch, now: datetime | None = None) -> None:
        """Diagnose one camera from the current states and publish the result."""
        if not self._started:
            return
        now = now or dt_util.utcnow()
        observation, hub_due = observe_camera(
            self.hass,
            watch,
            options=self.options,
            freshness=self.freshness,
            is_dark=self._is_dark,
            now=now,
            cache=self.sources,
        )
        diagnosis = diagnose(observation, self.options.thresholds, watch.diagnosis, now)
        previous = watch.diagnosis
        watch.diagnosis = diagnosis
        due = self.issues.async_update(
            watch.spec, diagnosis, self.options.thresholds, now
        )
        self._async_schedule(watch, _earliest((diagnosis.next_check, due, hub_due)))
        if previous == diagnosis:
            return
        self._store.async_delay_save(self._data_to_store, SAVE_DELAY)
        previous_cause = previous.cause if previous else Cause.NONE
        if previous_cause != diagnosis.cause:
            watch.async_record(Transition(now, previous_cause, diagnosis.cause))
            async_fire_diagnosis_event(self.hass, watch.spec, diagnosis, previous_cause)
        watch.async_notify(previous)

    @callback
    def _async_schedule(self, watch: CameraWatch, when: datetime | None) -> None:
        """Look at the camera again at ``when`` (a timer already set for it stays)."""
        if when == watch.timer_at:
            return
        watch.async_cancel_timer()
        if when is None:
            return

        @callback
        def fire(_when: datetime) -> None:
            watch.unsub_timer = None
            watch.timer_at = None
            # The clock, not the planned moment: it may have jumped meanwhile.
            self.async_evaluate(watch)

        watch.unsub_timer = async_track_point_in_utc_time(self.hass, fire, when)
        watch.timer_at = when

    @callback
    def async_record_batteries_replaced(self, watch: CameraWatch) -> None:
        """Remember that the owner says the batteries were replaced now."""
        watch.batteries_replaced = dt_util.utcnow()
        self._replaced[watch.spec.registry_id] = watch.batteries_replaced
        self._store.async_delay_save(self._data_to_store, SAVE_DELAY)

    def _data_to_store(self) -> dict[str, Any]:
        return {
            "cameras": {
                registry_id: diagnosis_to_dict(watch.diagnosis)
                for registry_id, watch in self.cameras.items()
                if watch.diagnosis is not None
            },
            "freshness": self.freshness.as_dict(),
            "batteries_replaced": {
                registry_id: when.isoformat()
                for registry_id, when in self._replaced.items()
            },
            "hubs": {
                registry_id: watch.hub_entity_id
                for registry_id, watch in self.cameras.items()
                if watch.hub_entity_id is not None
            },
        }

    async def async_recheck(self, watches: Iterable[CameraWatch]) -> None:
        """Ask the source integrations to refresh, then diagnose again."""
        watches = list(watches)
        entity_ids = sorted(
            {
                entity_id
                for watch in watches
                for entity_id in watch.spec.watched_ids
                if self.hass.states.get(entity_id) is not None
            }
        )
        if entity_ids and self.hass.services.has_service(
            HA_DOMAIN, SERVICE_UPDATE_ENTITY
        ):
            try:
                await self.hass.services.async_call(
                    HA_DOMAIN,
                    SERVICE_UPDATE_ENTITY,
                    {ATTR_ENTITY_ID: entity_ids},
                    blocking=True,
                )
            except HomeAssistantError as err:
                LOGGER.debug("Refreshing %s failed: %s", entity_ids, err)
        for watch in watches:
            self.async_evaluate(watch)

    def watch_for_entity(self, entity_id: str) -> CameraWatch | None:
        """The watch of a camera entity id, if it is watched."""
        return next(
            (w for w in self.cameras.values() if w.spec.entity_id == entity_id), None
        )


def _earliest(times: Iterable[datetime | None]) -> datetime | None:
    return min((t for t in times if t is not None), default=None)
