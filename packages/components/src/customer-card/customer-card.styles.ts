import { css } from 'lit';

/** The card's own layout. Public custom properties (`--crm-card-*`) fall back to the semantic tier. */
export const cardStyles = css`
  :host {
    display: block;
    --_card-padding: var(--crm-card-padding, var(--_space-4));
    --_card-gap: var(--crm-card-gap, var(--_space-3));
    --_card-background: var(--crm-card-background, var(--_surface));
    --_card-border-color: var(--crm-card-border-color, var(--_border));
    --_avatar-size: var(--crm-card-avatar-size, 3rem);
    --_avatar-background: var(--crm-card-avatar-background, var(--_accent));
    --_avatar-color: var(--crm-card-avatar-color, var(--_on-accent));
  }

  .card {
    display: grid;
    gap: var(--_card-gap);
    padding: var(--_card-padding);
    background: var(--_card-background);
    border: 1px solid var(--_card-border-color);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }

  :host([variant='compact']) .card {
    --_card-padding: var(--crm-card-padding, var(--_space-3));
    --_avatar-size: var(--crm-card-avatar-size, 2.25rem);
    gap: var(--_space-2);
  }

  header {
    display: flex;
    align-items: center;
    gap: var(--_space-3);
  }

  .avatar {
    flex: none;
    display: grid;
    place-items: center;
    inline-size: var(--_avatar-size);
    block-size: var(--_avatar-size);
    border-radius: 50%;
    background: var(--_avatar-background);
    color: var(--_avatar-color);
    font-weight: var(--_font-weight-bold);
    object-fit: cover;
  }

  .who {
    flex: 1;
    min-inline-size: 0;
  }

  .name {
    margin: 0;
    font-size: var(--_font-size-large);
    font-weight: var(--_font-weight-bold);
    line-height: 1.25;
  }

  :host([variant='compact']) .name {
    font-size: var(--_font-size);
  }

  .muted,
  dt,
  .reason {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }

  .subtitle {
    margin: 0;
  }

  [part='consents'] {
    display: grid;
    gap: var(--_space-2);
  }

  ul.row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .has-tip {
    position: relative;
  }

  .tip {
    display: none;
    position: absolute;
    inset-block-start: calc(100% + var(--_space-1));
    inset-inline-start: 0;
    z-index: 1;
    inline-size: max-content;
    max-inline-size: 16rem;
    padding: var(--_space-1) var(--_space-2);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_text);
    color: var(--_surface);
    font-size: var(--_font-size-small);
  }

  .has-tip:not([data-dismissed]):hover > .tip,
  .has-tip:not([data-dismissed]):focus-within > .tip,
  .has-tip[data-pinned] > .tip {
    display: block;
  }

  .badge {
    border-radius: 999px;
    padding-inline: var(--_space-2);
  }

  .badge.granted {
    color: var(--_success);
    border-color: currentColor;
  }

  .badge.denied {
    color: var(--_danger);
    border-color: currentColor;
  }

  .badge.none {
    color: var(--_text-muted);
    border-style: dashed;
  }

  dl {
    margin: 0;
    display: grid;
    gap: var(--_space-2);
  }

  .details {
    grid-template-columns: minmax(6rem, max-content) 1fr;
    column-gap: var(--_space-3);
  }

  dd {
    margin: 0;
  }

  .metrics {
    grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
    gap: var(--_space-3);
  }

  .metric {
    padding: var(--_space-2) var(--_space-3);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-raised);
  }

  .metric-value {
    font-weight: var(--_font-weight-bold);
  }

  details {
    font-size: var(--_font-size-small);
  }

  summary {
    cursor: pointer;
    color: var(--_accent);
  }

  details p {
    margin-block: var(--_space-1);
  }

  .factors {
    grid-template-columns: 1fr max-content;
    gap: var(--_space-1) var(--_space-2);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
  }

  .editor {
    display: grid;
    gap: var(--_space-3);
  }

  .field {
    display: grid;
    gap: var(--_space-1);
  }

  .field label {
    font-size: var(--_font-size-small);
    font-weight: var(--_font-weight-bold);
  }

  .field-error,
  .form-error {
    margin: 0;
    color: var(--_danger);
    font-size: var(--_font-size-small);
  }

  .notice {
    margin: 0;
    padding: var(--_space-2);
    border-inline-start: 3px solid var(--_warning);
    background: var(--_surface-raised);
    font-size: var(--_font-size-small);
  }

  .conflict table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-small);
  }

  .conflict th,
  .conflict td {
    text-align: start;
    padding: var(--_space-1) var(--_space-2);
    border-block-end: 1px solid var(--_border);
    vertical-align: top;
  }

  .conflict label {
    display: flex;
    gap: var(--_space-1);
    align-items: baseline;
  }
`;
