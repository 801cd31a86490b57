import { css } from 'lit';

/** The timeline's layout. Public custom properties (`--crm-timeline-*`) fall back to the semantic tier. */
export const timelineStyles = css`
  :host {
    display: block;
    --_tl-padding: var(--crm-timeline-padding, var(--_space-4));
    --_tl-height: var(--crm-timeline-height, 28rem);
    --_tl-background: var(--crm-timeline-background, var(--_surface));
    --_tl-border-color: var(--crm-timeline-border-color, var(--_border));
  }

  .timeline {
    display: grid;
    gap: var(--_space-3);
    padding: var(--_tl-padding);
    background: var(--_tl-background);
    border: 1px solid var(--_tl-border-color);
    border-radius: var(--_radius);
  }

  .section-title {
    font-weight: var(--_font-weight-bold);
    font-size: var(--_font-size-small);
    color: var(--_text-muted);
    margin-block-end: var(--_space-1);
  }

  .toolbar {
    display: grid;
    gap: var(--_space-2);
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }

  .chip {
    border-radius: 999px;
  }

  .chip[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }

  .pinned ul {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .feed {
    block-size: var(--_tl-height);
    overflow: auto;
  }

  .day {
    box-sizing: border-box;
    inline-size: 100%;
    padding-block: var(--_space-3) var(--_space-1);
    font-size: var(--_font-size-small);
    font-weight: var(--_font-weight-bold);
    color: var(--_text-muted);
  }

  .item {
    box-sizing: border-box;
    inline-size: 100%;
    display: grid;
    gap: var(--_space-1);
    padding: var(--_space-2) var(--_space-3);
    margin-block-end: var(--_space-2);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-raised);
  }

  .item.overdue {
    border-inline-start: 3px solid var(--_danger);
  }

  .head {
    display: flex;
    align-items: baseline;
    gap: var(--_space-2);
    flex-wrap: wrap;
  }

  .title {
    flex: 1;
    font-weight: var(--_font-weight-bold);
    overflow-wrap: anywhere;
  }

  time,
  .by,
  dt {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }

  .status {
    font-size: var(--_font-size-small);
    padding-inline: var(--_space-2);
    border: 1px solid currentColor;
    border-radius: 999px;
  }

  .status.success {
    color: var(--_success);
  }

  .status.warning {
    color: var(--_warning);
  }

  .status.danger {
    color: var(--_danger);
  }

  .status.info,
  .status.neutral {
    color: var(--_text-muted);
  }

  .summary {
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  .summary.clamp {
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }

  .fields {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_space-1) var(--_space-3);
    margin: 0;
  }

  dd {
    margin: 0;
  }

  .by {
    margin: 0;
  }

  .toggle {
    justify-self: start;
    border: none;
    padding-inline: 0;
    background: none;
    color: var(--_accent);
  }

  .composer {
    display: grid;
    gap: var(--_space-2);
    padding-block-end: var(--_space-3);
    border-block-end: 1px solid var(--_border);
  }

  .composer-row {
    display: grid;
    gap: var(--_space-1);
  }

  .composer-row label {
    font-size: var(--_font-size-small);
    font-weight: var(--_font-weight-bold);
  }

  .field-error {
    margin: 0;
    color: var(--_danger);
    font-size: var(--_font-size-small);
  }

  .empty {
    margin: 0;
    color: var(--_text-muted);
  }
`;
