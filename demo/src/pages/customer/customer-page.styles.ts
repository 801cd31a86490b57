/**
 * The page's layout on the kit's tokens (`tokens` maps `--crm-color-*` to the private `--_x` values with
 * light-dark(), so the shell's theme class switches this page with the elements).
 */
import { css } from 'lit';
import { controls, tokens } from '@crmkit/components';

export const customerPageStyles = [
  tokens,
  controls,
  css`
    :host {
      display: block;
      line-height: 1.5;
    }

    .page {
      display: grid;
      gap: var(--_space-4);
    }

    h1,
    h2 {
      margin: 0;
      line-height: 1.25;
    }
    h1 {
      font-size: 1.75rem;
    }
    h2 {
      font-size: var(--_font-size-large);
      margin-block-end: var(--_space-2);
    }
    h1:focus,
    h2:focus {
      outline: none;
    }
    h1:focus-visible,
    h2:focus-visible {
      outline: 2px solid var(--_focus);
    }

    /* Shown only while focused: a keyboard user's way past the timeline. */
    .skip:not(:focus) {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .skip {
      margin-block-end: var(--_space-2);
    }

    a {
      color: var(--_accent);
    }
    .back {
      justify-self: start;
      font-size: var(--_font-size-small);
    }

    .muted {
      color: var(--_text-muted);
    }
    .failure {
      color: var(--_danger);
    }

    /* Card and NPS beside the timeline on wide screens; documents, tickets and erasure across the bottom. */
    .grid {
      display: grid;
      gap: var(--_space-6) var(--_space-4);
      grid-template-columns: minmax(0, 1fr);
    }
    @media (min-width: 60rem) {
      .grid {
        grid-template-columns: minmax(18rem, 2fr) minmax(0, 3fr);
        align-items: start;
      }
      .wide {
        grid-column: 1 / -1;
      }
    }
    .side {
      display: grid;
      gap: var(--_space-6);
      min-inline-size: 0;
    }
    section {
      min-inline-size: 0;
    }

    .scroller {
      overflow-x: auto;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    table {
      inline-size: 100%;
      min-inline-size: 34rem;
      border-collapse: collapse;
      font-size: var(--_font-size-small);
    }
    tbody th {
      overflow-wrap: anywhere;
    }
    td {
      white-space: nowrap;
    }
    th,
    td {
      text-align: start;
      padding: var(--_space-2) var(--_space-3);
      border-block-end: 1px solid var(--_border);
      vertical-align: top;
    }
    thead th {
      background: var(--_surface-raised);
      font-weight: var(--_font-weight-bold);
    }
    tbody th {
      font-weight: var(--_font-weight-bold);
      min-inline-size: 8rem;
    }
    tbody tr:last-child > * {
      border-block-end: none;
    }
    .amount {
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .status,
    .priority {
      white-space: nowrap;
    }
    .status-overdue,
    .status-rejected,
    .priority-urgent {
      color: var(--_danger);
      font-weight: var(--_font-weight-bold);
    }
    .status-paid,
    .status-accepted,
    .status-fulfilled,
    .status-solved {
      color: var(--_success);
    }
    .priority-high {
      color: var(--_warning);
      font-weight: var(--_font-weight-bold);
    }
    [data-action='more-documents'] {
      margin-block-start: var(--_space-2);
    }

    .privacy p {
      margin-block: 0 var(--_space-2);
    }
    button.danger {
      border-color: var(--_danger);
      color: var(--_danger);
      font-weight: var(--_font-weight-bold);
    }

    .loading {
      display: grid;
      gap: var(--_space-2);
      color: var(--_text-muted);
    }
    .bone {
      display: block;
      block-size: 12rem;
      border-radius: var(--_radius);
      background: var(--_surface-raised);
    }

    dialog {
      max-inline-size: min(32rem, calc(100vw - 2 * var(--_space-4)));
      padding: var(--_space-6);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.5);
    }
    dialog p {
      margin-block: 0 var(--_space-3);
    }
    .dialog-actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: end;
      gap: var(--_space-2);
      margin-block-start: var(--_space-4);
    }
    dialog button.danger {
      background: var(--_danger);
      color: var(--_surface);
    }
  `,
];
