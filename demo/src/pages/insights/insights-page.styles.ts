/**
 * The Insights page's look, on the kit's semantic tokens (`tokens` maps `--crm-color-*` to `--_x` and follows
 * the page's theme), so the charts switch with light and dark like the kit's elements.
 */
import { css } from 'lit';

export const insightsStyles = css`
  :host {
    display: block;
    background: var(--_surface);
  }

  .page {
    display: grid;
    gap: var(--_space-6);
  }

  h1 {
    margin: 0;
    font-size: 1.75rem;
  }

  h2 {
    margin: 0;
    font-size: var(--_font-size-large);
  }

  p {
    margin: 0;
  }

  .intro,
  .note {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }

  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-4);
    min-block-size: 2rem;
  }

  .status progress {
    inline-size: min(20rem, 100%);
  }

  .error {
    color: var(--_danger);
  }

  .grid {
    display: grid;
    gap: var(--_space-6);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
  }

  section {
    display: grid;
    align-content: start;
    gap: var(--_space-3);
    padding: var(--_space-4);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  section.wide {
    grid-column: 1 / -1;
  }

  .headline {
    font-size: var(--_font-size-large);
    font-weight: var(--_font-weight-bold);
  }

  .placeholder {
    color: var(--_text-muted);
  }

  label.view {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    font-size: var(--_font-size-small);
  }

  /* Drawn at their designed size at most (text stays legible), scaled down on narrow screens. */
  svg.chart {
    display: block;
    inline-size: auto;
    block-size: auto;
    max-inline-size: 100%;
    font-family: var(--_font);
  }

  svg text {
    fill: var(--_text);
    font-size: 13px;
  }

  svg .tick,
  svg .axis-label,
  svg .band-label {
    fill: var(--_text-muted);
    font-size: 11px;
  }

  svg .value {
    font-size: 12px;
  }

  svg .track {
    fill: var(--_surface-raised);
  }

  svg .bar {
    fill: var(--_accent);
  }

  svg .bar.muted {
    fill: var(--_text-muted);
  }

  svg .bar.low {
    fill: var(--_success);
  }

  svg .bar.medium {
    fill: var(--_warning);
  }

  svg .bar.high {
    fill: var(--_danger);
  }

  svg .mark {
    stroke: var(--_surface);
    stroke-width: 2;
  }

  svg .dot {
    fill: var(--_surface);
  }

  svg .axis {
    stroke: var(--_border);
  }

  svg .bracket {
    stroke: var(--_text-muted);
    stroke-width: 1.5;
  }

  /* Up to half the accent over the surface: the printed share keeps its contrast in both themes. */
  svg .heat-0 {
    fill: var(--_surface);
    stroke: var(--_border);
  }
  svg .heat-1 {
    fill: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
  }
  svg .heat-2 {
    fill: color-mix(in srgb, var(--_accent) 20%, var(--_surface));
  }
  svg .heat-3 {
    fill: color-mix(in srgb, var(--_accent) 30%, var(--_surface));
  }
  svg .heat-4 {
    fill: color-mix(in srgb, var(--_accent) 40%, var(--_surface));
  }
  svg .heat-5 {
    fill: color-mix(in srgb, var(--_accent) 50%, var(--_surface));
  }
  svg .heat-empty {
    fill: none;
    stroke: var(--_border);
    stroke-dasharray: 3 3;
  }

  svg .cell-text {
    font-size: 11px;
    font-variant-numeric: tabular-nums;
  }

  details summary {
    cursor: pointer;
    color: var(--_accent);
    font-size: var(--_font-size-small);
    inline-size: fit-content;
  }

  .table-wrap {
    overflow-x: auto;
    margin-block-start: var(--_space-2);
  }

  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: var(--_font-size-small);
  }

  caption {
    text-align: start;
    color: var(--_text-muted);
    padding-block-end: var(--_space-1);
  }

  th,
  td {
    padding-block: var(--_space-1);
    padding-inline: var(--_space-2);
    border-block-end: 1px solid var(--_border);
    text-align: start;
  }

  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
`;
