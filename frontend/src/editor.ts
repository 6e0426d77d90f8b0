// The card's visual editor: which cameras (none chosen: every watched one)
// and whether to show the cameras that are fine. Plain form controls in
// Home Assistant's colours: the same on every release, with no dependence on
// the frontend's own (lazily loaded) form elements.

import { LitElement, css, html, nothing, type TemplateResult } from "lit";

import type { CardConfig, Hass, Localize } from "./types";
import { configuredCameras, showHealthy } from "./view";
import { CARD_WORDS, languageOf, useWords } from "./words";

export const EDITOR_TAG = "camera-doctor-card-editor";

export class CameraDoctorCardEditor extends LitElement {
  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
    _localize: { state: true },
  };

  declare hass: Hass | undefined;
  declare _config: CardConfig | undefined;
  declare _localize: Localize | undefined;

  private _language: string | undefined;

  setConfig(config: CardConfig): void {
    this._config = { ...config };
  }

  protected override willUpdate(): void {
    if (this.hass && languageOf(this.hass) !== this._language) {
      this._language = languageOf(this.hass);
      useWords(this.hass, (localize) => {
        this._localize = localize;
      });
    }
  }

  private _word(key: string): string {
    return this._localize?.(CARD_WORDS + key) ?? "";
  }

  private _cameras(): { entityId: string; name: string }[] {
    const hass = this.hass;
    if (!hass) {
      return [];
    }
    const chosen = configuredCameras(this._config ?? { type: "" }) ?? [];
    const ids = new Set([
      ...Object.keys(hass.states).filter((id) => id.startsWith("camera.")),
      ...chosen,
    ]);
    return [...ids]
      .map((entityId) => {
        const name = hass.states[entityId]?.attributes.friendly_name;
        return { entityId, name: typeof name === "string" && name ? name : entityId };
      })
      .sort((a, b) => a.name.localeCompare(b.name, languageOf(hass)));
  }

  private _changed(config: CardConfig): void {
    this._config = config;
    this.dispatchEvent(
      new CustomEvent("config-changed", { detail: { config }, bubbles: true, composed: true }),
    );
  }

  private _toggleCamera(entityId: string, on: boolean): void {
    const config = { ...(this._config ?? { type: "" }) };
    const chosen = new Set(configuredCameras(config) ?? []);
    if (on) {
      chosen.add(entityId);
    } else {
      chosen.delete(entityId);
    }
    if (chosen.size) {
      config.cameras = [...chosen];
    } else {
      delete config.cameras;
    }
    this._changed(config);
  }

  private _toggleHealthy(on: boolean): void {
    const config = { ...(this._config ?? { type: "" }) };
    if (on) {
      delete config.show_healthy;
    } else {
      config.show_healthy = false;
    }
    this._changed(config);
  }

  protected override render(): TemplateResult {
    if (!this.hass || !this._config || !this._localize) {
      return html``;
    }
    const chosen = new Set(configuredCameras(this._config) ?? []);
    const cameras = this._cameras();
    return html`<div class="editor">
      <fieldset>
        <legend>${this._word("editor_cameras")}</legend>
        <p class="help" id="cameras-help">${this._word("editor_cameras_help")}</p>
        ${cameras.map(
          (camera) => html`<label>
            <input
              type="checkbox"
              aria-describedby="cameras-help"
              .checked=${chosen.has(camera.entityId)}
              @change=${(event: Event) => {
                this._toggleCamera(camera.entityId, (event.target as HTMLInputElement).checked);
              }}
            />
            <span>${camera.name}</span>
            ${camera.name !== camera.entityId
              ? html`<span class="id">${camera.entityId}</span>`
              : nothing}
          </label>`,
        )}
      </fieldset>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          .checked=${showHealthy(this._config)}
          @change=${(event: Event) => {
            this._toggleHealthy((event.target as HTMLInputElement).checked);
          }}
        />
        <span>${this._word("editor_show_healthy")}</span>
      </label>
    </div>`;
  }

  static override styles = css`
    .editor {
      display: flex;
      flex-direction: column;
      gap: 16px;
      color: var(--primary-text-color);
    }
    fieldset {
      margin: 0;
      padding: 8px 12px 12px;
      border: 1px solid var(--divider-color);
      border-radius: 8px;
    }
    legend {
      padding: 0 4px;
      font-weight: 500;
    }
    .help {
      margin: 0 0 8px;
      color: var(--secondary-text-color);
      font-size: 0.875rem;
    }
    label {
      display: flex;
      align-items: center;
      gap: 8px;
      min-height: 36px;
      cursor: pointer;
    }
    input {
      width: 18px;
      height: 18px;
      accent-color: var(--primary-color);
    }
    .id {
      color: var(--secondary-text-color);
      font-size: 0.8rem;
    }
  `;
}
