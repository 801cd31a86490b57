/**
 * Numbers, money, shares and dates in the page's language (en-GB or tr-TR), TRY amounts. One instance per
 * render, shared by a chart and its table so both show the same strings.
 */
export class InsightsFormat {
  private readonly integer: Intl.NumberFormat;
  private readonly percent0: Intl.NumberFormat;
  private readonly percent1: Intl.NumberFormat;
  private readonly currency: Intl.NumberFormat;
  private readonly compactCurrency: Intl.NumberFormat;
  private readonly day: Intl.DateTimeFormat;

  constructor(readonly tag: string) {
    this.integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
    this.percent0 = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
    this.percent1 = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
    this.currency = new Intl.NumberFormat(tag, { style: 'currency', currency: 'TRY', maximumFractionDigits: 0 });
    this.compactCurrency = new Intl.NumberFormat(tag, {
      style: 'currency',
      currency: 'TRY',
      currencyDisplay: 'narrowSymbol',
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    this.day = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  }

  count(value: number): string {
    return this.integer.format(value);
  }

  /** A share (0–1): whole percent, with one decimal under 10 % so small groups do not read as 0 %. */
  share(value: number): string {
    return (value > 0 && value < 0.1 ? this.percent1 : this.percent0).format(value);
  }

  /** A share of a total, 0 when the total is 0. */
  shareOf(count: number, total: number): string {
    return this.share(total > 0 ? count / total : 0);
  }

  /** A whole percent (axis ticks, heat map cells). */
  percent(value: number): string {
    return this.percent0.format(value);
  }

  money(value: number): string {
    return this.currency.format(value);
  }

  /** Short amounts for an axis (₺5K, ₺5 B). */
  compactMoney(value: number): string {
    return this.compactCurrency.format(value);
  }

  date(iso: string): string {
    return this.day.format(new Date(iso));
  }
}
