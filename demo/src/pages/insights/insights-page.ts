/**
 * `<demo-insights-page>`: the client's customers at a glance — the kit's NPS report, then RFM segments,
 * predicted lifetime value, VIP tiers, churn risk and retention by acquisition channel as charts, each with a
 * one-sentence summary and its figures as a table. The figures are read a page at a time (load-insights.ts),
 * kept per crm while the data stay the same, and drawn in the page's language.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Crm } from '@crmkit/core';
import '@crmkit/components';
import { controls, tokens } from '@crmkit/components';
import { LangController } from '../../app/lang.js';
import { barChart, columnChart, heatMap, type BarDatum, type HeatRowDatum } from './charts.js';
import { CHURN_BANDS, heatLevel, type ChurnBand } from './compute-bins.js';
import type { HeatRow } from './compute-cohorts.js';
import { rfmKey } from './compute-tally.js';
import { InsightsFormat } from './format.js';
import { insightsStyles } from './insights-page.styles.js';
import { loadInsights, type InsightsFigures, type InsightsProgress } from './load-insights.js';
import { insightsMessages, type InsightsMessages } from './messages.js';
import { watchInsights, type InsightsEntry } from './insights-cache.js';

/** Where the churn bands start and end, in tenths (the columns of the churn chart). */
const BAND_COLUMNS: Record<ChurnBand, [number, number]> = { low: [0, 2], medium: [2, 5], high: [5, 10] };
/** The cohort summary compares channels this many quarters after acquisition (or as many as there are). */
const SUMMARY_QUARTERS = 4;
const POOLED = '';

export class DemoInsightsPage extends LitElement {
  static override styles = [tokens, controls, insightsStyles];

  /** The crm whose customers are summed up (set by the shell). */
  @property({ attribute: false }) crm: Crm | undefined;

  @state() private figures: InsightsFigures | undefined;
  @state() private progress: InsightsProgress | undefined;
  @state() private loading = false;
  @state() private failure = '';
  @state() private stale = false;
  /** The heat map's rows: every channel pooled (`''`), or one channel's quarterly cohorts. */
  @state() private cohortView = POOLED;

  private readonly i18n = new LangController(this, insightsMessages);
  private entry: InsightsEntry | undefined;
  private unwatch: (() => void) | undefined;
  private abort: AbortController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.crm) this.attach(this.crm);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detach();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('crm')) {
      this.detach();
      this.figures = undefined;
      this.cohortView = POOLED;
      if (this.crm && this.isConnected) this.attach(this.crm);
    }
  }

  private attach(crm: Crm): void {
    this.entry = watchInsights(crm);
    this.unwatch = this.entry.onStale(() => {
      if (!this.loading) this.stale = true;
    });
    if (this.entry.figures) this.figures = this.entry.figures;
    this.stale = this.entry.stale;
    if (!this.entry.figures || this.entry.stale) void this.load();
  }

  private detach(): void {
    this.unwatch?.();
    this.unwatch = undefined;
    this.abort?.abort(new DOMException('left the page', 'AbortError'));
    this.abort = undefined;
    this.entry = undefined;
  }

  /** Reads the figures afresh; the ones shown stay until the new ones are ready. */
  private async load(): Promise<void> {
    const crm = this.crm;
    const entry = this.entry;
    if (!crm || !entry) return;
    this.abort?.abort(new DOMException('superseded', 'AbortError'));
    const abort = (this.abort = new AbortController());
    this.loading = true;
    this.failure = '';
    this.progress = undefined;
    try {
      const figures = await loadInsights(crm, {
        signal: abort.signal,
        onProgress: (progress) => (this.progress = progress),
      });
      if (abort.signal.aborted) return;
      entry.store(figures);
      this.figures = figures;
      this.stale = false;
      if (this.cohortView !== POOLED && !figures.cohorts.channels.some((row) => row.group === this.cohortView))
        this.cohortView = POOLED;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.failure = error instanceof Error ? error.message : String(error);
    } finally {
      if (this.abort === abort) {
        this.loading = false;
        this.progress = undefined;
        this.abort = undefined;
      }
    }
  }

  protected override render(): TemplateResult {
    const m = this.i18n.m;
    const fmt = new InsightsFormat(this.i18n.tag);
    const figures = this.figures;
    return html`<div class="page" part="base">
      <header>
        <h1>${m.title}</h1>
        <p class="intro">${m.intro}</p>
      </header>
      ${this.renderStatus(m, fmt)}
      <crm-nps-report .crm=${this.crm} period="month" heading-level="2"></crm-nps-report>
      <div class="grid">
        ${this.section('rfm', m.rfmTitle, m.rfmIntro, figures && this.renderRfm(figures, m, fmt))}
        ${this.section('churn', m.churnTitle, m.churnIntro, figures && this.renderChurn(figures, m, fmt))}
        ${this.section('clv', m.clvTitle, m.clvIntro, figures && this.renderClv(figures, m, fmt))}
        ${this.section('vip', m.vipTitle, m.vipIntro, figures && this.renderVip(figures, m, fmt))}
        ${this.section('cohorts', m.cohortsTitle, m.cohortsIntro, figures && this.renderCohorts(figures, m, fmt), true)}
      </div>
    </div>`;
  }

  private renderStatus(m: InsightsMessages, fmt: InsightsFormat): TemplateResult {
    const progress = this.progress;
    let text: string;
    if (this.failure) text = m.failed(this.failure);
    else if (this.loading) {
      text =
        progress?.phase === 'customers'
          ? m.readingCustomers(fmt.count(progress.total))
          : progress?.phase === 'cohorts'
            ? m.computingCohorts
            : progress?.phase === 'models'
              ? m.fitting
              : m.loading;
    } else if (this.figures) {
      text = this.figures.fittedAt
        ? m.ready(fmt.count(this.figures.customers), fmt.date(this.figures.fittedAt))
        : m.readyNoModels(fmt.count(this.figures.customers));
    } else text = '';
    const determinate = progress?.phase === 'customers';
    return html`<div class="status" data-demo="insights-status">
      <p role="status" class=${this.failure ? 'error' : ''}>${text}</p>
      ${
        this.loading
          ? html`<progress
              aria-label=${m.loadingProgress}
              max=${determinate ? Math.max(1, progress.total) : nothing}
              value=${determinate ? progress.done : nothing}
            ></progress>`
          : nothing
      }
      ${this.failure ? html`<button type="button" data-action="retry" @click=${() => void this.load()}>${m.retry}</button>` : nothing}
      ${
        this.stale && !this.loading && !this.failure
          ? html`<p>${m.stale}</p>
              <button type="button" data-action="refresh" @click=${() => void this.load()}>${m.refresh}</button>`
          : nothing
      }
    </div>`;
  }

  private section(
    key: string,
    title: string,
    intro: string,
    body: TemplateResult | undefined,
    wide = false,
  ): TemplateResult {
    return html`<section
      class=${wide ? 'wide' : ''}
      data-demo=${key}
      aria-labelledby="${key}-title"
      aria-busy=${this.loading ? 'true' : 'false'}
    >
      <h2 id="${key}-title">${title}</h2>
      <p class="intro">${intro}</p>
      ${body ?? html`<p class="placeholder">${this.failure ? '' : this.i18n.m.loading}</p>`}
    </section>`;
  }

  /** The table behind a bar chart of customers per group: the group, how many, and their share of all. */
  private renderShareTable(
    key: string,
    caption: string,
    group: string,
    bars: readonly { key: string; label: string; value: string; count: number }[],
    figures: InsightsFigures,
    m: InsightsMessages,
    fmt: InsightsFormat,
  ): TemplateResult {
    return this.renderTable(
      key,
      caption,
      [group, { text: m.customers, number: true }, { text: m.share, number: true }],
      bars.map((bar) => ({
        key: bar.key,
        cells: [
          bar.label,
          { text: bar.value, number: true },
          { text: fmt.shareOf(bar.count, figures.customers), number: true },
        ],
      })),
    );
  }

  private renderTable(
    key: string,
    caption: string,
    head: readonly (string | { text: string; number?: boolean })[],
    rows: readonly { key: string; cells: readonly (string | { text: string; number?: boolean })[] }[],
  ): TemplateResult {
    const cell = (value: string | { text: string; number?: boolean }) =>
      typeof value === 'string' ? { text: value, number: false } : { text: value.text, number: !!value.number };
    return html`<details data-table=${key}>
      <summary>${this.i18n.m.showTable}</summary>
      <div class="table-wrap">
        <table>
          <caption>
            ${caption}
          </caption>
          <thead>
            <tr>
              ${head.map((h) => html`<th scope="col" class=${cell(h).number ? 'number' : ''}>${cell(h).text}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) =>
                html`<tr data-key=${row.key}>
                  ${row.cells.map((value, i) => {
                    const { text, number } = cell(value);
                    return i === 0
                      ? html`<th scope="row">${text}</th>`
                      : html`<td class=${number ? 'number' : ''}>${text}</td>`;
                  })}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>`;
  }

  private renderRfm(figures: InsightsFigures, m: InsightsMessages, fmt: InsightsFormat): TemplateResult {
    const { segments, unscored } = figures.rfm;
    const locale = this.i18n.locale;
    const label = (name: string) => this.crm?.t(`analytics.rfm.${rfmKey(name)}`, undefined, locale) ?? name;
    const bars: BarDatum[] = [
      ...segments.map((bar) => ({
        key: bar.key,
        label: label(bar.key),
        count: bar.count,
        value: fmt.count(bar.count),
      })),
      { key: 'none', label: m.notBought, count: unscored, value: fmt.count(unscored), tone: 'muted' },
    ];
    const largest = segments.reduce<(typeof segments)[number] | undefined>(
      (best, bar) => (bar.count > (best?.count ?? 0) ? bar : best),
      undefined,
    );
    const summary = largest
      ? m.rfmSummary(
          label(largest.key),
          fmt.count(largest.count),
          fmt.shareOf(largest.count, figures.customers),
          fmt.count(unscored),
        )
      : this.noFigures(figures, m);
    return html`<p id="rfm-summary">${summary}</p>
      ${barChart(bars, { labelledBy: 'rfm-summary' })}
      ${this.renderShareTable('rfm', m.rfmCaption, m.rfmSegment, bars, figures, m, fmt)}`;
  }

  private renderClv(figures: InsightsFigures, m: InsightsMessages, fmt: InsightsFormat): TemplateResult {
    const { bins, predicted, unpredicted, median, total } = figures.clv;
    if (!bins.length || median === undefined)
      return html`<p id="clv-summary">${this.noFigures(figures, m)}</p>
        <p class="note">${m.clvUnpredicted(fmt.count(unpredicted))}</p>`;
    const open = bins.at(-1)!.to === null;
    // Every edge but the open bin's right one; every other edge when there are many, always the last labelled one.
    const labelled = [...bins.map((bin) => bin.from), ...(open ? [] : [bins.at(-1)!.to!])];
    const every = labelled.length > 7 ? 2 : 1;
    const edges = labelled.map((amount, i) => {
      const last = i === labelled.length - 1;
      if (!last && (i % every !== 0 || (every > 1 && i === labelled.length - 2))) return '';
      return open && last ? m.axisOrMore(fmt.compactMoney(amount)) : fmt.compactMoney(amount);
    });
    if (open) edges.push('');
    const range = (bin: (typeof bins)[number]) =>
      bin.to === null ? m.orMore(fmt.money(bin.from)) : m.between(fmt.money(bin.from), fmt.money(bin.to));
    return html`<p id="clv-summary">${m.clvSummary(fmt.count(predicted), fmt.money(median), fmt.money(total))}</p>
      ${columnChart(
        bins.map((bin) => ({ key: String(bin.from), count: bin.count, value: fmt.count(bin.count) })),
        {
          labelledBy: 'clv-summary',
          edges,
          axisLabel: m.clvAxis,
        },
      )}
      ${unpredicted ? html`<p class="note">${m.clvUnpredicted(fmt.count(unpredicted))}</p>` : nothing}
      ${this.renderTable(
        'clv',
        m.clvCaption,
        [m.clvRange, { text: m.customers, number: true }, { text: m.share, number: true }],
        bins.map((bin) => ({
          key: String(bin.from),
          cells: [
            range(bin),
            { text: fmt.count(bin.count), number: true },
            { text: fmt.shareOf(bin.count, predicted), number: true },
          ],
        })),
      )}`;
  }

  private renderVip(figures: InsightsFigures, m: InsightsMessages, fmt: InsightsFormat): TemplateResult {
    const { tiers, none } = figures.vip;
    const locale = this.i18n.locale;
    const bars: BarDatum[] = [
      ...tiers.map((bar) => ({
        key: bar.key,
        label: this.crm?.t(`vipTier.${bar.key}`, undefined, locale) ?? bar.key,
        count: bar.count,
        value: fmt.count(bar.count),
      })),
      { key: 'none', label: m.vipNone, count: none, value: fmt.count(none), tone: 'muted' },
    ];
    const above = tiers.filter((bar) => bar.key !== 'standard').reduce((sum, bar) => sum + bar.count, 0);
    const standard = tiers.find((bar) => bar.key === 'standard')?.count ?? 0;
    const summary =
      above + standard > 0
        ? m.vipSummary(fmt.count(above), fmt.shareOf(above, figures.customers), fmt.count(standard))
        : m.noData;
    return html`<p id="vip-summary">${summary}</p>
      ${barChart(bars, { labelledBy: 'vip-summary' })}
      ${this.renderShareTable('vip', m.vipCaption, m.vipTier, bars, figures, m, fmt)}`;
  }

  private renderChurn(figures: InsightsFigures, m: InsightsMessages, fmt: InsightsFormat): TemplateResult {
    const churn = figures.churn;
    if (churn.total === 0)
      return html`<p id="churn-summary">${this.noFigures(figures, m)}</p>
        <p class="note">${m.churnUnscored(fmt.count(churn.unscored))}</p>`;
    const bandName = (band: ChurnBand) => m[`band_${band}`];
    const range = (from: number, to: number) =>
      from === 0 ? m.firstTenth(fmt.percent(from), fmt.percent(to)) : m.aboveUpTo(fmt.percent(from), fmt.percent(to));
    return html`<div id="churn-summary">
        <p class="headline" data-demo="churn-above-50">
          ${m.churnHeadline(fmt.count(churn.above50), fmt.shareOf(churn.above50, churn.total), fmt.percent(0.5))}
        </p>
        <p>${m.churnBands(fmt.count(churn.bands.low), fmt.count(churn.bands.medium), fmt.count(churn.bands.high))}</p>
      </div>
      ${columnChart(
        churn.bins.map((bin, i) => ({ key: String(i), count: bin.count, value: fmt.count(bin.count), tone: bin.band })),
        {
          labelledBy: 'churn-summary',
          edges: Array.from({ length: 11 }, (_, i) => fmt.percent(i / 10)),
          bands: CHURN_BANDS.map((band) => ({
            label: bandName(band),
            from: BAND_COLUMNS[band][0],
            to: BAND_COLUMNS[band][1],
            tone: band,
          })),
          axisLabel: m.churnAxis,
        },
      )}
      ${churn.unscored ? html`<p class="note">${m.churnUnscored(fmt.count(churn.unscored))}</p>` : nothing}
      ${this.renderTable(
        'churn',
        m.churnCaption,
        [m.churnRange, m.churnBand, { text: m.customers, number: true }, { text: m.share, number: true }],
        churn.bins.map((bin, i) => ({
          key: String(i),
          cells: [
            range(bin.from, bin.to),
            bandName(bin.band),
            { text: fmt.count(bin.count), number: true },
            { text: fmt.shareOf(bin.count, churn.total), number: true },
          ],
        })),
      )}`;
  }

  /** Why a model chart is empty: the plugin is off, the models did not converge, or nobody bought. */
  private noFigures(figures: InsightsFigures, m: InsightsMessages): string {
    if (figures.analyticsOff) return m.analyticsOff(figures.analyticsOff.reason);
    return figures.buyers ? m.noModel : m.noData;
  }

  private channelName(group: string): string {
    const key = `channel_${group}` as keyof InsightsMessages;
    const known = this.i18n.m[key];
    return typeof known === 'string' ? known : group;
  }

  private quarterName(label: string): string {
    const match = /^(\d{4})-Q([1-4])$/.exec(label);
    return match ? this.i18n.m.quarter(match[1]!, match[2]!) : label;
  }

  private renderCohorts(figures: InsightsFigures, m: InsightsMessages, fmt: InsightsFormat): TemplateResult {
    const matrix = figures.cohorts;
    if (!matrix.channels.length || matrix.columns === 0) return html`<p id="cohorts-summary">${m.noData}</p>`;
    const locale = this.i18n.locale;
    const title = (text: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
    const view = this.cohortView;
    const rows: HeatRow[] = view === POOLED ? matrix.channels : matrix.cohorts.filter((row) => row.group === view);
    const rowLabel = (row: HeatRow) => (row.cohort ? this.quarterName(row.cohort) : title(this.channelName(row.group)));
    const columns = Array.from({ length: matrix.columns }, (_, k) => fmt.count(k));
    const heatRows: HeatRowDatum[] = rows.map((row) => ({
      key: row.cohort ? `${row.group} ${row.cohort}` : row.group,
      label: rowLabel(row),
      cells: row.cells.map((cell, k) =>
        cell
          ? {
              level: heatLevel(cell.rate),
              text: fmt.percent(cell.rate),
              title: m.cohortsCell(
                rowLabel(row),
                fmt.count(k),
                fmt.percent(cell.rate),
                fmt.count(cell.count),
                fmt.count(cell.base),
              ),
            }
          : null,
      ),
    }));
    const caption = view === POOLED ? m.cohortsCaption : m.cohortsCaptionOf(this.channelName(view));
    return html`<p id="cohorts-summary">${this.cohortSummary(figures, m, fmt)}</p>
      <label class="view">
        ${m.cohortsView}
        <select
          data-demo="cohort-view"
          .value=${view}
          @change=${(event: Event) => (this.cohortView = (event.target as HTMLSelectElement).value)}
        >
          <option value=${POOLED} ?selected=${view === POOLED}>${m.cohortsByChannel}</option>
          ${matrix.channels.map(
            (row) =>
              html`<option value=${row.group} ?selected=${view === row.group}>
                ${m.cohortsOfChannel(title(this.channelName(row.group)))}
              </option>`,
          )}
        </select>
      </label>
      ${heatMap(heatRows, { labelledBy: 'cohorts-summary', columns, axisLabel: m.cohortsAfter })}
      <p class="note">${m.cohortsLegend}</p>
      ${matrix.unplaced ? html`<p class="note">${m.cohortsUnplaced(fmt.count(matrix.unplaced))}</p>` : nothing}
      ${this.renderTable(
        'cohorts',
        caption,
        [
          view === POOLED ? m.cohortsChannel : m.cohortsCohort,
          { text: m.customers, number: true },
          ...columns.map((text) => ({ text, number: true })),
        ],
        rows.map((row, i) => ({
          key: heatRows[i]!.key,
          cells: [
            heatRows[i]!.label,
            { text: fmt.count(row.size), number: true },
            ...row.cells.map((cell) => ({ text: cell ? fmt.percent(cell.rate) : m.notYet, number: true })),
          ],
        })),
      )}`;
  }

  /** The channels that keep the most and the fewest customers a year after acquisition (or as late as known). */
  private cohortSummary(figures: InsightsFigures, m: InsightsMessages, fmt: InsightsFormat): string {
    const channels = figures.cohorts.channels;
    const k = Math.min(SUMMARY_QUARTERS, figures.cohorts.columns - 1);
    if (k < 1) return m.cohortsTooShort;
    const known = channels.filter((row) => row.cells[k]);
    if (!known.length) return m.cohortsTooShort;
    const rate = (row: HeatRow) => row.cells[k]!.rate;
    const best = known.reduce((a, b) => (rate(b) > rate(a) ? b : a));
    const worst = known.reduce((a, b) => (rate(b) < rate(a) ? b : a));
    if (known.length === 1 || best === worst)
      return m.cohortsSummaryOne(fmt.count(k), this.channelName(best.group), fmt.percent(rate(best)));
    return m.cohortsSummary(
      fmt.count(k),
      this.channelName(best.group),
      fmt.percent(rate(best)),
      this.channelName(worst.group),
      fmt.percent(rate(worst)),
    );
  }
}

if (!customElements.get('demo-insights-page')) customElements.define('demo-insights-page', DemoInsightsPage);

declare global {
  interface HTMLElementTagNameMap {
    'demo-insights-page': DemoInsightsPage;
  }
}
