/**
 * The Insights charts: plain SVG from Lit templates. Every text in them is a label the page made (a translated
 * name, a formatted number, a channel name as text); colours are classes that the page's stylesheet maps to the
 * kit's tokens. Each chart is `role="img"` named by its one-sentence summary; its table is the full alternative.
 */
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

const W = 640;

export interface BarDatum {
  key: string;
  label: string;
  count: number;
  /** The count as shown beside the bar (and in the table). */
  value: string;
  /** Extra class for the bar (`muted` for the not-yet-scored row). */
  tone?: string;
}

export interface ChartLabel {
  /** Id of the summary sentence that names the chart. */
  labelledBy: string;
}

/** Horizontal bars, one per row, the label before and the count after each bar. */
export function barChart(bars: readonly BarDatum[], options: ChartLabel): TemplateResult {
  const LABEL = 220;
  const ROW = 26;
  const BAR = 16;
  const room = W - LABEL - 64;
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const height = bars.length * ROW + 4;
  return html`<svg
    class="chart bars"
    role="img"
    aria-labelledby=${options.labelledBy}
    viewBox="0 0 ${W} ${height}"
    width=${W}
    height=${height}
  >
    ${bars.map((bar, i) => {
      const y = 2 + i * ROW;
      const width = (bar.count / max) * room;
      return svg`<g class="bar-row" data-key=${bar.key} data-count=${bar.count}>
        <text class="label" x=${LABEL - 8} y=${y + ROW / 2 + 4} text-anchor="end">${bar.label}</text>
        <rect class="track" x=${LABEL} y=${y + (ROW - BAR) / 2} width=${room} height=${BAR} />
        <rect class="bar ${bar.tone ?? ''}" x=${LABEL} y=${y + (ROW - BAR) / 2} width=${Math.max(width, bar.count > 0 ? 1.5 : 0)} height=${BAR} />
        <text class="value" x=${LABEL + width + 6} y=${y + ROW / 2 + 4}>${bar.value}</text>
      </g>`;
    })}
  </svg>`;
}

export interface ColumnDatum {
  key: string;
  count: number;
  value: string;
  /** Band class (`low`, `medium`, `high`) or none. */
  tone?: string;
}

export interface ColumnChartOptions extends ChartLabel {
  /** Labels at the column edges: `columns.length + 1` of them, `''` for none. */
  edges: readonly string[];
  /** Brackets under the axis naming runs of columns (the churn bands). */
  bands?: readonly { label: string; from: number; to: number; tone: string }[];
  axisLabel: string;
}

/** Columns side by side (a histogram), the count above each, edge labels and optional band brackets below. */
export function columnChart(columns: readonly ColumnDatum[], options: ColumnChartOptions): TemplateResult {
  const LEFT = 20;
  const RIGHT = 20;
  const TOP = 20;
  const PLOT = 150;
  const bandsHeight = options.bands ? 26 : 0;
  const height = TOP + PLOT + 20 + bandsHeight + 22;
  const width = (W - LEFT - RIGHT) / Math.max(1, columns.length);
  const max = Math.max(1, ...columns.map((column) => column.count));
  const base = TOP + PLOT;
  const x = (i: number) => LEFT + i * width;
  return html`<svg
    class="chart columns"
    role="img"
    aria-labelledby=${options.labelledBy}
    viewBox="0 0 ${W} ${height}"
    width=${W}
    height=${height}
  >
    ${options.bands ? patterns : nothing}
    ${columns.map((column, i) => {
      const h = (column.count / max) * PLOT;
      const barHeight = Math.max(h, column.count > 0 ? 1.5 : 0);
      return svg`<g class="column" data-key=${column.key} data-count=${column.count}>
        <rect class="bar ${column.tone ?? ''}" x=${x(i) + 2} y=${base - barHeight} width=${width - 4} height=${barHeight} />
        ${column.tone && column.tone !== 'low' ? svg`<rect class="overlay" x=${x(i) + 2} y=${base - barHeight} width=${width - 4} height=${barHeight} fill=${column.tone === 'high' ? 'url(#insights-hatch)' : 'url(#insights-dots)'} />` : nothing}
        <text class="value" x=${x(i) + width / 2} y=${base - barHeight - 5} text-anchor="middle">${column.value}</text>
      </g>`;
    })}
    <line class="axis" x1=${LEFT} x2=${W - RIGHT} y1=${base} y2=${base} />
    ${options.edges.map((label, i) =>
      label
        ? svg`<text class="tick" x=${x(i)} y=${base + 15} text-anchor=${edgeAnchor(i, columns.length)}>${label}</text>`
        : nothing,
    )}
    ${(options.bands ?? []).map(
      (band) => svg`<g class="band ${band.tone}">
        <line class="bracket" x1=${x(band.from) + 3} x2=${x(band.to) - 3} y1=${base + 24} y2=${base + 24} />
        <text class="band-label" x=${(x(band.from) + x(band.to)) / 2} y=${base + 40} text-anchor="middle">${band.label}</text>
      </g>`,
    )}
    <text class="axis-label" x=${W / 2} y=${height - 4} text-anchor="middle">${options.axisLabel}</text>
  </svg>`;
}

function edgeAnchor(i: number, columns: number): 'start' | 'middle' | 'end' {
  return i === 0 ? 'start' : i === columns ? 'end' : 'middle';
}

/** Hatching for high risk and dots for medium, so the bands differ by more than colour. */
const patterns: SVGTemplateResult = svg`<defs>
  <pattern id="insights-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <line class="mark" x1="0" y1="0" x2="0" y2="6" />
  </pattern>
  <pattern id="insights-dots" width="6" height="6" patternUnits="userSpaceOnUse">
    <circle class="dot" cx="3" cy="3" r="1.2" />
  </pattern>
</defs>`;

export interface HeatCellDatum {
  /** 0 … 5, the fill's step. */
  level: number;
  /** The share as printed in the cell. */
  text: string;
  /** The cell's details for a pointer's tooltip. */
  title: string;
}

export interface HeatRowDatum {
  key: string;
  label: string;
  cells: readonly (HeatCellDatum | null)[];
}

export interface HeatMapOptions extends ChartLabel {
  columns: readonly string[];
  axisLabel: string;
}

/** A grid of rows × periods, each cell filled by its step and printed with its share (never colour alone). */
export function heatMap(rows: readonly HeatRowDatum[], options: HeatMapOptions): TemplateResult {
  const LABEL = 150;
  const TOP = 40;
  const ROW = 26;
  const cell = 56;
  const width = LABEL + cell * Math.max(1, options.columns.length) + 8;
  const height = TOP + rows.length * ROW + 4;
  return html`<svg
    class="chart heat"
    role="img"
    aria-labelledby=${options.labelledBy}
    viewBox="0 0 ${width} ${height}"
    width=${width}
    height=${height}
  >
    <text class="axis-label" x=${LABEL} y="14">${options.axisLabel}</text>
    ${options.columns.map(
      (label, k) =>
        svg`<text class="tick" x=${LABEL + k * cell + cell / 2} y=${TOP - 8} text-anchor="middle">${label}</text>`,
    )}
    ${rows.map((row, i) => {
      const y = TOP + i * ROW;
      return svg`<g class="heat-row" data-key=${row.key}>
        <text class="label" x=${LABEL - 8} y=${y + ROW / 2 + 4} text-anchor="end">${row.label}</text>
        ${row.cells.map((datum, k) =>
          datum
            ? svg`<g class="cell" data-column=${k}>
                <title>${datum.title}</title>
                <rect class="heat-${datum.level}" x=${LABEL + k * cell + 1} y=${y + 1} width=${cell - 2} height=${ROW - 2} rx="2" />
                <text class="cell-text" x=${LABEL + k * cell + cell / 2} y=${y + ROW / 2 + 4} text-anchor="middle">${datum.text}</text>
              </g>`
            : svg`<rect class="heat-empty" x=${LABEL + k * cell + 1} y=${y + 1} width=${cell - 2} height=${ROW - 2} rx="2" />`,
        )}
      </g>`;
    })}
  </svg>`;
}
