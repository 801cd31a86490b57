import { css } from 'lit';

/**
 * The widget's layout. Public custom properties (`--crm-nps-*`) fall back to the semantic tier. Categories are
 * told apart by colour and by the pattern of each option's lower edge (solid, dashed, double), and the scale
 * leaves a wider gap between categories: never by colour alone.
 */
export const npsWidgetStyles = css`
  :host {
    display: block;
    --_nps-padding: var(--crm-nps-padding, var(--_space-4));
    --_nps-background: var(--crm-nps-background, var(--_surface));
    --_nps-border-color: var(--crm-nps-border-color, var(--_border));
    --_nps-option-size: var(--crm-nps-option-size, 2.5rem);
  }

  .nps {
    display: grid;
    gap: var(--_space-3);
    padding: var(--_nps-padding);
    background: var(--_nps-background);
    border: 1px solid var(--_nps-border-color);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }

  :host([mode='field']) .nps {
    padding: 0;
    border: none;
    background: none;
  }

  .question {
    margin: 0;
    font-weight: var(--_font-weight-bold);
  }

  /* Three groups (0–6, 7–8, 9–10) with a wider gap between them than between options. */
  .scale {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-3);
  }

  .group {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: 1fr;
    gap: var(--_space-1);
    flex: 2 1 0;
    min-inline-size: calc(2 * 2rem);
  }

  .group.detractor {
    flex-grow: 7;
    min-inline-size: calc(7 * 2rem);
  }

  .option {
    justify-content: center;
    min-inline-size: 0;
    min-block-size: var(--_nps-option-size);
    padding: 0;
    font-size: var(--_font-size);
    font-variant-numeric: tabular-nums;
  }

  .option.detractor {
    border-block-end: 4px solid var(--_nps-detractor);
  }

  .option.passive {
    border-block-end: 4px dashed var(--_nps-passive);
  }

  .option.promoter {
    border-block-end: 5px double var(--_nps-promoter);
  }

  .option[aria-checked='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: var(--_font-weight-bold);
    box-shadow: inset 0 0 0 2px var(--_on-accent);
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  .option:disabled {
    border-style: solid;
    opacity: 0.6;
  }

  .ends {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-3);
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }

  .ends span:last-child {
    text-align: end;
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-3);
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }

  .legend li {
    display: flex;
    align-items: center;
    gap: var(--_space-1);
  }

  .swatch {
    display: inline-block;
    inline-size: 1.25rem;
  }

  .swatch.detractor {
    border-block-end: 4px solid var(--_nps-detractor);
  }

  .swatch.passive {
    border-block-end: 4px dashed var(--_nps-passive);
  }

  .swatch.promoter {
    border-block-end: 5px double var(--_nps-promoter);
  }

  .follow-up {
    display: grid;
    gap: var(--_space-1);
  }

  .follow-up label {
    font-weight: var(--_font-weight-bold);
  }

  textarea {
    resize: vertical;
    min-block-size: 4.5rem;
  }

  .hint {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
  }

  .failure {
    margin: 0;
    color: var(--_danger);
    font-size: var(--_font-size-small);
  }

  .done {
    margin: 0;
  }

  .done:focus {
    outline: none;
  }

  .done:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
`;
