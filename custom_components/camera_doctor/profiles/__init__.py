"""Brand profiles: which entities of a camera carry which reading.

The Home Assistant layer collects a camera's entities into
:class:`CameraSources`, picks a profile with :func:`profile_for` and calls
:meth:`Profile.observe` to get the :class:`Observation` the diagnosis engine
works on. Standard library only (a test enforces it), so every profile is
tested with plain values.
"""

from __future__ import annotations

import re
from typing import Final

from ._coerce import as_text
from .arlo import ARLO
from .blink import BLINK
from .eufy import EUFY
from .generic import GENERIC
from .profile import ChangingReadings, Power, Profile, Reading
from .reolink import REOLINK
from .ring import RING
from .sources import CameraSources, SourceState

__all__ = [
    "CameraSources",
    "ChangingReadings",
    "Power",
    "Profile",
    "Reading",
    "SourceState",
    "profile_for",
]

# The camera entity's integration (its platform) decides first.
_BY_PLATFORM: Final[dict[str, Profile]] = {
    "blink": BLINK,
    "ring": RING,
    "arlo": ARLO,
    "aarlo": ARLO,
    "eufy_security": EUFY,
    "eufy": EUFY,
    "reolink": REOLINK,
}

# Else the device's manufacturer, matched at the start of a word so that
# "Ring" is found in "Ring LLC" but not in "Bosch Engineering".
_BY_MANUFACTURER: Final[tuple[tuple[re.Pattern[str], Profile], ...]] = (
    (re.compile(r"\b(blink|immedia)"), BLINK),
    (re.compile(r"\bring\b"), RING),
    (re.compile(r"\b(arlo|netgear arlo)"), ARLO),
    (re.compile(r"\b(eufy|anker)"), EUFY),
    (re.compile(r"\breolink"), REOLINK),
)


def profile_for(platform: str | None, manufacturer: str | None) -> Profile:
    """Return the profile for a camera's platform, else its manufacturer.

    Unknown cameras get the generic profile, which reads the usual battery,
    signal, temperature, update and connectivity entities of any device.
    """
    if (by_platform := _BY_PLATFORM.get(as_text(platform) or "")) is not None:
        return by_platform
    maker = as_text(manufacturer) or ""
    for pattern, profile in _BY_MANUFACTURER:
        if pattern.search(maker):
            return profile
    return GENERIC
