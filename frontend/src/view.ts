// The card's view logic, pure: from a snapshot, the configuration and the
// user's words to what the card shows (which rows, in which order, with which
// words). No DOM here; test/view.test.ts tests it.

import type {
  CameraSnapshot,
  CardConfig,
  GroupSnapshot,
  Localize,
  NoticeSnapshot,
  Snapshot,
} from "./types";

export const DOMAIN = "camera_doctor";
const COMPONENT = `component.${DOMAIN}`;
const CARD_WORDS = `${COMPONENT}.selector.card.options.`;
const CAUSE_WORDS = `${COMPONENT}.entity.sensor.red_flash_cause.state.`;

/** The status of a camera, as its own light shows it. */
export type Status = "red_flash" | "checking" | "fine" | "unknown";

/** What a tap on a row does. */
export type Tap =
  | { kind: "notice"; notice: NoticeSnapshot }
  | { kind: "device"; deviceId: string }
  | { kind: "more-info"; entityId: string };

export interface RowView {
  entityId: string;
  name: string;
  status: Status;
  statusText: string;
  causeText: string;
  stepText: string;
  batteryText: string;
  forecastText: string;
  history: [number, number][];
  historyLabel: string;
  tap: Tap;
  label: string;
  checkLabel: string;
}

export interface SectionView {
  /** A sync module or integration that is down: shown once above its cameras. */
  header: { text: string; stepText: string; tap: Tap | null } | null;
  rows: RowView[];
}

export interface CardView {
  headline: string;
  attention: number;
  total: number;
  messages: string[];
  sections: SectionView[];
}

export interface ViewContext {
  localize: Localize;
  isAdmin: boolean;
  /** The name an entity shows; undefined when it has no state (no such entity). */
  name: (entityId: string) => string | undefined;
  language: string;
}

// An available update is advice: it does not make the light flash red.
const ADVICE = new Set(["none", "firmware_outdated"]);
const RANK: Record<Status | "advice", number> = {
  red_flash: 0,
  unknown: 1,
  checking: 2,
  advice: 3,
  fine: 4,
};

/** The camera's status, as its own light (and the red flash sensor) shows it. */
export function statusOf(camera: CameraSnapshot): Status {
  if (camera.cause === null || camera.cause === "integration_offline") {
    return "unknown";
  }
  if (camera.causes.some((cause) => !ADVICE.has(cause))) {
    return "red_flash";
  }
  return camera.pending.length > 0 ? "checking" : "fine";
}

/** Whether the camera needs the owner: a confirmed cause, or it cannot be seen. */
export function needsAttention(camera: CameraSnapshot): boolean {
  const status = statusOf(camera);
  return status === "red_flash" || status === "unknown" || camera.causes.length > 0;
}

function rank(camera: CameraSnapshot): number {
  const status = statusOf(camera);
  if (status === "fine" && camera.causes.length > 0) {
    return RANK.advice;
  }
  return RANK[status];
}

/** The first of a fix's numbered steps, without its number. */
export function firstStep(steps: string): string {
  const first = steps.split("\n").find((line) => line.trim() !== "") ?? "";
  return first.replace(/^\s*1\s*[.)]\s*/, "").trim();
}

/** The `cameras` option as a list of strings (anything else: said in words). */
export function configuredCameras(config: CardConfig): string[] | undefined {
  const cameras = config.cameras;
  if (cameras === undefined || cameras === null) {
    return undefined;
  }
  const list: unknown[] = Array.isArray(cameras) ? cameras : [cameras];
  return list.map((value) => (typeof value === "string" ? value : JSON.stringify(value)));
}

export function showHealthy(config: CardConfig): boolean {
  return config.show_healthy !== false;
}

function cardWord(
  ctx: ViewContext,
  key: string,
  values?: Record<string, string | number>,
): string {
  return ctx.localize(CARD_WORDS + key, values);
}

function causeWord(ctx: ViewContext, cause: string): string {
  return ctx.localize(CAUSE_WORDS + cause);
}

function stepsWords(ctx: ViewContext, steps: string | null): string {
  if (!steps) {
    return "";
  }
  const dot = steps.indexOf(".");
  const selector = steps.slice(0, dot);
  const option = steps.slice(dot + 1);
  return firstStep(ctx.localize(`${COMPONENT}.selector.${selector}.options.${option}`));
}

function percent(ctx: ViewContext, value: number): string {
  return new Intl.NumberFormat(ctx.language, {
    style: "percent",
    maximumFractionDigits: 0,
  }).format(value / 100);
}

function day(ctx: ViewContext, at: Date): string {
  return new Intl.DateTimeFormat(ctx.language, {
    weekday: "short",
    day: "numeric",
    month: "short",
  }).format(at);
}

function batteryText(ctx: ViewContext, camera: CameraSnapshot): string {
  const battery = camera.battery;
  if (!battery) {
    return "";
  }
  if (battery.percent !== null) {
    return cardWord(ctx, "battery_level", { level: percent(ctx, battery.percent) });
  }
  if (battery.low !== null) {
    return cardWord(ctx, battery.low ? "battery_low" : "battery_ok");
  }
  return "";
}

function forecastText(ctx: ViewContext, camera: CameraSnapshot): string {
  const forecast = camera.forecast;
  if (forecast?.state !== "ok" || !forecast.at) {
    return "";
  }
  const at = new Date(forecast.at);
  return Number.isNaN(at.getTime()) ? "" : cardWord(ctx, "runs_low", { date: day(ctx, at) });
}

function tapOf(ctx: ViewContext, camera: CameraSnapshot): Tap {
  if (ctx.isAdmin && camera.notice) {
    return { kind: "notice", notice: camera.notice };
  }
  if (ctx.isAdmin && camera.device_id) {
    return { kind: "device", deviceId: camera.device_id };
  }
  return { kind: "more-info", entityId: camera.cause_entity_id ?? camera.entity_id };
}

function sharedCause(camera: CameraSnapshot): boolean {
  return camera.group !== null && camera.cause === camera.group.kind;
}

function rowOf(ctx: ViewContext, camera: CameraSnapshot): RowView {
  const name = ctx.name(camera.entity_id) ?? camera.entity_id;
  const status = statusOf(camera);
  const statusText = cardWord(ctx, `status_${status}`);
  let causeText = "";
  if (camera.cause && camera.cause !== "none") {
    causeText = causeWord(ctx, camera.cause);
  } else if (status === "checking" && camera.pending[0]) {
    causeText = causeWord(ctx, camera.pending[0]);
  }
  const tap = tapOf(ctx, camera);
  const opens = { notice: "open_notice", device: "open_device", "more-info": "open_details" }[
    tap.kind
  ];
  const showsForecast = camera.forecast !== null && camera.history.length >= 2;
  return {
    entityId: camera.entity_id,
    name,
    status,
    statusText,
    causeText,
    // A cause shared with a sync module or an integration: its header says
    // what to do, once.
    stepText: sharedCause(camera) ? "" : stepsWords(ctx, camera.steps),
    batteryText: batteryText(ctx, camera),
    forecastText: forecastText(ctx, camera),
    history: showsForecast ? camera.history : [],
    historyLabel: showsForecast
      ? cardWord(ctx, "battery_history", {
          date: day(ctx, new Date((camera.history[0]?.[0] ?? 0) * 1000)),
        })
      : "",
    tap,
    label: cardWord(ctx, opens, {
      camera: name,
      status: causeText ? `${statusText}, ${causeText}` : statusText,
    }),
    checkLabel: cardWord(ctx, "check_again_camera", { camera: name }),
  };
}

function headerOf(
  ctx: ViewContext,
  group: GroupSnapshot,
  members: CameraSnapshot[],
): SectionView["header"] {
  const placeholder = group.kind === "sync_module_offline" ? "hub" : "integration";
  const text = ctx.localize(`${COMPONENT}.issues.${group.kind}.title`, {
    [placeholder]: group.name,
  });
  const notice = members.find(
    (camera) => camera.notice && camera.notice.issue_id === group.issue_id,
  )?.notice;
  const steps = members.find(sharedCause)?.steps ?? null;
  return {
    text,
    stepText: stepsWords(ctx, steps),
    tap: ctx.isAdmin && notice ? { kind: "notice", notice } : null,
  };
}

function headline(ctx: ViewContext, attention: number, total: number): string {
  const values = { count: attention, total };
  if (total === 0) {
    return cardWord(ctx, "headline_none");
  }
  if (attention === 0) {
    return cardWord(ctx, total === 1 ? "headline_fine_one" : "headline_fine", values);
  }
  return cardWord(
    ctx,
    attention === 1 ? "headline_attention_one" : "headline_attention",
    values,
  );
}

function byName(ctx: ViewContext) {
  return (a: CameraSnapshot, b: CameraSnapshot): number =>
    rank(a) - rank(b) ||
    (ctx.name(a.entity_id) ?? a.entity_id).localeCompare(
      ctx.name(b.entity_id) ?? b.entity_id,
      ctx.language,
    );
}

/** The cameras the configuration names, and what to say of those it cannot show. */
function chosen(
  snapshot: Snapshot,
  config: CardConfig,
  ctx: ViewContext,
): { cameras: CameraSnapshot[]; messages: string[] } {
  const wanted = configuredCameras(config);
  if (wanted === undefined) {
    return { cameras: snapshot.cameras, messages: [] };
  }
  const watched = new Map(snapshot.cameras.map((camera) => [camera.entity_id, camera]));
  const cameras: CameraSnapshot[] = [];
  const messages: string[] = [];
  for (const entityId of new Set(wanted)) {
    const camera = watched.get(entityId);
    const name = ctx.name(entityId);
    if (camera) {
      cameras.push(camera);
    } else if (!entityId.startsWith("camera.")) {
      messages.push(cardWord(ctx, "not_a_camera", { entity_id: entityId }));
    } else if (snapshot.excluded.includes(entityId)) {
      messages.push(cardWord(ctx, "camera_excluded", { camera: name ?? entityId }));
    } else if (name === undefined) {
      messages.push(cardWord(ctx, "camera_removed", { entity_id: entityId }));
    } else {
      messages.push(cardWord(ctx, "camera_not_watched", { camera: name }));
    }
  }
  return { cameras, messages };
}

/** What the card shows for a snapshot of Camera Doctor. */
export function cardView(
  snapshot: Snapshot,
  config: CardConfig,
  ctx: ViewContext,
): CardView {
  if (!snapshot.loaded) {
    return {
      headline: cardWord(ctx, "not_loaded"),
      attention: 0,
      total: 0,
      messages: [],
      sections: [],
    };
  }
  const { cameras, messages } = chosen(snapshot, config, ctx);
  const attention = cameras.filter(needsAttention).length;
  const healthy = showHealthy(config);
  const sorted = [...cameras].sort(byName(ctx));
  // In order of urgency: a group takes the place of its most urgent camera.
  const sections: SectionView[] = [];
  const groups = new Map<string, SectionView>();
  for (const camera of sorted) {
    const group = camera.group;
    const key = group ? `${group.kind}:${group.id}` : "";
    let section = groups.get(key);
    if (!section) {
      const members = sorted.filter(
        (each) => group && each.group?.kind === group.kind && each.group.id === group.id,
      );
      section = { header: group ? headerOf(ctx, group, members) : null, rows: [] };
      sections.push(section);
      if (group) {
        groups.set(key, section);
      }
    }
    section.rows.push(rowOf(ctx, camera));
  }
  const shown = sections
    .map((section) => ({
      ...section,
      rows: healthy
        ? section.rows
        : section.rows.filter((row) => {
            const camera = cameras.find((each) => each.entity_id === row.entityId);
            return camera !== undefined && rank(camera) < RANK.fine;
          }),
    }))
    .filter((section) => section.rows.length > 0);
  return {
    headline: headline(ctx, attention, cameras.length),
    attention,
    total: cameras.length,
    messages,
    sections: shown,
  };
}

/** The points of a battery history drawn in a `width` x `height` box (0-100 %). */
export function sparkline(
  history: [number, number][],
  width: number,
  height: number,
): string {
  if (history.length < 2) {
    return "";
  }
  const first = history[0]?.[0] ?? 0;
  const last = history[history.length - 1]?.[0] ?? first;
  const span = last - first || 1;
  return history
    .map(([at, level]) => {
      const x = ((at - first) / span) * width;
      const y = height - (Math.min(Math.max(level, 0), 100) / 100) * height;
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(" ");
}
