"""Ring cameras and doorbells (core ``ring`` integration).

Siblings: the ``battery`` sensor (%, device class battery), the
``wifi_signal_strength`` sensor (dBm, disabled by default) and the
``wifi_signal_category`` sensor (a word such as "good" or "poor"), which
becomes signal bars. Everything else is read the generic way.
Standard library only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ..diagnosis.model import Observation
from . import generic
from ._coerce import as_text, first
from .profile import Profile, merge

if TYPE_CHECKING:
    from .sources import CameraSources

CATEGORY_KEY: Final = "wifi_signal_category"
# Ring's signal words on the 0..5 bar scale ("poor" is a weak link).
CATEGORY_BARS: Final = {"excellent": 5, "good": 4, "fair": 2, "poor": 1}


def category_bars(sources: CameraSources) -> int | None:
    """Return signal bars from the Wi-Fi signal category sensor."""
    return first(
        *(
            CATEGORY_BARS.get(as_text(entity.state) or "")
            for entity in generic.entities(sources, "sensor")
            if generic.named(entity, (CATEGORY_KEY,))
        )
    )


def observe(sources: CameraSources) -> Observation:
    """Return the Ring camera's observation."""
    return merge(
        generic.observe(sources), Observation(signal_bars=category_bars(sources))
    )


RING = Profile(
    name="ring",
    observe_fn=observe,
    changing_fn=generic.changing_readings,
    power_fn=generic.power,
    readings_fn=generic.readings,
)
