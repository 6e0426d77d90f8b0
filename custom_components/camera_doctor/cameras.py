"""The watched cameras, kept in line with the registries and the options.

Cameras added later are picked up without a reload; a camera that is
removed or excluded is forgotten along with its diagnostic entities.

A diagnostic entity's unique id is ``{camera platform}_{camera unique
id}_{key}``: a camera's unique id is only unique within its own integration.
Config entry version 1 used ``{camera unique id}_{key}``;
:func:`async_migrate_unique_ids` rewrites those in place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import (
    CALLBACK_TYPE,
    DOMAIN as HA_DOMAIN,
    Event,
    HomeAssistant,
    callback,
)
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er

from .const import ALL_ENTITY_KEYS, CAMERA_DOMAIN, DOMAIN, LOGGER
from .discovery import CameraSpec, discover_cameras
from .watch import CameraWatch

type CameraCallback = Callable[[CameraWatch], None]

SERVICE_UPDATE_ENTITY = "update_entity"


async def async_refresh_sources(hass: HomeAssistant, entity_ids: set[str]) -> None:
    """Ask the integrations behind ``entity_ids`` to refresh them, if they can."""
    present = sorted(i for i in entity_ids if hass.states.get(i) is not None)
    if not present or not hass.services.has_service(HA_DOMAIN, SERVICE_UPDATE_ENTITY):
        return
    try:
        await hass.services.async_call(
            HA_DOMAIN,
            SERVICE_UPDATE_ENTITY,
            {ATTR_ENTITY_ID: present},
            blocking=True,
        )
    except HomeAssistantError as err:
        LOGGER.debug("Refreshing %s failed: %s", present, err)


def _unique_id(platform: str, camera_unique_id: str, key: str) -> str:
    return f"{platform}_{camera_unique_id}_{key}"


def entity_unique_id(spec: CameraSpec, key: str) -> str:
    """The unique id of one of a camera's diagnostic entities."""
    return _unique_id(spec.platform, spec.unique_id, key)


def entity_homes(
    hass: HomeAssistant, watches: Iterable[CameraWatch]
) -> dict[str, str | None]:
    """The device each watched camera's diagnostic entities belong on."""
    ent_reg = er.async_get(hass)
    return {
        entity_id: watch.spec.device_id
        for watch in watches
        for domain, key in ALL_ENTITY_KEYS
        if (
            entity_id := ent_reg.async_get_entity_id(
                domain, DOMAIN, entity_unique_id(watch.spec, key)
            )
        )
    }


def _first_scheme(entry: er.RegistryEntry) -> tuple[str, str] | None:
    """The camera unique id and key of a version-1 unique id, if it is one."""
    for domain, key in ALL_ENTITY_KEYS:
        camera_unique_id = entry.unique_id.removesuffix(f"_{key}")
        if domain == entry.domain and camera_unique_id not in ("", entry.unique_id):
            return camera_unique_id, key
    return None


async def async_migrate_unique_ids(hass: HomeAssistant, config_entry_id: str) -> None:
    """Rewrite version-1 unique ids in place (entity ids, names, history kept).

    The camera is looked up by its unique id among the camera entities; when
    several integrations have a camera with that unique id, the one on the
    entity's device. An entity whose camera is unknown or still ambiguous is
    left as it is.
    """
    ent_reg = er.async_get(hass)
    cameras: dict[str, list[er.RegistryEntry]] = {}
    for camera in ent_reg.entities.values():
        if camera.domain == CAMERA_DOMAIN and camera.platform != DOMAIN:
            cameras.setdefault(camera.unique_id, []).append(camera)

    @callback
    def migrate(entry: er.RegistryEntry) -> dict[str, str] | None:
        if (first := _first_scheme(entry)) is None:
            return None
        camera_unique_id, key = first
        found = cameras.get(camera_unique_id, [])
        if len(found) > 1:
            found = [c for c in found if c.device_id == entry.device_id]
        new_unique_id = (
            _unique_id(found[0].platform, camera_unique_id, key)
            if len(found) == 1
            else None
        )
        if new_unique_id is None or ent_reg.async_get_entity_id(
            entry.domain, DOMAIN, new_unique_id
        ):
            LOGGER.debug(
                "Unique id %s of %s kept: its camera is unknown or ambiguous",
                entry.unique_id,
                entry.entity_id,
            )
            return None
        return {"new_unique_id": new_unique_id}

    await er.async_migrate_entries(hass, config_entry_id, migrate)


class CameraSet:
    """One :class:`CameraWatch` per watched camera, keyed by registry id.

    ``make`` builds the watch of a newly found camera; ``on_added``,
    ``on_changed`` and ``on_removed`` tell the monitor what happened to one
    camera, ``on_synced`` that the set is in line again.
    """

    def __init__(
        self,
        hass: HomeAssistant,
        *,
        make: Callable[[CameraSpec], CameraWatch],
        on_added: CameraCallback,
        on_changed: CameraCallback,
        on_removed: CameraCallback,
        on_synced: Callable[[], None],
    ) -> None:
        """Watch nothing until :meth:`async_sync`."""
        self._hass = hass
        self._make = make
        self._on_added = on_added
        self._on_changed = on_changed
        self._on_removed = on_removed
        self._on_synced = on_synced
        self.cameras: dict[str, CameraWatch] = {}
        self._exclude: frozenset[str] = frozenset()
        self._skipped: dict[str, str] = {}
        self._new_camera_callbacks: list[CameraCallback] = []
        self._unsub: CALLBACK_TYPE | None = None
        self._rediscover_pending = False

    @callback
    def async_start(self) -> None:
        """Follow registry changes (a burst of them: one rediscovery)."""
        self._unsub = self._hass.bus.async_listen(
            er.EVENT_ENTITY_REGISTRY_UPDATED,
            self._async_registry_updated,
            event_filter=self._registry_event_relevant,
        )

    @callback
    def async_stop(self) -> None:
        """Stop following the registries; drop every watch's listeners."""
        if self._unsub is not None:
            self._unsub()
            self._unsub = None
        for watch in self.cameras.values():
            watch.async_cancel()

    @callback
    def async_on_new_camera(self, add: CameraCallback) -> CALLBACK_TYPE:
        """Let an entity platform add entities for cameras found later."""
        self._new_camera_callbacks.append(add)
        return partial(self._new_camera_callbacks.remove, add)

    def watch_for_entity(self, entity_id: str) -> CameraWatch | None:
        """The watch of a camera entity id, if it is watched."""
        return next(
            (w for w in self.cameras.values() if w.spec.entity_id == entity_id), None
        )

    @callback
    def async_sync(self, exclude: Iterable[str]) -> None:
        """Make the watched cameras match the registries, less ``exclude``."""
        self._exclude = frozenset(exclude)
        specs = discover_cameras(self._hass, self._exclude)
        self._log_skipped(specs)
        for registry_id in set(self.cameras) - set(specs):
            self._async_remove(self.cameras.pop(registry_id))
        for registry_id, spec in specs.items():
            watch = self.cameras.get(registry_id)
            if watch is None:
                watch = self.cameras[registry_id] = self._make(spec)
                for add in self._new_camera_callbacks:
                    add(watch)
                self._on_added(watch)
            elif watch.spec != spec:
                if watch.spec.device_id != spec.device_id:
                    self._async_move_entities(spec)
                watch.spec = spec
                self._on_changed(watch)
        self._on_synced()

    def _log_skipped(self, specs: dict[str, CameraSpec]) -> None:
        """Say at debug level which cameras are not watched, and why (on change)."""
        ent_reg = er.async_get(self._hass)
        skipped = {
            entry.entity_id: "excluded in the options"
            if entry.entity_id in self._exclude
            else "disabled"
            for entry in ent_reg.entities.values()
            if entry.domain == CAMERA_DOMAIN
            and entry.platform != DOMAIN
            and entry.id not in specs
        } | {
            state.entity_id: "no unique id (cannot have entities)"
            for state in self._hass.states.async_all(CAMERA_DOMAIN)
            if ent_reg.async_get(state.entity_id) is None
        }
        if skipped != self._skipped:
            self._skipped = skipped
            for entity_id, why in sorted(skipped.items()):
                LOGGER.debug("Not watching %s: %s", entity_id, why)

    @callback
    def _async_remove(self, watch: CameraWatch) -> None:
        watch.async_cancel()
        self._on_removed(watch)
        ent_reg = er.async_get(self._hass)
        for entity_id in self._entity_ids(watch.spec):
            ent_reg.async_remove(entity_id)

    def _entity_ids(self, spec: CameraSpec) -> list[str]:
        ent_reg = er.async_get(self._hass)
        return [
            entity_id
            for platform, key in ALL_ENTITY_KEYS
            if (
                entity_id := ent_reg.async_get_entity_id(
                    platform, DOMAIN, entity_unique_id(spec, key)
                )
            )
        ]

    @callback
    def _async_move_entities(self, spec: CameraSpec) -> None:
        """Follow a camera that moved to another device."""
        ent_reg = er.async_get(self._hass)
        for entity_id in self._entity_ids(spec):
            ent_reg.async_update_entity(entity_id, device_id=spec.device_id)

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
        entry = er.async_get(self._hass).async_get(event_data["entity_id"])
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
        if self._rediscover_pending:
            return
        self._rediscover_pending = True
        self._hass.loop.call_soon(self._async_rediscover)

    @callback
    def _async_rediscover(self) -> None:
        self._rediscover_pending = False
        if self._unsub is not None:
            self.async_sync(self._exclude)
