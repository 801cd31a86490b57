/**
 * Net Promoter Score: answers 0–10 to "How likely are you to recommend us?"; promoters answer 9–10,
 * passives 7–8, detractors 0–6, and NPS = % promoters − % detractors, from −100 to 100.
 */
import { IssueCollector, valueAtPath } from './validate.js';
import { PERIODS, periodIndex, periodLabel, readDay, type DateInput, type Period } from './time.js';

export const NPS_CATEGORIES = ['detractor', 'passive', 'promoter'] as const;
export type NpsCategory = (typeof NPS_CATEGORIES)[number];

/** The 11 answers of the scale, 0 to 10. */
export const NPS_SCALE = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsResult extends NpsCounts {
  /** % promoters − % detractors, not rounded (round only for display); null without answers. */
  score: number | null;
  /** All answers counted. */
  total: number;
  /**
   * Standard error of the score in points, from the multinomial variance of promoter − detractor:
   * 100 · √((p + d − (p − d)²) / n). Null below two answers.
   */
  standardError: number | null;
  /** The 95 % confidence interval of the score (score ± 1.96 standard errors, kept within −100…100). */
  confidenceInterval: { low: number; high: number; level: 0.95 } | null;
}

/** The category of one answer. Throws a `CrmValidationError` unless it is an integer from 0 to 10. */
export function npsCategory(score: number): NpsCategory {
  const issues = new IssueCollector('npsCategory');
  const value = issues.number(score, ['score'], { min: 0, max: 10, integer: true });
  issues.throwIfAny();
  return categoryOf(value!);
}

function categoryOf(score: number): NpsCategory {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/**
 * NPS of a list of answers (integers 0–10). Every answer is checked before anything is counted: one
 * outside 0–10 or not whole throws a `CrmValidationError` naming its index. No answers is a state, not an
 * error: the score and the interval are null (a report shows "no answers yet").
 */
export function nps(scores: readonly number[]): NpsResult {
  const issues = new IssueCollector('nps');
  if (!issues.array(scores, [])) issues.throwIfAny();
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i];
    // The common case without a call: a whole number on the scale.
    if (typeof score === 'number' && score >= 0 && score <= 10 && Number.isInteger(score)) {
      if (score >= 9) promoters++;
      else if (score >= 7) passives++;
      else detractors++;
    } else {
      issues.number(score, [i], { min: 0, max: 10, integer: true });
      if (issues.full) break;
    }
  }
  issues.throwIfAny();
  return npsFromCounts({ promoters, passives, detractors });
}

/** NPS from counts (or from any non-negative weights, e.g. survey percentages). */
export function npsFromCounts(counts: NpsCounts): NpsResult {
  const issues = new IssueCollector('npsFromCounts');
  if (issues.record(counts, [])) {
    for (const key of ['promoters', 'passives', 'detractors'] as const) issues.number(counts[key], [key], { min: 0 });
  }
  issues.throwIfAny();
  const { promoters, passives, detractors } = counts;
  const n = promoters + passives + detractors;
  if (n === 0) {
    return { score: null, promoters, passives, detractors, total: 0, standardError: null, confidenceInterval: null };
  }
  const p = promoters / n;
  const d = detractors / n;
  const score = 100 * (p - d);
  const standardError = n >= 2 ? 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n) : null;
  return {
    score,
    promoters,
    passives,
    detractors,
    total: n,
    standardError,
    confidenceInterval:
      standardError === null
        ? null
        : {
            low: Math.max(-100, score - 1.96 * standardError),
            high: Math.min(100, score + 1.96 * standardError),
            level: 0.95,
          },
  };
}

/** One answer with its date: the kit's `npsResponses` documents fit. */
export interface NpsResponseLike {
  score: number;
  at: DateInput;
}

export interface NpsTrendPoint extends NpsResult {
  /** The period's label: `2024-03-05`, `2024-W10`, `2024-03`, `2024-Q1` or `2024`. */
  period: string;
}

/**
 * NPS per calendar period (UTC), oldest first, every period from the first answer's to the last answer's
 * included (a period without answers has score null), so a chart's axis has no holes.
 */
export function npsTrend(responses: readonly NpsResponseLike[], period: Period): NpsTrendPoint[] {
  const issues = new IssueCollector('npsTrend');
  if (!issues.array(responses, [])) issues.throwIfAny();
  if (!PERIODS.includes(period)) issues.add(['period'], `expected one of ${PERIODS.join(', ')}`, 'invalid_value');
  const counts = new Map<number, NpsCounts>();
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < responses.length && !issues.full; i++) {
    const response = responses[i];
    if (!issues.record(response, [i])) continue;
    const score = issues.number(response.score, [i, 'score'], { min: 0, max: 10, integer: true });
    const day = readDay(issues, response.at, [i, 'at']);
    if (score === undefined || day === undefined || !PERIODS.includes(period)) continue;
    const index = periodIndex(day, period);
    if (index < first) first = index;
    if (index > last) last = index;
    let entry = counts.get(index);
    if (!entry) counts.set(index, (entry = { promoters: 0, passives: 0, detractors: 0 }));
    tally(entry, score);
  }
  issues.throwIfAny();
  const out: NpsTrendPoint[] = [];
  for (let index = first; index <= last; index++) {
    const entry = counts.get(index) ?? { promoters: 0, passives: 0, detractors: 0 };
    out.push({ period: periodLabel(index, period), ...npsFromCounts(entry) });
  }
  return out;
}

export interface NpsGroup extends NpsResult {
  /** The group's value of the key, e.g. a touchpoint (`checkout`) or a channel. */
  group: string;
}

/**
 * NPS per group: `key` is a property of the responses (`'touchpoint'`, or a dotted path such as
 * `'customer.acquisition.channel'`) or a function. Groups come back in the order of their first answer;
 * a response without a value for the key is grouped under `'unknown'`.
 */
export function npsBy<R extends { score: number }>(
  responses: readonly R[],
  key: (string & keyof R) | (string & {}) | ((response: R) => string | undefined),
): NpsGroup[] {
  const issues = new IssueCollector('npsBy');
  if (!issues.array(responses, [])) issues.throwIfAny();
  if (typeof key !== 'function' && (typeof key !== 'string' || key === ''))
    issues.add(['key'], 'expected a property name or a function', 'invalid_type');
  issues.throwIfAny();
  const keyOf =
    typeof key === 'function'
      ? key
      : (response: R) => {
          const value = valueAtPath(response, key);
          if (value === undefined || value === null) return undefined;
          return typeof value === 'string' ? value : JSON.stringify(value);
        };
  const groups = new Map<string, NpsCounts>();
  for (let i = 0; i < responses.length && !issues.full; i++) {
    const response = responses[i];
    if (!issues.record(response, [i])) continue;
    const score = issues.number(response.score, [i, 'score'], { min: 0, max: 10, integer: true });
    if (score === undefined) continue;
    const value = keyOf(response);
    const group = value === undefined || value === null || value === '' ? 'unknown' : String(value);
    let counts = groups.get(group);
    if (!counts) groups.set(group, (counts = { promoters: 0, passives: 0, detractors: 0 }));
    tally(counts, score);
  }
  issues.throwIfAny();
  return [...groups].map(([group, counts]) => ({ group, ...npsFromCounts(counts) }));
}

function tally(counts: NpsCounts, score: number): void {
  if (score >= 9) counts.promoters++;
  else if (score >= 7) counts.passives++;
  else counts.detractors++;
}
