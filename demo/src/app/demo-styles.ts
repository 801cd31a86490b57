/**
 * The demo's own styles, on the kit's semantic tokens: the same `--crm-color-*` names with the same
 * `light-dark()` fallbacks, and the page's colour scheme from `--crm-color-scheme`, so that `.crm-theme-dark` /
 * `.crm-theme-light` on <html> switch the shell and the kit's elements together (decision 0061). The client's
 * brand is one override of the accent: turquoise, "firuze" in Turkish.
 *
 * A constructed stylesheet rather than a CSS file: the build lowers `light-dark()` in CSS files for its browser
 * target into variables that only `color-scheme: light dark` written out can drive, which breaks the theme switch
 * (`--crm-color-scheme`); a constructed sheet reaches the browser as written, and strict CSP allows it.
 */
import { css } from 'lit';

export const demoStyles = css`
  :root {
    color-scheme: var(--crm-color-scheme, light dark);
    --crm-color-accent: light-dark(#0b6868, #7fd8d0);
    --crm-color-on-accent: light-dark(#ffffff, #0b2321);
    --crm-color-focus: light-dark(#0b6868, #7fd8d0);
    --demo-surface: var(--crm-color-surface, light-dark(#ffffff, #1b1e24));
    --demo-surface-raised: var(--crm-color-surface-raised, light-dark(#f3f5f8, #262a32));
    --demo-text: var(--crm-color-text, light-dark(#1a1d22, #eceef2));
    --demo-text-muted: var(--crm-color-text-muted, light-dark(#535a67, #aab1be));
    --demo-border: var(--crm-color-border, light-dark(#cfd4dc, #454c58));
    --demo-accent: var(--crm-color-accent);
    --demo-on-accent: var(--crm-color-on-accent);
    --demo-danger: var(--crm-color-danger, light-dark(#aa2219, #ffb4ab));
    --demo-warning: var(--crm-color-warning, light-dark(#7d4a00, #f1c879));
    --demo-focus: var(--crm-color-focus);
    --demo-radius: var(--crm-radius, 0.5rem);
    --demo-space: var(--crm-space-4, 1rem);
    font-family: var(--crm-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    line-height: 1.5;
    background: var(--demo-surface);
    color: var(--demo-text);
  }

  body {
    margin: 0;
  }

  demo-app {
    display: block;
    min-block-size: 100vh;
  }

  a {
    color: var(--demo-accent);
  }

  :focus-visible {
    outline: 2px solid var(--demo-focus);
    outline-offset: 2px;
  }

  h1,
  h2 {
    line-height: 1.2;
  }

  h1 {
    font-size: 1.75rem;
    margin-block: 0 0.5rem;
  }

  h1:focus {
    outline: none;
  }

  h1:focus-visible {
    outline: 2px solid var(--demo-focus);
  }

  h2 {
    font-size: 1.2rem;
    margin-block: 0 0.5rem;
  }

  button {
    font: inherit;
    font-size: 0.875rem;
    padding-block: 0.3rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--demo-border);
    border-radius: var(--demo-radius);
    background: var(--demo-surface);
    color: var(--demo-text);
    cursor: pointer;
  }

  button:hover {
    border-color: var(--demo-accent);
  }

  button[aria-pressed='true'] {
    background: var(--demo-accent);
    border-color: var(--demo-accent);
    color: var(--demo-on-accent);
  }

  button[aria-disabled='true'],
  button:disabled {
    color: var(--demo-text-muted);
    border-style: dashed;
    cursor: not-allowed;
  }

  input {
    font: inherit;
    color: var(--demo-text);
    background: var(--demo-surface);
    border: 1px solid var(--demo-border);
    border-radius: calc(var(--demo-radius) / 2);
    padding-block: 0.35rem;
    padding-inline: 0.5rem;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* ——— shell ——— */

  .demo-skip-link {
    position: absolute;
    inset-inline-start: 0.5rem;
    inset-block-start: -3rem;
    z-index: 10;
    padding: 0.5rem 1rem;
    background: var(--demo-accent);
    color: var(--demo-on-accent);
    border-radius: var(--demo-radius);
  }

  .demo-skip-link:focus {
    inset-block-start: 0.5rem;
  }

  .demo-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 2rem;
    padding-block: 0.75rem;
    padding-inline: 1.5rem;
    background: var(--demo-surface-raised);
    border-block-end: 3px solid var(--demo-accent);
  }

  .demo-brand {
    display: flex;
    flex-direction: column;
    text-decoration: none;
    color: var(--demo-text);
  }

  .demo-brand-name {
    font-weight: 700;
    font-size: 1.15rem;
  }

  .demo-brand-tagline {
    font-size: 0.8rem;
    color: var(--demo-text-muted);
  }

  .demo-nav ul {
    display: flex;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .demo-nav a {
    display: block;
    padding-block: 0.35rem;
    padding-inline: 0.75rem;
    border-radius: var(--demo-radius);
    color: var(--demo-text);
    text-decoration: none;
  }

  .demo-nav a:hover {
    text-decoration: underline;
  }

  .demo-nav a[aria-current] {
    font-weight: 600;
    box-shadow: inset 0 -3px 0 var(--demo-accent);
  }

  .demo-nav a[aria-current='page'] {
    background: var(--demo-surface);
  }

  .demo-controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-inline-start: auto;
  }

  .demo-status {
    margin: 0;
    padding-block: 0.25rem;
    padding-inline: 1.5rem;
    font-size: 0.8125rem;
    color: var(--demo-text-muted);
    min-block-size: 1.2em;
  }

  .demo-error {
    margin-block: 0.5rem;
    margin-inline: 1.5rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--demo-danger);
    border-inline-start-width: 6px;
    border-radius: var(--demo-radius);
    color: var(--demo-text);
    background: var(--demo-surface-raised);
  }

  .demo-main {
    display: block;
    max-inline-size: 90rem;
    margin-inline: auto;
    padding-block: 1rem 3rem;
    padding-inline: 1.5rem;
  }

  .demo-main:focus {
    outline: none;
  }

  .demo-seeding {
    max-inline-size: 32rem;
    margin-block: 3rem;
  }

  .demo-seeding progress {
    inline-size: 100%;
    block-size: 1rem;
    accent-color: var(--demo-accent);
  }

  .demo-seeding-text {
    margin-block: 0.5rem 0;
    color: var(--demo-text-muted);
  }

  .demo-dialog {
    max-inline-size: 28rem;
    border: 1px solid var(--demo-border);
    border-radius: var(--demo-radius);
    background: var(--demo-surface);
    color: var(--demo-text);
    padding: 1.25rem 1.5rem;
  }

  .demo-dialog::backdrop {
    background: rgb(0 0 0 / 45%);
  }

  .demo-dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
  }

  .demo-danger {
    border-color: var(--demo-danger);
    color: var(--demo-danger);
  }

  /* ——— customers page ——— */

  demo-customers-page {
    display: block;
  }

  .demo-intro {
    margin-block: 0 1rem;
    color: var(--demo-text-muted);
  }

  .demo-segment-area {
    display: grid;
    gap: 1rem;
    align-items: start;
    grid-template-columns: minmax(0, 1fr);
  }

  @media (min-width: 64rem) {
    .demo-segment-area {
      grid-template-columns: minmax(0, 2fr) minmax(18rem, 1fr);
    }
  }

  .demo-segment-side {
    display: grid;
    gap: 1rem;
  }

  .demo-list {
    margin-block-start: 2rem;
  }

  .demo-search {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }

  .demo-search label {
    font-weight: 600;
  }

  .demo-search input {
    inline-size: min(100%, 24rem);
  }

  .demo-hint {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.8125rem;
    color: var(--demo-text-muted);
  }

  .demo-range {
    margin-block: 1rem 0.5rem;
    font-weight: 600;
  }

  .demo-table-wrap {
    overflow-x: auto;
  }

  .demo-table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.9375rem;
  }

  .demo-table caption {
    text-align: start;
    caption-side: top;
    padding-block-end: 0.5rem;
    color: var(--demo-text-muted);
    font-size: 0.8125rem;
  }

  .demo-table[aria-busy='true'] tbody {
    opacity: 0.6;
  }

  .demo-table th,
  .demo-table td {
    border-block-end: 1px solid var(--demo-border);
    padding-block: 0.4rem;
    padding-inline: 0.6rem;
    text-align: start;
    vertical-align: baseline;
  }

  .demo-table thead th {
    background: var(--demo-surface-raised);
    font-size: 0.8125rem;
    white-space: nowrap;
  }

  .demo-table tbody th {
    font-weight: 500;
  }

  .demo-table .demo-number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .demo-pager {
    display: flex;
    gap: 0.5rem;
    margin-block-start: 0.75rem;
  }

  .demo-loading {
    padding: 1.5rem;
  }
`;

/** Adds the demo's styles to the document once. */
export function adoptDemoStyles(root: Document = document): void {
  const sheet = demoStyles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
