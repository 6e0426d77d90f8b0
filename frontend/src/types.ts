// What the card receives from Camera Doctor (custom_components/camera_doctor/
// card.py, the `camera_doctor/cameras/subscribe` websocket subscription) and
// the little of Home Assistant's frontend it uses.

/** A repair issue a tap opens (sent to administrators only). */
export interface NoticeSnapshot {
  issue_id: string;
  translation_key: string | null;
  placeholders: Record<string, string>;
  fixable: boolean;
}

/** A sync module or camera integration that is down, with its cameras. */
export interface GroupSnapshot {
  kind: "sync_module_offline" | "integration_offline";
  id: string;
  name: string;
  issue_id: string | null;
}

export interface CameraSnapshot {
  entity_id: string;
  device_id: string | null;
  cause_entity_id: string | null;
  /** The confirmed primary cause; null while not diagnosed yet. */
  cause: string | null;
  causes: string[];
  /** Problems waiting out the grace period, most important first. */
  pending: string[];
  fix: string | null;
  /** `{selector}.{option}` of the steps that fit the camera, e.g. `fix.check_wifi`. */
  steps: string | null;
  battery: { percent: number | null; low: boolean | null } | null;
  forecast: { state: string; at: string | null } | null;
  /** The battery's recent history: [epoch seconds, percent], oldest first. */
  history: [number, number][];
  group: GroupSnapshot | null;
  notice: NoticeSnapshot | null;
}

export interface Snapshot {
  loaded: boolean;
  cameras: CameraSnapshot[];
  excluded: string[];
}

export interface CardConfig {
  type: string;
  cameras?: unknown;
  show_healthy?: unknown;
}

export type Localize = (
  key: string,
  values?: Record<string, string | number>,
) => string;

/** The parts of Home Assistant's `hass` object the card uses. */
export interface HassEntity {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
}

export interface FlowResult {
  type: string;
  flow_id?: string;
  step_id?: string;
  reason?: string;
  description_placeholders?: Record<string, string> | null;
}

export interface Hass {
  states: Record<string, HassEntity | undefined>;
  user?: { is_admin: boolean };
  language: string;
  locale?: { language: string };
  themes?: { darkMode?: boolean };
  localize: Localize;
  loadBackendTranslation?: (
    category: string,
    integration?: string,
  ) => Promise<Localize | undefined>;
  callService: (
    domain: string,
    service: string,
    data?: Record<string, unknown>,
  ) => Promise<unknown>;
  callApi: <T>(
    method: "GET" | "POST" | "DELETE",
    path: string,
    data?: Record<string, unknown>,
  ) => Promise<T>;
  connection: {
    subscribeMessage: (
      callback: (message: Snapshot) => void,
      message: Record<string, unknown>,
    ) => Promise<() => Promise<void> | void>;
  };
}
