"""Entity shapes as the real integrations publish them, for the profile tests."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from custom_components.camera_doctor.profiles import CameraSources, SourceState


def entity(
    entity_id: str,
    state: str | None,
    /,
    *,
    key: str | None = None,
    device_class: str | None = None,
    unit: str | None = None,
    platform: str | None = None,
    **attributes: Any,
) -> SourceState:
    """Return a source state; the domain comes from the entity id."""
    return SourceState(
        entity_id=entity_id,
        domain=entity_id.partition(".")[0],
        state=state,
        attributes=MappingProxyType(attributes),
        device_class=device_class,
        unit=unit,
        key=key,
        platform=platform,
    )


# --- Blink (core blink, blinkpy 0.23) ----------------------------------------

BLINK_CAMERA_ATTRIBUTES: dict[str, Any] = {
    "name": "Front Door",
    "camera_id": "123456",
    "serial": "G8T1-0000-1111",
    "temperature": 68,
    "temperature_c": 20.0,
    "temperature_calibrated": 66,
    "battery": "ok",
    "battery_level": None,
    "battery_voltage": 163,
    "thumbnail": "https://rest-u034.immedia-semi.com/api/v3/media/thumb.jpg?ts=1714557600",
    "video": None,
    "recent_clips": [],
    "motion_enabled": True,
    "motion_detected": False,
    "wifi_strength": -58,
    "sync_signal_strength": 4,
    "network_id": 4321,
    "sync_module": "Home",
    "last_record": "2024-05-01T10:00:00+00:00",
    "type": "catalina",
    "version": "10.81",
    "attribution": "Data provided by immedia-semi.com",
    "friendly_name": "Front Door",
}


def blink_camera(state: str | None = "idle", **changes: Any) -> SourceState:
    """Return a Blink camera entity; ``changes`` override its attributes."""
    attributes = {**BLINK_CAMERA_ATTRIBUTES, **changes}
    return entity(
        "camera.front_door",
        state,
        key="camera",
        platform="blink",
        **{key: value for key, value in attributes.items() if value is not ...},
    )


def blink_siblings(
    *,
    temperature: str = "18.9",
    unit: str = "°C",
    wifi: str = "-58",
    battery: str = "off",
) -> tuple[SourceState, ...]:
    """Return the sensors and binary sensor Blink puts on a camera's device."""
    return (
        entity(
            "sensor.front_door_temperature",
            temperature,
            key="temperature",
            device_class="temperature",
            unit=unit,
            platform="blink",
        ),
        entity(
            "sensor.front_door_signal_strength",
            wifi,
            key="wifi_strength",
            device_class="signal_strength",
            unit="dBm",
            platform="blink",
        ),
        entity(
            "binary_sensor.front_door_battery",
            battery,
            key="battery",
            device_class="battery",
            platform="blink",
        ),
        entity(
            "binary_sensor.front_door_motion",
            "off",
            key="motion_detected",
            device_class="motion",
        ),
    )


def sync_module(
    state: str | None = "disarmed",
    *,
    name: str = "Home",
    network_id: int = 4321,
    status: str = "online",
    cameras: tuple[str, ...] = ("Front Door", "Backyard"),
) -> SourceState:
    """Return a Blink sync module's alarm control panel."""
    if state == "unavailable":
        return entity(
            f"alarm_control_panel.blink_{name.lower()}",
            state,
            platform="blink",
            friendly_name=f"blink {name}",
        )
    return entity(
        f"alarm_control_panel.blink_{name.lower()}",
        state,
        platform="blink",
        name=name,
        id=9999,
        network_id=network_id,
        serial="A0000000",
        status=status,
        sync_id=9999,
        local_storage=False,
        associated_cameras=list(cameras),
        network_info={str(network_id): {"name": name, "armed": False}},
        attribution="Data provided by immedia-semi.com",
        friendly_name=f"blink {name}",
    )


def blink(
    camera: SourceState | None = None,
    siblings: tuple[SourceState, ...] | None = None,
    hubs: tuple[SourceState, ...] = (),
) -> CameraSources:
    """Return a Blink camera's sources (defaults: healthy, on a metric install)."""
    return CameraSources(
        camera=camera or blink_camera(),
        siblings=blink_siblings() if siblings is None else siblings,
        hubs=hubs,
        manufacturer="Blink",
        model="catalina",
    )
