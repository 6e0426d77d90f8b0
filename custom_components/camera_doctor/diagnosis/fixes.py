"""What the owner should do about each cause.

``FIX_KEYS`` (defined in ``model`` next to ``Cause``) gives the stable key of
the recommended fix, the state of the ``recommended_fix`` sensor and the
``fix`` field of events. ``FIX_STEPS`` lists the steps in the order to try
them, in plain English, for the ``camera_doctor.diagnose`` action response
(the user interface itself uses the translated strings of the fix keys).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from .model import FIX_KEYS, Cause

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["FIX_KEYS", "FIX_STEPS"]

FIX_STEPS: Final[Mapping[Cause, tuple[str, ...]]] = MappingProxyType(
    {
        Cause.LOW_BATTERY: (
            "Replace all the batteries at once with new, high-quality lithium AA (1.5 V) cells.",
            "Never mix old and new cells, or cells of different brands.",
            "Blink cameras: never use rechargeable or alkaline batteries; they report a wrong level and die early.",
            "Expect shorter battery life in cold weather or with many motion events; lower the sensitivity or clip length if it drains fast.",
        ),
        Cause.NO_CONNECTION: (
            "Check that the Wi-Fi network is up: another device near the camera should reach the internet.",
            "Power-cycle the router (unplug it for 30 seconds), then wait a few minutes for the camera to reconnect.",
            "If the Wi-Fi name or password changed, re-add the camera to its app with the new credentials.",
            "Check the camera's batteries or power: a dead camera looks offline too.",
        ),
        Cause.SYNC_MODULE_OFFLINE: (
            "Check that the sync module is plugged in and its power adapter works.",
            "A solid red light on the sync module means it cannot reach the network: check its connection to the router.",
            "Power-cycle the router and then the sync module.",
            "Keep the sync module within range of the router and of its cameras.",
        ),
        Cause.WEAK_SIGNAL: (
            "Move the camera closer to the router or sync module, or move them closer to the camera.",
            "Remove obstacles between them: metal, brick, concrete, mirrors and large appliances block Wi-Fi.",
            "Add a Wi-Fi extender or mesh node halfway between the router and the camera.",
            "Prefer the 2.4 GHz band for distant cameras; it reaches further.",
        ),
        Cause.FIRMWARE_UPDATING: (
            "Wait: the camera is installing a firmware update.",
            "Do not unplug the camera or remove its batteries while it updates.",
            "The light stops flashing when the update finishes, usually within a few minutes.",
        ),
        Cause.FIRMWARE_OUTDATED: (
            "Install the available firmware update (the repair can do it for you).",
            "Keep the camera powered and connected until the update finishes.",
        ),
        Cause.OVERHEATING: (
            "Move the camera out of direct sun to a shaded, ventilated spot.",
            "Or fit a sun shield or protective housing.",
            "Let it cool down before use; heat also shortens battery life.",
        ),
        Cause.TOO_COLD: (
            "Shelter the camera from the cold, for example under eaves or in a protective housing.",
            "Expect shorter battery life and slower responses while it is this cold; lithium cells cope best.",
        ),
        Cause.POWER_SUPPLY: (
            "Use the supplied power adapter and cable, or a compatible one with the right voltage and current.",
            "Check that the cable is firmly plugged in at both ends and is not damaged.",
            "Try another wall socket, without an extension or a switched outlet.",
        ),
        Cause.UNEXPLAINED: (
            "Power-cycle the camera: remove its batteries or power for 30 seconds.",
            "If it still flashes red, factory-reset the camera and add it again in its app.",
            "If that does not help, contact the maker's support with the camera's model and serial number.",
        ),
        Cause.NONE: (),
    }
)
