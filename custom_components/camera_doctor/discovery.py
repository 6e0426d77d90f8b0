"""Find the cameras, their devices and the entities that carry their readings.

Everything is looked up through the device and entity registries, so a
renamed entity keeps its registry id and nothing breaks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from homeassistant.core import HomeAssistant, State
from homeassistant.helpers import device_registry as dr, entity_registry as er

from .const import CAMERA_DOMAIN, DOMAIN
from .profiles import CameraSources, Profile, SourceState, profile_for


def device_field(device: object, name: str) -> str | None:
    """A device's ``manufacturer`` or ``model``; ``None`` where it has none.

    Newer Home Assistant releases register some devices as child devices
    (``ChildDeviceEntry``), which have no manufacturer or model of their own:
    reading one answers ``None`` and logs a deprecation warning, so only a
    device whose class declares the field is read.
    """
    if device is None or not hasattr(type(device), name):
        return None
    value = getattr(device, name)
    return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True, kw_only=True)
class CameraSpec:
    """A watched camera: who it is and where its readings live."""

    registry_id: str
    entity_id: str
    unique_id: str
    device_id: str | None
    platform: str
    manufacturer: str | None
    model: str | None
    profile: Profile
    sibling_ids: tuple[str, ...]
    hub_ids: tuple[str, ...]
    battery_level: bool = False  # a sibling reports the battery in %
    battery_entity_id: str | None = None  # the first that does
    config_entry_id: str | None = None  # of the camera's own integration

    @property
    def own_ids(self) -> tuple[str, ...]:
        """The camera and the entities on its own device."""
        return (self.entity_id, *self.sibling_ids)

    @property
    def watched_ids(self) -> tuple[str, ...]:
        """Every entity id whose state changes can change the diagnosis."""
        return (*self.own_ids, *self.hub_ids)


def _is_candidate(entry: er.RegistryEntry) -> bool:
    return entry.disabled_by is None and entry.platform != DOMAIN


def discover_cameras(
    hass: HomeAssistant, exclude: Iterable[str]
) -> dict[str, CameraSpec]:
    """Return every camera that is not excluded, keyed by its registry id.

    Cameras without a unique id (old YAML cameras) have no registry entry to
    attach diagnostic entities to and are skipped.
    """
    ent_reg = er.async_get(hass)
    dev_reg = dr.async_get(hass)
    excluded = set(exclude)
    cameras = [
        entry
        for entry in ent_reg.entities.values()
        if entry.domain == CAMERA_DOMAIN
        and _is_candidate(entry)
        and entry.entity_id not in excluded
    ]
    hubs_by_platform: dict[tuple[str, str], list[str]] = {}
    specs: dict[str, CameraSpec] = {}
    for camera in cameras:
        device = dev_reg.async_get(camera.device_id) if camera.device_id else None
        manufacturer = device_field(device, "manufacturer")
        profile = profile_for(camera.platform, manufacturer)
        sibling_entries: list[er.RegistryEntry] = []
        if device is not None:
            sibling_entries = [
                entry
                for entry in er.async_entries_for_device(ent_reg, device.id)
                if entry.entity_id != camera.entity_id
                and entry.domain != CAMERA_DOMAIN
                and _is_candidate(entry)
            ]
        hub_ids: tuple[str, ...] = ()
        if profile.hub_domain is not None:
            key = (camera.platform, profile.hub_domain)
            if key not in hubs_by_platform:
                hubs_by_platform[key] = sorted(
                    entry.entity_id
                    for entry in ent_reg.entities.values()
                    if entry.domain == profile.hub_domain
                    and entry.platform == camera.platform
                    and _is_candidate(entry)
                )
            hub_ids = tuple(hubs_by_platform[key])
        battery = next(
            (entry.entity_id for entry in sibling_entries if _battery_level(entry)),
            None,
        )
        specs[camera.id] = CameraSpec(
            registry_id=camera.id,
            entity_id=camera.entity_id,
            unique_id=camera.unique_id,
            device_id=camera.device_id,
            platform=camera.platform,
            manufacturer=manufacturer,
            model=device_field(device, "model"),
            profile=profile,
            sibling_ids=tuple(entry.entity_id for entry in sibling_entries),
            battery_level=battery is not None,
            battery_entity_id=battery,
            hub_ids=hub_ids,
            config_entry_id=camera.config_entry_id,
        )
    return specs


def _battery_level(entry: er.RegistryEntry) -> bool:
    """Whether an entity reports a battery's charge in percent."""
    device_class = entry.device_class or entry.original_device_class
    return (
        entry.domain == "sensor"
        and device_class == "battery"
        and entry.unit_of_measurement == "%"
    )


def _entity_key(entry: er.RegistryEntry | None) -> str | None:
    """The most specific name the source integration gives an entity."""
    if entry is None:
        return None
    if entry.translation_key:
        return entry.translation_key.lower()
    unique_id = str(entry.unique_id)
    for separator in ("-", "_"):
        if separator in unique_id:
            return unique_id.rsplit(separator, 1)[1].lower()
    return None


def source_state(
    entity_id: str,
    state: State | None,
    entry: er.RegistryEntry | None,
    unit: object = None,
) -> SourceState:
    """Translate a Home Assistant state into what a profile reads.

    ``unit`` stands in for the state's unit (an entity with no state).
    """
    attributes: Mapping[str, object] = state.attributes if state is not None else {}
    device_class = attributes.get("device_class")
    if not isinstance(device_class, str) and entry is not None:
        device_class = entry.device_class or entry.original_device_class
    unit = unit or attributes.get("unit_of_measurement")
    return SourceState(
        entity_id=entity_id,
        domain=entity_id.partition(".")[0],
        state=state.state if state is not None else None,
        attributes=attributes,
        device_class=device_class if isinstance(device_class, str) else None,
        unit=unit if isinstance(unit, str) else None,
        key=_entity_key(entry),
        platform=entry.platform if entry is not None else None,
        registry_entry=entry,
    )


type SourceCache = dict[str, SourceState]


def _still_current(source: SourceState, state: State | None) -> bool:
    """Whether ``source`` was read from a state equal to ``state``.

    Compared by value and by the attributes mapping itself (Home Assistant
    keeps the mapping of a state whose attributes did not change), so the
    cache never holds on to a State object Home Assistant has replaced.
    """
    if state is None:
        return source.state is None
    return source.state == state.state and source.attributes is state.attributes


def read_hubs(
    hass: HomeAssistant, entity_ids: Iterable[str], cache: SourceCache
) -> tuple[SourceState, ...]:
    """Read hubs through ``cache``, shared by every camera.

    All the cameras of a hub read its panel, which is translated once.
    Registry entries are immutable and replaced when they change, so the
    cache reuses the translation of every hub whose entry is the same and
    whose state did not change.
    """
    ent_reg = er.async_get(hass)

    def read_hub(entity_id: str) -> SourceState:
        state, entry = hass.states.get(entity_id), ent_reg.async_get(entity_id)
        hit = cache.get(entity_id)
        if (
            hit is not None
            and hit.registry_entry is entry
            and _still_current(hit, state)
        ):
            return hit
        source = cache[entity_id] = source_state(entity_id, state, entry)
        return source

    return tuple([read_hub(entity_id) for entity_id in entity_ids])


def collect_sources(
    hass: HomeAssistant,
    spec: CameraSpec,
    known_hub: str | None = None,
    cache: SourceCache | None = None,
    hub_ids: tuple[str, ...] | None = None,
) -> CameraSources:
    """Read the current state of everything a camera's diagnosis uses.

    The camera and its own readings are read afresh, the hubs (``hub_ids``,
    by default every one the camera may use) through ``cache``
    (:func:`read_hubs`).
    """
    ent_reg = er.async_get(hass)

    def read(entity_id: str) -> SourceState:
        return source_state(
            entity_id, hass.states.get(entity_id), ent_reg.async_get(entity_id)
        )

    return CameraSources(
        camera=read(spec.entity_id),
        siblings=tuple([read(entity_id) for entity_id in spec.sibling_ids]),
        hubs=read_hubs(
            hass,
            spec.hub_ids if hub_ids is None else hub_ids,
            {} if cache is None else cache,
        ),
        manufacturer=spec.manufacturer,
        model=spec.model,
        known_hub=known_hub,
    )
