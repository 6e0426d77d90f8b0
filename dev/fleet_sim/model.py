"""The simulated fleet: plain data, no Home Assistant imports.

Each camera keeps its healthy ("base") readings and a set of active faults.
What Home Assistant shows is computed from both, so healing a fault is just
removing it from the set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from .const import COLD_C, HOT_C, LOW_BATTERY_PERCENT, WEAK_BARS, WEAK_DBM, Fault

if TYPE_CHECKING:
    from collections.abc import Callable
    import random

BLINK_BASE_URL = "https://rest-u034.immedia-semi.com"
ACCOUNT_ID = 101234

# Faults each kind of device can show, like the real integration would.
BLINK_FAULTS = frozenset(
    {
        Fault.BATTERY_LOW,
        Fault.OFFLINE,
        Fault.WEAK_SIGNAL,
        Fault.HOT,
        Fault.COLD,
        Fault.SYNC_MODULE_OFFLINE,
        Fault.STALE,
        Fault.CLOUD_OUTAGE,
    }
)
BLINK_MINI_FAULTS = BLINK_FAULTS - {Fault.BATTERY_LOW, Fault.WEAK_SIGNAL}
# Ring shows a battery and (disabled) Wi-Fi sensors: no temperature, no update.
RING_FAULTS = frozenset(
    {Fault.BATTERY_LOW, Fault.OFFLINE, Fault.WEAK_SIGNAL, Fault.CLOUD_OUTAGE}
)
GENERIC_FAULTS = frozenset(Fault) - {Fault.SYNC_MODULE_OFFLINE}
# A wired camera on a network cable (PoE): no battery, no Wi-Fi reading.
WIRED_FAULTS = GENERIC_FAULTS - {Fault.BATTERY_LOW, Fault.WEAK_SIGNAL}
SYNC_FAULTS = frozenset({Fault.SYNC_MODULE_OFFLINE, Fault.CLOUD_OUTAGE})


class UnsupportedFaultError(Exception):
    """The device cannot show this fault."""


def _bump(version: str) -> str:
    """Return the next minor version: 1.4.2 -> 1.5.0."""
    parts = [int(part) for part in version.split(".")]
    return f"{parts[0]}.{parts[1] + 1}.0"


@dataclass(kw_only=True)
class SimSyncModule:
    """A Blink sync module."""

    name: str
    serial: str
    sync_id: int
    network_id: int
    version: str
    armed: bool = False
    local_storage: bool = True
    camera_names: list[str] = field(default_factory=list)
    faults: set[Fault] = field(default_factory=set)
    supported_faults: frozenset[Fault] = SYNC_FAULTS

    @property
    def online(self) -> bool:
        """Return True when the sync module is online."""
        return Fault.SYNC_MODULE_OFFLINE not in self.faults

    @property
    def attributes(self) -> dict[str, Any]:
        """Return the attributes as blink's alarm panel shows them."""
        return {
            "name": self.name,
            "id": self.sync_id,
            "network_id": self.network_id,
            "serial": self.serial,
            "status": "online" if self.online else "offline",
            "sync_id": self.sync_id,
            "local_storage": self.local_storage,
            "network_info": {
                str(self.network_id): {"name": self.name, "armed": self.armed}
            },
            "associated_cameras": list(self.camera_names),
            "attribution": "Data provided by immedia-semi.com",
        }


@dataclass(kw_only=True)
class SimCamera:
    """A simulated camera: Blink, Ring, a generic battery camera, or wired.

    A wired camera is on a network cable (PoE): no battery, no Wi-Fi reading.
    """

    kind: Literal["blink", "ring", "generic", "wired"]
    serial: str
    name: str
    manufacturer: str
    model: str
    version: str
    base_temperature_c: float
    base_signal_dbm: int | None
    base_signal_bars: int | None = None
    battery_percent: float | None = None
    camera_id: int = 0
    product_type: str | None = None
    sync: SimSyncModule | None = None
    motion_enabled: bool = True
    installing: bool = False
    install_percentage: int | None = None
    supported_faults: frozenset[Fault] = GENERIC_FAULTS
    faults: set[Fault] = field(default_factory=set)
    temperature_now: float = field(init=False)
    signal_now: int | None = field(init=False)

    def __post_init__(self) -> None:
        """Start the drifting readings at the base values."""
        self.temperature_now = self.base_temperature_c
        self.signal_now = self.base_signal_dbm

    # Effective readings -------------------------------------------------

    @property
    def available(self) -> bool:
        """Return False while the camera is offline."""
        return Fault.OFFLINE not in self.faults

    @property
    def temperature_c(self) -> float:
        """Return the temperature in °C."""
        if Fault.HOT in self.faults:
            return HOT_C
        if Fault.COLD in self.faults:
            return COLD_C
        return round(self.temperature_now, 1)

    @property
    def temperature_f(self) -> int:
        """Return the temperature in whole °F, as Blink reports it."""
        return round(self.temperature_c * 9 / 5 + 32)

    @property
    def signal_dbm(self) -> int | None:
        """Return the Wi-Fi signal in dBm (None when not reported)."""
        if self.signal_now is None:
            return None
        return WEAK_DBM if Fault.WEAK_SIGNAL in self.faults else self.signal_now

    @property
    def signal_bars(self) -> int | None:
        """Return the sync module signal in bars 0-5 (None when not reported)."""
        if self.base_signal_bars is None:
            return None
        return WEAK_BARS if Fault.WEAK_SIGNAL in self.faults else self.base_signal_bars

    @property
    def signal_category(self) -> str:
        """Return Ring's word for the Wi-Fi signal."""
        return "poor" if Fault.WEAK_SIGNAL in self.faults else "good"

    @property
    def battery_low(self) -> bool:
        """Return True when the battery is low."""
        return Fault.BATTERY_LOW in self.faults

    @property
    def battery(self) -> float | None:
        """Return the battery level in % (None without a battery)."""
        if self.battery_percent is None:
            return None
        return LOW_BATTERY_PERCENT if self.battery_low else self.battery_percent

    @property
    def latest_version(self) -> str:
        """Return the newest firmware the maker offers."""
        if self.faults & {Fault.UPDATE_AVAILABLE, Fault.UPDATING}:
            return _bump(self.version)
        return self.version

    @property
    def in_progress(self) -> bool:
        """Return True while firmware is being installed."""
        return self.installing or Fault.UPDATING in self.faults

    @property
    def power_fault(self) -> bool:
        """Return True when the power supply / charging reports a problem."""
        return Fault.POWER_FAULT in self.faults

    @property
    def blink_attributes(self) -> dict[str, Any]:
        """Return the camera attributes exactly as blinkpy gives them."""
        sync = self.sync
        network_id = sync.network_id if sync else None
        has_battery = self.battery_percent is not None
        media = f"{BLINK_BASE_URL}/api/v3/media/accounts/{ACCOUNT_ID}/networks"
        clip = f"{BLINK_BASE_URL}/api/v2/accounts/{ACCOUNT_ID}/media/clip"
        return {
            "name": self.name,
            "camera_id": str(self.camera_id),
            "serial": self.serial,
            "version": self.version,
            "temperature": self.temperature_f,
            "temperature_c": round((self.temperature_f - 32) / 9.0 * 5.0, 1),
            "temperature_calibrated": self.temperature_f,
            "battery": ("low" if self.battery_low else "ok") if has_battery else None,
            "battery_level": (1 if self.battery_low else 3) if has_battery else None,
            "battery_voltage": (118 if self.battery_low else 163)
            if has_battery
            else None,
            "thumbnail": (
                f"{media}/{network_id}/{self.product_type}/{self.camera_id}"
                "/thumbnail/thumbnail.jpg?ts=1732435200&ext="
            ),
            "video": f"{clip}/{self.camera_id}_20251124.mp4",
            "recent_clips": [],
            "motion_enabled": self.motion_enabled,
            "motion_detected": False,
            "wifi_strength": self.signal_dbm,
            "network_id": str(network_id),
            "sync_module": sync.name if sync else None,
            "sync_signal_strength": self.signal_bars,
            "last_record": "2025-11-24T07:41:12+00:00",
            "type": self.product_type,
        }

    def drift(self, rng: random.Random) -> bool:
        """Move the readings a little; return True if anything moved."""
        if not self.available or Fault.STALE in self.faults:
            return False
        low, high = self.base_temperature_c - 3, self.base_temperature_c + 3
        step = rng.uniform(-0.4, 0.4)
        self.temperature_now = round(
            min(high, max(low, self.temperature_now + step)), 1
        )
        if self.signal_now is not None and self.base_signal_dbm is not None:
            base = self.base_signal_dbm
            moved = self.signal_now + rng.choice((-1, 0, 1))
            self.signal_now = min(base + 3, max(base - 3, moved))
        return True


class Fleet:
    """All simulated devices plus change listeners."""

    def __init__(self, cameras: list[SimCamera], syncs: list[SimSyncModule]) -> None:
        """Initialise the fleet."""
        self.cameras = {camera.serial: camera for camera in cameras}
        self.syncs = {sync.serial: sync for sync in syncs}
        self.cloud_down = False
        self._listeners: list[Callable[[], None]] = []

    def add_listener(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call listener on every change; return a function that removes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def notify(self) -> None:
        """Tell every listener that something changed."""
        for listener in list(self._listeners):
            listener()

    def _device(self, serial: str) -> SimCamera | SimSyncModule:
        if serial in self.cameras:
            return self.cameras[serial]
        return self.syncs[serial]

    def name_of(self, serial: str) -> str:
        """Return the name of a camera or sync module."""
        return self._device(serial).name

    def inject(self, serial: str, fault: Fault) -> None:
        """Inject a fault into a camera (or sync module)."""
        device = self._device(serial)
        if fault not in device.supported_faults:
            raise UnsupportedFaultError(fault)
        if fault is Fault.CLOUD_OUTAGE:
            self.cloud_down = True
            return
        if isinstance(device, SimCamera) and fault is Fault.SYNC_MODULE_OFFLINE:
            if device.sync is None:
                raise UnsupportedFaultError(fault)
            device.sync.faults.add(fault)
            return
        if fault is Fault.HOT:
            device.faults.discard(Fault.COLD)
        if fault is Fault.COLD:
            device.faults.discard(Fault.HOT)
        device.faults.add(fault)

    def heal(self, serial: str, fault: Fault | None = None) -> None:
        """Heal one fault, or every fault, of a camera (or sync module)."""
        device = self._device(serial)
        if fault in (None, Fault.CLOUD_OUTAGE):
            self.cloud_down = False
        if isinstance(device, SimCamera) and device.sync is not None:
            if fault in (None, Fault.SYNC_MODULE_OFFLINE):
                device.sync.faults.clear()
        if fault is None:
            device.faults.clear()
        else:
            device.faults.discard(fault)

    def drift(self, rng: random.Random) -> bool:
        """Drift every live camera's readings; return True if any moved.

        Nothing moves while the cloud is down: nothing reaches Home Assistant.
        """
        if self.cloud_down:
            return False
        # Every camera drifts (a list, not any(): that would stop at the first).
        moved = [camera.drift(rng) for camera in self.cameras.values()]
        return any(moved)
