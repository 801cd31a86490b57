/**
 * The report's charts: plain SVG from Lit templates, drawn from numbers only (no text from data goes into them).
 * Each is `role="img"` with a summary for its label, and the report shows the same figures as text or a table.
 * docs/decisions/0082 says why there is no chart library.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { NpsResult, NpsTrendPoint } from '@crmkit/analytics';

/** Hatching and dots for detractors and passives, so the bar's parts differ by more than colour. */
const patterns = svg`<defs>
  <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <line class="mark" x1="0" y1="0" x2="0" y2="6" />
  </pattern>
  <pattern id="dots" width="6" height="6" patternUnits="userSpaceOnUse">
    <circle class="dot" cx="3" cy="3" r="1.3" />
  </pattern>
</defs>`;

const BAR_WIDTH = 400;
const BAR_HEIGHT = 20;

/** The share of detractors, passives and promoters, left to right, as one bar. */
export function distributionBar(result: NpsResult, label: string): TemplateResult {
  const total = result.total || 1;
  let x = 0;
  const parts = (
    [
      ['detractor', result.detractors, 'url(#hatch)'],
      ['passive', result.passives, 'url(#dots)'],
      ['promoter', result.promoters, ''],
    ] as const
  ).map(([category, count, overlay]) => {
    const width = (count / total) * BAR_WIDTH;
    const start = x;
    x += width;
    if (width <= 0) return nothing;
    return svg`<rect class="seg ${category}" x=${start} y="0" width=${width} height=${BAR_HEIGHT} data-category=${category} />
      ${overlay ? svg`<rect class="overlay" x=${start} y="0" width=${width} height=${BAR_HEIGHT} fill=${overlay} />` : nothing}`;
  });
  return html`<svg
    class="bar"
    part="distribution-bar"
    role="img"
    aria-label=${label}
    viewBox="0 0 ${BAR_WIDTH} ${BAR_HEIGHT}"
    width="100%"
    preserveAspectRatio="none"
  >
    ${patterns}${parts}
  </svg>`;
}

const W = 640;
const H = 220;
const LEFT = 48;
const RIGHT = 16;
const TOP = 12;
const BOTTOM = 30;
const GRID = [100, 50, 0, -50, -100];

export interface TrendChartOptions {
  label: string;
  /** How a score reads on the axis (`+50`, `−100`). */
  format: (score: number) => string;
  /** How a period reads under the axis. */
  periodLabel: (period: string) => string;
  /** Points with fewer answers are drawn hollow. */
  minSample: number;
}

/** NPS per period as a line (broken where a period had no answers), with each point's 95 % interval as a whisker. */
export function trendChart(points: readonly NpsTrendPoint[], options: TrendChartOptions): TemplateResult {
  const plotWidth = W - LEFT - RIGHT;
  const plotHeight = H - TOP - BOTTOM;
  const xAt = (i: number) => LEFT + (points.length === 1 ? plotWidth / 2 : (i * plotWidth) / (points.length - 1));
  const yAt = (score: number) => TOP + ((100 - score) / 200) * plotHeight;
  let path = '';
  let drawing = false;
  points.forEach((point, i) => {
    if (point.score === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${xAt(i).toFixed(1)} ${yAt(point.score).toFixed(1)} `;
    drawing = true;
  });
  // At most about six period labels; the last one always, in place of the regular one just before it.
  const last = points.length - 1;
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));
  const labelled = points.map((_, i) => i % labelEvery === 0);
  labelled[last] = true;
  if (last % labelEvery !== 0 && last - (last % labelEvery) > 0) labelled[last - (last % labelEvery)] = false;
  const anchor = (i: number) => (points.length === 1 ? 'middle' : i === 0 ? 'start' : i === last ? 'end' : 'middle');
  return html`<svg
    class="trend"
    part="trend-chart"
    role="img"
    aria-label=${options.label}
    viewBox="0 0 ${W} ${H}"
    width="100%"
  >
    ${GRID.map(
      (
        value,
      ) => svg`<line class=${value === 0 ? 'axis' : 'grid'} x1=${LEFT} x2=${W - RIGHT} y1=${yAt(value)} y2=${yAt(value)} />
        <text class="tick" x=${LEFT - 8} y=${yAt(value) + 4} text-anchor="end">${options.format(value)}</text>`,
    )}
    ${points.map((point, i) =>
      point.confidenceInterval
        ? svg`<line class="whisker" x1=${xAt(i)} x2=${xAt(i)} y1=${yAt(point.confidenceInterval.high)} y2=${yAt(point.confidenceInterval.low)} />`
        : nothing,
    )}
    <path class="line" d=${path.trim() || 'M0 0'} />
    ${points.map((point, i) =>
      point.score === null
        ? nothing
        : svg`<circle class="point ${point.total < options.minSample ? 'small' : ''}" cx=${xAt(i)} cy=${yAt(point.score)} r="4.5" data-period=${point.period} />`,
    )}
    ${points.map((point, i) =>
      labelled[i]
        ? svg`<text class="tick" x=${xAt(i)} y=${H - 8} text-anchor=${anchor(i)}>${options.periodLabel(point.period)}</text>`
        : nothing,
    )}
  </svg>`;
}

/** A group's score as a bar from the middle (0) towards −100 or +100, with its interval as a line. */
export function groupBar(result: NpsResult): TemplateResult {
  const x = (score: number) => 100 + score;
  const score = result.score ?? 0;
  const interval = result.confidenceInterval;
  return html`<svg class="group-bar" aria-hidden="true" viewBox="0 0 200 14" width="100%" preserveAspectRatio="none">
    <rect class="track" x="0" y="3" width="200" height="8" />
    <rect class=${score < 0 ? 'neg' : 'pos'} x=${Math.min(x(0), x(score))} y="3" width=${Math.abs(score)} height="8" />
    ${interval ? svg`<line class="ci" x1=${x(interval.low)} x2=${x(interval.high)} y1="7" y2="7" />` : nothing}
    <line class="zero" x1="100" x2="100" y1="0" y2="14" />
  </svg>`;
}
