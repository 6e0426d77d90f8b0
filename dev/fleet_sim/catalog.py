"""The standard development fleet."""

from __future__ import annotations

from typing import Any

from .const import BLINK_BRAND
from .model import BLINK_FAULTS, BLINK_MINI_FAULTS, Fleet, SimCamera, SimSyncModule


def default_fleet() -> Fleet:
    """Build the standard development fleet."""
    home = SimSyncModule(
        name="Home",
        serial="G8T1-0000-0001",
        sync_id=401,
        network_id=2201,
        version="4.4.8",
    )
    blink: dict[str, Any] = {
        "kind": "blink",
        "manufacturer": BLINK_BRAND,
        "sync": home,
        "supported_faults": BLINK_FAULTS,
    }
    cameras = [
        SimCamera(
            **blink,
            serial="G8W1-0001-FRNT",
            name="Front Door",
            model="outdoor",
            product_type="catalina",
            camera_id=111,
            version="10.61",
            base_temperature_c=12.0,
            base_signal_dbm=-52,
            base_signal_bars=5,
            battery_percent=100,
        ),
        SimCamera(
            **blink,
            serial="G8W1-0002-BACK",
            name="Back Yard",
            model="outdoor",
            product_type="catalina",
            camera_id=112,
            version="10.61",
            base_temperature_c=9.0,
            base_signal_dbm=-64,
            base_signal_bars=4,
            battery_percent=100,
        ),
        SimCamera(
            **(blink | {"supported_faults": BLINK_MINI_FAULTS}),
            serial="G8M1-0003-LIVG",
            name="Living Room",
            model="mini",
            product_type="owl",
            camera_id=113,
            version="2.18.37",
            base_temperature_c=21.0,
            base_signal_dbm=None,
        ),
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
        ),
    ]
    home.camera_names = [cam.name for cam in cameras if cam.sync is home]
    return Fleet(cameras, [home])


def blink_fleet(cameras: int) -> Fleet:
    """``cameras`` healthy Blink outdoor cameras, ten to a sync module.

    For measuring a big installation (the start-up benchmark): every camera
    looks like the standard fleet's Front Door, with its own serial and ids.
    """
    syncs: list[SimSyncModule] = []
    fleet: list[SimCamera] = []
    for index in range(cameras):
        if index % 10 == 0:
            number = index // 10 + 1
            syncs.append(
                SimSyncModule(
                    name=f"Sync {number}",
                    serial=f"G8T1-{number:04d}-SYNC",
                    sync_id=1000 + number,
                    network_id=5000 + number,
                    version="4.4.8",
                )
            )
        sync = syncs[-1]
        camera = SimCamera(
            kind="blink",
            manufacturer=BLINK_BRAND,
            sync=sync,
            supported_faults=BLINK_FAULTS,
            serial=f"G8W1-{index + 1:04d}-BNCH",
            name=f"Camera {index + 1}",
            model="outdoor",
            product_type="catalina",
            camera_id=10000 + index,
            version="10.61",
            base_temperature_c=12.0 + index % 7,
            base_signal_dbm=-50 - index % 15,
            base_signal_bars=4,
            battery_percent=90,
        )
        sync.camera_names.append(camera.name)
        fleet.append(camera)
    return Fleet(fleet, syncs)
