"""The shape every brand profile shares, and how readings are combined.

Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from ..diagnosis.model import Observation

if TYPE_CHECKING:
    from collections.abc import Callable

    from .sources import CameraSources, SourceState

type ChangingReadings = dict[str, float | str]


class Power(StrEnum):
    """What keeps a camera running: it decides the advice the owner gets."""

    AA_LITHIUM = "aa_lithium"  # Blink battery cameras: two lithium AA cells
    RECHARGEABLE = "rechargeable"  # a rechargeable pack or built-in battery
    SOLAR = "solar"  # a rechargeable battery that a solar panel charges
    WIRED = "wired"  # no battery: a power adapter, USB or PoE


class Reading(StrEnum):
    """A kind of reading the diagnosis needs, whichever entity carries it.

    Public: the ``diagnose`` action names them in its ``missing`` answer.
    """

    BATTERY = "battery"
    SIGNAL = "signal"
    TEMPERATURE = "temperature"
    CONNECTIVITY = "connectivity"
    CHARGING = "charging"


_FIELDS = tuple(field.name for field in fields(Observation))


def merge(*observations: Observation) -> Observation:
    """Combine observations field by field: the first known value wins.

    Brand profiles pass their own, more precise readings first and the
    generic readings last, so a brand only has to say what it knows better.
    """
    values: dict[str, Any] = {}
    for name in _FIELDS:
        for observation in observations:
            if (value := getattr(observation, name)) is not None:
                values[name] = value
                break
    return Observation(**values)


def no_hub(sources: CameraSources) -> SourceState | None:
    """Return no hub: the brand has none, or it cannot be told apart."""
    return None


def never(sources: CameraSources) -> bool:
    """Return False: every hub must be read to know which is the camera's."""
    return False


def indoor_model(sources: CameraSources) -> bool:
    """Return whether the camera's model says it is an indoor camera."""
    model = sources.model if isinstance(sources.model, str) else ""
    return "indoor" in model.casefold()


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """How one brand's entities map to an :class:`Observation`.

    ``freezes_readings`` is true when the brand's cloud keeps serving the
    last readings of a camera that died (Blink), so a camera whose
    :meth:`changing_readings` stop moving is suspect. ``hub_domain`` tells
    the Home Assistant layer which entities to put in
    :attr:`CameraSources.hubs` (Blink: the ``alarm_control_panel`` entities
    of the camera's own integration, one per sync module); ``None`` means the
    brand has no hub to watch.
    ``changing_from_camera`` is true when
    :meth:`changing_readings` reads the camera entity only (Blink's
    attributes), so its sibling entities do not feed freeze detection.
    :meth:`keeps_hub` says, from sources that hold only the hub matched
    before (``known_hub``), whether :meth:`match_hub` would pick it whatever
    the other hubs say, so the Home Assistant layer need not read them all.
    ``hub_identity`` names the hub attributes :meth:`match_hub` matches on: a
    hub change that leaves them alone concerns only the cameras matched to it.
    :meth:`readings` tells which kinds of reading a sibling entity carries
    for this profile, judged from what the entity is (its domain, device
    class and name), not from its state, so a disabled entity is judged too;
    ``camera_readings`` are the kinds the profile reads from the camera
    entity's own attributes (Blink, Arlo, eufy), which no sibling needs to
    carry.
    :meth:`power` tells what keeps the camera running; it is read from what
    the camera is (its model, which battery entities its device has), not
    from its current readings, so it holds while the camera is unavailable.
    :meth:`indoor` tells, the same way, whether it is made for indoors.
    ``wifi_only`` is true when every camera of the brand reaches the network
    over Wi-Fi (Blink), whatever powers it.
    """

    name: str
    observe_fn: Callable[[CameraSources], Observation]
    changing_fn: Callable[[CameraSources], ChangingReadings]
    power_fn: Callable[[CameraSources], Power]
    hub_fn: Callable[[CameraSources], SourceState | None] = no_hub
    keeps_hub_fn: Callable[[CameraSources], bool] = never
    indoor_fn: Callable[[CameraSources], bool] = indoor_model
    readings_fn: Callable[[SourceState], frozenset[Reading]]
    camera_readings: frozenset[Reading] = frozenset()
    freezes_readings: bool = False
    changing_from_camera: bool = False
    wifi_only: bool = False
    hub_domain: str | None = None
    hub_identity: tuple[str, ...] = ()

    def observe(self, sources: CameraSources) -> Observation:
        """Return what the camera's entities say about it right now."""
        return self.observe_fn(sources)

    def changing_readings(self, sources: CameraSources) -> ChangingReadings:
        """Return the readings that keep moving while the camera is alive."""
        return self.changing_fn(sources)

    def match_hub(self, sources: CameraSources) -> SourceState | None:
        """Return the hub entity (among ``sources.hubs``) the camera uses."""
        return self.hub_fn(sources)

    def keeps_hub(self, sources: CameraSources) -> bool:
        """Return whether the hub matched before wins without reading the rest."""
        return self.keeps_hub_fn(sources)

    def readings(self, entity: SourceState) -> frozenset[Reading]:
        """Return the kinds of reading a sibling entity carries."""
        return self.readings_fn(entity)

    def power(self, sources: CameraSources) -> Power:
        """Return what keeps the camera running."""
        return self.power_fn(sources)

    def indoor(self, sources: CameraSources) -> bool:
        """Return whether the camera is made for indoors."""
        return self.indoor_fn(sources)
