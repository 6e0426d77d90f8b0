// custom:camera-doctor-card: every watched camera at a glance.
//
// Data: Camera Doctor's own websocket subscription
// (`camera_doctor/cameras/subscribe`, custom_components/camera_doctor/card.py),
// held while the card is on the screen. Words: the integration's
// translations in the user's language (selector "card" for the card's own
// words, the cause sensor's states, the notices), loaded with
// `hass.loadBackendTranslation`; no word is written here. What the card
// shows is worked out by the pure view logic in view.ts.

import { LitElement, css, html, nothing, svg, type TemplateResult } from "lit";

import { CameraDoctorCardEditor, EDITOR_TAG } from "./editor";
import { NoticeDialog, DIALOG_TAG } from "./notice-dialog";
import { spinner } from "./styles";
import type { CardConfig, Hass, Localize, Snapshot } from "./types";
import { CARD_WORDS, errorText, languageOf, loadWords, useWords } from "./words";
import {
  DOMAIN,
  cardView,
  sparkline,
  type CardView,
  type RowView,
  type SectionView,
  type Tap,
} from "./view";

export const CARD_TAG = "camera-doctor-card";
export const SUBSCRIBE = `${DOMAIN}/cameras/subscribe`;
const SPARK_WIDTH = 80;
const SPARK_HEIGHT = 22;
const ICONS: Record<RowView["status"], string> = {
  red_flash: "mdi:alarm-light",
  checking: "mdi:timer-sand",
  fine: "mdi:check-circle",
  unknown: "mdi:help-circle",
};

/** Sections in runs: a group alone, cameras of no group together (one list). */
function runs(sections: SectionView[]): SectionView[][] {
  const out: SectionView[][] = [];
  for (const section of sections) {
    const last = out[out.length - 1];
    if (!section.header && last && !last[0]?.header) {
      last.push(section);
    } else {
      out.push([section]);
    }
  }
  return out;
}

export class CameraDoctorCard extends LitElement {
  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
    _snapshot: { state: true },
    _localize: { state: true },
    _busy: { state: true },
    _errors: { state: true },
  };

  declare hass: Hass | undefined;
  declare _config: CardConfig | undefined;
  declare _snapshot: Snapshot | undefined;
  declare _localize: Localize | undefined;
  declare _busy: Set<string>;
  declare _errors: Map<string, string>;

  private _unsubscribe: (() => Promise<void> | void) | undefined;
  private _subscribing = false;
  private _language: string | undefined;

  constructor() {
    super();
    this._busy = new Set();
    this._errors = new Map();
  }

  static getConfigElement(): HTMLElement {
    return document.createElement(EDITOR_TAG);
  }

  static getStubConfig(): Record<string, unknown> {
    return {};
  }

  setConfig(config: CardConfig): void {
    this._config = { ...config };
  }

  getCardSize(): number {
    return 1 + (this._snapshot?.cameras.length ?? 2);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._release();
  }

  protected override willUpdate(): void {
    if (!this.hass) {
      return;
    }
    const language = languageOf(this.hass);
    if (language !== this._language) {
      this._language = language;
      useWords(this.hass, (localize) => {
        this._localize = localize;
      });
    }
    if (!this._unsubscribe && !this._subscribing) {
      void this._subscribe();
    }
  }

  private async _subscribe(): Promise<void> {
    if (!this.hass || !this.isConnected || this._unsubscribe || this._subscribing) {
      return;
    }
    this._subscribing = true;
    try {
      const unsubscribe = await this.hass.connection.subscribeMessage(
        (snapshot) => {
          this._snapshot = snapshot;
        },
        { type: SUBSCRIBE },
      );
      if (this._onScreen()) {
        this._unsubscribe = unsubscribe;
      } else {
        Promise.resolve(unsubscribe()).catch(() => undefined);
      }
    } catch {
      // No such command (Camera Doctor is not set up) or no connection: the
      // card says Camera Doctor is not running.
      this._snapshot = { loaded: false, cameras: [], excluded: [] };
    } finally {
      this._subscribing = false;
    }
  }

  /** Whether the card is still on the screen (it may have left meanwhile). */
  private _onScreen(): boolean {
    return this.isConnected;
  }

  private _release(): void {
    const unsubscribe = this._unsubscribe;
    this._unsubscribe = undefined;
    if (unsubscribe) {
      Promise.resolve(unsubscribe()).catch(() => undefined);
    }
  }

  private _word(key: string, values?: Record<string, string | number>): string {
    return this._localize ? this._localize(CARD_WORDS + key, values) : "";
  }

  private _view(): CardView | undefined {
    const hass = this.hass;
    if (!hass || !this._snapshot || !this._localize || !this._config) {
      return undefined;
    }
    return cardView(this._snapshot, this._config, {
      localize: this._localize,
      isAdmin: hass.user?.is_admin ?? false,
      name: (entityId) => {
        const state = hass.states[entityId];
        if (!state) {
          return undefined;
        }
        const name = state.attributes.friendly_name;
        return typeof name === "string" && name ? name : entityId;
      },
      language: languageOf(hass),
    });
  }

  protected override render(): TemplateResult {
    const view = this._view();
    if (!view) {
      return html`<ha-card>
        <div class="loading" role="status" aria-busy="true" aria-label=${this._word("loading")}>
          <span class="spinner" aria-hidden="true"></span>
        </div>
      </ha-card>`;
    }
    return html`<ha-card>
      <div class="content">
        <h2 class="headline" role="status">${view.headline}</h2>
        ${view.messages.length
          ? html`<ul class="messages">
              ${view.messages.map(
                (message) =>
                  html`<li><ha-icon icon="mdi:alert-outline" aria-hidden="true"></ha-icon>${message}</li>`,
              )}
            </ul>`
          : nothing}
        ${runs(view.sections).map((run) =>
          run[0]?.header
            ? this._section(run[0])
            : html`<ul class="rows">${run.flatMap((section) => section.rows).map((row) => this._row(row))}</ul>`,
        )}
      </div>
      <camera-doctor-notice-dialog
        .hass=${this.hass}
        .localize=${this._localize}
      ></camera-doctor-notice-dialog>
    </ha-card>`;
  }

  private _section(section: SectionView): TemplateResult {
    const rows = html`<ul class="rows">${section.rows.map((row) => this._row(row))}</ul>`;
    const header = section.header;
    if (!header) {
      return rows;
    }
    const tap = header.tap;
    return html`<section class="group">
      <div
        class="group-header ${tap ? "tappable" : ""}"
        role=${tap ? "button" : nothing}
        tabindex=${tap ? "0" : nothing}
        @click=${tap ? () => void this._tap(tap) : nothing}
        @keydown=${tap ? (event: KeyboardEvent) => { this._key(event, tap); } : nothing}
      >
        <ha-icon icon="mdi:lan-disconnect" aria-hidden="true"></ha-icon>
        <div>
          <div class="group-title">${header.text}</div>
          ${header.stepText ? html`<div class="step">${header.stepText}</div>` : nothing}
        </div>
      </div>
      ${rows}
    </section>`;
  }

  private _row(row: RowView): TemplateResult {
    const busy = this._busy.has(row.entityId);
    const error = this._errors.get(row.entityId);
    const points = sparkline(row.history, SPARK_WIDTH, SPARK_HEIGHT);
    return html`<li class="row ${row.status}">
      <div
        class="main"
        role="button"
        tabindex="0"
        aria-label=${row.label}
        @click=${() => void this._tap(row.tap)}
        @keydown=${(event: KeyboardEvent) => { this._key(event, row.tap); }}
      >
        <span class="light" aria-hidden="true"><ha-icon icon=${ICONS[row.status]}></ha-icon></span>
        <div class="text">
          <div class="name">${row.name}</div>
          <div class="status"><span class="badge">${row.statusText}</span>${row.causeText
            ? html`<span class="cause">${row.causeText}</span>`
            : nothing}</div>
          ${row.stepText ? html`<div class="step">${row.stepText}</div>` : nothing}
        </div>
        ${row.batteryText || row.forecastText
          ? html`<div class="battery">
              ${row.batteryText ? html`<div>${row.batteryText}</div>` : nothing}
              ${points
                ? html`<svg
                    class="spark"
                    role="img"
                    aria-label=${row.historyLabel}
                    viewBox="0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}"
                    preserveAspectRatio="none"
                  >${svg`<polyline points=${points} fill="none" vector-effect="non-scaling-stroke"></polyline>`}</svg>`
                : nothing}
              ${row.forecastText ? html`<div class="forecast">${row.forecastText}</div>` : nothing}
            </div>`
          : nothing}
      </div>
      <button
        class="check"
        type="button"
        ?disabled=${busy}
        aria-busy=${busy ? "true" : "false"}
        aria-label=${row.checkLabel}
        @click=${() => void this._checkAgain(row)}
      >
        <ha-icon icon="mdi:refresh" aria-hidden="true"></ha-icon><span>${this._word("check_again")}</span>
      </button>
      ${error ? html`<div class="error" role="alert">${error}</div>` : nothing}
    </li>`;
  }

  private _key(event: KeyboardEvent, tap: Tap): void {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      void this._tap(tap);
    }
  }

  private async _tap(tap: Tap): Promise<void> {
    switch (tap.kind) {
      case "notice": {
        const dialog = this.renderRoot.querySelector<NoticeDialog>(DIALOG_TAG);
        await dialog?.open(tap.notice);
        return;
      }
      case "device":
        history.pushState(null, "", `/config/devices/device/${tap.deviceId}`);
        window.dispatchEvent(new CustomEvent("location-changed", { detail: { replace: false } }));
        return;
      case "more-info":
        this.dispatchEvent(
          new CustomEvent("hass-more-info", {
            detail: { entityId: tap.entityId },
            bubbles: true,
            composed: true,
          }),
        );
        return;
    }
  }

  private async _checkAgain(row: RowView): Promise<void> {
    if (!this.hass) {
      return;
    }
    this._busy = new Set([...this._busy, row.entityId]);
    const errors = new Map(this._errors);
    errors.delete(row.entityId);
    this._errors = errors;
    try {
      await this.hass.callService(DOMAIN, "recheck", { entity_id: row.entityId });
    } catch (error) {
      this._errors = new Map(this._errors).set(
        row.entityId,
        this._word("check_failed", { camera: row.name, error: errorText(error) }),
      );
    } finally {
      const busy = new Set(this._busy);
      busy.delete(row.entityId);
      this._busy = busy;
    }
  }

  static override styles = [
    spinner,
    css`
    :host {
      display: block;
    }
    ha-card {
      overflow: hidden;
    }
    .content {
      container-type: inline-size;
      padding: 12px 16px 8px;
    }
    .headline {
      margin: 4px 0 8px;
      font-size: 1.25rem;
      font-weight: 500;
      line-height: 1.4;
      color: var(--primary-text-color);
    }
    .loading {
      display: flex;
      justify-content: center;
      padding: 24px;
    }
    .messages {
      list-style: none;
      margin: 0 0 8px;
      padding: 8px 12px;
      border-radius: 8px;
      background: rgba(var(--rgb-warning-color, 255, 166, 0), 0.12);
      color: var(--primary-text-color);
    }
    .messages li {
      display: flex;
      gap: 8px;
      align-items: center;
      padding: 2px 0;
    }
    .messages ha-icon {
      color: var(--warning-color, #ffa600);
      flex: none;
    }
    ul.rows {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .group {
      margin: 4px 0;
      border-radius: 8px;
      border: 1px solid var(--divider-color);
    }
    .group ul.rows {
      padding: 0 4px 0 12px;
    }
    .group-header {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 10px 12px 4px;
      color: var(--primary-text-color);
    }
    .group-header ha-icon {
      color: var(--error-color, #db4437);
      flex: none;
    }
    .group-title {
      font-weight: 500;
    }
    .tappable,
    .main {
      cursor: pointer;
      border-radius: 8px;
    }
    .tappable:focus-visible,
    .main:focus-visible,
    .check:focus-visible {
      outline: 2px solid var(--primary-color);
      outline-offset: 2px;
    }
    .row {
      display: grid;
      grid-template-columns: 1fr auto;
      align-items: center;
      gap: 4px 8px;
      padding: 6px 0;
      border-top: 1px solid var(--divider-color);
    }
    .rows > .row:first-child {
      border-top: none;
    }
    .main {
      display: grid;
      grid-template-columns: auto 1fr auto;
      gap: 12px;
      align-items: center;
      padding: 6px 4px;
      min-width: 0;
    }
    .main:hover {
      background: var(--secondary-background-color);
    }
    .light {
      display: flex;
      align-items: center;
      justify-content: center;
      width: 40px;
      height: 40px;
      border-radius: 50%;
      color: var(--status-color);
      background: color-mix(in srgb, var(--status-color) 15%, transparent);
    }
    .red_flash {
      --status-color: var(--error-color, #db4437);
    }
    .checking {
      --status-color: var(--warning-color, #ffa600);
    }
    .fine {
      --status-color: var(--success-color, #43a047);
    }
    .unknown {
      --status-color: var(--disabled-text-color, #9e9e9e);
    }
    .text {
      min-width: 0;
    }
    .name {
      font-weight: 500;
      color: var(--primary-text-color);
      overflow-wrap: anywhere;
    }
    .status {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: center;
      color: var(--secondary-text-color);
      font-size: 0.9rem;
    }
    .badge {
      color: var(--status-color);
      font-weight: 500;
    }
    .cause {
      color: var(--primary-text-color);
    }
    .step {
      color: var(--secondary-text-color);
      font-size: 0.875rem;
      line-height: 1.35;
      margin-top: 2px;
    }
    .battery {
      text-align: end;
      font-size: 0.85rem;
      color: var(--secondary-text-color);
      white-space: nowrap;
    }
    .spark {
      display: block;
      width: ${SPARK_WIDTH}px;
      height: ${SPARK_HEIGHT}px;
      margin: 2px 0 2px auto;
      stroke: var(--primary-color);
      stroke-width: 1.5;
    }
    .forecast {
      color: var(--primary-text-color);
    }
    .check {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font: inherit;
      font-size: 0.875rem;
      font-weight: 500;
      color: var(--primary-color);
      background: transparent;
      border: 1px solid var(--divider-color);
      border-radius: 18px;
      padding: 4px 12px 4px 8px;
      min-height: 36px;
      cursor: pointer;
    }
    .check:hover {
      background: var(--secondary-background-color);
    }
    .check[disabled] {
      opacity: 0.6;
      cursor: progress;
    }
    .check ha-icon {
      --mdc-icon-size: 18px;
    }
    .error {
      grid-column: 1 / -1;
      color: var(--error-color, #db4437);
      font-size: 0.875rem;
    }
    /* A narrower card (a column of a dashboard): the battery under the text. */
    @container (max-width: 560px) {
      .main {
        grid-template-columns: auto 1fr;
        row-gap: 2px;
      }
      .battery {
        grid-column: 2;
        text-align: start;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 2px 8px;
      }
      .spark {
        margin: 0;
      }
    }
    /* A phone: Check again as an icon button (its label stays for screen readers). */
    @container (max-width: 400px) {
      .check {
        padding: 0;
        width: 40px;
        min-height: 40px;
        justify-content: center;
        border-radius: 50%;
      }
      .check span {
        display: none;
      }
      .check ha-icon {
        --mdc-icon-size: 22px;
      }
    }
  `,
  ];
}

function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) {
    customElements.define(tag, element);
  }
}

define(CARD_TAG, CameraDoctorCard);
define(EDITOR_TAG, CameraDoctorCardEditor);
define(DIALOG_TAG, NoticeDialog);

interface CustomCardEntry {
  type: string;
  name: string;
  description?: string;
  preview?: boolean;
  documentationURL?: string;
}

declare global {
  interface Window {
    customCards?: CustomCardEntry[];
  }
}

// The card picker's entry. Its name is the integration's (a name, not a
// word); its description comes in the user's language once Home Assistant's
// frontend is up.
const entry: CustomCardEntry = {
  type: CARD_TAG,
  name: "Camera Doctor",
  preview: true,
  documentationURL: "https://github.com/camera-doctor/camera-doctor/blob/main/docs/card.md",
};
window.customCards = window.customCards ?? [];
if (!window.customCards.some((card) => card.type === CARD_TAG)) {
  window.customCards.push(entry);
}

async function describe(tries: number): Promise<void> {
  const root = document.querySelector<Element & { hass?: Hass }>("home-assistant");
  const hass = root?.hass;
  if (!hass) {
    if (tries > 0) {
      setTimeout(() => void describe(tries - 1), 1000);
    }
    return;
  }
  try {
    const localize = await loadWords(hass);
    const text = localize(`${CARD_WORDS}card_description`);
    if (text) {
      entry.description = text;
    }
  } catch {
    // The picker then shows the name alone.
  }
}
void describe(30);
