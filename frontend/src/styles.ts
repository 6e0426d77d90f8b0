// Styles the card's elements share.

import { css } from "lit";

/** A spinner in the theme's colours, while something loads. */
export const spinner = css`
    .spinner {
      width: 24px;
      height: 24px;
      border-radius: 50%;
      border: 3px solid var(--divider-color, rgba(127, 127, 127, 0.3));
      border-top-color: var(--primary-color);
      animation: spin 1s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
`;
