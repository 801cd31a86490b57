import { css } from 'lit';

/** What the builder and its companions share. Public custom properties (`--crm-segment-*`) fall back to the semantic tier. */
export const common = css`
  :host {
    display: block;
    --_sb-padding: var(--crm-segment-padding, var(--_space-4));
    --_sb-background: var(--crm-segment-background, var(--_surface));
    --_sb-border: var(--crm-segment-border-color, var(--_border));
  }
  .frame,
  .builder {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_sb-padding);
    background: var(--_sb-background);
    border: 1px solid var(--_sb-border);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .title {
    font-size: var(--_font-size-large);
    font-weight: var(--_font-weight-bold);
  }
  .subtitle,
  summary {
    font-weight: var(--_font-weight-bold);
  }
  .muted {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  .issue {
    margin: 0;
    color: var(--_danger);
    font-size: var(--_font-size-small);
  }
  .row,
  .head,
  .add,
  .actions,
  .inline {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
  }
  p {
    margin: 0;
  }
`;
