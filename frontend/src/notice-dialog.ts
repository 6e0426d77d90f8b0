// The notice a tap on a camera opens (administrators): the card's own
// dialog (a native <dialog>, so it works the same on every Home Assistant
// release), showing the notice in the integration's words and running its fix
// flow through Home Assistant's repairs API: start it, show the step
// (its description and its button), submit, show how it went.

import { LitElement, css, html, nothing, type TemplateResult } from "lit";

import { blocks } from "./markdown";
import { spinner } from "./styles";
import type { FlowResult, Hass, Localize, NoticeSnapshot } from "./types";
import { DOMAIN } from "./view";
import { CARD_WORDS, errorText } from "./words";

export const DIALOG_TAG = "camera-doctor-notice-dialog";
const ISSUES = `component.${DOMAIN}.issues.`;
const FIX = "repairs/issues/fix";

interface Shown {
  title: string;
  body: string;
  submit: string;
  flowId: string | null;
}

export class NoticeDialog extends LitElement {
  static override properties = {
    hass: { attribute: false },
    localize: { attribute: false },
    _shown: { state: true },
    _busy: { state: true },
  };

  declare hass: Hass | undefined;
  declare localize: Localize | undefined;
  declare _shown: Shown | undefined;
  declare _busy: boolean;

  private _notice: NoticeSnapshot | undefined;

  constructor() {
    super();
    this._busy = false;
  }

  private _word(key: string, values?: Record<string, string | number>): string {
    return this.localize?.(key, values) ?? "";
  }

  private _dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector("dialog");
  }

  /** Show ``notice``: its fix flow's first step, or its description. */
  async open(notice: NoticeSnapshot): Promise<void> {
    this._notice = notice;
    const key = `${ISSUES}${notice.translation_key ?? ""}`;
    const title = this._word(`${key}.title`, notice.placeholders);
    this._shown = { title, body: "", submit: "", flowId: null };
    await this.updateComplete;
    const dialog = this._dialog();
    if (dialog && !dialog.open) {
      dialog.showModal();
    }
    if (!notice.fixable) {
      this._shown = {
        title,
        body: this._word(`${key}.description`, notice.placeholders),
        submit: "",
        flowId: null,
      };
      return;
    }
    await this._run(() =>
      this._api("POST", FIX, { handler: DOMAIN, issue_id: notice.issue_id }),
    );
  }

  private _api(
    method: "POST" | "DELETE",
    path: string,
    data?: Record<string, unknown>,
  ): Promise<FlowResult> {
    if (!this.hass) {
      return Promise.reject(new Error(DOMAIN));
    }
    return this.hass.callApi<FlowResult>(method, path, data);
  }

  private async _run(call: () => Promise<FlowResult>): Promise<void> {
    this._busy = true;
    try {
      this._show(await call());
    } catch (error) {
      this._shown = {
        title: this._shown?.title ?? "",
        body: this._word(`${CARD_WORDS}notice_failed`, { error: errorText(error) }),
        submit: "",
        flowId: null,
      };
    } finally {
      this._busy = false;
    }
  }

  private _show(result: FlowResult): void {
    const notice = this._notice;
    if (!notice) {
      return;
    }
    const key = `${ISSUES}${notice.translation_key ?? ""}.fix_flow`;
    const values = result.description_placeholders ?? notice.placeholders;
    const title = this._shown?.title ?? "";
    if (result.type === "form" && result.step_id && result.flow_id) {
      const step = `${key}.step.${result.step_id}`;
      this._shown = {
        title: this._word(`${step}.title`, values) || title,
        body: this._word(`${step}.description`, values),
        submit: this._word(`${step}.submit`, values),
        flowId: result.flow_id,
      };
    } else if (result.type === "abort" && result.reason) {
      this._shown = {
        title,
        body: this._word(`${key}.abort.${result.reason}`, values),
        submit: "",
        flowId: null,
      };
    } else {
      this.close();
    }
  }

  private async _submit(): Promise<void> {
    const flowId = this._shown?.flowId;
    if (flowId) {
      await this._run(() => this._api("POST", `${FIX}/${flowId}`, {}));
    }
  }

  /** Close the dialog; a fix flow still open is ended. */
  close(): void {
    const flowId = this._shown?.flowId;
    if (flowId) {
      this._api("DELETE", `${FIX}/${flowId}`).catch(() => undefined);
    }
    this._shown = undefined;
    const dialog = this._dialog();
    if (dialog?.open) {
      dialog.close();
    }
  }

  private _body(text: string): TemplateResult[] {
    return blocks(text).map(
      (lines) =>
        html`<p>
          ${lines.map(
            (runs, index) =>
              html`${index ? html`<br />` : nothing}${runs.map((run) =>
                run.bold ? html`<strong>${run.text}</strong>` : run.text,
              )}`,
          )}
        </p>`,
    );
  }

  protected override render(): TemplateResult {
    const shown = this._shown;
    return html`<dialog
      aria-labelledby="title"
      aria-busy=${this._busy ? "true" : "false"}
      @cancel=${(event: Event) => {
        event.preventDefault();
        this.close();
      }}
      @click=${(event: MouseEvent) => {
        if (event.target === this._dialog()) {
          this.close(); // a click on the backdrop
        }
      }}
    >
      ${shown
        ? html`<h2 id="title">${shown.title}</h2>
            <div class="body">
              ${shown.body ? this._body(shown.body) : html`<div class="spinner" role="status"></div>`}
            </div>
            <div class="buttons">
              <button type="button" class="secondary" @click=${() => { this.close(); }}>
                ${this._word(`${CARD_WORDS}${shown.flowId ? "cancel" : "close"}`)}
              </button>
              ${shown.flowId && shown.submit
                ? html`<button
                    type="button"
                    class="primary"
                    ?disabled=${this._busy}
                    @click=${() => void this._submit()}
                  >
                    ${shown.submit}
                  </button>`
                : nothing}
            </div>`
        : nothing}
    </dialog>`;
  }

  static override styles = [
    spinner,
    css`
    dialog {
      box-sizing: border-box;
      width: min(560px, calc(100vw - 32px));
      max-height: calc(100vh - 64px);
      padding: 24px;
      border: none;
      border-radius: var(--ha-dialog-border-radius, 24px);
      background: var(--ha-dialog-surface-background, var(--card-background-color, #fff));
      color: var(--primary-text-color);
      font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, inherit));
      box-shadow: var(--ha-card-box-shadow, 0 8px 24px rgba(0, 0, 0, 0.3));
    }
    dialog::backdrop {
      background: rgba(0, 0, 0, 0.4);
    }
    h2 {
      margin: 0 0 12px;
      font-size: 1.5rem;
      font-weight: 400;
      line-height: 1.3;
    }
    .body {
      line-height: 1.5;
      overflow-wrap: anywhere;
    }
    .body p {
      margin: 0 0 12px;
    }
    .buttons {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 16px;
    }
    button {
      font: inherit;
      font-weight: 500;
      min-height: 40px;
      padding: 0 16px;
      border-radius: 20px;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 2px solid var(--primary-color);
      outline-offset: 2px;
    }
    .secondary {
      color: var(--primary-color);
      background: transparent;
      border: 1px solid var(--divider-color);
    }
    .primary {
      color: var(--text-primary-color, #fff);
      background: var(--primary-color);
      border: none;
    }
    .primary[disabled] {
      opacity: 0.6;
      cursor: progress;
    }
    .spinner {
      margin: 12px auto;
    }
  `,
  ];
}
