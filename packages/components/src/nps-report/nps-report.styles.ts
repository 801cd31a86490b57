import { css } from 'lit';

/**
 * The report's layout and charts. Public custom properties (`--crm-nps-report-*`, and the widget's category
 * colours) fall back to the semantic tier. Categories differ by pattern as well as colour: detractors hatched,
 * passives dotted, promoters solid.
 */
export const npsReportStyles = css`
  :host {
    display: block;
    --_report-padding: var(--crm-nps-report-padding, var(--_space-4));
    --_report-background: var(--crm-nps-report-background, var(--_surface));
    --_report-border-color: var(--crm-nps-report-border-color, var(--_border));
    --_report-line: var(--crm-nps-report-line-color, var(--_accent));
  }

  .report {
    display: grid;
    gap: var(--_space-4);
    padding: var(--_report-padding);
    background: var(--_report-background);
    border: 1px solid var(--_report-border-color);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }

  .title,
  .section-title {
    margin: 0;
    font-weight: var(--_font-weight-bold);
  }

  .title {
    font-size: var(--_font-size-large);
  }

  section {
    display: grid;
    gap: var(--_space-2);
  }

  .headline {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-1) var(--_space-4);
  }

  .score {
    margin: 0;
    font-size: 2.5rem;
    font-weight: var(--_font-weight-bold);
    line-height: 1;
    font-variant-numeric: tabular-nums;
  }

  .score .unit {
    font-size: var(--_font-size);
    color: var(--_text-muted);
    margin-inline-start: var(--_space-1);
  }

  .muted,
  .headline p:not(.score) {
    margin: 0;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }

  .notice {
    margin: 0;
    padding: var(--_space-2);
    border-inline-start: 3px solid var(--_warning);
    background: var(--_surface-raised);
    font-size: var(--_font-size-small);
  }

  .bar {
    display: block;
    block-size: 1.5rem;
    border-radius: calc(var(--_radius) / 2);
    overflow: hidden;
  }

  .seg.detractor {
    fill: var(--_nps-detractor);
  }

  .seg.passive {
    fill: var(--_nps-passive);
  }

  .seg.promoter {
    fill: var(--_nps-promoter);
  }

  .mark {
    stroke: var(--_surface);
    stroke-width: 2;
  }

  .dot {
    fill: var(--_surface);
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-4);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--_font-size-small);
  }

  .legend li {
    display: flex;
    align-items: center;
    gap: var(--_space-1);
  }

  .swatch {
    display: inline-block;
    inline-size: 1rem;
    block-size: 1rem;
    border-radius: 2px;
  }

  .swatch.detractor {
    background: repeating-linear-gradient(45deg, transparent 0 3px, var(--_surface) 3px 5px), var(--_nps-detractor);
  }

  .swatch.passive {
    background:
      radial-gradient(circle, var(--_surface) 1.3px, transparent 1.6px) 0 0 / 6px 6px,
      var(--_nps-passive);
  }

  .swatch.promoter {
    background: var(--_nps-promoter);
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
    align-items: center;
    font-size: var(--_font-size-small);
  }

  .controls label {
    display: flex;
    gap: var(--_space-1);
    align-items: center;
  }

  .trend {
    display: block;
    max-block-size: 16rem;
    direction: ltr;
  }

  .grid {
    stroke: var(--_border);
    stroke-width: 1;
  }

  .axis {
    stroke: var(--_text-muted);
    stroke-width: 1;
  }

  .tick {
    fill: var(--_text-muted);
    font-size: 12px;
    font-family: var(--_font);
  }

  .line {
    fill: none;
    stroke: var(--_report-line);
    stroke-width: 2.5;
    stroke-linejoin: round;
  }

  .whisker,
  .ci {
    stroke: var(--_text-muted);
    stroke-width: 1.5;
  }

  .point {
    fill: var(--_report-line);
    stroke: var(--_report-line);
    stroke-width: 2;
  }

  .point.small {
    fill: var(--_surface);
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-small);
    font-variant-numeric: tabular-nums;
  }

  th,
  td {
    text-align: start;
    padding: var(--_space-1) var(--_space-2);
    border-block-end: 1px solid var(--_border);
    vertical-align: middle;
  }

  td.number,
  th.number {
    text-align: end;
  }

  .nps-cell {
    display: grid;
    grid-template-columns: 3.5rem minmax(4rem, 1fr);
    gap: var(--_space-2);
    align-items: center;
  }

  .nps-cell .value {
    text-align: end;
  }

  .group-bar {
    display: block;
    block-size: 0.875rem;
  }

  .track {
    fill: var(--_surface-raised);
  }

  .pos {
    fill: var(--_nps-promoter);
  }

  .neg {
    fill: var(--_nps-detractor);
  }

  .zero {
    stroke: var(--_text-muted);
    stroke-width: 1;
  }

  .tag {
    display: inline-block;
    margin-inline-start: var(--_space-1);
    padding-inline: var(--_space-1);
    border: 1px dashed var(--_border);
    border-radius: 999px;
    color: var(--_text-muted);
    white-space: nowrap;
  }

  details summary {
    cursor: pointer;
    color: var(--_accent);
    font-size: var(--_font-size-small);
  }

  details table {
    margin-block-start: var(--_space-2);
  }
`;
