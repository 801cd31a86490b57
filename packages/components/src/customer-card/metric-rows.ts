/**
 * Which metrics the card shows and how each value reads. A metric is shown only when it has a value: the
 * analytics plugin may be absent, and then the card shows what the customer record itself knows.
 */
import type { Crm, Customer, LocalizedText, MetricExplanation, MetricResult } from '@crmkit/core';
import type { LocaleController } from '../shared/locale-controller.js';
import { METRIC_ORDER } from './customer-card.types.js';

export interface MetricRow {
  id: string;
  label: string;
  value: string;
  explanation?: MetricExplanation;
}

function rank(id: string): number {
  const index = METRIC_ORDER.indexOf(id);
  return index === -1 ? METRIC_ORDER.length : index;
}

function labelOf(text: LocalizedText, i18n: LocaleController): string {
  return text[i18n.locale] ?? text.en;
}

/** An enum or text value through the catalogue (`vipTier.gold` → "Gold"), else as it is. */
export function enumText(id: string, value: string, i18n: LocaleController): string {
  const key = `${id}.${value}`;
  return i18n.has(key) ? i18n.t(key) : value;
}

export function metricRows(
  crm: Crm,
  customer: Customer,
  metrics: Record<string, MetricResult>,
  i18n: LocaleController,
): MetricRow[] {
  const rows: MetricRow[] = [];
  const currency = customer.lifecycle?.currency ?? 'TRY';
  const definitions = [...crm.metrics.definitions()].sort((a, b) => rank(a.id) - rank(b.id));
  const shown = new Set(definitions.filter((d) => metrics[d.id] !== undefined).map((d) => d.id));

  // What the record knows, where no metric says it better.
  const stage = customer.lifecycle?.stage;
  if (stage && !shown.has('lifecycle'))
    rows.push({ id: 'lifecycle', label: i18n.t('card.lifecycleStage'), value: i18n.t(`lifecycle.${stage}`) });
  const rung = customer.lifecycle?.ladder;
  if (rung && !shown.has('ladder'))
    rows.push({ id: 'ladder', label: i18n.t('card.ladderRung'), value: i18n.t(`ladder.${rung}`) });
  const spent = customer.lifecycle?.totalSpent;
  if (spent !== undefined)
    rows.push({ id: 'totalSpent', label: i18n.t('card.spentSoFar'), value: i18n.money(spent, currency) });

  for (const definition of definitions) {
    const result = metrics[definition.id];
    if (!result) continue;
    const { value } = result;
    let text: string;
    if (typeof value === 'number' && Number.isFinite(value)) {
      if (definition.format === 'currency') text = i18n.money(value, currency);
      else if (definition.format === 'percent') text = i18n.percent(value);
      else text = i18n.number(value, { maximumFractionDigits: 2 });
    } else if (typeof value === 'string') {
      text = enumText(definition.id, value, i18n);
    } else if (typeof value === 'boolean') {
      text = i18n.t(value ? 'common.yes' : 'common.no');
    } else {
      continue; // structured values belong to dedicated views, not to a one-line figure
    }
    rows.push({
      id: definition.id,
      label: labelOf(definition.label, i18n),
      value: text,
      ...(result.explanation ? { explanation: result.explanation } : {}),
    });
  }
  return rows;
}

/** A factor's value as it reads: numbers through Intl, text as it is. */
export function factorText(value: string | number, i18n: LocaleController): string {
  return typeof value === 'number' ? i18n.number(value, { maximumFractionDigits: 2 }) : value;
}

export { labelOf };
