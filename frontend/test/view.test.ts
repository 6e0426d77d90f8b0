// The view logic: which rows, words and order a given state gives. The words
// come from the integration's real English translation, so a key the card
// uses and the translation lacks fails here.

import { describe, expect, it } from "vitest";

import type { CameraSnapshot, Localize, Snapshot } from "../src/types";
import { cardView, firstStep, sparkline, statusOf, type ViewContext } from "../src/view";
import english from "../../custom_components/camera_doctor/translations/en.json";

const STRINGS: Record<string, unknown> = english;

/** Home Assistant's localize over en.json: "" for a missing key, as the frontend does. */
const localize: Localize = (key, values = {}) => {
  const path = key.replace(/^component\.camera_doctor\./, "").split(".");
  let found: unknown = STRINGS;
  for (const part of path) {
    found = (found as Record<string, unknown> | undefined)?.[part];
  }
  if (typeof found !== "string") {
    return "";
  }
  return found.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
};

const NAMES: Record<string, string> = {
  "camera.front_door": "Front Door",
  "camera.back_yard": "Back Yard",
  "camera.living_room": "Living Room",
  "camera.garage": "Garage",
  "camera.porch": "Porch",
  "camera.excluded": "Shed",
  "camera.disabled": "Attic",
  "sensor.battery": "A battery",
};

function context(isAdmin = true): ViewContext {
  return { localize, isAdmin, name: (id) => NAMES[id], language: "en" };
}

function camera(entityId: string, extra: Partial<CameraSnapshot> = {}): CameraSnapshot {
  return {
    entity_id: entityId,
    device_id: `device_${entityId}`,
    cause_entity_id: `sensor.${entityId.slice(7)}_red_flash_cause`,
    cause: "none",
    causes: [],
    pending: [],
    fix: "none",
    steps: null,
    battery: null,
    forecast: null,
    history: [],
    group: null,
    notice: null,
    ...extra,
  };
}

const LOW_BATTERY: Partial<CameraSnapshot> = {
  cause: "low_battery",
  causes: ["low_battery"],
  fix: "replace_batteries",
  steps: "fix_variant.replace_batteries_aa_lithium",
  battery: { percent: 5, low: null },
  notice: {
    issue_id: "low_battery_abc",
    translation_key: "low_battery",
    placeholders: { camera: "Front Door" },
    fixable: true,
  },
};

function snapshot(...cameras: CameraSnapshot[]): Snapshot {
  return { loaded: true, cameras, excluded: ["camera.excluded"] };
}

describe("status", () => {
  it("is like the camera's light", () => {
    expect(statusOf(camera("camera.a"))).toBe("fine");
    expect(statusOf(camera("camera.a", LOW_BATTERY))).toBe("red_flash");
    expect(statusOf(camera("camera.a", { pending: ["weak_signal"] }))).toBe("checking");
    expect(
      statusOf(camera("camera.a", { cause: "integration_offline", causes: ["integration_offline"] })),
    ).toBe("unknown");
    expect(statusOf(camera("camera.a", { cause: null }))).toBe("unknown");
    // An available update is advice: the light does not flash red.
    expect(
      statusOf(camera("camera.a", { cause: "firmware_outdated", causes: ["firmware_outdated"] })),
    ).toBe("fine");
  });
});

describe("card view", () => {
  it("puts problems first and says how many need attention", () => {
    const view = cardView(
      snapshot(
        camera("camera.garage"),
        camera("camera.back_yard", { pending: ["weak_signal"] }),
        camera("camera.front_door", LOW_BATTERY),
        camera("camera.living_room", {
          cause: "firmware_outdated",
          causes: ["firmware_outdated"],
          fix: "install_update",
          steps: "fix.install_update",
        }),
      ),
      { type: "custom:camera-doctor-card" },
      context(),
    );
    expect(view.headline).toBe("2 of 4 cameras need attention");
    const rows = view.sections.flatMap((section) => section.rows);
    expect(rows.map((row) => [row.name, row.statusText, row.causeText])).toEqual([
      ["Front Door", "Flashing red", "Low battery"],
      ["Back Yard", "Checking", "Weak Wi-Fi signal"],
      ["Living Room", "Fine", "Firmware update available"],
      ["Garage", "Fine", ""],
    ]);
    const front = rows[0];
    expect(front?.stepText).toBe("Open the camera and take out both batteries.");
    expect(front?.batteryText).toBe("Battery 5%");
    expect(front?.tap).toEqual({ kind: "notice", notice: LOW_BATTERY.notice });
    expect(front?.label).toBe("Front Door: Flashing red, Low battery. Opens its notice");
    expect(front?.checkLabel).toBe("Check Front Door again");
    // A problem still waiting out the grace period: no fix yet.
    expect(rows[1]?.stepText).toBe("");
  });

  it("says all are fine, and one needing attention in the singular", () => {
    const fine = cardView(snapshot(camera("camera.garage"), camera("camera.porch")), { type: "" }, context());
    expect(fine.headline).toBe("All 2 cameras are fine");
    const one = cardView(
      snapshot(camera("camera.garage"), camera("camera.front_door", LOW_BATTERY)),
      { type: "" },
      context(),
    );
    expect(one.headline).toBe("1 of 2 cameras needs attention");
    expect(cardView(snapshot(), { type: "" }, context()).headline).toBe(
      "Camera Doctor watches no camera yet",
    );
  });

  it("hides the healthy cameras when asked, still counting them", () => {
    const view = cardView(
      snapshot(camera("camera.garage"), camera("camera.front_door", LOW_BATTERY)),
      { type: "", show_healthy: false },
      context(),
    );
    expect(view.headline).toBe("1 of 2 cameras needs attention");
    expect(view.sections.flatMap((s) => s.rows).map((row) => row.name)).toEqual(["Front Door"]);
  });

  it("shows a sync module that is down once, above its cameras", () => {
    const group = {
      kind: "sync_module_offline" as const,
      id: "alarm_control_panel.blink_home",
      name: "Blink Home",
      issue_id: "sync_module_offline_xyz",
    };
    const shared: Partial<CameraSnapshot> = {
      cause: "sync_module_offline",
      causes: ["sync_module_offline"],
      fix: "check_sync_module",
      steps: "fix.check_sync_module",
      group,
      notice: {
        issue_id: "sync_module_offline_xyz",
        translation_key: "sync_module_offline",
        placeholders: { hub: "Blink Home", cameras: "Back Yard, Front Door" },
        fixable: false,
      },
    };
    const view = cardView(
      snapshot(
        camera("camera.garage"),
        camera("camera.front_door", shared),
        camera("camera.back_yard", shared),
      ),
      { type: "" },
      context(),
    );
    expect(view.sections).toHaveLength(2);
    const [hub, garage] = view.sections;
    expect(hub?.header?.text).toBe("Sync module Blink Home is offline");
    expect(hub?.header?.stepText).toBe(
      "Check that the sync module is plugged in and its lights are on.",
    );
    expect(hub?.header?.tap).toEqual({ kind: "notice", notice: shared.notice });
    expect(hub?.rows.map((row) => [row.name, row.causeText, row.stepText])).toEqual([
      ["Back Yard", "Sync module offline", ""],
      ["Front Door", "Sync module offline", ""],
    ]);
    expect(garage?.header).toBeNull();
    // Not an administrator: the header opens nothing.
    expect(cardView(snapshot(camera("camera.front_door", shared)), { type: "" }, context(false)).sections[0]?.header?.tap).toBeNull();
  });

  it("shows an integration that is down as unknown, under the integration", () => {
    const view = cardView(
      snapshot(
        camera("camera.front_door", {
          cause: "integration_offline",
          causes: ["integration_offline"],
          fix: "check_integration",
          steps: "fix.check_integration",
          group: { kind: "integration_offline", id: "entry1", name: "Blink", issue_id: null },
        }),
      ),
      { type: "" },
      context(),
    );
    expect(view.headline).toBe("1 of 1 cameras needs attention");
    expect(view.sections[0]?.header?.text).toBe("Blink cannot reach your cameras");
    expect(view.sections[0]?.rows[0]?.statusText).toBe("Unknown");
  });

  it("opens the device page or, for other users, the cause sensor", () => {
    const admin = cardView(snapshot(camera("camera.garage")), { type: "" }, context(true));
    expect(admin.sections[0]?.rows[0]?.tap).toEqual({
      kind: "device",
      deviceId: "device_camera.garage",
    });
    const user = cardView(snapshot(camera("camera.front_door", LOW_BATTERY)), { type: "" }, context(false));
    expect(user.sections[0]?.rows[0]?.tap).toEqual({
      kind: "more-info",
      entityId: "sensor.front_door_red_flash_cause",
    });
    expect(user.sections[0]?.rows[0]?.label).toBe(
      "Front Door: Flashing red, Low battery. Opens its details",
    );
  });

  it("says in words what it cannot show", () => {
    const view = cardView(
      snapshot(camera("camera.garage"), camera("camera.porch")),
      {
        type: "",
        cameras: [
          "camera.garage",
          "camera.excluded",
          "camera.gone",
          "sensor.battery",
          "camera.disabled",
          42,
        ],
      },
      context(),
    );
    expect(view.messages).toEqual([
      "Shed is excluded in Camera Doctor's options.",
      "camera.gone no longer exists.",
      "sensor.battery is not a camera.",
      "Camera Doctor does not watch Attic: it is disabled, or it has no unique ID.",
      "42 is not a camera.",
    ]);
    expect(view.headline).toBe("Your camera is fine");
    expect(view.sections.flatMap((s) => s.rows).map((row) => row.name)).toEqual(["Garage"]);
  });

  it("says when Camera Doctor is not running", () => {
    const view = cardView({ loaded: false, cameras: [], excluded: [] }, { type: "" }, context());
    expect(view.headline).toMatch(/^Camera Doctor is not running/);
    expect(view.sections).toEqual([]);
  });

  it("words the battery: a level, low or OK, and the forecast with its history", () => {
    const at = "2026-12-12T10:00:00+00:00";
    const history: [number, number][] = [
      [1_764_000_000, 80],
      [1_764_086_400, 70],
    ];
    const view = cardView(
      snapshot(
        camera("camera.front_door", {
          battery: { percent: 62.4, low: null },
          forecast: { state: "ok", at },
          history,
        }),
        camera("camera.back_yard", { battery: { percent: null, low: true } }),
        camera("camera.garage", { battery: { percent: null, low: false } }),
        camera("camera.porch", { forecast: { state: "not_enough_data", at: null }, history }),
      ),
      { type: "" },
      context(),
    );
    const rows = Object.fromEntries(
      view.sections.flatMap((s) => s.rows).map((row) => [row.name, row]),
    );
    expect(rows["Front Door"]?.batteryText).toBe("Battery 62%");
    expect(rows["Front Door"]?.forecastText).toBe("Runs low around Sat, Dec 12");
    expect(rows["Front Door"]?.history).toEqual(history);
    expect(rows["Front Door"]?.historyLabel).toMatch(/^Battery level since /);
    expect(rows["Back Yard"]?.batteryText).toBe("Battery low");
    expect(rows.Garage?.batteryText).toBe("Battery OK");
    expect(rows.Porch?.forecastText).toBe("");
  });

  it("never shows a raw key: every word the card uses is translated", () => {
    const view = cardView(
      snapshot(
        camera("camera.front_door", LOW_BATTERY),
        camera("camera.back_yard", { pending: ["no_connection"] }),
      ),
      { type: "", cameras: ["camera.front_door", "camera.back_yard", "light.x"] },
      context(),
    );
    const words = [
      view.headline,
      ...view.messages,
      ...view.sections.flatMap((s) =>
        s.rows.flatMap((r) => [r.statusText, r.causeText, r.label, r.checkLabel]),
      ),
    ];
    for (const word of words) {
      expect(word).not.toMatch(/component\.|_|\{/);
    }
  });
});

describe("helpers", () => {
  it("takes the first step of numbered steps", () => {
    expect(firstStep("1. Do this.\n2. Then that.")).toBe("Do this.");
    expect(firstStep("Nothing to do.")).toBe("Nothing to do.");
    expect(firstStep("")).toBe("");
  });

  it("draws a history in its box, oldest on the left", () => {
    expect(sparkline([[0, 100]], 80, 20)).toBe("");
    expect(
      sparkline(
        [
          [0, 100],
          [10, 50],
          [20, 0],
        ],
        80,
        20,
      ),
    ).toBe("0.0,0.0 40.0,10.0 80.0,20.0");
  });
});
