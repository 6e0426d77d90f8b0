"""The fix that fits a camera, chosen in one place for every surface.

Standard library only. The engine names one fix key per cause
(``FIX_KEYS``): the fix for a camera of unknown kind. Where that fix cannot
be true of every camera, the camera's kind (:class:`Fit`) picks a fix key of
its own, so the ``recommended_fix`` sensor, the bus event's and the
``diagnose`` action's ``fix`` and the notice's steps always agree:

- ``low_battery``: ``replace_batteries`` (Blink's lithium AA cells, or a
  camera of unknown kind), ``charge_battery`` (a rechargeable pack, charged
  by its cable or a solar panel);
- ``no_connection``: ``check_wifi`` (a camera known to use Wi-Fi: every
  battery camera, every Blink camera, and a wired camera with a Wi-Fi
  signal reading), ``check_network`` (a wired camera that may be on a
  network cable, PoE, or on Wi-Fi);
- ``firmware_updating``: ``wait_for_update``, and ``retry_update`` once the
  update has run for ``STUCK_UPDATE_AFTER`` (the notice of a stuck update).

What differs only in its steps (indoors or out, a sync module, AA cells or
a pack) is a text variant of the same fix key: :attr:`Fit.variants`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from .diagnosis import FIX_KEYS, Cause, Diagnosis
from .diagnosis.notices import update_stuck
from .profiles import CameraSources, Power, Profile, Reading

CHARGE_BATTERY: Final = "charge_battery"
CHECK_NETWORK: Final = "check_network"
RETRY_UPDATE: Final = "retry_update"
# Every fix key (the ``recommended_fix`` sensor's options), in a stable order.
FIX_OPTIONS: Final = (
    *dict.fromkeys(FIX_KEYS.values()),
    CHARGE_BATTERY,
    CHECK_NETWORK,
    RETRY_UPDATE,
)

SYNC_MODULE: Final = "sync_module"
INDOOR: Final = "indoor"
# Most specific first; a fix without a text for a variant falls back to the
# next, and last to the fix for a camera of unknown kind.
_POWER_VARIANTS: Final[Mapping[Power, tuple[str, ...]]] = {
    Power.AA_LITHIUM: ("aa_lithium",),
    Power.RECHARGEABLE: ("rechargeable",),
    Power.SOLAR: ("solar", "rechargeable"),
    Power.WIRED: ("wired",),
}
VARIANTS: Final = frozenset(
    {
        SYNC_MODULE,
        INDOOR,
        *(name for names in _POWER_VARIANTS.values() for name in names),
    }
)
_BATTERIES: Final = frozenset({Power.RECHARGEABLE, Power.SOLAR})


@dataclass(frozen=True, slots=True)
class Fit:
    """What a camera is, as far as its advice goes.

    ``wifi`` is true when the camera is known to reach the network over
    Wi-Fi; false when it may be on a network cable (a wired camera with no
    Wi-Fi reading). ``indoor`` when it is made for indoors (a Blink Mini).
    """

    power: Power
    sync_module: bool  # it reaches the cloud through a (Blink) sync module
    wifi: bool = True
    indoor: bool = False

    @property
    def variants(self) -> tuple[str, ...]:
        """The text variants that fit the camera, most specific first."""
        hub = (SYNC_MODULE,) if self.sync_module else ()
        inside = (INDOOR,) if self.indoor else ()
        return (*hub, *inside, *_POWER_VARIANTS[self.power])

    def fix(self, cause: Cause, *, stuck: bool = False) -> str:
        """The fix key of ``cause`` for this camera (``stuck``: a stuck update)."""
        match cause:
            case Cause.LOW_BATTERY if self.power in _BATTERIES:
                return CHARGE_BATTERY
            case Cause.NO_CONNECTION if not self.wifi:
                return CHECK_NETWORK
            case Cause.FIRMWARE_UPDATING if stuck:
                return RETRY_UPDATE
        return FIX_KEYS[cause]


def fit_of(profile: Profile, sources: CameraSources) -> Fit:
    """Tell a camera's kind from what it is, not from its current readings.

    Every battery camera of a brand with hubs (Blink) is on one, even while
    it is unavailable and no longer names it.
    """
    power = profile.power(sources)
    hub = profile.hub_domain is not None and (
        power is Power.AA_LITHIUM or profile.match_hub(sources) is not None
    )
    wifi = (
        power is not Power.WIRED
        or profile.wifi_only
        or any(
            Reading.SIGNAL in profile.readings(entity) for entity in sources.siblings
        )
    )
    return Fit(power, hub, wifi=wifi, indoor=profile.indoor(sources))


def camera_fix(cause: Cause, fit: Fit, diagnosis: Diagnosis, now: datetime) -> str:
    """The fix key of a camera's ``cause`` now: what every surface shows."""
    return fit.fix(
        cause, stuck=cause is Cause.FIRMWARE_UPDATING and update_stuck(diagnosis, now)
    )
