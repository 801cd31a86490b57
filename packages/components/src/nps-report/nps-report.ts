import { CrmFeedController } from '../shared/crm-feed-controller.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';
import { CrmUnsupportedError, isSegmentRule, type Crm, type NpsResponse, type Where } from '@crmkit/core';
import { nps, npsBy, npsTrend, type NpsResult } from '@crmkit/analytics';
import { CrmElement } from '../shared/crm-element.js';
import { CrmErrorEvent } from '../shared/events.js';
import { renderEmpty, renderError, renderLoading, stateStyles } from '../shared/states.js';
import { controls, tokens } from '../shared/tokens.styles.js';
import { npsCategoryColors } from '../nps-widget/nps-categories.styles.js';
import { distributionBar, groupBar, trendChart } from './charts.js';
import { npsReportStyles } from './nps-report.styles.js';
import {
  NPS_REPORT_GROUPINGS,
  NPS_REPORT_PERIODS,
  type NpsReportData,
  type NpsReportFigures,
  type NpsReportGroup,
  type NpsReportGrouping,
  type NpsReportPeriod,
  type SegmentMembers,
} from './nps-report.types.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MEMBERS_PAGE = 1000;

/** `YYYY-MM-DD` as the first instant of that UTC day, or undefined when it is not such a date. */
function dayStart(day: string, offsetDays = 0): string | undefined {
  if (!DAY.test(day)) return undefined;
  const ms = Date.parse(`${day}T00:00:00.000Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms + offsetDays * 86_400_000).toISOString();
}

async function segmentMembers(crm: Crm, ids: readonly string[] | undefined): Promise<SegmentMembers[] | 'unsupported'> {
  if (!crm.host.active(crm.host.contributions.segmentServices).length) return 'unsupported';
  const saved = (await crm.segments.all()).filter((segment) => !ids || ids.includes(segment.id));
  const out: SegmentMembers[] = [];
  for (const segment of saved) {
    if (!isSegmentRule(segment.rule)) continue;
    const members = new Set<string>();
    let cursor: string | undefined;
    try {
      do {
        const page = await crm.segments.members(segment.rule, { limit: MEMBERS_PAGE, cursor });
        for (const customer of page.items) members.add(customer.id);
        cursor = page.nextCursor;
      } while (cursor);
    } catch (error) {
      if (error instanceof CrmUnsupportedError) return 'unsupported';
      throw error;
    }
    out.push({ id: segment.id, name: segment.name, members });
  }
  return out;
}

/**
 * The Net Promoter Score of the answers in the crm: the score with its 95 % confidence interval, promoters,
 * passives and detractors as a bar, the trend per week, month, quarter or year, and a breakdown by touchpoint or
 * by saved segment. A small sample is said to be one, with what it means; every chart has its figures beside it
 * as text or a table. The charts are plain SVG. It follows new answers live.
 *
 * @summary NPS report: score with its interval, distribution, trend and breakdown.
 *
 * @csspart base - The report's frame.
 * @csspart title - The report's heading.
 * @csspart score - The score, its interval and the number of answers.
 * @csspart small-sample - The notice that there are few answers.
 * @csspart distribution - The promoters, passives and detractors section.
 * @csspart distribution-bar - The distribution's bar.
 * @csspart legend - The distribution's figures.
 * @csspart controls - The period and grouping choices.
 * @csspart trend - The trend section.
 * @csspart trend-chart - The trend's chart.
 * @csspart data-table - The disclosure with the trend's table.
 * @csspart breakdown - The breakdown section and its table.
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 *
 * @cssprop --crm-nps-report-padding - Space inside the report.
 * @cssprop --crm-nps-report-background - The report's background.
 * @cssprop --crm-nps-report-border-color - The report's border colour.
 * @cssprop --crm-nps-report-line-color - The trend line's colour.
 * @cssprop --crm-nps-detractor-color - Detractors in the bar.
 * @cssprop --crm-nps-passive-color - Passives in the bar.
 * @cssprop --crm-nps-promoter-color - Promoters in the bar.
 *
 * @fires {CrmErrorEvent} crm-error - Loading failed.
 */
@customElement('crm-nps-report')
export class CrmNpsReport extends CrmElement {
  static override styles = [tokens, controls, stateStyles, npsCategoryColors, npsReportStyles];

  /** Only the answers given at this touchpoint; all when empty. */
  @property() touchpoint = '';

  /** The first day (`YYYY-MM-DD`, UTC) of answers to count; from the first answer when empty. */
  @property() from = '';

  /** The last day (`YYYY-MM-DD`, UTC) of answers to count; up to the last answer when empty. */
  @property() to = '';

  /**
   * The trend's period: `week`, `month`, `quarter` or `year`.
   * @type {'week' | 'month' | 'quarter' | 'year'}
   */
  @property({ reflect: true }) period: NpsReportPeriod = 'month';

  /**
   * What the breakdown groups by: `touchpoint` or `segment` (saved segments; needs the segment engine).
   * @type {'touchpoint' | 'segment'}
   */
  @property({ attribute: 'group-by', reflect: true }) groupBy: NpsReportGrouping = 'touchpoint';

  /** The saved segments to break down by (ids); all saved segments when unset. */
  @property({ attribute: false }) segmentIds: readonly string[] | undefined;

  /** Below this many answers a score (overall, per period, per group) is flagged as a small sample. */
  @property({ attribute: 'min-sample', type: Number }) minSample = 30;

  /** The level of the report's title among the page's headings (1–6); its sections are one level below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private generation = 0;

  private readonly feed = new CrmFeedController(
    this,
    () => this.kit,
    (crm) => this.follow(crm),
  );
  private figuresCache: { key: unknown[]; figures: NpsReportFigures } | undefined;

  private readonly loader = new Task(this, {
    task: async ([crm, touchpoint, from, to, groupBy, segmentIds]) => {
      if (!crm) return initialState;
      const where: Record<string, Where[string]> = {};
      if (touchpoint.trim()) where.touchpoint = touchpoint.trim();
      const since = dayStart(from);
      const until = dayStart(to, 1);
      if (since || until) where.at = { ...(since ? { gte: since } : {}), ...(until ? { lt: until } : {}) };
      const responses = await crm.npsResponses.all(where);
      const data: NpsReportData = { responses };
      if (groupBy === 'segment') data.segments = await segmentMembers(crm, segmentIds);
      return data;
    },
    args: () =>
      [this.kit, this.touchpoint, this.from, this.to, this.grouping, this.segmentIds, this.generation] as const,
  });

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
  }

  protected override firstUpdated(): void {
    void this.loader.taskComplete.catch((error: unknown) => this.dispatchEvent(new CrmErrorEvent(error)));
  }

  private get grouping(): NpsReportGrouping {
    return NPS_REPORT_GROUPINGS.includes(this.groupBy) ? this.groupBy : 'touchpoint';
  }

  private get trendPeriod(): NpsReportPeriod {
    return NPS_REPORT_PERIODS.includes(this.period) ? this.period : 'month';
  }

  private get threshold(): number {
    return Number.isFinite(this.minSample) && this.minSample > 0 ? this.minSample : 30;
  }

  /** New answers (and changed segments) from this tab or another: load again, keeping the figures on screen meanwhile. */
  private follow(crm: Crm): () => void {
    return crm.subscribe('*', (changes) => {
      const relevant = changes.some(
        (change) =>
          change.collection === 'npsResponses' || (change.collection === 'segments' && this.grouping === 'segment'),
      );
      if (relevant) this.generation++;
    });
  }

  private retry = (): void => {
    this.generation++;
    void this.loader.taskComplete.catch((error: unknown) => this.dispatchEvent(new CrmErrorEvent(error)));
  };

  private figures(data: NpsReportData): NpsReportFigures {
    const key = [data, this.trendPeriod];
    if (this.figuresCache?.key.every((part, i) => part === key[i])) return this.figuresCache.figures;
    const { responses } = data;
    let groups: NpsReportGroup[];
    if (Array.isArray(data.segments)) {
      groups = data.segments.map((segment) => ({
        group: segment.name,
        ...nps(responses.filter((response) => segment.members.has(response.customerId)).map((r) => r.score)),
      }));
    } else {
      groups = npsBy(responses, (response: NpsResponse) => response.touchpoint);
    }
    groups.sort((a, b) => b.total - a.total || a.group.localeCompare(b.group));
    const figures: NpsReportFigures = {
      overall: nps(responses.map((response) => response.score)),
      trend: npsTrend(responses, this.trendPeriod),
      groups,
    };
    this.figuresCache = { key, figures };
    return figures;
  }

  // ——— rendering ———

  private heading(id: string, text: string, level: number, className: string): TemplateResult {
    const clamped = Math.min(6, Math.max(1, Math.round(level) || 2));
    return html`<div id=${id} class=${className} role="heading" aria-level=${clamped}>${text}</div>`;
  }

  private frame(content: unknown): TemplateResult {
    return html`<section part="base" class="report" aria-labelledby="title">
      <div part="title">${this.heading('title', this.i18n.t('npsReport.title'), this.headingLevel, 'title')}</div>
      ${content}
    </section>`;
  }

  override render(): TemplateResult {
    const loading = () => this.frame(renderLoading(this.i18n.t('common.loading')));
    const last = this.loader.value;
    return (
      this.loader.render({
        initial: loading,
        pending: () => (last ? this.renderReport(last) : loading()),
        complete: (data) => this.renderReport(data),
        error: () => this.frame(renderError(this.i18n.t('common.error'), this.i18n.t('common.retry'), this.retry)),
      }) ?? loading()
    );
  }

  /** A score as people read it: whole points, signed (+32, −8, 0). */
  private signed(score: number): string {
    return this.i18n.number(Math.round(score) || 0, { signDisplay: 'exceptZero' });
  }

  private answers(count: number): string {
    const form = new Intl.PluralRules(this.i18n.lang).select(count) === 'one' ? 'one' : 'other';
    return this.i18n.t(`npsReport.answers.${form}`, { count: this.i18n.number(count) });
  }

  private range(result: NpsResult): string {
    const interval = result.confidenceInterval;
    return interval
      ? this.i18n.t('npsReport.range', { low: this.signed(interval.low), high: this.signed(interval.high) })
      : '–';
  }

  private renderReport(data: NpsReportData): TemplateResult {
    if (!data.responses.length) return this.frame(renderEmpty(this.i18n.t('npsReport.empty')));
    const figures = this.figures(data);
    const { overall } = figures;
    return this.frame(
      html`${this.renderScore(overall)} ${this.renderDistribution(overall)}
        <div part="controls" class="controls">${this.renderControls(data)}</div>
        ${this.renderTrend(figures)} ${this.renderBreakdown(figures, data)}`,
    );
  }

  private renderScore(overall: NpsResult): TemplateResult {
    const interval = overall.confidenceInterval;
    const small = overall.total < this.threshold;
    return html`<div part="score" class="headline">
        <p class="score">
          ${this.signed(overall.score ?? 0)}<span class="unit">${this.i18n.t('npsReport.scoreLabel')}</span>
        </p>
        <p>
          ${
            interval
              ? this.i18n.t('npsReport.interval', { low: this.signed(interval.low), high: this.signed(interval.high) })
              : this.i18n.t('npsReport.noInterval')
          }
        </p>
        <p>${this.answers(overall.total)}</p>
      </div>
      ${
        small
          ? html`<p part="small-sample" class="notice" role="note">
              ${this.i18n.t('npsReport.small', {
                count: this.answers(overall.total),
                min: this.i18n.number(this.threshold),
              })}
            </p>`
          : nothing
      }`;
  }

  private renderDistribution(overall: NpsResult): TemplateResult {
    const total = overall.total || 1;
    const share = (count: number) => this.i18n.percent(count / total);
    const items = [
      ['detractor', 'npsReport.detractors', overall.detractors],
      ['passive', 'npsReport.passives', overall.passives],
      ['promoter', 'npsReport.promoters', overall.promoters],
    ] as const;
    const summary = this.i18n.t('npsReport.distributionSummary', {
      promoters: share(overall.promoters),
      passives: share(overall.passives),
      detractors: share(overall.detractors),
    });
    return html`<section part="distribution" aria-labelledby="distribution-title">
      ${this.heading('distribution-title', this.i18n.t('npsReport.distribution'), this.headingLevel + 1, 'section-title')}
      ${distributionBar(overall, summary)}
      <ul part="legend" class="legend">
        ${items.map(
          ([category, key, count]) =>
            html`<li data-category=${category}>
              <span class="swatch ${category}" aria-hidden="true"></span>${this.i18n.t('npsReport.legendItem', {
                category: this.i18n.t(key),
                share: share(count),
                count: this.answers(count),
              })}
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderControls(data: NpsReportData): TemplateResult {
    const segmentsPossible = data.segments !== 'unsupported';
    return html`<label>
        ${this.i18n.t('npsReport.trendBy')}
        <select
          id="period"
          @change=${(event: Event) => this.choose('period', (event.target as HTMLSelectElement).value)}
        >
          ${NPS_REPORT_PERIODS.map(
            (period) =>
              html`<option value=${period} ?selected=${period === this.trendPeriod}>
                ${this.i18n.t(`npsReport.period.${period}`)}
              </option>`,
          )}
        </select>
      </label>
      <label>
        ${this.i18n.t('npsReport.breakdownBy')}
        <select
          id="group-by"
          @change=${(event: Event) => this.choose('groupBy', (event.target as HTMLSelectElement).value)}
        >
          ${NPS_REPORT_GROUPINGS.filter((grouping) => grouping === 'touchpoint' || segmentsPossible).map(
            (grouping) =>
              html`<option value=${grouping} ?selected=${grouping === this.grouping}>
                ${this.i18n.t(`npsReport.by.${grouping}`)}
              </option>`,
          )}
        </select>
      </label>`;
  }

  private choose(what: 'period' | 'groupBy', value: string): void {
    if (what === 'period' && (NPS_REPORT_PERIODS as readonly string[]).includes(value))
      this.period = value as NpsReportPeriod;
    if (what === 'groupBy' && (NPS_REPORT_GROUPINGS as readonly string[]).includes(value))
      this.groupBy = value as NpsReportGrouping;
  }

  private periodLabel(period: string): string {
    if (this.trendPeriod === 'month' && /^\d{4}-\d{2}$/.test(period))
      return this.i18n.date(`${period}-01T00:00:00Z`, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return period;
  }

  private renderTrend({ trend }: NpsReportFigures): TemplateResult {
    const answered = trend.filter((point) => point.score !== null);
    const first = answered[0];
    const last = answered.at(-1);
    const summary =
      trend.length === 1 && first
        ? this.i18n.t('npsReport.trendOne', {
            period: this.periodLabel(first.period),
            score: this.signed(first.score!),
          })
        : this.i18n.t('npsReport.trendSummary', {
            from: this.periodLabel(trend[0]?.period ?? ''),
            to: this.periodLabel(trend.at(-1)?.period ?? ''),
            first: first ? this.signed(first.score!) : '–',
            last: last ? this.signed(last.score!) : '–',
          });
    return html`<section part="trend" aria-labelledby="trend-title">
      ${this.heading('trend-title', this.i18n.t('npsReport.trend'), this.headingLevel + 1, 'section-title')}
      ${trendChart(trend, {
        label: summary,
        format: (score) => this.signed(score),
        periodLabel: (period) => this.periodLabel(period),
        minSample: this.threshold,
      })}
      <p class="muted">${summary} ${this.i18n.t('npsReport.hollow', { min: this.i18n.number(this.threshold) })}</p>
      <details part="data-table">
        <summary>${this.i18n.t('npsReport.showTable')}</summary>
        <table>
          <caption class="visually-hidden">
            ${this.i18n.t('npsReport.trend')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${this.i18n.t('npsReport.period')}</th>
              <th scope="col" class="number">${this.i18n.t('npsReport.scoreLabel')}</th>
              <th scope="col">${this.i18n.t('npsReport.intervalShort')}</th>
              <th scope="col" class="number">${this.i18n.t('npsReport.answers')}</th>
            </tr>
          </thead>
          <tbody>
            ${trend.map(
              (point) =>
                html`<tr data-period=${point.period}>
                  <th scope="row">${this.periodLabel(point.period)}</th>
                  <td class="number">
                    ${point.score === null ? this.i18n.t('npsReport.noAnswers') : this.signed(point.score)}
                  </td>
                  <td>${this.range(point)}</td>
                  <td class="number">${this.i18n.number(point.total)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </details>
    </section>`;
  }

  private renderBreakdown({ groups }: NpsReportFigures, data: NpsReportData): TemplateResult {
    const byLabel = this.i18n.t(`npsReport.by.${this.grouping}`);
    let body: TemplateResult;
    if (data.segments === 'unsupported') body = html`<p class="muted">${this.i18n.t('npsReport.noSegmentEngine')}</p>`;
    else if (!groups.length) body = html`<p class="muted">${this.i18n.t('npsReport.noSegments')}</p>`;
    else
      body = html`<table>
        <caption class="visually-hidden">
          ${this.i18n.t('npsReport.breakdown')}: ${byLabel}
        </caption>
        <thead>
          <tr>
            <th scope="col">${byLabel}</th>
            <th scope="col">${this.i18n.t('npsReport.scoreLabel')}</th>
            <th scope="col">${this.i18n.t('npsReport.intervalShort')}</th>
            <th scope="col" class="number">${this.i18n.t('npsReport.answers')}</th>
          </tr>
        </thead>
        <tbody>
          ${groups.map(
            (group) =>
              html`<tr>
                <th scope="row">${group.group}</th>
                <td>
                  <div class="nps-cell">
                    <span class="value">${group.score === null ? '–' : this.signed(group.score)}</span
                    >${groupBar(group)}
                  </div>
                </td>
                <td>${this.range(group)}</td>
                <td class="number">
                  ${this.i18n.number(group.total)}${
                    group.total < this.threshold
                      ? html`<span class="tag">${this.i18n.t('npsReport.smallGroup')}</span>`
                      : nothing
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>`;
    return html`<section part="breakdown" aria-labelledby="breakdown-title">
      ${this.heading('breakdown-title', `${this.i18n.t('npsReport.breakdown')}: ${byLabel}`, this.headingLevel + 1, 'section-title')}
      ${body}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-nps-report': CrmNpsReport;
  }
}
