"""Plain data handed from Home Assistant to the brand profiles.

Standard library only, so the profiles are tested without Home Assistant.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ._coerce import as_text, folded


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceState:
    """One Home Assistant entity as a profile sees it.

    ``state`` is ``None`` when the entity has no state (missing, or removed
    while its integration reloads). ``key`` is the most specific name the
    entity's integration gives it: its translation key, or else the suffix of
    its unique id (Blink: ``"<serial>-wifi_strength"`` gives
    ``"wifi_strength"``), lower-cased. ``registry_entry`` is the registry
    entry it was read with (for the HA layer's cache; profiles ignore it).

    ``kind`` and ``unit_text`` are worked out from the fields when the
    state is made, since the profiles ask for them on every look: the device
    class and the unit (the field, else the state attribute), stripped and
    lower-cased.
    """

    entity_id: str
    domain: str
    state: str | None
    attributes: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    device_class: str | None = None
    unit: str | None = None
    key: str | None = None
    platform: str | None = None
    registry_entry: object = field(default=None, compare=False, repr=False)
    kind: str | None = field(init=False, repr=False, compare=False)
    unit_text: str | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Work out the device class and the unit once."""
        attributes = (
            self.attributes if isinstance(self.attributes, dict | Mapping) else {}
        )
        kind = as_text(self.device_class) or as_text(attributes.get("device_class"))
        unit = as_text(self.unit or attributes.get("unit_of_measurement"))
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "unit_text", unit)


@dataclass(frozen=True, slots=True, kw_only=True)
class CameraSources:
    """A camera and every reading Home Assistant holds about it.

    ``siblings`` are the other entities on the camera's own device. ``hubs``
    are the entities of the camera's hub candidates (Blink: the sync modules'
    alarm control panels, which live on their own devices); the profile picks
    the one the camera belongs to; ``known_hub`` is the entity id of the hub
    matched last time, for when the camera no longer says which it is.
    """

    camera: SourceState
    siblings: tuple[SourceState, ...] = ()
    hubs: tuple[SourceState, ...] = ()
    manufacturer: str | None = None
    model: str | None = None
    known_hub: str | None = None
    # The camera's attributes keyed in lower case, for the profiles that read
    # several of them on every look (``generic.attribute``).
    camera_attributes: Mapping[str, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Key the camera's attributes in lower case once."""
        object.__setattr__(self, "camera_attributes", folded(self.camera.attributes))
