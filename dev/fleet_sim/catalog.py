"""The standard development fleet, and a big one for the start-up benchmark."""

from __future__ import annotations

from typing import Any

from .const import BLINK_BRAND, RING_BRAND
from .model import (
    BLINK_FAULTS,
    BLINK_MINI_FAULTS,
    RING_FAULTS,
    WIRED_FAULTS,
    Fleet,
    SimCamera,
    SimSyncModule,
)

# The standard fleet's Blink outdoor cameras (battery powered, batteries full).
OUTDOOR_FIELDS = (
    "name", "serial", "camera_id",
    "base_temperature_c", "base_signal_dbm", "base_signal_bars",
)  # fmt: skip
OUTDOOR_CAMERAS = (
    ("Front Door", "G8W1-0001-FRNT", 111, 12.0, -52, 5),
    ("Back Yard", "G8W1-0002-BACK", 112, 9.0, -64, 4),
)


def blink_camera(sync: SimSyncModule, **fields: Any) -> SimCamera:
    """A Blink camera on ``sync``: an outdoor one unless ``fields`` say otherwise."""
    blink: dict[str, Any] = {
        "kind": "blink",
        "manufacturer": BLINK_BRAND,
        "sync": sync,
        "supported_faults": BLINK_FAULTS,
        "model": "outdoor",
        "product_type": "catalina",
        "version": "10.61",
    }
    camera = SimCamera(**(blink | fields))
    sync.camera_names.append(camera.name)
    return camera


def default_fleet() -> Fleet:
    """Build the standard development fleet."""
    home = SimSyncModule(
        name="Home",
        serial="G8T1-0000-0001",
        sync_id=401,
        network_id=2201,
        version="4.4.8",
    )
    cameras = [
        blink_camera(
            home, battery_percent=100, **dict(zip(OUTDOOR_FIELDS, row, strict=True))
        )
        for row in OUTDOOR_CAMERAS
    ]
    # A Blink Mini: wired, no battery and no Wi-Fi reading.
    cameras.append(
        blink_camera(
            home,
            supported_faults=BLINK_MINI_FAULTS,
            serial="G8M1-0003-LIVG",
            name="Living Room",
            model="mini",
            product_type="owl",
            camera_id=113,
            version="2.18.37",
            base_temperature_c=21.0,
            base_signal_dbm=None,
        )
    )
    # A Ring battery doorbell: its Wi-Fi sensors are created disabled.
    cameras.append(
        SimCamera(
            kind="ring",
            supported_faults=RING_FAULTS,
            serial="5c475e0a0005",  # Ring's device id is the doorbell's MAC
            name="Porch Doorbell",
            manufacturer=RING_BRAND,
            model="Doorbell 4",
            version="cam-1.21.1",
            base_temperature_c=14.0,  # Ring reports none; the snapshot shows it
            base_signal_dbm=-61,
            battery_percent=76,
        )
    )
    cameras.append(
        SimCamera(
            kind="generic",
            serial="ACME-GC-0004",
            name="Garage Cam",
            manufacturer="Acme",
            model="BatteryCam 2",
            version="1.4.2",
            base_temperature_c=16.0,
            base_signal_dbm=-58,
            battery_percent=87,
        )
    )
    # A wired Reolink on a network cable (PoE): no battery, no Wi-Fi reading.
    cameras.append(
        SimCamera(
            kind="wired",
            supported_faults=WIRED_FAULTS,
            serial="RLN-810A-0005",
            name="Driveway",
            manufacturer="Reolink",
            model="RLC-810A",
            version="v3.1.0.2368",
            base_temperature_c=18.0,
            base_signal_dbm=None,
        )
    )
    return Fleet(cameras, [home])


def blink_fleet(cameras: int, *, battery_levels: bool = False) -> Fleet:
    """``cameras`` healthy Blink outdoor cameras, ten to a sync module.

    For measuring a big installation (the start-up benchmark): every camera
    looks like the standard fleet's Front Door, with its own serial and ids.
    ``battery_levels``: generic battery cameras instead, like the Garage Cam,
    whose batteries report a level (what the forecast reads).
    """
    if battery_levels:
        return Fleet(
            [
                SimCamera(
                    kind="generic",
                    serial=f"ACME-GC-{index + 1:04d}-BNCH",
                    name=f"Camera {index + 1}",
                    manufacturer="Acme",
                    model="BatteryCam 2",
                    version="1.4.2",
                    base_temperature_c=12.0 + index % 7,
                    base_signal_dbm=-50 - index % 15,
                    battery_percent=90,
                )
                for index in range(cameras)
            ],
            [],
        )
    syncs = [
        SimSyncModule(
            name=f"Sync {number}",
            serial=f"G8T1-{number:04d}-SYNC",
            sync_id=1000 + number,
            network_id=5000 + number,
            version="4.4.8",
        )
        for number in range(1, (cameras + 9) // 10 + 1)
    ]
    fleet = [
        blink_camera(
            syncs[index // 10],
            serial=f"G8W1-{index + 1:04d}-BNCH",
            name=f"Camera {index + 1}",
            camera_id=10000 + index,
            base_temperature_c=12.0 + index % 7,
            base_signal_dbm=-50 - index % 15,
            base_signal_bars=4,
            battery_percent=90,
        )
        for index in range(cameras)
    ]
    return Fleet(fleet, syncs)
