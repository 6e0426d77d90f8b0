"""Simulated cameras: Blink ones look exactly like `blink`'s camera entity."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from homeassistant.components.camera import Camera
from homeassistant.helpers.entity import EntityDescription

from .entity import DeviceEntity, camera_platform

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .model import Fleet, SimCamera

PARALLEL_UPDATES = 0

# The camera entity is the device's main entity: it has the device's name.
CAMERA = EntityDescription(key="camera", name=None)

SNAPSHOT = """<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360">
<rect width="640" height="360" fill="{background}"/>
<text x="320" y="170" font-size="40" text-anchor="middle" fill="#fff">{name}</text>
<text x="320" y="220" font-size="22" text-anchor="middle" fill="#fff">{status}</text>
</svg>"""


class SimCameraEntity(DeviceEntity, Camera):
    """A simulated camera."""

    content_type = "image/svg+xml"

    def __init__(
        self, fleet: Fleet, camera: SimCamera, description: EntityDescription
    ) -> None:
        """Initialise the camera."""
        Camera.__init__(self)
        super().__init__(fleet, camera, description)
        self._attr_brand = camera.manufacturer

    @property
    def extra_state_attributes(self) -> Mapping[str, Any] | None:
        """Return blinkpy's camera attributes (Blink) or none (generic)."""
        if self.camera.kind == "blink":
            return self.camera.blink_attributes
        return None

    @property
    def motion_detection_enabled(self) -> bool:
        """Return True when motion detection is on."""
        return self.camera.motion_enabled

    async def async_enable_motion_detection(self) -> None:
        """Enable motion detection."""
        self.camera.motion_enabled = True
        self.fleet.notify()

    async def async_disable_motion_detection(self) -> None:
        """Disable motion detection."""
        self.camera.motion_enabled = False
        self.fleet.notify()

    async def async_camera_image(
        self, width: int | None = None, height: int | None = None
    ) -> bytes | None:
        """Return a placeholder picture showing the active faults."""
        faults = ", ".join(sorted(self.camera.faults)) or "healthy"
        return SNAPSHOT.format(
            background="#7a1f1f" if self.camera.faults else "#1f4f7a",
            name=escape(self.camera.name),
            status=escape(f"{self.camera.temperature_c} °C · {faults}"),
        ).encode()


# Every camera, whatever its kind, has its camera entity.
async_setup_entry = camera_platform(
    SimCameraEntity,
    dict.fromkeys(("blink", "ring", "generic", "wired"), (CAMERA,)),
)
