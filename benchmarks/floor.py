"""The floor: Home Assistant's own cost of the entities the contract asks for.

``bench_floor`` is a stand-in integration, here mocked with the harness's
``mock_integration``, that gives every camera in the entity registry the
same entities Camera Doctor does (four, five with a battery level), on the camera's own device and linked
the same way. The entities themselves are the ones the whole-process
benchmark loads as a real custom integration (``bench_floor/entities.py``):
the cause and fix enum sensors (the same options, the cause sensor with the
same healthy attributes), the red-flash problem binary sensor and the
diagnosis event entity (the same event types), all diagnostic, and the
battery forecast timestamp sensor (unknown, with the attributes that say how
sure it is). They show a fixed healthy state and do nothing else: no discovery, no subscription, no
diagnosis.

What Camera Doctor costs beyond this floor is its own work; the floor itself
is what any integration pays for those entities.
"""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntry, ConfigFlow
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockModule,
    MockPlatform,
    mock_integration,
    mock_platform,
)

from custom_components.camera_doctor.const import ENTITY_KEYS
from custom_components.camera_doctor.sensor import SENSORS

from .bench_floor.entities import KEYS, build

FLOOR = "bench_floor"
# The platforms and entity keys of the four entities every camera gets.
FLOOR_KEYS: tuple[tuple[str, str], ...] = tuple(
    (platform, key) for platform, keys in KEYS.items() for key in keys
)
if FLOOR_KEYS != ENTITY_KEYS:  # the stand-in must mirror the contract's entities
    msg = f"bench_floor makes {FLOOR_KEYS}, Camera Doctor {ENTITY_KEYS}"
    raise RuntimeError(msg)
# The stand-in's configuration: Camera Doctor's own option lists.
FLOOR_OPTIONS: dict[str, list[str]] = dict(
    zip(("causes", "fixes"), (list(d.options or ()) for d in SENSORS), strict=True)
)


class _FloorFlow(ConfigFlow, domain=FLOOR):
    """Lets the stand-in's config entry be set up (defining it registers it)."""

    VERSION = 1


def mock_floor(hass: HomeAssistant) -> MockConfigEntry:
    """Register ``bench_floor`` for the registry's cameras; return its (unadded) entry."""

    async def setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
        await hass.config_entries.async_forward_entry_setups(entry, list(KEYS))
        return True

    mock_integration(hass, MockModule(FLOOR, async_setup_entry=setup_entry))
    mock_platform(hass, f"{FLOOR}.config_flow")
    for platform in KEYS:

        async def platform_setup(
            hass: HomeAssistant,
            entry: ConfigEntry,
            add: AddEntitiesCallback,
            platform: str = platform,
        ) -> None:
            add(build(hass, entry, platform))

        mock_platform(
            hass, f"{FLOOR}.{platform}", MockPlatform(async_setup_entry=platform_setup)
        )
    return MockConfigEntry(domain=FLOOR, title="Floor", data=FLOOR_OPTIONS)
