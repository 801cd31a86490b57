/**
 * Net Promoter Score: answers 0–10 to "How likely are you to recommend us?"; promoters answer 9–10,
 * passives 7–8, detractors 0–6, and NPS = % promoters − % detractors, from −100 to 100.
 */
import { IssueCollector } from './validate.js';

export const NPS_CATEGORIES = ['detractor', 'passive', 'promoter'] as const;
export type NpsCategory = (typeof NPS_CATEGORIES)[number];

/** The 11 answers of the scale, 0 to 10. */
export const NPS_SCALE = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type NpsScore = (typeof NPS_SCALE)[number];

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsSummary extends NpsCounts {
  /** All answers counted. */
  responses: number;
  /** Shares in percent (0–100). */
  promoterPercent: number;
  passivePercent: number;
  detractorPercent: number;
  /** % promoters − % detractors; null when there are no responses. Not rounded. */
  nps: number | null;
  /**
   * Standard error of the NPS in points, from the multinomial variance of (promoter − detractor):
   * 100 · √((p + d − (p − d)²) / n). Null below two responses.
   */
  standardError: number | null;
  /** Half-width of the 95 % confidence interval in points (1.96 standard errors), null below two responses. */
  marginOfError: number | null;
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

function tally(counts: NpsCounts, score: number): void {
  if (score >= 9) counts.promoters++;
  else if (score >= 7) counts.passives++;
  else counts.detractors++;
}

/** NPS of a list of answers (integers 0–10). Every answer is checked before anything is counted. */
export function npsSummary(scores: readonly number[]): NpsSummary {
  const issues = new IssueCollector('npsSummary');
  if (!issues.array(scores, [])) issues.throwIfAny();
  const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (let i = 0; i < scores.length && !issues.full; i++) {
    const score = issues.number(scores[i], [i], { min: 0, max: 10, integer: true });
    if (score !== undefined) tally(counts, score);
  }
  issues.throwIfAny();
  return summarize(counts);
}

/** NPS from counts (or from any non-negative weights, e.g. survey percentages). */
export function npsFromCounts(counts: NpsCounts): NpsSummary {
  const issues = new IssueCollector('npsFromCounts');
  if (issues.record(counts, [])) {
    for (const key of ['promoters', 'passives', 'detractors'] as const) issues.number(counts[key], [key], { min: 0 });
  }
  issues.throwIfAny();
  return summarize(counts);
}

function summarize({ promoters, passives, detractors }: NpsCounts): NpsSummary {
  const n = promoters + passives + detractors;
  if (n === 0) {
    return {
      promoters,
      passives,
      detractors,
      responses: 0,
      promoterPercent: 0,
      passivePercent: 0,
      detractorPercent: 0,
      nps: null,
      standardError: null,
      marginOfError: null,
    };
  }
  const p = promoters / n;
  const d = detractors / n;
  const variance = p + d - (p - d) ** 2;
  const standardError = n >= 2 ? 100 * Math.sqrt(Math.max(0, variance) / n) : null;
  return {
    promoters,
    passives,
    detractors,
    responses: n,
    promoterPercent: 100 * p,
    passivePercent: (100 * passives) / n,
    detractorPercent: 100 * d,
    nps: 100 * (p - d),
    standardError,
    marginOfError: standardError === null ? null : 1.96 * standardError,
  };
}

export interface NpsGroup extends NpsSummary {
  /** The group's key, e.g. a touchpoint (`checkout`, `support`) or a period (`2024-03`). */
  key: string;
}

/**
 * NPS per group: per touchpoint, channel, segment or period. Groups come back in the order their first
 * answer appears; sort them as the report needs.
 */
export function npsByGroup<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  scoreOf: (item: T) => number,
): NpsGroup[] {
  const issues = new IssueCollector('npsByGroup');
  if (!issues.array(items, [])) issues.throwIfAny();
  const groups = new Map<string, NpsCounts>();
  items.forEach((item, i) => {
    const score = issues.number(scoreOf(item), [i, 'score'], { min: 0, max: 10, integer: true });
    if (score === undefined) return;
    const key = keyOf(item);
    let counts = groups.get(key);
    if (!counts) groups.set(key, (counts = { promoters: 0, passives: 0, detractors: 0 }));
    tally(counts, score);
  });
  issues.throwIfAny();
  return [...groups].map(([key, counts]) => ({ key, ...summarize(counts) }));
}
