/**
 * The semantic token tier, read by every element through private `--_x` properties. Each value is
 * `light-dark()`, so the colour scheme alone switches themes: `--crm-color-scheme` (inherited through shadow
 * roots) pins it, and by default the element follows `prefers-color-scheme`. A host app overrides any token
 * by setting `--crm-color-*` on an ancestor. docs/decisions/0061-themes-by-color-scheme.md says why.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    color-scheme: var(--crm-color-scheme, light dark);
    --_surface: var(--crm-color-surface, light-dark(#ffffff, #1b1e24));
    --_surface-raised: var(--crm-color-surface-raised, light-dark(#f3f5f8, #262a32));
    --_text: var(--crm-color-text, light-dark(#1a1d22, #eceef2));
    --_text-muted: var(--crm-color-text-muted, light-dark(#535a67, #aab1be));
    --_border: var(--crm-color-border, light-dark(#cfd4dc, #454c58));
    --_accent: var(--crm-color-accent, light-dark(#1f4fbf, #9ab7ff));
    --_on-accent: var(--crm-color-on-accent, light-dark(#ffffff, #0f1d3a));
    --_success: var(--crm-color-success, light-dark(#1a6435, #86dca2));
    --_warning: var(--crm-color-warning, light-dark(#7d4a00, #f1c879));
    --_danger: var(--crm-color-danger, light-dark(#aa2219, #ffb4ab));
    --_focus: var(--crm-color-focus, light-dark(#1f4fbf, #9ab7ff));
    --_space-1: var(--crm-space-1, 0.25rem);
    --_space-2: var(--crm-space-2, 0.5rem);
    --_space-3: var(--crm-space-3, 0.75rem);
    --_space-4: var(--crm-space-4, 1rem);
    --_space-6: var(--crm-space-6, 1.5rem);
    --_radius: var(--crm-radius, 0.5rem);
    --_font: var(--crm-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--crm-font-size, 0.9375rem);
    --_font-size-small: var(--crm-font-size-small, 0.8125rem);
    --_font-size-large: var(--crm-font-size-large, 1.25rem);
    --_font-weight-bold: var(--crm-font-weight-bold, 600);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }

  :host([hidden]) {
    display: none;
  }
`;

/** Controls and helpers that every element's shadow root uses. */
export const controls = css`
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  button,
  .button {
    font: inherit;
    font-size: var(--_font-size-small);
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding-block: var(--_space-1);
    padding-inline: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    text-decoration: none;
    cursor: pointer;
  }

  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }

  button[aria-disabled='true'],
  button:disabled {
    cursor: not-allowed;
    color: var(--_text-muted);
    border-style: dashed;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  input,
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding-block: var(--_space-1);
    padding-inline: var(--_space-2);
    min-inline-size: 0;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
`;

/** The page-level classes that pin a theme on everything inside them (adopt with `adoptCrmTheme()`). */
export const crmThemeStyles = css`
  .crm-theme-light {
    --crm-color-scheme: light;
  }
  .crm-theme-dark {
    --crm-color-scheme: dark;
  }
`;

/** Adds the theme classes to a document (or shadow root) through a constructed stylesheet: no inline styles, so strict CSP pages can use it. */
export function adoptCrmTheme(root: Document | ShadowRoot = document): void {
  const sheet = crmThemeStyles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
