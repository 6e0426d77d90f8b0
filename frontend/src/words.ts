// Where the card's words come from: the integration's translations in the
// user's language, loaded from Home Assistant (no word is written in the
// card's code).

import type { Hass, Localize } from "./types";
import { DOMAIN } from "./view";

// The categories of the integration's translations the card uses: its own
// words (selector "card"), the fix steps (selector "fix", "fix_variant"),
// the cause sensor's states (entity) and the notices (issues).
export const CATEGORIES = ["selector", "entity", "issues"] as const;
export const CARD_WORDS = `component.${DOMAIN}.selector.card.options.`;

/** Load the integration's words in the user's language; the localize to use. */
export async function loadWords(hass: Hass): Promise<Localize> {
  let localize: Localize = hass.localize;
  if (hass.loadBackendTranslation) {
    for (const category of CATEGORIES) {
      localize = (await hass.loadBackendTranslation(category, DOMAIN)) ?? localize;
    }
  }
  return localize;
}

/** Load the words, then hand them to ``use`` (Home Assistant's own on failure). */
export function useWords(hass: Hass, use: (localize: Localize) => void): void {
  loadWords(hass).then(use, () => {
    use(hass.localize);
  });
}

export function languageOf(hass: Hass): string {
  return hass.locale?.language ?? hass.language;
}

/** An error's message (Home Assistant's are translated by the server). */
export function errorText(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  if (typeof error === "object" && error !== null) {
    const { message, body } = error as { message?: unknown; body?: { message?: unknown } };
    if (typeof message === "string") {
      return message;
    }
    if (typeof body?.message === "string") {
      return body.message;
    }
  }
  return String(error);
}
